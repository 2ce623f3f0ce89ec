"""Start-up: commands that only read the archive or index never load the crawl machinery."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys

import pytest

from newsbot.cli import COMMAND_MODULES

CRAWL_ONLY = ("scrapy", "twisted")
# Run a command in a fresh interpreter, then report which crawl-only packages it imported.
PROBE = """
import json, sys
from newsbot.cli import main
code = main(sys.argv[1:])
loaded = sorted({name.split(".")[0] for name in sys.modules} & {"scrapy", "twisted"})
print(json.dumps({"code": code, "loaded": loaded, "analysis": "newsbot.people.extract" in sys.modules}),
      file=sys.__stderr__)
"""


def test_every_command_is_in_the_lazy_map():
    defined = {}
    for module_name in set(COMMAND_MODULES.values()):
        for command in importlib.import_module(f"newsbot.cli.{module_name}").COMMANDS:
            defined[command.name] = module_name
    assert defined == COMMAND_MODULES


@pytest.mark.parametrize("args", [
    ["search", "संजीव आनंद"],
    ["search", "--help"],
    ["show", "http://127.0.0.1:9/x/"],
    ["stats"],
    ["people"],
    ["export", "articles", "--format", "jsonl"],
    ["normalize", "-"],
    ["runs"],
    ["health"],
])
def test_read_only_commands_do_not_import_scrapy_or_twisted(tmp_path, args):
    env = {"NEWSBOT_DATA_DIR": str(tmp_path / "data"), "NEWSBOT_INDEX_DIR": str(tmp_path / "index"),
           "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-c", PROBE, *args], input="ज़िला", capture_output=True,
                          text=True, env=env, timeout=60)
    report = json.loads(done.stderr.strip().splitlines()[-1])
    assert report["loaded"] == []
    # They ran (no archive yet: a one-line failure, exit 1), not died on an import.
    assert report["code"] in (0, 1)


def test_crawl_still_loads_scrapy():
    done = subprocess.run([sys.executable, "-c", PROBE, "crawl", "--help"], capture_output=True,
                          text=True, timeout=60)
    assert json.loads(done.stderr.strip().splitlines()[-1])["loaded"] == ["scrapy", "twisted"]


def test_search_does_not_load_the_people_analysis(tmp_path):
    env = {"NEWSBOT_INDEX_DIR": str(tmp_path / "index"), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-c", PROBE, "search", "कोऑर्डिनेटर"], capture_output=True, text=True,
                          env=env, timeout=60)
    assert json.loads(done.stderr.strip().splitlines()[-1])["analysis"] is False

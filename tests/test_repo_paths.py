"""No absolute path of a development machine in the repository (issue 9, item 10).

Real pages and eval data live in ../shared beside the repository and are found relative to it;
a hard-coded machine path works on one machine only and leaks its layout.
"""

import re
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# Roots a development machine keeps checkouts under; spelt in pieces so this file does not match.
_ROOTS = ("wo" + "rk", "ho" + "me", "Us" + "ers", "ro" + "ot", "mn" + "t", "sr" + "v")
# An absolute path starts a token: not inside a URL or a relative path ("u/workshop").
ABSOLUTE = re.compile(rf"(?<![\w./~-])/(?:{'|'.join(_ROOTS)})/[\w.-]" + r"|\b[A-Z]:\\" + "Us" + r"ers\\")


def tracked_files() -> list[Path]:
    try:
        out = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout: the tracked files are unknown")
    return [REPO / name for name in out.decode().split("\0") if name]


def test_pattern_finds_machine_paths_and_spares_urls():
    assert ABSOLUTE.search('REAL = Path("/' + 'work/shared/fixtures/real")')
    assert ABSOLUTE.search("see /" + "home/asha/newsbot/data")
    assert not ABSOLUTE.search('{"url": "u/workshop"}')
    assert not ABSOLUTE.search("https://example.in/" + "work/news-1.html")
    assert not ABSOLUTE.search("../shared/eval-dev")


def test_no_absolute_development_paths_in_tracked_files():
    found = []
    for path in tracked_files():
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, FileNotFoundError, IsADirectoryError):
            continue  # binary fixtures, or a file deleted in the working tree
        for number, line in enumerate(text.splitlines(), 1):
            if ABSOLUTE.search(line):
                found.append(f"{path.relative_to(REPO)}:{number}: {line.strip()[:100]}")
    assert not found, "absolute machine paths:\n" + "\n".join(found)

"""The Python API for notebooks (`from newsbot import ...`, docs/api.md): lazily loaded, and
the same answers as the CLI and the web app."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import REPO, run_newsbot


def test_import_newsbot_loads_nothing_until_a_name_is_used():
    code = ("import sys, newsbot; before = sorted(m for m in sys.modules if m.startswith('newsbot'));"
            "newsbot.search_articles; print(before, 'newsbot.records' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['newsbot'] True"


def test_unknown_names_are_attribute_errors():
    import newsbot

    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        newsbot.nothing  # noqa: B018


def test_notebook_functions_answer_as_the_cli_does(web_home):
    from newsbot import (
        Filters,
        analyse,
        appointments,
        article,
        list_people,
        open_archive,
        person,
        search_articles,
    )

    hits = search_articles("ज़िलाध्यक्ष", index_dir=web_home / "index", limit=50)
    cli = run_newsbot("search", "ज़िलाध्यक्ष", "--json", "--limit", "50", home=web_home)
    assert cli.returncode == 0, cli.stderr
    assert hits.total == len(cli.stdout.splitlines()) > 0
    with open_archive(web_home / "data") as archive:
        [rubina] = list_people(archive, "rubina khatun")
        assert person(archive, rubina["id"])["articles"] == 2
        assert article(archive, 10**9) is None
        rows = appointments(archive, Filters(party="BJP"), place=None)
        assert rows and {row["party"] for row in rows} == {"BJP"}
        with pytest.raises(Exception, match="readonly|read-only"):
            archive.db.execute("DELETE FROM articles")  # a notebook cannot damage the archive
    shown = run_newsbot("people", "rubina khatun", "--json", home=web_home)
    assert json.loads(shown.stdout)["articles"] == 2
    assert [p.name for p in analyse("भाजपा ज़िलाध्यक्ष रमाकांत ठाकुर ने बैठक ली।").people] == ["रमाकांत ठाकुर"]


def test_open_archive_needs_an_archive(tmp_path):
    from newsbot import open_archive

    with pytest.raises(FileNotFoundError, match="no archive"):
        open_archive(tmp_path)

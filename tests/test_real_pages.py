"""`newsbot extract` on the real pages kept outside the repo (../shared/fixtures/real/).

Skipped when that folder is absent; the pages are never copied into the repository.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from newsbot.cli import main

REAL = Path(__file__).resolve().parent.parent.parent / "shared" / "fixtures" / "real"
pytestmark = pytest.mark.skipif(not (REAL / "SOURCES.tsv").is_file(), reason="no ../shared/fixtures/real")


def pages(kind: str) -> list[tuple[str, str]]:
    if not (REAL / "SOURCES.tsv").is_file():
        return []
    with open(REAL / "SOURCES.tsv", encoding="utf-8") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return [(row["local_path"], row["original_url_if_known"]) for row in rows if row["kind"] == kind]


@pytest.mark.parametrize("path, url", pages("article"))
def test_every_real_article_page_gives_title_and_body(capsys, path, url):
    assert main(["extract", str(REAL / path), "--url", url, "--json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["is_article"], record["reason"]
    assert len(record["title"]) > 10
    assert len(record["text"]) > 300
    assert record["published"] and record["published"].endswith("+05:30")


@pytest.mark.parametrize("path, url", pages("listing"))
def test_real_listing_pages_are_not_articles(capsys, path, url):
    assert main(["extract", str(REAL / path), "--url", url, "--json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert not record["is_article"]

"""The `newsbot` command line: help, usage errors, and the commands that need no crawl."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from newsbot.archive import Archive
from newsbot.cli import COMMAND_MODULES, main
from newsbot.items import Article
from newsbot.search.sync import sync_index

FIXTURES = Path(__file__).parent / "fixtures" / "extract"
IST = timezone(timedelta(hours=5, minutes=30))
EXTRACT_FIELDS = {"url", "canonical_url", "site", "title", "author", "published", "modified",
                  "section", "tags", "text", "language", "is_article"}


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("command", sorted(COMMAND_MODULES))
def test_every_command_has_help(capsys, command):
    code, out, _ = run(capsys, command, "--help")
    assert code == 0
    assert out.startswith(f"Usage: newsbot {command}")
    assert len(out.splitlines()) > 3


@pytest.mark.parametrize("args", [
    ["crawl"],
    ["crawl", "no-such-site"],
    ["crawl", "--url", "ftp://example.in/"],
    ["crawl", "--url", "http://127.0.0.1:9/", "-s", "DOWNLOAD_DELAY"],
    ["crawl", "--url", "http://127.0.0.1:9/", "--max-pages", "0"],
    ["search"],
    ["search", "x", "--limit", "zero"],
    ["no-such-command"],
    ["extract"],
])
def test_bad_usage_exits_2_with_one_line(capsys, args):
    code, out, err = run(capsys, *args)
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert err.startswith("newsbot: error: ")


@pytest.fixture
def home(tmp_path, monkeypatch):
    """An archive and index holding two articles, through the library (no crawl)."""
    monkeypatch.setenv("NEWSBOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("NEWSBOT_INDEX_DIR", str(tmp_path / "index"))
    with Archive.in_dir(tmp_path / "data") as archive:
        for number, (title, text) in enumerate([
            ("ज़िला कांग्रेस की कार्यशाला", "सरायपुर। कार्यशाला में मुख्य अतिथि संजीव आनंद कोऑर्डिनेटर ने कहा कि "
             "हिन्दी भाषी हर गाँव में संगठन मज़बूत होगा।\n\nअभिनव प्रताप सिंह को मंडल कोऑर्डिनेटर नियुक्त किया गया।"),
            ("बेलवा में धान ख़रीद केंद्र खुला", "बेलवा। किसानों की माँग पर २०२६ का पहला धान क्रय केंद्र खुला।"),
        ]):
            archive.upsert_article(Article(
                url=f"http://127.0.0.1:9/news/{number}.html", canonical_url=f"http://127.0.0.1:9/news/{number}.html",
                site="gramin", title=title, text=text, published=datetime(2026, 11, 20 + number, 10, tzinfo=IST),
                is_article=True))
        sync_index(archive, tmp_path / "index")
    return tmp_path


def test_search_json_lines_carry_the_documented_fields(capsys, home):
    code, out, err = run(capsys, "search", "जिला कोआर्डिनेटर", "--json")
    assert code == 0, err
    [record] = [json.loads(line) for line in out.splitlines()]
    assert list(record) == ["query", "url", "title", "site", "published", "score", "snippet"]
    assert record["url"] == "http://127.0.0.1:9/news/0.html"
    assert record["published"] == "2026-11-20T10:00:00+05:30"
    assert "«" in record["snippet"]


def test_search_queries_file_and_site_filter(capsys, home, tmp_path):
    queries = tmp_path / "q.txt"
    queries.write_text("गांव\n\nमांग\nधान\n", encoding="utf-8")
    code, out, _ = run(capsys, "search", "--queries", str(queries), "--json")
    assert code == 0
    found = [(r["query"], r["url"][-6:]) for r in map(json.loads, out.splitlines())]
    assert found == [("गांव", "0.html"), ("मांग", "1.html"), ("धान", "1.html")]
    code, out, _ = run(capsys, "search", "धान", "--site", "khabar", "--json")
    assert (code, out) == (0, "")


def test_search_errors_are_one_line(capsys, home, tmp_path):
    code, _, err = run(capsys, "search", '"अधूरा वाक्यांश')
    assert code == 1 and len(err.splitlines()) == 1 and "quote" in err
    code, _, err = run(capsys, "search", "कुछ", "--index-dir", str(tmp_path / "nowhere"))
    assert code == 1 and len(err.splitlines()) == 1 and "newsbot crawl" in err


def test_stats_json(capsys, home):
    code, out, _ = run(capsys, "stats", "--json")
    assert code == 0
    stats = json.loads(out)
    assert (stats["articles"], stats["index_documents"], stats["sites"]) == (2, 2, {"gramin": 2})
    assert stats["last_crawl"] is None


def test_stats_without_archive_is_a_clear_error(capsys, tmp_path):
    code, _, err = run(capsys, "stats", "--data-dir", str(tmp_path / "empty"))
    assert code == 1 and "no archive" in err and len(err.splitlines()) == 1


def test_extract_json_fields_and_non_articles(capsys, tmp_path):
    binary = tmp_path / "binary.html"
    binary.write_bytes(bytes(range(256)) * 8)
    code, out, err = run(capsys, "extract", str(FIXTURES / "wordpress_article.html"),
                         str(FIXTURES / "listing.html"), str(binary), "--json")
    assert code == 0, err
    article, listing, garbage = map(json.loads, out.splitlines())
    assert EXTRACT_FIELDS <= set(article)
    assert article["is_article"] and article["title"] and "\n\n" in article["text"]
    assert not listing["is_article"] and listing["reason"] == "listing"
    assert not garbage["is_article"] and garbage["reason"]


def test_extract_missing_file_is_reported_not_raised(capsys, tmp_path):
    code, _, err = run(capsys, "extract", str(tmp_path / "missing.html"))
    assert code == 1
    assert "cannot read" in err and "Traceback" not in err


def test_normalize_gives_display_form(capsys, tmp_path, monkeypatch):
    source = tmp_path / "in.txt"
    # ZWSP, a soft hyphen, a precomposed nukta letter and ragged spaces.
    source.write_text("नई\u200b दिल्ली:   \u095bिला\u00ad  अध्यक्ष\n\n\n\nदूसरा  अनुच्छेद", encoding="utf-8")
    code, out, _ = run(capsys, "normalize", str(source))
    assert code == 0
    assert out == "नई दिल्ली: ज\u093cिला अध्यक्ष\n\nदूसरा अनुच्छेद\n"


def test_a_broken_line_in_a_queries_file_does_not_stop_the_batch(capsys, home, tmp_path):
    queries = tmp_path / "q.txt"
    queries.write_text('गांव\n"अधूरा\nधान\n', encoding="utf-8")
    code, out, err = run(capsys, "search", "--queries", str(queries), "--json")
    assert code == 1
    assert [json.loads(line)["query"] for line in out.splitlines()] == ["गांव", "धान"]
    assert len(err.splitlines()) == 1 and '\'"अधूरा\'' in err

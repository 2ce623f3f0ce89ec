"""`newsbot analyze`, `people`, `show`, `reprocess`, and the analysis in `extract --json`."""

from __future__ import annotations

import io
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from newsbot.archive import Archive
from newsbot.cli import main
from newsbot.items import Article

IST = timezone(timedelta(hours=5, minutes=30))
FIXTURES = Path(__file__).parent / "fixtures" / "extract"
TEXT = ("कांग्रेस की कार्यशाला में नई नियुक्तियाँ\n\n"
        "सरायपुर। कार्यशाला में एआईसीसी सोशल मीडिया के प्रदेश कोऑर्डिनेटर संजीव आनंद मुख्य अतिथि रहे।\n\n"
        "इस दौरान अभिनव प्रताप सिंह को मंडल कोऑर्डिनेटर नियुक्त किया गया और 34 विधानसभा कोऑर्डिनेटर भी बनाए गए।")


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_analyze_json_per_file_with_exact_offsets(capsys, tmp_path):
    source = tmp_path / "article.txt"
    source.write_text(TEXT, encoding="utf-8")
    code, out, err = run(capsys, "analyze", "--json", str(source))
    assert code == 0, err
    record = json.loads(out)
    assert list(record) == ["file", "political", "event_types", "parties", "people", "counts"]
    assert (record["file"], record["political"], record["parties"]) == (str(source), True, ["INC"])
    assert record["event_types"] == ["workshop", "appointment"]
    assert record["counts"] == [{"role": "विधानसभा कोऑर्डिनेटर", "count": 34}]
    text = source.read_text(encoding="utf-8")
    people = {person["name"]: person["roles"] for person in record["people"]}
    assert list(people) == ["संजीव आनंद", "अभिनव प्रताप सिंह"]
    [coordinator] = people["संजीव आनंद"]
    assert (coordinator["role"], coordinator["org"], coordinator["appointed"]) == (
        "प्रदेश कोऑर्डिनेटर", "एआईसीसी सोशल मीडिया", False)
    for roles in people.values():
        for role in roles:
            assert text[role["start"]:role["end"]] == role["evidence"]


def test_analyze_reads_stdin_and_reports_unreadable_files(capsys, monkeypatch, tmp_path):
    monkeypatch.setattr("sys.stdin", io.StringIO("भाजपा जिलाध्यक्ष रमेश गुप्ता ने कहा।"))
    code, out, _ = run(capsys, "analyze")
    assert code == 0
    assert out.splitlines()[1] == "रमेश गुप्ता\tजिलाध्यक्ष (भाजपा)"
    code, _, err = run(capsys, "analyze", str(tmp_path / "missing.txt"))
    assert code == 1 and "cannot read" in err and "Traceback" not in err


def test_extract_json_carries_the_analysis(capsys):
    code, out, err = run(capsys, "extract", str(FIXTURES / "wordpress_article.html"),
                         str(FIXTURES / "listing.html"), "--json")
    assert code == 0, err
    article, listing = map(json.loads, out.splitlines())
    assert set(article["analysis"]) == {"political", "event_types", "parties", "people", "counts"}
    assert listing["analysis"] is None


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSBOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("NEWSBOT_INDEX_DIR", str(tmp_path / "index"))
    title, body = TEXT.split("\n\n", 1)
    with Archive.in_dir(tmp_path / "data") as archive:
        for number, (head, text) in enumerate([
            (title, body),
            ("सपा की बैठक", "बेलवा। बैठक में श्री अभिनव प्रताप सिंह को ब्लॉक अध्यक्ष मनोनीत किया गया।"),
        ]):
            archive.upsert_article(Article(
                url=f"http://127.0.0.1:9/news/{number}/", canonical_url=f"http://127.0.0.1:9/news/{number}/",
                site="gramin", title=head, text=text, published=datetime(2026, 11, 20 + number, 10, tzinfo=IST),
                is_article=True))
    return tmp_path


def test_people_lists_the_registry_and_shows_one_person_over_time(capsys, home):
    code, out, err = run(capsys, "people", "--json")
    assert code == 0, err
    listed = {record["name"]: record for record in map(json.loads, out.splitlines())}
    assert set(listed) == {"संजीव आनंद", "अभिनव प्रताप सिंह"}
    assert listed["अभिनव प्रताप सिंह"]["roles"] == ["ब्लॉक अध्यक्ष", "मंडल कोऑर्डिनेटर"]
    code, out, _ = run(capsys, "people", "अभिनव", "--json")
    [person] = map(json.loads, out.splitlines())
    assert [(r["role"], r["date"], r["url"]) for r in person["roles"]] == [
        ("मंडल कोऑर्डिनेटर", "2026-11-20T10:00:00+05:30", "http://127.0.0.1:9/news/0/"),
        ("ब्लॉक अध्यक्ष", "2026-11-21T10:00:00+05:30", "http://127.0.0.1:9/news/1/")]
    code, out, _ = run(capsys, "people", "अभिनव")
    assert out.startswith("अभिनव प्रताप सिंह — 2 mention(s) in 2 article(s)")
    code, _, err = run(capsys, "people", "कोई नहीं")
    assert code == 1 and len(err.splitlines()) == 1


def test_show_an_archived_article_with_its_people(capsys, home):
    code, out, err = run(capsys, "show", "http://127.0.0.1:9/news/0", "--json")
    assert code == 0, err
    record = json.loads(out)
    assert (record["url"], record["parties"], record["published"]) == (
        "http://127.0.0.1:9/news/0/", ["INC"], "2026-11-20T10:00:00+05:30")
    assert [person["name"] for person in record["people"]] == ["संजीव आनंद", "अभिनव प्रताप सिंह"]
    code, out, _ = run(capsys, "show", "http://127.0.0.1:9/news/0/")
    assert "  अभिनव प्रताप सिंह: मंडल कोऑर्डिनेटर [appointed]" in out.splitlines()
    code, _, err = run(capsys, "show", "http://127.0.0.1:9/nowhere/")
    assert code == 1 and "no archived article" in err


def test_reprocess_and_a_missing_archive(capsys, home, tmp_path):
    code, out, err = run(capsys, "reprocess", "--json")
    assert code == 0, err
    assert json.loads(out) == {"articles": 2, "changed": 2, "people": 2, "indexed": 0}
    code, _, err = run(capsys, "people", "--data-dir", str(tmp_path / "nothing"))
    assert code == 1 and "no archive" in err

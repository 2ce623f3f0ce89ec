"""`newsbot export`: appointments, people and articles as CSV (BOM), JSONL and XLSX."""

from __future__ import annotations

import csv
import json
import sqlite3
from datetime import UTC, datetime

import pytest
from conftest import run_newsbot

from newsbot.archive import Archive
from newsbot.cli import main
from newsbot.export import APPOINTMENT_COLUMNS, ARTICLE_COLUMNS, PEOPLE_COLUMNS
from newsbot.items import Article
from newsbot.urls import display_url

BOM = "\ufeff".encode()


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSBOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.chdir(tmp_path)
    stories = [
        ("gramin", 1, "भाजपा की बैठक", "सोनपुर। बैठक में श्रीमती सविता गुप्ता को महिला मोर्चा की मंडल अध्यक्ष बनाया गया। "
                                      "भाजपा जिलाध्यक्ष कैलाश दुबे ने स्वागत किया।"),
        ("khabar", 5, "सपा की प्रेस वार्ता", "बेलवा। सपा के जिला सचिव शाहिद अंसारी ने धान ख़रीद पर सवाल उठाए।"),
        ("khabar", 9, "कांग्रेस का सम्मेलन", "नवगढ़। सम्मेलन में सविता गुप्ता को प्रदेश सचिव मनोनीत किया गया।"),
    ]
    with Archive.in_dir(tmp_path / "data") as archive:
        for site, day, title, text in stories:
            archive.upsert_article(Article(
                url=f"http://127.0.0.1:9/{site}/{day}/", canonical_url=f"http://127.0.0.1:9/{site}/{day}/",
                site=site, title=title, text=text, published=datetime(2026, 10, day, 4, 30, tzinfo=UTC),
                is_article=True))
    return tmp_path


def read_csv(path) -> list[dict]:
    raw = path.read_bytes()
    assert raw.startswith(BOM)
    return list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))


def test_appointments_csv_has_bom_the_columns_and_ist_dates(capsys, home):
    code, _, err = run(capsys, "export", "appointments", "--format", "csv", "-o", "a.csv")
    assert code == 0, err
    assert err.strip() == "4 appointments written to a.csv"
    rows = read_csv(home / "a.csv")
    assert tuple(rows[0]) == APPOINTMENT_COLUMNS
    assert [(r["person"], r["role"], r["party"], r["appointed"]) for r in rows] == [
        ("सविता गुप्ता", "मंडल अध्यक्ष", "BJP", "true"), ("कैलाश दुबे", "जिलाध्यक्ष", "BJP", "false"),
        ("शाहिद अंसारी", "जिला सचिव", "SP", "false"), ("सविता गुप्ता", "प्रदेश सचिव", "INC", "true")]
    assert rows[0]["published"] == "2026-10-01T10:00:00+05:30"
    assert rows[0]["org"] == "महिला मोर्चा" and rows[2]["event_types"] == "press_conference"


@pytest.mark.parametrize("options, people", [
    (["--appointed-only"], ["सविता गुप्ता", "सविता गुप्ता"]),
    (["--site", "gramin"], ["सविता गुप्ता", "कैलाश दुबे"]),
    (["--party", "sp"], ["शाहिद अंसारी"]),
    (["--from", "2026-10-05", "--to", "2026-10-05"], ["शाहिद अंसारी"]),
])
def test_filters(capsys, home, options, people):
    code, out, err = run(capsys, "export", "appointments", "--format", "jsonl", *options)
    assert code == 0, err
    assert [json.loads(line)["person"] for line in out.splitlines()] == people


def test_people_and_articles_exports(capsys, home):
    code, out, _ = run(capsys, "export", "people", "--format", "jsonl")
    records = {r["person"]: r for r in map(json.loads, out.splitlines())}
    assert list(next(iter(records.values()))) == list(PEOPLE_COLUMNS)
    savita = records["सविता गुप्ता"]
    assert (savita["articles"], savita["appointments"], savita["parties"]) == (2, 2, ["BJP", "INC"])
    assert savita["roles"] == ["मंडल अध्यक्ष, महिला मोर्चा", "प्रदेश सचिव"]
    assert (savita["first_date"], savita["last_date"]) == ("2026-10-01T10:00:00+05:30", "2026-10-09T10:00:00+05:30")
    code, out, _ = run(capsys, "export", "articles", "--format", "csv")
    rows = list(csv.DictReader(out.removeprefix("\ufeff").splitlines()))
    assert tuple(rows[0]) == ARTICLE_COLUMNS
    assert [(r["site"], r["parties"], r["people"], r["political"]) for r in rows] == [
        ("gramin", "BJP", "सविता गुप्ता; कैलाश दुबे", "true"), ("khabar", "SP", "शाहिद अंसारी", "true"),
        ("khabar", "INC", "सविता गुप्ता", "true")]


def test_xlsx_has_a_header_row_and_frozen_panes(capsys, home):
    openpyxl = pytest.importorskip("openpyxl")
    code, _, err = run(capsys, "export", "appointments", "--format", "xlsx", "-o", "a.xlsx")
    assert code == 0, err
    sheet = openpyxl.load_workbook(home / "a.xlsx").active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == APPOINTMENT_COLUMNS and sheet.freeze_panes == "A2"
    assert sheet["A1"].font.bold
    assert rows[1][:6] == ("सविता गुप्ता", "मंडल अध्यक्ष", "महिला मोर्चा", "BJP", None, True)


def test_an_existing_file_needs_force(capsys, home):
    (home / "a.csv").write_text("keep me", encoding="utf-8")
    code, out, err = run(capsys, "export", "people", "-o", "a.csv")
    assert (code, out) == (1, "")
    assert err == "newsbot: error: a.csv exists; use --force to overwrite it\n"
    assert (home / "a.csv").read_text(encoding="utf-8") == "keep me"
    code, _, _ = run(capsys, "export", "people", "-o", "a.csv", "--force")
    assert code == 0 and read_csv(home / "a.csv")


def test_usage_errors(capsys, home):
    for args in (["export", "appointments", "--format", "xlsx"], ["export", "nothing"],
                 ["export", "people", "--from", "yesterday"]):
        code, _, err = run(capsys, *args)
        assert code == 2 and len(err.splitlines()) == 1, args


def test_after_crawling_the_demo_sites_every_evidence_is_in_its_article(site_server, tmp_path):
    for site in ("gramin", "khabar"):
        result = run_newsbot("crawl", "--url", site_server.url(site), "-s", "DOWNLOAD_DELAY=0", home=tmp_path)
        assert result.returncode == 0, result.stderr
    result = run_newsbot("export", "appointments", "--format", "csv", "-o", "appointments.csv", home=tmp_path)
    assert result.returncode == 0, result.stderr
    rows = read_csv(tmp_path / "appointments.csv")
    assert tuple(rows[0]) == APPOINTMENT_COLUMNS
    db = sqlite3.connect(tmp_path / "data" / "archive.sqlite3")
    # Exports print URLs readable, as every command does.
    texts = {display_url(url): text for url, text in
             db.execute("SELECT canonical_url, title || char(10) || char(10) || text FROM articles")}
    assert len(rows) > 50 and sum(row["appointed"] == "true" for row in rows) > 20
    for row in rows:
        assert row["evidence"] in texts[row["article_url"]], row

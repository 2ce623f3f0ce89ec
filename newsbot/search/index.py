"""The Whoosh index: schema, opening, writing and deleting article documents.

The index is derived data, rebuilt from the archive (``newsbot reindex``); one document per
canonical URL. Whoosh allows one writer at a time, so every write waits up to
``WRITER_TIMEOUT`` seconds for the lock instead of failing at once.

Each text is indexed three ways (see docs/search.md): stemmed (``title``, ``text``: every
inflection meets), exact (``title_exact``, ``text_exact``: names and phrases, ranked first) and
romanised (``romanised``: Latin-letter queries). The schema is pickled into the index, so an
index made before a field was added is refused with a message to rebuild it.
"""

from collections.abc import Iterable
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from whoosh import index
from whoosh.fields import DATETIME, ID, KEYWORD, TEXT, Schema
from whoosh.index import Index, LockError
from whoosh.writing import CLEAR

from newsbot.items import IST
from newsbot.search.analysis import HindiAnalyzer, RomanisedAnalyzer

__all__ = [
    "SearchError",
    "IndexMissing",
    "IndexOutdated",
    "IST",
    "WRITER_TIMEOUT",
    "make_schema",
    "to_index_datetime",
    "from_index_datetime",
    "open_index",
    "update_documents",
    "delete_documents",
    "document_count",
    "clear",
]

WRITER_TIMEOUT = 30.0


class SearchError(Exception):
    """A search or index failure, with a one-line message fit to show a user."""


class IndexMissing(SearchError):
    """There is no index (or an empty one) where one was expected."""


class IndexOutdated(SearchError):
    """The index was made by an older newsbot whose schema lacks fields this one needs."""


def make_schema() -> Schema:
    """The article schema; pickled into the index when it is created."""
    stemmed, exact, romanised = HindiAnalyzer(), HindiAnalyzer(stem=False), RomanisedAnalyzer()
    return Schema(
        url=ID(unique=True, stored=True),
        title=TEXT(analyzer=stemmed, stored=True),
        title_exact=TEXT(analyzer=exact),
        # chars=True records offsets so hits can be highlighted without re-tokenising.
        text=TEXT(analyzer=stemmed, stored=True, chars=True),
        text_exact=TEXT(analyzer=exact),
        site=ID(stored=True),
        author=TEXT(analyzer=exact, stored=True),
        # People's names, one a line; names are never stemmed.
        person=TEXT(analyzer=exact, stored=True),
        party=KEYWORD(commas=True, stored=True, lowercase=True),
        published=DATETIME(stored=True, sortable=True),
        section=ID(stored=True),
        tags=KEYWORD(commas=True, stored=True, lowercase=True),
        # Latin-letter search: title, text, author and people romanised; names alone too.
        romanised=TEXT(analyzer=romanised),
        person_romanised=TEXT(analyzer=romanised),
        author_romanised=TEXT(analyzer=romanised),
    )


@cache
def _current_fields() -> frozenset[str]:
    return frozenset(make_schema().names())


def open_index(index_dir: Path, create: bool = False) -> Index:
    """Open the index in *index_dir*; with *create*, make the directory and index if absent.

    :raises IndexMissing: when there is no index and *create* is false.
    :raises IndexOutdated: when the index lacks fields of the current schema.
    """
    ix = _open_any(index_dir, create)
    missing = _current_fields() - set(ix.schema.names())
    if missing:
        raise IndexOutdated(
            f"the index at {index_dir} was made by an older newsbot (no {', '.join(sorted(missing))} "
            "field) — rebuild it from the archive with `newsbot reindex`"
        )
    return ix


def _open_any(index_dir: Path, create: bool = False) -> Index:
    """Open (or with *create* make) the index, whatever schema it was made with."""
    index_dir = Path(index_dir)
    if index_dir.is_dir() and index.exists_in(index_dir):
        return index.open_dir(index_dir)
    if not create:
        raise IndexMissing(f"no index at {index_dir} — run `newsbot crawl` first")
    index_dir.mkdir(parents=True, exist_ok=True)
    return index.create_in(index_dir, make_schema())


def to_index_datetime(value: datetime | None) -> datetime | None:
    """Whoosh stores naive datetimes only: keep UTC. A naive input is taken as IST."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=IST)
    return value.astimezone(UTC).replace(tzinfo=None)


def from_index_datetime(value: datetime | None) -> datetime | None:
    """The stored naive UTC datetime as an aware +05:30 one."""
    if value is None:
        return None
    return value.replace(tzinfo=UTC).astimezone(IST)


def _keywords(values) -> str:
    # Commas separate keywords, so one inside a value would split it.
    return ",".join(value.replace(",", " ").strip() for value in values or ())


def _fields(doc: dict) -> dict:
    title, text, author = doc.get("title") or "", doc.get("text") or "", doc.get("author") or ""
    people = "\n".join(doc.get("people") or ())
    fields = {
        "url": doc["url"],
        "title": title,
        "title_exact": title,
        "text": text,
        "text_exact": text,
        "site": doc.get("site"),
        "author": author,
        "person": people,
        "party": _keywords(doc.get("parties")),
        "published": to_index_datetime(doc.get("published")),
        "section": doc.get("section"),
        "tags": _keywords(doc.get("tags")),
        "romanised": "\n".join((title, text, author, people)),
        "person_romanised": people,
        "author_romanised": author,
    }
    # Whoosh cannot index None; an absent field is simply not stored.
    return {name: value for name, value in fields.items() if value not in (None, "")}


def _writer(ix: Index, index_dir: Path):
    try:
        return ix.writer(timeout=WRITER_TIMEOUT)
    except LockError:
        raise SearchError(
            f"index at {index_dir} is busy: another writer held it for {WRITER_TIMEOUT:.0f} s"
        ) from None


def update_documents(index_dir: Path, docs: Iterable[dict]) -> int:
    """Add or replace (keyed by ``url``) each document; create the index if needed.

    Keys: url, title, text, site, author, published (aware datetime or None), section,
    tags, people and parties (lists of str; people are names, parties short codes such as
    INC, BJP). Only url is required. Returns how many documents were written. All or nothing: a failure
    part-way leaves the index as it was.
    """
    ix = open_index(index_dir, create=True)
    writer = _writer(ix, index_dir)
    count = 0
    try:
        for doc in docs:
            writer.update_document(**_fields(doc))
            count += 1
    except BaseException:
        writer.cancel()
        raise
    writer.commit()
    return count


def delete_documents(index_dir: Path, urls: Iterable[str]) -> int:
    """Delete the documents with these URLs; return how many were deleted."""
    ix = open_index(index_dir)
    writer = _writer(ix, index_dir)
    try:
        deleted = sum(writer.delete_by_term("url", url) for url in urls)
    except BaseException:
        writer.cancel()
        raise
    writer.commit()
    return deleted


def document_count(index_dir: Path) -> int:
    """Number of documents in the index (an outdated one too); 0 when there is none."""
    try:
        ix = _open_any(index_dir)
    except IndexMissing:
        return 0
    return ix.doc_count()


def clear(index_dir: Path) -> None:
    """Remove every document; an outdated index is made anew with the current schema.

    This is the first step of a rebuild from the archive (``newsbot reindex``).
    """
    try:
        ix = _open_any(index_dir)
    except IndexMissing:
        return
    _writer(ix, index_dir).commit(mergetype=CLEAR)
    if _current_fields() - set(ix.schema.names()):
        index.create_in(index_dir, make_schema())

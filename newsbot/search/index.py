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
from whoosh.fields import DATETIME, ID, KEYWORD, STORED, Schema
from whoosh.index import Index, LockError

from newsbot.items import IST
from newsbot.search.analysis import HindiAnalyzer, RomanisedAnalyzer
from newsbot.search.fields import AnalysedText, analyse_document
from newsbot.search.store import live_dir, new_generation, swap

__all__ = [
    "SearchError",
    "IndexMissing",
    "IndexOutdated",
    "IndexDamaged",
    "IST",
    "WRITER_TIMEOUT",
    "make_schema",
    "to_index_datetime",
    "from_index_datetime",
    "open_index",
    "update_documents",
    "delete_documents",
    "document_count",
    "create_index",
]

WRITER_TIMEOUT = 30.0
# Memory for a writer's posting buffer before it spills a sorted run to disk: big enough that
# a 100k rebuild spills a few dozen runs, small enough for a 1 GiB machine.
WRITER_LIMIT_MB = 256


class SearchError(Exception):
    """A search or index failure, with a one-line message fit to show a user."""


class IndexMissing(SearchError):
    """There is no index (or an empty one) where one was expected."""


class IndexOutdated(SearchError):
    """The index was made by an older newsbot whose schema lacks fields this one needs."""


class IndexDamaged(SearchError):
    """The index's files cannot be read (deleted, truncated or garbled)."""

    def __init__(self, index_dir: Path, error: BaseException):
        detail = str(error).splitlines()[0][:120] if str(error) else ""
        super().__init__(f"the index at {index_dir} is damaged ({type(error).__name__}{': ' + detail if detail else ''})"
                         " — rebuild it from the archive with `newsbot verify --repair`")


def make_schema() -> Schema:
    """The article schema; pickled into the index when it is created."""
    stemmed, exact, romanised = HindiAnalyzer(), HindiAnalyzer(stem=False), RomanisedAnalyzer()
    return Schema(
        url=ID(unique=True, stored=True),
        # Stemmed fields keep no positions: phrases search the exact fields (parsing.py).
        title=AnalysedText(analyzer=stemmed, stored=True, phrase=False),
        title_exact=AnalysedText(analyzer=exact),
        text=AnalysedText(analyzer=stemmed, stored=True, phrase=False),
        text_exact=AnalysedText(analyzer=exact),
        site=ID(stored=True),
        author=AnalysedText(analyzer=exact, stored=True),
        # People's names, one a line; names are never stemmed.
        person=AnalysedText(analyzer=exact, stored=True),
        party=KEYWORD(commas=True, stored=True, lowercase=True),
        published=DATETIME(stored=True, sortable=True),
        section=ID(stored=True),
        tags=KEYWORD(commas=True, stored=True, lowercase=True),
        # Latin-letter search: title, text, author and people romanised; names alone too.
        romanised=AnalysedText(analyzer=romanised),
        person_romanised=AnalysedText(analyzer=romanised),
        author_romanised=AnalysedText(analyzer=romanised),
        # The archive's content hash of the text indexed: `newsbot verify` compares them.
        content_hash=STORED(),
    )


@cache
def _current_fields() -> frozenset[str]:
    # content_hash came later; an index without it still searches (verify asks for a rebuild).
    return frozenset(make_schema().names()) - {"content_hash"}


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
    """Open (or with *create* make) the index, whatever schema it was made with.

    :raises IndexDamaged: the index's table of contents cannot be read.
    """
    index_dir = Path(index_dir)
    directory = live_dir(index_dir)
    # A table of contents Whoosh can list but not read is damaged (not missing).
    if directory.is_dir() and any(directory.glob("_MAIN_*.toc")):
        try:
            return index.open_dir(directory)
        except index.EmptyIndexError:
            pass
        except Exception as error:  # Whoosh reports a damaged file by whatever its reader hit
            raise IndexDamaged(index_dir, error) from None
    if not create:
        raise IndexMissing(f"no index at {index_dir} — run `newsbot crawl` first")
    generation = new_generation(index_dir)
    ix = create_index(generation)
    swap(index_dir, generation)
    return ix


def create_index(directory: Path) -> Index:
    """A new, empty index with the current schema in *directory* (a rebuild's generation)."""
    return index.create_in(directory, make_schema())


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


def _fields(doc: dict, schema) -> dict:
    """The Whoosh fields of *doc* for an index with *schema*: analysed once for all fields
    when it has ``AnalysedText`` fields (an index made before them gets strings)."""
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
        "content_hash": doc.get("content_hash"),
    }
    # Whoosh cannot index None, nor an empty text; an absent field is simply not stored.
    fields = {name: value for name, value in fields.items() if value not in (None, "") and name in schema}
    if isinstance(schema["text"], AnalysedText):
        for name, terms in analyse_document(title, text, author, people).items():
            if name in fields:
                if schema[name].stored:
                    fields[f"_stored_{name}"] = fields[name]
                fields[name] = terms
    return fields


def _writer(ix: Index, index_dir: Path):
    try:
        return ix.writer(timeout=WRITER_TIMEOUT, limitmb=WRITER_LIMIT_MB)
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
            writer.update_document(**_fields(doc, ix.schema))
            count += 1
    except BaseException:
        writer.cancel()
        raise
    try:
        writer.commit()
    except OSError:
        raise
    except Exception as error:  # merging with a segment whose files are damaged
        raise IndexDamaged(index_dir, error) from None
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
    """Number of documents in the index (an outdated one too); 0 when there is none or its
    table of contents is unreadable."""
    try:
        return _open_any(index_dir).doc_count()
    except (IndexMissing, IndexDamaged):
        return 0

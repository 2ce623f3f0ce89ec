"""The Whoosh index: schema, opening, writing and deleting article documents.

The index is derived data, rebuilt from the archive (``newsbot reindex``); one document per
canonical URL. Whoosh allows one writer at a time, so every write waits up to
``WRITER_TIMEOUT`` seconds for the lock instead of failing at once.

Every word of an article is indexed twice (see docs/search.md): in its match form in ``text``
(title, text, author, people and tags: what an unfielded Devanagari word searches, one term
lookup, its inflections added at query time) and romanised in ``romanised`` (Latin-letter
queries); ``title``, ``author`` and ``person`` (and their romanised twins) serve field queries.
An index records the ``SCHEMA_VERSION`` it was made with (a small file beside Whoosh's); one
made by another version is refused with a message to rebuild it, and the next sync rebuilds it.
"""

from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from whoosh import index
from whoosh.fields import DATETIME, ID, KEYWORD, STORED, Schema
from whoosh.filedb.filestore import FileStorage
from whoosh.index import Index, LockError
from whoosh.writing import SegmentWriter

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
    "SCHEMA_VERSION",
]

WRITER_TIMEOUT = 30.0
# Memory for a writer's posting buffer before it spills a sorted run to disk: big enough that
# a 100k rebuild spills a few dozen runs, small enough for a 1 GiB machine.
WRITER_LIMIT_MB = 256
# 2: one match-form field for every word (no stemmed twins), title weight in the postings.
SCHEMA_VERSION = 2
_VERSION_FILE = "NEWSBOT_SCHEMA"


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
    exact, romanised = HindiAnalyzer(stem=False), RomanisedAnalyzer()
    return Schema(
        url=ID(unique=True, stored=True),
        # Every word of the article (title, text, author, people, tags); stores the text alone.
        text=AnalysedText(analyzer=exact, stored=True),
        title=AnalysedText(analyzer=exact, stored=True),
        site=ID(stored=True),
        author=AnalysedText(analyzer=exact, stored=True),
        # People's names, one a line; names are never stemmed.
        person=AnalysedText(analyzer=exact, stored=True),
        party=KEYWORD(commas=True, stored=True, lowercase=True),
        published=DATETIME(stored=True, sortable=True),
        section=ID(),
        tags=KEYWORD(commas=True, lowercase=True),
        # Latin-letter search: title, text, author and people romanised; names alone too.
        romanised=AnalysedText(analyzer=romanised),
        person_romanised=AnalysedText(analyzer=romanised),
        author_romanised=AnalysedText(analyzer=romanised),
        # The archive's content hash of the text indexed: `newsbot verify` compares them.
        content_hash=STORED(),
    )


def open_index(index_dir: Path, create: bool = False, preload: bool = False) -> Index:
    """Open the index in *index_dir*; with *create*, make the directory and index if absent.

    With *preload*, the segments' files are read into memory as they are opened (Whoosh's
    default, through a memory map it then copies: queries run about a quarter faster, but at
    100k articles the copy costs more than a query); without it they are read from disk as
    queries need them, which suits a process that asks one query or writes.

    :raises IndexMissing: when there is no index and *create* is false.
    :raises IndexOutdated: when the index lacks fields of the current schema.
    """
    ix = _open_any(index_dir, create, preload)
    version = schema_version(index_dir)
    if version != SCHEMA_VERSION:
        raise IndexOutdated(
            f"the index at {index_dir} was made by {'an older' if version < SCHEMA_VERSION else 'a newer'} "
            f"newsbot (index schema {version}, this one reads {SCHEMA_VERSION}) — rebuild it from the "
            "archive with `newsbot reindex`"
        )
    return ix


def schema_version(index_dir: Path) -> int:
    """The schema version the live index was made with (1: before versions were recorded)."""
    try:
        return int((live_dir(index_dir) / _VERSION_FILE).read_text(encoding="ascii"))
    except (FileNotFoundError, ValueError):
        return 1


def _open_any(index_dir: Path, create: bool = False, preload: bool = False) -> Index:
    """Open (or with *create* make) the index, whatever schema it was made with.

    :raises IndexDamaged: the index's table of contents cannot be read.
    """
    index_dir = Path(index_dir)
    directory = live_dir(index_dir)
    # A table of contents Whoosh can list but not read is damaged (not missing).
    if directory.is_dir() and any(directory.glob("_MAIN_*.toc")):
        try:
            return FileStorage(str(directory), supports_mmap=preload).open_index()
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
    ix = index.create_in(directory, make_schema())
    (Path(directory) / _VERSION_FILE).write_text(f"{SCHEMA_VERSION}\n", encoding="ascii")
    return ix


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
    """The Whoosh fields of *doc*: its analysed terms (one analysis for all fields) and the
    stored values."""
    title, text, author = doc.get("title") or "", doc.get("text") or "", doc.get("author") or ""
    people = "\n".join(doc.get("people") or ())
    tags = _keywords(doc.get("tags"))
    fields = {
        "url": doc["url"],
        "site": doc.get("site"),
        "party": _keywords(doc.get("parties")),
        "published": to_index_datetime(doc.get("published")),
        "section": doc.get("section"),
        "tags": tags,
        "content_hash": doc.get("content_hash"),
    }
    stored = {"text": text, "title": title, "author": author, "person": people}
    for name, terms in analyse_document(title, text, author, people, tags.replace(",", " ")).items():
        if terms:
            fields[name] = terms
            if name in stored:
                fields[f"_stored_{name}"] = stored[name]
    # Whoosh cannot index None, nor an empty text: an absent field is simply not stored.
    return {name: value for name, value in fields.items() if value not in (None, "") or name.startswith("_")}


class _Lengths:
    """A segment's field lengths, each field's column read once into a list.

    Whoosh asks the new segment for the document's field length once per posting it writes
    (to keep block statistics), each time a seek and a read of its length column: 15% of a
    rebuild. Only ``doc_field_length`` is used (``FieldWriter.add_postings``)."""

    def __init__(self, reader):
        self._reader, self._columns = reader, {}

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int:
        column = self._columns.get(fieldname)
        if column is None:
            read = self._reader.doc_field_length
            column = self._columns[fieldname] = [read(doc, fieldname, default)
                                                 for doc in range(self._reader.doc_count_all())]
        return column[docnum]


class _Writer(SegmentWriter):
    """Whoosh's writer, with its segment's field lengths read once per field (``_Lengths``);
    the rest of ``_flush_segment`` as in whoosh-reloaded 2.7.5 (pinned exactly)."""

    def _flush_segment(self):
        self.perdocwriter.close()
        lengths = self.per_document_reader() if self.codec.length_stats else None
        self.fieldwriter.add_postings(self.schema, _Lengths(lengths) if lengths else None, self.pool.iter_postings())
        self.fieldwriter.close()
        if lengths:
            lengths.close()


def _writer(ix: Index, index_dir: Path):
    try:
        return _Writer(ix, timeout=WRITER_TIMEOUT, limitmb=WRITER_LIMIT_MB)
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

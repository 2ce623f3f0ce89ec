"""``newsbot verify``: is the archive sound, and does the index hold exactly what it says?

The archive is checked with its engine's own check (SQLite's ``integrity_check``) and by decompressing every
stored raw page; the index is compared with the archive document by document (same
canonical URLs, same content hashes). What is derived (the analysis, the index) can be
rebuilt (``repair``); the archive itself cannot, so archive faults are only reported.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from pathlib import Path

from newsbot.archive import Archive, sql
from newsbot.archive.errors import DB_ERRORS
from newsbot.search.index import IndexDamaged, IndexMissing, SearchError, open_index
from newsbot.search.sync import rebuild_index

__all__ = ["Report", "verify", "repair"]


@dataclass
class Report:
    articles: int = 0
    pages: int = 0
    archive_errors: list[str] = field(default_factory=list)  # integrity_check's findings
    unreadable_pages: int = 0
    index_documents: int = 0
    index_error: str | None = None  # the index cannot be opened or read
    missing: int = 0  # archived articles the index lacks
    extra: int = 0  # index documents of no archived article (or twice the same URL)
    stale: int = 0  # indexed with another content hash than the archive's

    @property
    def archive_ok(self) -> bool:
        return not self.archive_errors and not self.unreadable_pages

    @property
    def index_ok(self) -> bool:
        return self.index_error is None and not (self.missing or self.extra or self.stale)

    @property
    def ok(self) -> bool:
        return self.archive_ok and self.index_ok

    def line(self) -> str:
        """One line for a cron log."""
        if self.archive_ok:
            archive = f"archive ok ({self.articles} articles, {self.pages} pages)"
        else:
            faults = [f"integrity check: {self.archive_errors[0]}"] if self.archive_errors else []
            if self.unreadable_pages:
                faults.append(f"{self.unreadable_pages} raw pages unreadable")
            archive = f"archive DAMAGED ({'; '.join(faults)})"
        if self.index_error:
            index = f"index unusable ({self.index_error})"
        elif self.index_ok:
            index = f"index agrees ({self.index_documents} documents)"
        else:
            index = (f"index disagrees ({self.missing} missing, {self.extra} extra, {self.stale} stale "
                     f"of {self.index_documents} documents)")
        return f"verify: {archive}; {index}"


def verify(archive: Archive, index_dir: Path) -> Report:
    report = Report(articles=archive.article_count())
    _check_archive(archive, report)
    expected = dict(archive.db.execute("SELECT canonical_url, content_hash FROM articles"))
    try:
        indexed = _indexed(index_dir)
    except IndexMissing:
        indexed = []  # as good as an empty index: agrees with an empty archive
    except SearchError as error:
        report.index_error = str(error).split(" — ")[0]
        return report
    report.index_documents = len(indexed)
    seen: set[str] = set()
    for url, digest in indexed:
        if url in seen or url not in expected:
            report.extra += 1
        elif expected[url] != digest:
            report.stale += 1
        seen.add(url)
    report.missing = len(expected.keys() - seen)
    return report


def repair(archive: Archive, index_dir: Path, progress=None) -> Report:
    """Rebuild the index from the archive (and any analysis it lacks); then verify again."""
    rebuild_index(archive, index_dir, progress)
    return verify(archive, index_dir)


def _check_archive(archive: Archive, report: Report) -> None:
    try:
        problems = sql.integrity_problems(archive.db)
    except DB_ERRORS as error:
        report.archive_errors.append(str(error))
        return
    report.archive_errors.extend(problems)
    for (body,) in archive.db.execute("SELECT body FROM pages WHERE body IS NOT NULL"):
        report.pages += 1
        try:
            zlib.decompress(body)
        except zlib.error:
            report.unreadable_pages += 1


def _indexed(index_dir: Path) -> list[tuple[str, str | None]]:
    """(url, content hash) of every document in the index."""
    ix = open_index(index_dir)
    try:
        with ix.searcher() as searcher:
            return [(fields["url"], fields.get("content_hash")) for fields in searcher.all_stored_fields()]
    except Exception as error:  # a segment file Whoosh cannot read
        raise IndexDamaged(index_dir, error) from None

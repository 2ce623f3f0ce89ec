"""`newsbot migrate --to`: copy a whole archive into another engine (an SQLite file into
PostgreSQL when one machine is no longer enough, or back into a file).

Every table is copied with its ids, so revisions, analyses and mentions keep pointing at their
articles and people, and the search index (keyed by canonical URL and content hash) stays
valid for the copy. It goes in one transaction on the target: a copy that fails leaves the
target as empty as it was. Each table is then counted on both sides.
"""

from __future__ import annotations

from collections.abc import Callable

from newsbot.archive import sql
from newsbot.archive.db import Archive

# Parents before the tables whose rows point at them (foreign keys).
TABLES = ("articles", "revisions", "pages", "redirects", "crawls", "people", "analyses", "mentions")
BATCH = 2000


class TargetNotEmpty(Exception):
    """The target already holds an archive: migrate copies only into an empty one."""


def copy_archive(source: Archive, target: Archive,
                 progress: Callable[[str, int], None] | None = None) -> dict[str, tuple[int, int]]:
    """Copy every table of *source* into the empty *target*; table → (rows in source, rows in
    target) counted after the copy. *progress*(table, rows) is told of each batch copied."""
    held = {table: _count(target, table) for table in TABLES}
    if any(held.values()):
        raise TargetNotEmpty(f"{target.location} already holds an archive ("
                             + ", ".join(f"{n} {table}" for table, n in held.items() if n) + ")")
    with target.db:
        for table in TABLES:
            wanted = set(sql.table_columns(target.db, table))
            names = [name for name in sql.table_columns(source.db, table) if name in wanted]
            cursor = source.db.execute(f"SELECT {', '.join(names)} FROM {table}")
            while rows := cursor.fetchmany(BATCH):
                sql.insert_rows(target.db, table, names, [tuple(row) for row in rows])
                if progress:
                    progress(table, len(rows))
            if "id" in names:
                sql.restart_ids(target.db, table)
    return {table: (_count(source, table), _count(target, table)) for table in TABLES}


def _count(archive: Archive, table: str) -> int:
    return archive.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]

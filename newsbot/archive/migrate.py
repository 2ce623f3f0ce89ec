"""In-place upgrades of an older archive: columns added after a table was first made."""

from __future__ import annotations

import sqlite3

from newsbot.archive import sql


def add_missing_columns(db, table: str, columns: dict[str, str]) -> None:
    """ALTER TABLE `table` ADD each of `columns` (name → declaration) it lacks.

    Plain columns only: SQLite cannot add key or unique columns to an existing table.
    Several crawl workers may open a new SQLite archive at once (PostgreSQL's take turns under
    the schema lock): a column another one added meanwhile is there, as wanted.
    """
    present = sql.columns(db, table)
    for name, declaration in columns.items():
        if name not in present:
            try:
                db.execute(f"ALTER TABLE {table} ADD COLUMN {name} {declaration}")
            except sqlite3.OperationalError as error:
                if "duplicate column name" not in str(error):
                    raise

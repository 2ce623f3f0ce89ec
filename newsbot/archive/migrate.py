"""In-place upgrades of an older archive file: columns added after a table was first made."""

from __future__ import annotations

import sqlite3


def add_missing_columns(db: sqlite3.Connection, table: str, columns: dict[str, str]) -> None:
    """ALTER TABLE `table` ADD each of `columns` (name → declaration) it lacks.

    Plain columns only: SQLite cannot add key or unique columns to an existing table.
    """
    present = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
    for name, declaration in columns.items():
        if name not in present:
            db.execute(f"ALTER TABLE {table} ADD COLUMN {name} {declaration}")

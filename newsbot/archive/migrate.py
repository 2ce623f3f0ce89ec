"""In-place upgrades of an older archive: columns added after a table was first made."""

from __future__ import annotations

from newsbot.archive import sql


def add_missing_columns(db, table: str, columns: dict[str, str]) -> None:
    """ALTER TABLE `table` ADD each of `columns` (name → declaration) it lacks.

    Plain columns only: SQLite cannot add key or unique columns to an existing table.
    """
    present = sql.columns(db, table)
    for name, declaration in columns.items():
        if name not in present:
            db.execute(f"ALTER TABLE {table} ADD COLUMN {name} {declaration}")

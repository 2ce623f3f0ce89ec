"""Where newsbot keeps its data: the archive in the data dir (or in PostgreSQL, at
$NEWSBOT_DB_URL), the Whoosh index in the index dir."""

from __future__ import annotations

import os
from pathlib import Path

DATA_DIR_ENV = "NEWSBOT_DATA_DIR"
INDEX_DIR_ENV = "NEWSBOT_INDEX_DIR"
DB_URL_ENV = "NEWSBOT_DB_URL"
ARCHIVE_FILENAME = "archive.sqlite3"


def data_dir(value: str | os.PathLike | None = None) -> Path:
    """The data dir: the given value, else $NEWSBOT_DATA_DIR, else ./data."""
    return Path(value or os.environ.get(DATA_DIR_ENV) or "data")


def index_dir(value: str | os.PathLike | None = None) -> Path:
    """The index dir: the given value, else $NEWSBOT_INDEX_DIR, else ./index."""
    return Path(value or os.environ.get(INDEX_DIR_ENV) or "index")


def archive_location(directory: str | os.PathLike | None = None) -> str | Path:
    """Where the archive lives: $NEWSBOT_DB_URL (a postgresql:// URL) when set, else the SQLite
    file archive.sqlite3 in the data dir."""
    return os.environ.get(DB_URL_ENV) or data_dir(directory) / ARCHIVE_FILENAME

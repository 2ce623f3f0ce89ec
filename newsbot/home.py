"""Where newsbot keeps its data: the archive in the data dir, the Whoosh index in the index dir."""

from __future__ import annotations

import os
from pathlib import Path

DATA_DIR_ENV = "NEWSBOT_DATA_DIR"
INDEX_DIR_ENV = "NEWSBOT_INDEX_DIR"


def data_dir(value: str | os.PathLike | None = None) -> Path:
    """The data dir: the given value, else $NEWSBOT_DATA_DIR, else ./data."""
    return Path(value or os.environ.get(DATA_DIR_ENV) or "data")


def index_dir(value: str | os.PathLike | None = None) -> Path:
    """The index dir: the given value, else $NEWSBOT_INDEX_DIR, else ./index."""
    return Path(value or os.environ.get(INDEX_DIR_ENV) or "index")

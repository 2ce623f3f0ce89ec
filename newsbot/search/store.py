"""Where the live index lives inside the index directory, and how a rebuilt one replaces it.

A rebuild writes a whole new index into a fresh generation directory beside the live one
(``<index_dir>/gen-<time>-<random>``) and then points ``<index_dir>/CURRENT`` at it with one
atomic rename. Searches that opened the old index keep reading it; the next one opens the new
index; a rebuild killed half-way leaves the live index untouched and only a stray generation
behind, which the next swap removes. The generation just replaced is kept until the next
swap, so a search that read ``CURRENT`` a moment before the swap still finds its files.

An index directory without ``CURRENT`` holds an index written by an older newsbot directly in
it; it stays live until the first rebuild replaces it.
"""

from __future__ import annotations

import os
import secrets
import shutil
import time
from pathlib import Path

__all__ = ["POINTER", "live_dir", "new_generation", "swap", "generation_id"]

POINTER = "CURRENT"
_PREFIX = "gen-"
# Whoosh's own file names for the index named "MAIN" (its default), in an older flat layout.
_FLAT_PREFIXES = ("_MAIN_", "MAIN_")


def live_dir(index_dir: Path) -> Path:
    """The directory that holds the live index: the generation CURRENT names, else index_dir."""
    index_dir = Path(index_dir)
    try:
        name = (index_dir / POINTER).read_text(encoding="utf-8").strip()
    except (FileNotFoundError, NotADirectoryError):
        return index_dir
    return index_dir / name if name.startswith(_PREFIX) and "/" not in name else index_dir


def generation_id(index_dir: Path) -> str:
    """A name for the live index that changes when a rebuild replaces it."""
    return live_dir(index_dir).name


def new_generation(index_dir: Path) -> Path:
    """A fresh, empty directory beside the live index for a rebuild to write into."""
    index_dir = Path(index_dir)
    index_dir.mkdir(parents=True, exist_ok=True)
    directory = index_dir / f"{_PREFIX}{time.strftime('%Y%m%dT%H%M%S')}-{secrets.token_hex(4)}"
    directory.mkdir()  # with the user's umask (tempfile's would make it private)
    return directory


def swap(index_dir: Path, generation: Path) -> None:
    """Make *generation* the live index (one atomic rename), then remove what no search can
    need any more: older generations, stray ones of killed rebuilds, a flat-layout index."""
    index_dir = Path(index_dir)
    previous = live_dir(index_dir)
    staged = index_dir / f".{POINTER}.{os.getpid()}"
    with open(staged, "w", encoding="utf-8") as handle:
        handle.write(generation.name + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(staged, index_dir / POINTER)
    for entry in index_dir.iterdir():
        if entry.is_dir() and entry.name.startswith(_PREFIX) and entry not in (generation, previous):
            shutil.rmtree(entry, ignore_errors=True)
        elif entry.is_file() and entry.name.startswith(_FLAT_PREFIXES) and previous != index_dir:
            entry.unlink(missing_ok=True)

"""The archive stage: SQLite storage of pages, articles, revisions and crawl runs."""

from newsbot.archive.db import ARCHIVE_FILENAME, Archive

__all__ = ["ARCHIVE_FILENAME", "Archive"]

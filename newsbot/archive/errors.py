"""What a failed archive or index write means, in one line an operator can act on.

SQLite reports a full disk as "database or disk is full" (SQLITE_FULL) and a file that is not
(or no longer) a database as a DatabaseError; PostgreSQL reports them by SQLSTATE (53100 disk
full, 25006 read-only transaction, class 08 no connection), which newsbot.archive.sql carries
in ArchiveError; the OS reports ENOSPC, EFBIG (a file size limit) or EDQUOT. Each becomes
"disk full: ...", "archive damaged: ..." and so on, never a traceback.
"""

from __future__ import annotations

import errno
import sqlite3

FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EFBIG, errno.EDQUOT})
READ_ONLY_ERRNOS = frozenset({errno.EROFS, errno.EACCES, errno.EPERM})


class ArchiveError(Exception):
    """A failure of a PostgreSQL archive (psycopg's message), with its SQLSTATE when it has one."""

    def __init__(self, message: str, sqlstate: str | None = None):
        super().__init__(message)
        self.sqlstate = sqlstate


# A failure of the archive's database, whichever engine holds it.
DB_ERRORS = (sqlite3.Error, ArchiveError)
# Exceptions a write to the archive (a database) or the index (files) raises when storage fails.
STORAGE_ERRORS = (*DB_ERRORS, OSError)


def describe(error: BaseException, what: str = "archive", action: str = "write") -> str:
    """One line naming the cause: "disk full: ...", "archive damaged: ...", "archive read-only: ..."."""
    message = str(error) or type(error).__name__
    if isinstance(error, OSError) and error.errno in FULL_ERRNOS:
        return f"disk full: {error.strerror or message} ({error.filename or what})"
    if isinstance(error, OSError) and error.errno in READ_ONLY_ERRNOS:
        return f"{what} read-only: {error.strerror or message} ({error.filename or what})"
    if isinstance(error, ArchiveError):
        first_line = message.splitlines()[0]
        state = error.sqlstate or ""
        if state == "53100":
            return f"disk full: {first_line}"
        if state == "25006":
            return f"{what} read-only: {first_line}"
        if state.startswith("08") or state == "" and "connect" in first_line.lower():
            return f"{what} unreachable: {first_line}"
        return f"{what} {action} failed: {first_line}"
    if isinstance(error, sqlite3.Error):
        lowered = message.lower()
        if "disk is full" in lowered:
            return f"disk full: {message}"
        if "readonly" in lowered or "read-only" in lowered:
            return f"{what} read-only: {message}"
        if isinstance(error, sqlite3.DatabaseError) and ("not a database" in lowered or "malformed" in lowered):
            return f"{what} damaged: {message}"
    if isinstance(error, OSError) and error.strerror:
        return f"{what} {action} failed: {error.strerror} ({error.filename or what})"
    return f"{what} {action} failed: {message}"

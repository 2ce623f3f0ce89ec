"""One storage layer, two engines: an SQLite file (the default) or a PostgreSQL database.

The archive's code speaks Python's DB-API as the sqlite3 module does: ``db.execute(sql, params)``
with ``?`` placeholders, ``executemany``, ``with db:`` for a transaction, rows read by index or
by column name. For SQLite, ``db`` *is* the sqlite3 connection, so the default path gains no
layer at all. For PostgreSQL, ``PgConnection`` gives psycopg 3 the same shape: it rewrites ``?``
to ``%s`` (cached per statement), turns SQLite's DDL words into PostgreSQL's (``id INTEGER
PRIMARY KEY`` into an identity column, BLOB into BYTEA), and raises ``ArchiveError`` for
psycopg's errors so that callers catch one kind of database failure (``DB_ERRORS``).

The few statements that differ by engine go through the functions at the end (``columns``,
``insert_id``, ``locking``, ``integrity_problems``, ``schema_lock``); every other query is
written once, in SQL both engines run (``INSERT ... ON CONFLICT``, no ``rowid``, no PRAGMA).
Why not SQLAlchemy Core: every query here is hand-written SQL that both engines already accept;
Core would mean rewriting all of them as expressions (or wrapping them in ``text()`` with named
parameters) and routing SQLite through its engine, slower, for no gain in portability.
"""

from __future__ import annotations

import random
import re
import sqlite3
import time
from contextlib import contextmanager, nullcontext
from functools import lru_cache, wraps
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from newsbot.archive.errors import ArchiveError

URL_SCHEMES = ("postgresql", "postgres")
INSTALL_HINT = "PostgreSQL archives need psycopg: pip install 'newsbot[postgresql]'"
# Any constant: the key of the advisory lock under which a worker creates or upgrades the schema.
SCHEMA_LOCK_KEY = 0x6E657773
# PostgreSQL's "deadlock detected" and "serialization failure": the transaction was rolled back
# to let another worker's go on, and may simply be run again. Also "foreign key violation": a
# worker forgetting a person no mention named in its snapshot, or mentioning a person another
# worker just forgot, collides with that worker's commit; run again, it sees the commit.
RETRIED_STATES = frozenset({"40P01", "40001", "23503"})
ATTEMPTS = 5


def is_url(location: str | Path) -> bool:
    """Is *location* a PostgreSQL URL (else an SQLite file path)?"""
    return isinstance(location, str) and urlsplit(location).scheme in URL_SCHEMES


def display(location: str | Path) -> str:
    """*location* as it may be printed: a URL without its password."""
    if not is_url(location):
        return str(location)
    parts = urlsplit(location)
    if parts.password is None:
        return location
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


def connect(location: str | Path, read_only: bool = False):
    """A connection to the archive at *location*: sqlite3's own for a path, PgConnection for a URL."""
    if is_url(location):
        return PgConnection(location, read_only)
    if read_only:
        db = _connect_sqlite_read_only(Path(location))
    else:
        # The crawl writes from Twisted's thread while the CLI may read: WAL lets both proceed.
        db = sqlite3.connect(location, timeout=30, check_same_thread=False)
        db.execute("PRAGMA journal_mode=WAL")
        # In WAL mode NORMAL syncs at checkpoints, not at every commit: a killed process loses
        # nothing committed, a power cut at most the last commits, and the file stays sound.
        # FULL's fsync per commit was a third of a crawl's wall time (several commits a page).
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("PRAGMA foreign_keys=ON")
    db.row_factory = sqlite3.Row
    return db


def _connect_sqlite_read_only(path: Path) -> sqlite3.Connection:
    uri = path.resolve().as_uri()
    db = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=30, check_same_thread=False)
    try:
        db.execute("SELECT 1 FROM sqlite_master LIMIT 1")
        return db
    except sqlite3.OperationalError:
        # A WAL archive in a directory no one can write (a read-only mount): SQLite cannot make
        # its -shm file there, and no writer can change the file either, so read it as immutable.
        db.close()
        return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, timeout=30, check_same_thread=False)


def exists(location: str | Path) -> bool:
    """Does *location* hold an archive (a file; a database with the articles table)?"""
    if not is_url(location):
        return Path(location).exists()
    db = PgConnection(location, read_only=True)
    try:
        return db.execute("SELECT to_regclass('articles') IS NOT NULL").fetchone()[0]
    finally:
        db.close()


class Row(tuple):
    """A PostgreSQL row read as sqlite3.Row is: by index, by column name, or as dict(row)."""

    def __new__(cls, values, names: dict[str, int]):
        row = super().__new__(cls, values)
        row._names = names
        return row

    def __getitem__(self, key):
        if isinstance(key, str):
            return tuple.__getitem__(self, self._names[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._names)


def _row_factory(cursor):
    names: dict[str, int] = {}
    for position, column in enumerate(cursor.description or ()):
        names.setdefault(column.name, position)  # the first of two equal names, as sqlite3.Row
    return lambda values: Row(values, names)


@lru_cache(maxsize=512)
def _placeholders(sql: str) -> str:
    """`?` → `%s`; a literal `%` doubled, as psycopg reads `%` as the start of a placeholder."""
    return sql.replace("%", "%%").replace("?", "%s")


_IDENTITY = re.compile(r"(?<!\w)id INTEGER PRIMARY KEY\b")
_BLOB = re.compile(r"\bBLOB\b")
_CREATE_INDEX = re.compile(r"CREATE (?:UNIQUE )?INDEX IF NOT EXISTS (\w+)", re.IGNORECASE)


def postgres_ddl(script: str) -> str:
    """SQLite's DDL as PostgreSQL's: ids that number themselves, BYTEA for BLOB."""
    return _BLOB.sub("BYTEA", _IDENTITY.sub("id INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", script))


class PgConnection:
    """psycopg 3 in sqlite3's shape (see the module's docstring). Autocommit outside ``with``,
    as sqlite3 reads; ``with db:`` is one transaction (a savepoint when nested)."""

    dialect = "postgresql"

    def __init__(self, url: str, read_only: bool = False):
        try:
            import psycopg
        except ImportError:
            raise ArchiveError(INSTALL_HINT) from None
        self._error = psycopg.Error
        self._transactions: list = []
        self.location = url
        with self._translated():
            self.conn = psycopg.connect(url, autocommit=True, row_factory=_row_factory)
        _dump_bools_as_integers(self.conn)
        if read_only:
            self.execute("SET default_transaction_read_only = on")

    @contextmanager
    def _translated(self):
        try:
            yield
        except self._error as error:
            raise ArchiveError(str(error).strip(), getattr(error, "sqlstate", None)) from error

    def execute(self, sql: str, params=()):
        with self._translated():
            cursor = self.conn.cursor()
            if params:
                cursor.execute(_placeholders(sql), tuple(params))
            else:
                cursor.execute(sql)  # no parameters: psycopg leaves `%` alone
            return cursor

    def executemany(self, sql: str, seq):
        with self._translated():
            cursor = self.conn.cursor()
            rows = [tuple(params) for params in seq]
            if rows:
                cursor.executemany(_placeholders(sql), rows)
            return cursor

    def executescript(self, script: str) -> None:
        """Run SQLite DDL. An index that exists is not created again: even CREATE INDEX IF NOT
        EXISTS locks its table against writes first, which deadlocks with a busy worker."""
        with self._translated():
            for statement in filter(str.strip, postgres_ddl(script).split(";")):
                index = _CREATE_INDEX.search(statement)
                if index and self.conn.execute("SELECT to_regclass(%s)", (index[1],)).fetchone()[0]:
                    continue
                self.conn.execute(statement)

    def commit(self) -> None:
        """Nothing to do: outside ``with db:`` every statement commits itself."""

    @property
    def in_transaction(self) -> bool:
        return bool(self._transactions)

    def __enter__(self):
        transaction = self.conn.transaction()
        with self._translated():
            transaction.__enter__()
        self._transactions.append(transaction)
        return self

    def __exit__(self, *exc) -> None:
        with self._translated():
            self._transactions.pop().__exit__(*exc)

    def close(self) -> None:
        self.conn.close()


def _dump_bools_as_integers(conn) -> None:
    """True/False into the INTEGER flag columns as 1/0, as SQLite stores them."""
    from psycopg.adapt import Dumper

    class BoolDumper(Dumper):
        oid = conn.adapters.types["int4"].oid

        def dump(self, obj):
            return b"1" if obj else b"0"

    conn.adapters.register_dumper(bool, BoolDumper)


# -- what differs by engine -------------------------------------------------------------------

def is_postgres(db) -> bool:
    return isinstance(db, PgConnection)


def columns(db, table: str) -> set[str]:
    """The names of *table*'s columns."""
    if is_postgres(db):
        rows = db.execute("SELECT column_name FROM information_schema.columns"
                          " WHERE table_schema = current_schema() AND table_name = ?", (table,))
        return {row[0] for row in rows}
    return {row[1] for row in db.execute(f"PRAGMA table_info({table})")}


def insert_id(db, sql: str, params=()) -> int:
    """Run an INSERT of one row into a table with an ``id`` column; its new id."""
    if is_postgres(db):
        return int(db.execute(sql + " RETURNING id", params).fetchone()[0])
    return int(db.execute(sql, params).lastrowid)


def locking(db) -> str:
    """What to add to a SELECT whose rows the transaction is about to change: PostgreSQL's
    row lock (another worker's change waits; NO KEY: rows that only point at it, as mentions
    do, are not held up); SQLite has one writer at a time anyway."""
    return " FOR NO KEY UPDATE" if is_postgres(db) else ""


def retried(method):
    """An archive write (one transaction) run again when PostgreSQL rolled it back because it
    collided with another worker's (RETRIED_STATES); never inside a caller's transaction, which
    that rollback undid."""
    @wraps(method)
    def run(self, *args, **kwargs):
        for attempt in range(1, ATTEMPTS + 1):
            try:
                return method(self, *args, **kwargs)
            except ArchiveError as error:
                if error.sqlstate not in RETRIED_STATES or attempt == ATTEMPTS or self.db.in_transaction:
                    raise
                time.sleep(random.uniform(0.01, 0.05) * attempt)  # apart, so they do not meet again
    return run


def schema_lock(db):
    """A context for creating or upgrading the schema: in PostgreSQL one transaction under an
    advisory lock, so workers that open a new database at once do not race on CREATE TABLE."""
    if not is_postgres(db):
        return nullcontext()
    return _pg_schema_lock(db)


@contextmanager
def _pg_schema_lock(db):
    with db:
        db.execute("SELECT pg_advisory_xact_lock(?)", (SCHEMA_LOCK_KEY,))
        yield


def integrity_problems(db) -> list[str]:
    """What the engine's own check finds wrong (empty when sound). PostgreSQL guards its pages
    itself (checksums, WAL) and has no such in-place check without the amcheck extension: a
    query over every table proves they can be read."""
    if is_postgres(db):
        for table in ("articles", "revisions", "pages", "redirects", "crawls", "analyses", "people", "mentions"):
            db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()
        return []
    return [row[0] for row in db.execute("PRAGMA integrity_check") if row[0] != "ok"]


def table_columns(db, table: str) -> list[str]:
    """*table*'s columns in their order."""
    cursor = db.execute(f"SELECT * FROM {table} LIMIT 0")
    return [column[0] for column in cursor.description]


def insert_rows(db, table: str, names: list[str], rows: list) -> None:
    """Add *rows* (values in the order of *names*) to *table*: PostgreSQL's COPY, the fastest
    way in; executemany for SQLite."""
    if is_postgres(db):
        with db._translated(), db.conn.cursor().copy(f"COPY {table} ({', '.join(names)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return
    db.executemany(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})", rows)


def restart_ids(db, table: str) -> None:
    """After rows came in with their ids: PostgreSQL's next id follows the highest one."""
    if is_postgres(db):
        db.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), MAX(id)) FROM {table}"
                   " HAVING MAX(id) IS NOT NULL")

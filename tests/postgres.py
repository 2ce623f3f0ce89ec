"""A throwaway PostgreSQL cluster for the tests: initdb in a temporary directory, listening only
on a unix socket there (no port to collide with), stopped and deleted at the end of the session.

PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user (Debian's
package makes it). Durability is switched off for the tests: the cluster dies with the session.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

HOW_TO_GET = ("PostgreSQL's server binaries (initdb, pg_ctl) were not found: install them "
              "(Debian/Ubuntu: apt-get install postgresql) or set NEWSBOT_PG_BIN to their directory")
PORT = 5432  # only names the socket file, in a directory of our own


def server_bin() -> Path | None:
    """The directory of initdb and pg_ctl: $NEWSBOT_PG_BIN, Debian's newest, else on PATH."""
    candidates = [os.environ.get("NEWSBOT_PG_BIN", "")]
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name),
                         reverse=True)
    candidates.append(str(Path(shutil.which("initdb") or "/nonexistent").parent))
    for candidate in filter(None, candidates):
        if (Path(candidate) / "initdb").exists() and (Path(candidate) / "pg_ctl").exists():
            return Path(candidate)
    return None


class Cluster:
    def __init__(self, bin_dir: Path, durable: bool = False):
        """*durable*: fsync and synchronous commits on, as a real server (for benchmarks)."""
        self.bin = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="newsbot-pg-"))
        self.data = self.root / "data"
        self.as_postgres = os.geteuid() == 0
        # Others may pass through to the socket (a test's user namespace, where root is nobody);
        # initdb keeps the data directory itself private.
        self.root.chmod(0o711)
        if self.as_postgres:
            shutil.chown(self.root, "postgres", "postgres")
        self._names = itertools.count(1)
        self._run("initdb", "-D", str(self.data), "--auth=trust", "--username=postgres",
                  "--encoding=UTF8", "--locale=C", "--no-sync")
        options = f"-k {self.root} -p {PORT} -c listen_addresses='' -c max_connections=200"
        if not durable:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "server.log"), "-o", options,
                  "-w", "start")
        self.admin = self.url("postgres")

    def _run(self, program: str, *args: str) -> None:
        command = [str(self.bin / program), *args]
        if self.as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, cwd=self.root)

    def url(self, database: str) -> str:
        return f"postgresql://postgres@/{database}?host={self.root}&port={PORT}"

    def new_database(self) -> str:
        """A fresh, empty database; its URL."""
        import psycopg

        name = f"newsbot_{next(self._names)}"
        with psycopg.connect(self.admin, autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name} TEMPLATE template0")
        return self.url(name)

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

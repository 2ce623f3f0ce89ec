"""Shared fixtures: the demo/test sites served over real HTTP on 127.0.0.1."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
TEST_SITES = Path(__file__).resolve().parent / "sites"
BUNDLED_SITES = REPO / "newsbot" / "demo" / "sites"


class SiteServer:
    """`python -m newsbot.demo.server` in a child process; one base URL per site."""

    def __init__(self, site_dirs: list[Path]):
        self.process = subprocess.Popen(
            [sys.executable, "-u", "-m", "newsbot.demo.server", *map(str, site_dirs)],
            stdout=subprocess.PIPE, text=True, cwd=REPO,
        )
        self.urls: dict[str, str] = {}
        for _ in site_dirs:
            line = self.process.stdout.readline().split()
            if len(line) != 2:
                self.stop()
                raise RuntimeError(f"demo server did not start: {line!r}")
            self.urls[line[0]] = line[1].rstrip("/")

    def url(self, site: str, path: str = "/") -> str:
        return self.urls[site] + path

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture(scope="session")
def site_server():
    server = SiteServer([TEST_SITES / "kasba", BUNDLED_SITES / "gramin", BUNDLED_SITES / "khabar"])
    yield server
    server.stop()


def wait_for(condition, process: subprocess.Popen, timeout: float = 60) -> None:
    """Poll `condition` until it holds; fail if `process` (a crawl) ends first or `timeout` seconds pass."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert process.poll() is None, process.communicate()[1]
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def run_newsbot(*args: str, home: Path, timeout: float = 300, stdin: str = "",
                env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run `newsbot ARGS` in a child process (Scrapy's reactor runs once per process), with
    its data and index under `home` through NEWSBOT_DATA_DIR / NEWSBOT_INDEX_DIR, `stdin`
    as its input (answers to a prompt) and `env` added to its environment."""
    env = {**os.environ, "NEWSBOT_DATA_DIR": str(home / "data"), "NEWSBOT_INDEX_DIR": str(home / "index"),
           **archive_env(home / "data"), **(env or {})}
    return subprocess.run([sys.executable, "-m", "newsbot.cli", *args], capture_output=True, input=stdin,
                          text=True, timeout=timeout, cwd=home, env=env)


# -- the web app (tests/test_web*.py) ------------------------------------------------------------

# An article whose title, author and text try to run script in the page: it must show as text.
HOSTILE_TITLE = '<script>alert(1)</script> " onmouseover=alert(2) x=" भाजपा की बैठक'
HOSTILE_URL = "http://hostile.example/2026/11/xss-बैठक"


@pytest.fixture(scope="session")
def web_home(site_server, tmp_path_factory) -> Path:
    """An archive and index made the way a user makes them: the bundled demo sites crawled over
    127.0.0.1, then one hostile article stored (changed once, so it has a revision) and indexed."""
    from datetime import datetime

    from newsbot.archive import Archive
    from newsbot.items import IST, Article
    from newsbot.search.sync import sync_index

    home = tmp_path_factory.mktemp("web")
    for site in ("gramin", "khabar"):
        result = run_newsbot("crawl", site, "--url", site_server.url(site), "-s", "DOWNLOAD_DELAY=0", home=home)
        assert result.returncode == 0, result.stderr
    with Archive.in_dir(home / "data") as archive:
        for text in ("पहला पाठ।", '<img src=x onerror=alert(3)> भाजपा ज़िलाध्यक्ष रमाकांत ठाकुर की अध्यक्षता में '
                     "मंडल कार्यकर्ताओं की बैठक हुई। बैठक में " '"><script>alert(4)</script> भी लिखा था।'):
            archive.upsert_article(Article(
                url=HOSTILE_URL, canonical_url=HOSTILE_URL, site="hostile", title=HOSTILE_TITLE, text=text,
                author='"><b onmouseover=alert(5)>लेखक</b>', published=datetime(2026, 11, 20, 10, 0, tzinfo=IST),
                section="<i>राजनीति</i>", is_article=True))
        sync_index(archive, home / "index")
    return home


@contextmanager
def serving(home: Path, env: dict[str, str] | None = None) -> Iterator[str]:
    """`newsbot serve --port 0` over the data and index dirs of *home*, in a child process;
    yields its base URL."""
    log = home / "serve.log"
    env = {**os.environ, "NEWSBOT_DATA_DIR": str(home / "data"), "NEWSBOT_INDEX_DIR": str(home / "index"),
           **archive_env(home / "data"), **(env or {})}
    with open(log, "w") as stderr:
        process = subprocess.Popen([sys.executable, "-m", "newsbot.cli", "serve", "--port", "0"],
                                   stderr=stderr, stdout=subprocess.DEVNULL, cwd=home, env=env)
    deadline = time.monotonic() + 30
    while "http://" not in log.read_text() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    text = log.read_text()
    if "http://" not in text:
        process.kill()
        raise RuntimeError(f"newsbot serve did not start: {text}")
    try:
        yield "http://" + text.split("http://", 1)[1].split("/", 1)[0]
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def web_server(web_home):
    """`newsbot serve` over web_home; yields its base URL."""
    with serving(web_home) as url:
        yield url


# -- PostgreSQL (tests/postgres.py) ---------------------------------------------------------------

@pytest.fixture(scope="session")
def postgres():
    """A throwaway PostgreSQL cluster for the session; skipped, saying how to get PostgreSQL,
    where its binaries or psycopg are missing (a failure under CI, which installs them)."""
    from postgres import HOW_TO_GET, Cluster, server_bin

    bin_dir = server_bin()
    missing = HOW_TO_GET if bin_dir is None else None
    try:
        import psycopg  # noqa: F401
    except ImportError:
        missing = "psycopg is not installed: pip install -e '.[postgresql]'"
    if missing:
        if os.environ.get("CI"):
            pytest.fail(missing)
        pytest.skip(missing)
    cluster = Cluster(bin_dir)
    yield cluster
    cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def archive_at(request, tmp_path):
    """Where a test's archive lives, once per engine: an SQLite file, a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return tmp_path / "archive.sqlite3"
    return request.getfixturevalue("postgres").new_database()


# -- the whole suite on PostgreSQL: NEWSBOT_TEST_DB=postgresql (make test-postgres) ---------------
# Every data dir a test makes gets a database of its own, in this process (newsbot.home's
# archive_location) and in the newsbot processes it starts (NEWSBOT_DB_URL, archive_env).

ON_POSTGRES = os.environ.get("NEWSBOT_TEST_DB") == "postgresql"
_databases: dict[Path, str] = {}
_cluster = []


def _database_for(data_dir) -> str:
    from newsbot import home

    key = home.data_dir(data_dir).resolve()
    if key not in _databases:
        _databases[key] = _cluster[0].new_database()
    return _databases[key]


def archive_env(data_dir: Path) -> dict[str, str]:
    """The environment that puts a child process's archive where this process finds it."""
    return {"NEWSBOT_DB_URL": _database_for(data_dir)} if ON_POSTGRES else {}


def copy_data(source: Path, destination: Path) -> None:
    """Copy a data dir, and on PostgreSQL its archive into the destination's own database."""
    import shutil

    shutil.copytree(source, destination)
    if ON_POSTGRES:
        from newsbot.archive import Archive
        from newsbot.archive.transfer import copy_archive

        with Archive.in_dir(source) as archive, Archive.in_dir(destination) as copy:
            copy_archive(archive, copy)


def archive_db(data_dir: Path):
    """A connection to the archive of `data_dir` in whichever engine holds it; rows are read by
    index or name and compare equal to tuples, on both."""
    from newsbot import home
    from newsbot.archive import sql

    db = sql.connect(home.archive_location(data_dir))
    if not sql.is_postgres(db):
        db.row_factory = lambda cursor, values: sql.Row(values, {
            column[0]: position for position, column in reversed(list(enumerate(cursor.description)))})
    return db


@pytest.fixture(scope="session", autouse=ON_POSTGRES)
def archives_in_postgresql(request):
    from newsbot import home

    _cluster.append(request.getfixturevalue("postgres"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(home, "archive_location",
                      lambda directory=None: os.environ.get(home.DB_URL_ENV) or _database_for(directory))
        yield


def pytest_collection_modifyitems(config, items):
    """On PostgreSQL, tests of the SQLite file itself are skipped, each with its marker's reason."""
    if not ON_POSTGRES:
        return
    for item in items:
        marker = item.get_closest_marker("sqlite_only")
        if marker is not None:
            item.add_marker(pytest.mark.skip(reason="SQLite only: " + marker.args[0]))


# -- a Redis of the tests' own (tests/test_frontier.py, tests/test_shared_crawl.py) -------------------

@pytest.fixture(scope="session")
def redis_url(tmp_path_factory):
    """redis://127.0.0.1:PORT/0 of a redis-server started here on a free port, in a temp dir,
    without persistence; the tests skip when Redis is not installed."""
    import shutil
    import socket

    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed: `apt-get install redis-server` (.ci/run does)")
    import redis

    directory = tmp_path_factory.mktemp("redis")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--dir", str(directory),
                                "--save", "", "--appendonly", "no"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url)
    deadline = time.monotonic() + 15
    while True:
        try:
            client.ping()
            break
        except redis.ConnectionError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"redis-server did not start on port {port}")
            time.sleep(0.05)
    yield url
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def redis_frontier(redis_url):
    """The tests' Redis, emptied for one test."""
    import redis

    redis.Redis.from_url(redis_url).flushall()
    return redis_url

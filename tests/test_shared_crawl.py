"""Several `newsbot crawl --redis URL` workers sharing one frontier, and `newsbot index --follow`,
as a user runs them: real processes, a real redis-server (tests/conftest.py), a bundled site over
127.0.0.1 that counts every request it serves, one archive (PostgreSQL, and one SQLite file)."""

from __future__ import annotations

import fcntl
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import BUNDLED_SITES, REPO, archive_env, run_newsbot

from newsbot import home as homes
from newsbot.archive import sql
from newsbot.demo.server import DemoServer
from newsbot.search.index import document_count

pytest.importorskip("redis")

SITE = "khabar"
FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "NEWSBOT_REDIS_IDLE_TIMEOUT=1", "-s", "NEWSBOT_REDIS_WORKER_TTL=3"]
# The crawl's own run, in the same child: the default path must not load redis at all.
PLAIN_CRAWL = """
import sys
from newsbot.cli import main
code = main(sys.argv[1:])
loaded = sorted(name for name in ("redis", "scrapy_redis", "newsbot.frontier", "newsbot.scheduler") if name in sys.modules)
print(json.dumps({"code": code, "loaded": loaded}))
"""


def env(home: Path, db_url: str | None = None) -> dict:
    return {**os.environ, "NEWSBOT_DATA_DIR": str(home / "data"), "NEWSBOT_INDEX_DIR": str(home / "index"),
            **archive_env(home / "data"), **({"NEWSBOT_DB_URL": db_url} if db_url else {})}


def db_url(archive_at) -> str | None:
    """The PostgreSQL database pg13's `archive_at` fixture made, or None: the data dir's SQLite
    file, written by several processes at once (WAL)."""
    return archive_at if sql.is_url(archive_at) else None


def worker(home: Path, url: str, redis_url: str, *extra: str, db: str | None = None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "newsbot.cli", "crawl", SITE, "--url", url, "--redis", redis_url,
                             "--json", *FAST, *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=home, env=env(home, db))


def summary(process: subprocess.Popen) -> tuple[dict, str]:
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    return json.loads(out.splitlines()[-1]), err


def articles(home: Path, db: str | None = None) -> set[str]:
    """The archived articles' paths (each test serves the site on a port of its own)."""
    connection = sql.connect(db or homes.archive_location(home / "data"))
    try:
        return {urlsplit(row[0]).path for row in connection.execute("SELECT canonical_url FROM articles")}
    finally:
        connection.close()


def pages_fetched(site: DemoServer) -> dict[str, int]:
    # robots.txt is every worker's own (each obeys it), so it is the one path asked for by each.
    return {path: count for path, count in site.fetched(SITE).items() if path != "/robots.txt"}


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> tuple[set[str], int]:
    """The site crawled by one plain process (no Redis): its articles and pages."""
    home = tmp_path_factory.mktemp("plain")
    with DemoServer([BUNDLED_SITES / SITE]) as site:
        result = subprocess.run([sys.executable, "-c", "import json\n" + PLAIN_CRAWL, "crawl", SITE, "--url",
                                 site.url(SITE), "-s", "DOWNLOAD_DELAY=0"], capture_output=True, text=True,
                                cwd=REPO, env=env(home), timeout=120)
        fetched = pages_fetched(site)
    report = json.loads(result.stdout.splitlines()[-1])
    assert report == {"code": 0, "loaded": []}, result.stderr
    return articles(home), len(fetched)


def test_two_workers_fetch_each_url_once_into_one_archive(redis_frontier, reference, archive_at, tmp_path):
    expected, page_count = reference
    db = db_url(archive_at)
    # Each response takes a moment, so both workers have pages to do.
    with DemoServer([BUNDLED_SITES / SITE], delay=0.2) as site:
        url = site.url(SITE)
        first = worker(tmp_path, url, redis_frontier, db=db)
        second = worker(tmp_path, url, redis_frontier, "--join", db=db)
        (one, _), (two, _) = summary(first), summary(second)
        fetched = pages_fetched(site)
    assert one["pages"] > 0 and two["pages"] > 0, (one, two)
    assert set(fetched.values()) == {1}, {path: n for path, n in fetched.items() if n > 1}
    assert len(fetched) == page_count  # pages, sitemaps and feeds: what one plain process asks for
    assert articles(tmp_path, db) == expected
    assert one["articles_new"] + two["articles_new"] == len(expected)  # each article stored once


def test_a_worker_killed_mid_crawl_loses_nothing(redis_frontier, reference, archive_at, tmp_path):
    expected, _ = reference
    db = db_url(archive_at)
    with DemoServer([BUNDLED_SITES / SITE], delay=0.4) as site:
        url = site.url(SITE)
        doomed = worker(tmp_path, url, redis_frontier, db=db)
        deadline = time.monotonic() + 60
        while sum(pages_fetched(site).values()) < 6 and time.monotonic() < deadline:
            time.sleep(0.02)
        doomed.send_signal(signal.SIGKILL)  # with the last page asked for still being served
        doomed.communicate(timeout=30)
        assert articles(tmp_path, db) < expected
        rescuer = worker(tmp_path, url, redis_frontier, "--join", db=db)
        _, log = summary(rescuer)
    assert "requeued" in log and "workers that died mid-crawl" in log
    assert articles(tmp_path, db) == expected


def test_a_second_start_of_a_running_job_exits_3(redis_frontier, tmp_path):
    from newsbot.frontier import Frontier, connect, frontier_job

    url = "http://127.0.0.1:9/"
    running = Frontier(connect(redis_frontier), frontier_job(SITE, [url]))
    assert running.start_run()
    result = run_newsbot("crawl", SITE, "--url", url, "--redis", redis_frontier, home=tmp_path)
    assert result.returncode == 3
    assert result.stderr.startswith(f"newsbot: another crawl of {SITE}-") and "Traceback" not in result.stderr


def test_shared_crawl_usage_and_unreachable_redis(tmp_path):
    result = run_newsbot("crawl", SITE, "--join", home=tmp_path)
    assert result.returncode == 2 and "--join needs --redis" in result.stderr
    result = run_newsbot("crawl", SITE, "--url", "http://127.0.0.1:9/", "--redis", "redis://:pw@127.0.0.1:9/0",
                         home=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("newsbot: error: cannot use Redis at redis://***@127.0.0.1:9/0")
    assert len(result.stderr.strip().splitlines()) == 1


def follower(home: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "newsbot.cli", "index", "--follow", "--interval", "0.3"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=home, env=env(home))


def wait_for_documents(home: Path, count: int) -> int:
    deadline = time.monotonic() + 60
    while (found := document_count(home / "index")) < count and time.monotonic() < deadline:
        time.sleep(0.2)
    return found


def stop(process: subprocess.Popen) -> str:
    process.send_signal(signal.SIGTERM)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    return out


def test_index_follow_indexes_what_workers_archive_and_catches_up(redis_frontier, reference, tmp_path):
    expected, _ = reference
    with DemoServer([BUNDLED_SITES / SITE, BUNDLED_SITES / "gramin"]) as site:
        indexer = follower(tmp_path)
        summary(worker(tmp_path, site.url(SITE), redis_frontier, "--no-index"))
        assert wait_for_documents(tmp_path, len(expected)) == len(expected)
        assert "stopped by SIGTERM" in stop(indexer)
        # While the indexer is down a plain crawl archives another site, leaving indexing to it.
        result = run_newsbot("crawl", "gramin", "--url", site.url("gramin"), "--no-index", "-s", "DOWNLOAD_DELAY=0",
                             home=tmp_path)
        assert result.returncode == 0 and "; 0 indexed;" in result.stdout, result.stderr
    total = len(articles(tmp_path))
    assert document_count(tmp_path / "index") == len(expected) < total
    indexer = follower(tmp_path)
    assert wait_for_documents(tmp_path, total) == total
    stop(indexer)
    assert run_newsbot("verify", home=tmp_path).returncode == 0
    hits = run_newsbot("search", "ग्राम पंचायत", "--site", "gramin", "--json", home=tmp_path)
    assert hits.returncode == 0 and hits.stdout.count('"url"') > 0, hits.stderr


def held(lock: Path) -> bool:
    try:
        with open(lock, "a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except (BlockingIOError, FileNotFoundError):
        return lock.exists()
    return False


def test_one_follower_per_index(tmp_path):
    (tmp_path / "data").mkdir()
    sqlite3.connect(tmp_path / "data" / "archive.sqlite3").close()  # an empty archive: nothing to index yet
    first = follower(tmp_path)
    try:
        deadline = time.monotonic() + 30
        while not held(tmp_path / "index" / ".follow.lock") and time.monotonic() < deadline:
            time.sleep(0.05)
        second = run_newsbot("index", "--follow", home=tmp_path)
        assert second.returncode == 3 and "another `newsbot index` is writing" in second.stderr
    finally:
        stop(first)

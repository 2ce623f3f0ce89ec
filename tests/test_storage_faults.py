"""Storage faults and run control: a full disk, a damaged archive, a read-only data dir, signals.

Each case ends with one line and the right exit code, and leaves an archive that SQLite finds
intact; the next crawl then completes it, with no article lost or doubled. A full disk is a real
one: a 1 MB tmpfs mounted in a user and mount namespace (`unshare -rm`), or where that is not
allowed, a file size limit (RLIMIT_FSIZE) on the crawl's process. A read-only data dir is a
read-only bind mount in such a namespace.
"""

from __future__ import annotations

import json
import os
import resource
import shlex
import shutil
import signal
import subprocess
import sys
import time
from functools import cache
from pathlib import Path

import pytest
from conftest import REPO, archive_db, archive_env, run_newsbot
from faultsite import PARAGRAPHS, FaultSite, Reply, article, links_page

ARTICLES = 40
# Long pages (about 40 KB of Hindi each) fill a 1 MB disk within a few pages.
LONG = tuple(f"{p} अनुच्छेद {i}।" for i in range(12) for p in PARAGRAPHS)


def news_site(delay: float = 0.0) -> FaultSite:
    routes = {"/": Reply(body=links_page(*[f"/news/{i}" for i in range(ARTICLES)]))}
    for i in range(ARTICLES):
        routes[f"/news/{i}"] = Reply(body=article(f"खबर {i}: ग्राम सभा की बैठक", paragraphs=LONG), delay=delay)
    return FaultSite(routes)


def newsbot_argv(*args: str) -> list[str]:
    return [sys.executable, "-m", "newsbot.cli", *args]


def env_for(home: Path) -> dict[str, str]:
    return {**os.environ, "NEWSBOT_DATA_DIR": str(home / "data"), "NEWSBOT_INDEX_DIR": str(home / "index"),
            "PYTHONPATH": str(REPO), **archive_env(home / "data")}


@cache
def namespaces() -> bool:
    """Whether this machine lets an unprivileged process mount in its own namespace."""
    probe = "d=$(mktemp -d) && mount -t tmpfs -o size=64k tmpfs $d && umount $d && rmdir $d"
    try:
        return subprocess.run(["unshare", "-rm", "sh", "-c", probe], capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def in_namespace(script: str, argv: list[str], env: dict, timeout: float = 180) -> subprocess.CompletedProcess:
    """Run `script` (mounts, then "$@" = argv) in a new user and mount namespace."""
    return subprocess.run(["unshare", "-rm", "sh", "-c", script, "sh", *argv], capture_output=True, text=True,
                          env=env, timeout=timeout, cwd=REPO)


def summary_of(result) -> dict:
    return json.loads(result.stdout.strip().splitlines()[-1])


def intact(data: Path):
    from newsbot.archive import sql

    db = archive_db(data)
    assert sql.integrity_problems(db) == []
    return db


def assert_one_line_error(stderr: str, start: str) -> None:
    assert "Traceback" not in stderr, stderr
    assert stderr.strip().splitlines()[-1].startswith(f"newsbot: error: {start}"), stderr
    assert PARAGRAPHS[1][:30] not in stderr  # never a page body in the log


def assert_complete_after_next_crawl(site: FaultSite, home: Path) -> None:
    result = run_newsbot("crawl", "--url", site.url("/"), "-s", "DOWNLOAD_DELAY=0", "--json", home=home)
    assert result.returncode == 0, result.stderr
    db = intact(home / "data")
    urls = [row[0] for row in db.execute("SELECT canonical_url FROM articles")]
    assert len(urls) == len(set(urls)) == ARTICLES
    stats = json.loads(run_newsbot("stats", "--json", home=home).stdout)
    assert stats["articles"] == stats["index_documents"] == ARTICLES


# --- a full disk ---------------------------------------------------------------------------------

@pytest.mark.sqlite_only("the archive file on a full tmpfs")
def test_disk_full_fails_the_run_in_one_line_and_keeps_the_archive_consistent(tmp_path):
    home = tmp_path
    (home / "data").mkdir()
    with news_site() as site:
        argv = newsbot_argv("crawl", "--url", site.url("/"), "-s", "DOWNLOAD_DELAY=0", "--json")
        if namespaces():
            data = shlex.quote(str(home / "data"))
            # The data dir on a 1 MB tmpfs for the crawl; its files are copied out before the
            # namespace (and the tmpfs) goes.
            script = (f"mount -t tmpfs -o size=1m tmpfs {data} && \"$@\"; rc=$?; "
                      f"mkdir -p {data}.out && cp -a {data}/. {data}.out/; exit $rc")
            result = in_namespace(script, argv, env_for(home))
            shutil.rmtree(home / "data")
            (home / "data.out").rename(home / "data")
        else:
            limit = 1024 * 1024  # no file of the crawl may grow past 1 MB: writes fail with EFBIG
            result = subprocess.run(argv, capture_output=True, text=True, env=env_for(home), cwd=REPO, timeout=180,
                                    preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit)))
        assert result.returncode == 1
        assert_one_line_error(result.stderr, "disk full:")
        summary = summary_of(result)
        assert summary["storage_failure"].startswith("disk full:") and summary["storage_errors"] >= 1
        assert summary["finish_reason"] == "storage failed"
        db = intact(home / "data")
        stored = db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        assert stored < ARTICLES and stored == summary["articles_new"]
        assert_complete_after_next_crawl(site, home)


@pytest.mark.sqlite_only("the archive file on a full tmpfs")
def test_disk_full_fails_scrapy_crawl_too(tmp_path):
    """`scrapy crawl` is the other way in: its exit code must say the run could not store."""
    if not namespaces():
        pytest.skip("no unprivileged mount namespace here for a small disk")
    data = tmp_path / "data"
    data.mkdir()
    with news_site() as site:
        argv = [sys.executable, "-m", "scrapy", "crawl", "generic", "-a", f"url={site.url('/')}",
                "-s", "DOWNLOAD_DELAY=0"]
        result = in_namespace(f"mount -t tmpfs -o size=1m tmpfs {shlex.quote(str(data))} && \"$@\"", argv,
                              env_for(tmp_path))
    assert result.returncode == 1, result.stderr[-2000:]
    assert_one_line_error(result.stderr, "disk full:")


# --- a damaged archive ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    """A data and index dir with the news site crawled once (the site stays up)."""
    home = tmp_path_factory.mktemp("crawled")
    with news_site() as site:
        result = run_newsbot("crawl", "--url", site.url("/"), "-s", "DOWNLOAD_DELAY=0", home=home)
        assert result.returncode == 0, result.stderr
        yield home, site


READ_COMMANDS = (("stats",), ("search", "ग्राम सभा"), ("people",), ("export", "articles", "--format", "csv"))


@pytest.mark.sqlite_only("a damaged archive file")
@pytest.mark.parametrize("damage", ["not-a-database", "truncated"])
def test_damaged_archive_is_one_line_for_every_command_and_left_alone(crawled, tmp_path, damage):
    home, site = crawled
    shutil.copytree(home / "index", tmp_path / "index")
    (tmp_path / "data").mkdir()
    original = (home / "data" / "archive.sqlite3").read_bytes()
    damaged = b"this is no database " * 512 if damage == "not-a-database" else original[: len(original) // 3]
    (tmp_path / "data" / "archive.sqlite3").write_bytes(damaged)
    archive_commands = [c for c in READ_COMMANDS if c[0] != "search"]  # search reads only the index
    for command in (("crawl", "--url", site.url("/"), "-s", "DOWNLOAD_DELAY=0"), *archive_commands,
                    ("show", site.url("/news/1"))):
        result = run_newsbot(*command, home=tmp_path)
        assert result.returncode == 1, (command, result.stderr)
        assert_one_line_error(result.stderr, "archive damaged:")
        assert len(result.stderr.strip().splitlines()) == 1, (command, result.stderr)
    if damage == "not-a-database":  # refused at opening: nothing written over it
        assert (tmp_path / "data" / "archive.sqlite3").read_bytes() == damaged


# --- a read-only data dir ------------------------------------------------------------------------

@pytest.mark.sqlite_only("SQLite opening the archive file read-only on a read-only mount")
def test_read_only_commands_work_on_a_read_only_data_dir(crawled):
    if not namespaces():
        pytest.skip("no unprivileged mount namespace here for a read-only mount")
    home, site = crawled
    dirs = " ".join(shlex.quote(str(home / name)) for name in ("data", "index"))
    script = (f"for d in {dirs}; do mount --bind $d $d && mount -o remount,bind,ro $d || exit 99; done; "
              "touch " + shlex.quote(str(home / "data" / "probe")) + " 2>/dev/null && exit 98; \"$@\"")
    for command in (*READ_COMMANDS, ("show", site.url("/news/3"))):
        result = in_namespace(script, newsbot_argv(*command), env_for(home))
        assert result.returncode == 0, (command, result.stderr)
        assert result.stdout.strip() and "Traceback" not in result.stderr
    assert "खबर 3" in result.stdout


# --- signals -------------------------------------------------------------------------------------

@pytest.mark.parametrize("sig, code", [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_signal_ends_the_crawl_cleanly_and_the_next_run_completes_it(tmp_path, sig, code):
    with news_site(delay=0.3) as site:
        process = subprocess.Popen(newsbot_argv("crawl", "--url", site.url("/"), "-s", "DOWNLOAD_DELAY=0", "--json"),
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env_for(tmp_path),
                                   cwd=REPO)
        deadline = time.monotonic() + 60
        while sum(1 for path, _ in site.hits if path.startswith("/news/")) < 5 and time.monotonic() < deadline:
            time.sleep(0.1)
        process.send_signal(sig)
        stdout, stderr = process.communicate(timeout=120)
        assert process.returncode == code and "Traceback" not in stderr
        summary = json.loads(stdout.strip().splitlines()[-1])
        assert (summary["finish_reason"], summary["signal"]) == ("interrupted", sig.name)
        db = intact(tmp_path / "data")
        assert db.execute("SELECT finish_reason FROM crawls").fetchone()[0] == "interrupted"
        stored = db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        assert 0 < stored < ARTICLES and stored == summary["articles_new"] == summary["indexed"]
        assert_complete_after_next_crawl(site, tmp_path)


def test_full_index_disk_fails_the_run_and_the_next_run_indexes_what_was_archived(tmp_path):
    if not namespaces():
        pytest.skip("no unprivileged mount namespace here for a small index disk")
    (tmp_path / "index").mkdir()
    with news_site() as site:
        argv = newsbot_argv("crawl", "--url", site.url("/"), "-s", "DOWNLOAD_DELAY=0", "--json")
        script = f"mount -t tmpfs -o size=64k tmpfs {shlex.quote(str(tmp_path / 'index'))} && \"$@\""
        result = in_namespace(script, argv, env_for(tmp_path))
        assert result.returncode == 1
        assert_one_line_error(result.stderr, "disk full:")
        summary = summary_of(result)
        assert summary["articles_new"] == ARTICLES and summary["indexed"] == 0
        assert "index" in summary["storage_failure"] and summary["finish_reason"] == "storage failed"
        assert intact(tmp_path / "data").execute("SELECT finish_reason FROM crawls").fetchone()[0] == "storage failed"
        assert_complete_after_next_crawl(site, tmp_path)  # the archive kept them as not yet indexed

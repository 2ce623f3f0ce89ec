"""Run one crawl in this process: the library call behind `newsbot crawl` and `newsbot demo`.

One crawl at a time per data dir (a lock file, held once for all the sites of one command),
Scrapy settings from newsbot.settings with the caller's overrides on top, and per site the run's
record (newsbot.runs) as the archive stored it when the site's crawl ended: what was fetched,
skipped and refused and why, the bounds that held pages back, a storage failure, the signal that
interrupted the run, and the site's health.
"""

from __future__ import annotations

import fcntl
import logging
import os
import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from newsbot import home
from newsbot.archive import Archive
from newsbot.archive.errors import STORAGE_ERRORS, describe
from newsbot.progress import crawl_progress
from newsbot.runs import from_stats


class OneLineFormatter(logging.Formatter):
    """Log lines without tracebacks: operators read crawl logs line by line, and a refused
    connection is a fact about a site, not a bug (LOG_LEVEL=DEBUG shows them)."""

    def format(self, record: logging.LogRecord) -> str:
        saved = record.exc_info, record.exc_text, record.stack_info
        record.exc_info = record.exc_text = record.stack_info = None
        try:
            return super().format(record)
        finally:
            record.exc_info, record.exc_text, record.stack_info = saved


def install_log_handler(settings) -> None:
    """The run's log on stderr, or in LOG_FILE when one is set (`--log-file`, `-s LOG_FILE=`):
    Scrapy's own handler, which would honour LOG_FILE, is not installed (LOG_INSTALL_ROOT_HANDLER
    is off so that tracebacks stay out of the log), so this one must."""
    level = settings.get("LOG_LEVEL")
    if settings.get("LOG_FILE"):
        path = Path(settings.get("LOG_FILE"))
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(path, mode="a" if settings.getbool("LOG_FILE_APPEND") else "w",
                                      encoding=settings.get("LOG_ENCODING") or "utf-8")
    else:
        handler = logging.StreamHandler()
    handler.setLevel(level)
    formatter = logging.Formatter if level == "DEBUG" else OneLineFormatter
    handler.setFormatter(formatter(settings.get("LOG_FORMAT"), settings.get("LOG_DATEFORMAT")))
    root = logging.getLogger()
    root.setLevel(level)
    root.addHandler(handler)


LOCK_POLL = 0.5  # seconds between tries while waiting for another crawl's lock


class CrawlLocked(RuntimeError):
    """Another crawl holds the data dir's lock."""


class CrawlNotStarted(RuntimeError):
    """Something the crawl needs is unusable: it does not start (one line for the user)."""


class StorageFailed(CrawlNotStarted):
    """The archive cannot be written (damaged, disk full, read-only): the crawl does not start."""


@contextmanager
def crawl_lock(data_dir: Path, wait: float = 0, shared: bool = False) -> Iterator[None]:
    """Hold the data dir's crawl lock; CrawlLocked if another run still holds it after `wait`
    seconds (at once by default). *shared*: workers of shared crawls (`--redis`) and the index
    follower share it with each other, never with a crawl of its own or a rebuild.

    flock is released by the kernel when a process dies, so a killed run never leaves a
    stale lock behind.
    """
    data_dir.mkdir(parents=True, exist_ok=True)
    with open(data_dir / "crawl.lock", "a+") as handle:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(handle, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() < deadline:
                    time.sleep(min(LOCK_POLL, max(deadline - time.monotonic(), 0)))
                    continue
                handle.seek(0)
                holder = handle.read().strip() or "another process"
                raise CrawlLocked(f"another crawl is running on {data_dir} ({holder})") from None
        if shared:  # the holders' pids would overwrite each other; the file names the exclusive one
            yield
            return
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}")
        handle.flush()
        try:
            yield
        finally:
            handle.truncate(0)


def crawl_settings(data_dir: Path, index_dir: Path, overrides: dict[str, str] | None = None):
    """newsbot.settings with the data/index dirs and the caller's `-s NAME=VALUE` overrides."""
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "newsbot.settings")
    from scrapy.utils.project import get_project_settings

    settings = get_project_settings()
    settings.set("NEWSBOT_DATA_DIR", str(data_dir), priority="cmdline")
    settings.set("NEWSBOT_INDEX_DIR", str(index_dir), priority="cmdline")
    overrides = dict(overrides or {})
    # Asking for no delay means from the first request too, not after AutoThrottle's start delay.
    if "DOWNLOAD_DELAY" in overrides and "AUTOTHROTTLE_START_DELAY" not in overrides:
        overrides["AUTOTHROTTLE_START_DELAY"] = overrides["DOWNLOAD_DELAY"]
    for name, value in overrides.items():
        settings.set(name, value, priority="cmdline")
    return settings


def check_archive(data_dir: Path) -> None:
    """Open (or create) the archive before crawling: a damaged, full or read-only one is one
    line (StorageFailed) before anything is fetched, and is left as it is. Runs a killed crawl
    left unended are marked so (the caller holds the lock: none of them is still going)."""
    try:
        with Archive.in_dir(data_dir) as archive:
            archive.end_abandoned_runs()
    except STORAGE_ERRORS as error:
        raise StorageFailed(describe(error)) from None


def run_crawls(jobs: list[tuple[str, list[str] | None]], *, data_dir: Path | None = None,
               index_dir: Path | None = None, max_pages: int | None = None,
               overrides: dict[str, str] | None = None, wait: float = 0, progress: bool = False,
               index: bool = True, redis_url: str | None = None, join: bool = False) -> list[dict]:
    """Crawl each (site profile name, start URLs or None) job side by side; archive and index;
    return each job's run record (newsbot.runs). `wait`: seconds to wait for another crawl's
    lock before CrawlLocked; `progress`: show a progress bar on stderr (newsbot.progress).
    `index=False`: leave indexing to `newsbot index` (--follow). `redis_url`: share each job's
    frontier with every other worker on that Redis (newsbot.frontier): start a run of it, or
    with `join` help the run in progress; CrawlLocked when a run of the job is in progress and
    `join` is not set.

    Runs Scrapy's reactor, so it can be called once per process. SIGTERM or SIGINT stops the
    crawl cleanly (what was fetched is archived, the runs recorded as interrupted); a second
    one stops it at once.
    """
    from newsbot.spiders import spider_class

    data_dir, index_dir = home.data_dir(data_dir), home.index_dir(index_dir)
    settings = crawl_settings(data_dir, index_dir, overrides)
    if not index:
        settings.set("ITEM_PIPELINES", {**settings.getdict("ITEM_PIPELINES"), "newsbot.pipelines.IndexPipeline": None},
                     priority="cmdline")
    with crawl_lock(data_dir, wait=wait, shared=redis_url is not None):
        check_archive(data_dir)
        with _frontiers(jobs, redis_url, join, settings, wait) as frontiers:
            started = time.monotonic()
            settings.set("LOG_INSTALL_ROOT_HANDLER", False, priority="cmdline")
            process = _process_class()(settings)
            install_log_handler(settings)
            crawlers = []
            for (site, urls), frontier in zip(jobs, frontiers, strict=True):
                crawler = process.create_crawler(spider_class(site))
                shared = {"frontier": frontier, "frontier_join": join} if frontier else {}
                process.crawl(crawler, url=urls or None, max_pages=max_pages, **shared)
                crawlers.append(crawler)
            with crawl_progress(crawlers, ", ".join(site for site, _ in jobs), progress):
                process.start()
    seconds = time.monotonic() - started
    return [_record(crawler.stats.get_stats(), site, seconds) for (site, _), crawler in zip(jobs, crawlers, strict=True)]


@contextmanager
def _frontiers(jobs, redis_url: str | None, join: bool, settings, wait: float) -> Iterator[list]:
    """Each job's shared frontier (None without Redis: nothing of redis is imported then), its
    run claimed unless `join`."""
    if redis_url is None:
        yield [None] * len(jobs)
        return
    from newsbot.frontier import Frontier, FrontierError, RunActive, claim_runs, connect, frontier_job, redact

    settings.set("SCHEDULER", "newsbot.scheduler.FrontierScheduler", priority="cmdline")
    try:
        server = connect(redis_url)
        frontiers = [Frontier(server, frontier_job(site, urls), ttl=settings.getfloat("NEWSBOT_REDIS_WORKER_TTL"))
                     for site, urls in jobs]
        if not join:
            claim_runs(frontiers, wait)
    except RunActive as error:
        raise CrawlLocked(f"{error} on {redact(redis_url)}") from None
    except FrontierError as error:
        raise CrawlNotStarted(str(error)) from None
    yield frontiers


def _process_class():
    from scrapy.crawler import CrawlerProcess

    class SignalledProcess(CrawlerProcess):
        """Scrapy's process, telling each crawl which SIGTERM/SIGINT stopped it (newsbot/signal:
        the run's record and exit code name it)."""

        def _signal_shutdown(self, signum, frame):
            for crawler in self.crawlers:
                if not crawler.stats.get_value("newsbot/signal"):
                    crawler.stats.set_value("newsbot/signal", signal.Signals(signum).name)
            super()._signal_shutdown(signum, frame)

    return SignalledProcess


def _record(stats: dict, site: str, seconds: float) -> dict:
    """The run's record as the archive stored it, or, when it could not be stored (the archive
    failed), as the stats give it."""
    if stats.get("newsbot/record"):
        return stats["newsbot/record"]
    record = from_stats(stats, site=site, target=stats.get("newsbot/target", site),
                        reason=str(stats.get("finish_reason", "")))
    return record | {"seconds": round(seconds, 1)}

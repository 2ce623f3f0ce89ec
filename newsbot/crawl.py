"""Run one crawl in this process: the library call behind `newsbot crawl` and `newsbot demo`.

One crawl at a time per data dir (a lock file), Scrapy settings from newsbot.settings with the
caller's overrides on top, and a summary read from the crawl's stats when it ends: what was
fetched, what was refused and why, the bounds that held pages back, a storage failure, and the
signal that interrupted the run.
"""

from __future__ import annotations

import fcntl
import logging
import os
import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from newsbot import home
from newsbot.archive import Archive
from newsbot.archive.errors import STORAGE_ERRORS, describe
from newsbot.urls import display_url


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


class StorageFailed(RuntimeError):
    """The archive cannot be written (damaged, disk full, read-only): the crawl does not start."""


# Counts read from the stats (newsbot/NAME), in the order the summary line names them.
COUNTED = ("pages", "articles_new", "articles_updated", "articles_unchanged", "skipped", "errors",
           "disallowed", "robots_5xx", "robots_unreachable", "offsite", "too_large", "storage_errors", "indexed")
# Pages not fetched, and why: named in the summary line only when there were some.
REFUSED = {"robots_5xx": "robots.txt 5xx", "robots_unreachable": "robots.txt unreachable",
           "offsite": "offsite", "too_large": "too large", "storage_errors": "not stored"}
BOUNDS = ("max_pages", "max_depth", "path_repeats")
SIGNAL_EXIT = {signal.SIGINT: 130, signal.SIGTERM: 143}  # 128 + signal number, as shells report


@dataclass
class CrawlSummary:
    target: str
    pages: int = 0
    articles_new: int = 0
    articles_updated: int = 0
    articles_unchanged: int = 0
    skipped: int = 0
    errors: int = 0
    disallowed: int = 0
    robots_5xx: int = 0
    robots_unreachable: int = 0
    offsite: int = 0
    too_large: int = 0
    retried: int = 0
    storage_errors: int = 0
    indexed: int = 0
    seconds: float = 0.0
    finish_reason: str = ""
    # The first bound that held pages back ("max_pages", "max_depth", "path_repeats"), and how
    # many pages each one held back.
    bound: str | None = None
    held_back: dict[str, int] = field(default_factory=dict)
    storage_failure: str | None = None
    signal: str | None = None  # "SIGTERM" or "SIGINT" when one interrupted the run

    @property
    def articles(self) -> int:
        return self.articles_new + self.articles_updated + self.articles_unchanged

    @property
    def exit_code(self) -> int:
        """130/143 when interrupted, 1 when storing failed or no page was fetched, else 0."""
        if self.signal:
            return SIGNAL_EXIT[signal.Signals[self.signal]]
        return 1 if self.storage_failure or self.pages == 0 else 0

    def line(self) -> str:
        refused = "".join(f", {getattr(self, name)} {label}" for name, label in REFUSED.items() if getattr(self, name))
        reason = self.finish_reason
        if self.bound:
            held = sum(self.held_back.values())
            reason += f"; stopped at bound {self.bound}: {held} pages held back"
        return (
            f"crawl {self.target}: {self.pages} pages, {self.articles} articles "
            f"({self.articles_new} new, {self.articles_updated} updated, "
            f"{self.articles_unchanged} unchanged), {self.skipped} skipped, {self.errors} errors, "
            f"{self.disallowed} disallowed by robots.txt{refused}; {self.indexed} indexed; "
            f"{self.seconds:.1f} s ({reason})"
        )


@contextmanager
def crawl_lock(data_dir: Path, wait: float = 0) -> Iterator[None]:
    """Hold the data dir's crawl lock; CrawlLocked if another run still holds it after `wait`
    seconds (at once by default).

    flock is released by the kernel when a process dies, so a killed run never leaves a
    stale lock behind.
    """
    data_dir.mkdir(parents=True, exist_ok=True)
    with open(data_dir / "crawl.lock", "a+") as handle:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() < deadline:
                    time.sleep(min(LOCK_POLL, max(deadline - time.monotonic(), 0)))
                    continue
                handle.seek(0)
                holder = handle.read().strip() or "another process"
                raise CrawlLocked(f"another crawl is running on {data_dir} ({holder})") from None
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
    line (StorageFailed) before anything is fetched, and is left as it is."""
    try:
        Archive.in_dir(data_dir).close()
    except STORAGE_ERRORS as error:
        raise StorageFailed(describe(error)) from None


def run_crawls(jobs: list[tuple[str, list[str] | None]], *, data_dir: Path | None = None,
               index_dir: Path | None = None, max_pages: int | None = None,
               overrides: dict[str, str] | None = None, wait: float = 0) -> list[CrawlSummary]:
    """Crawl each (site profile name, start URLs or None) job side by side; archive and index.
    `wait`: seconds to wait for another crawl's lock before CrawlLocked.

    Runs Scrapy's reactor, so it can be called once per process. SIGTERM or SIGINT stops the
    crawl cleanly (what was fetched is archived, the crawl recorded as interrupted); a second
    one stops it at once.
    """
    from newsbot.spiders import spider_class

    data_dir, index_dir = home.data_dir(data_dir), home.index_dir(index_dir)
    settings = crawl_settings(data_dir, index_dir, overrides)
    with crawl_lock(data_dir, wait=wait):
        check_archive(data_dir)
        started = time.monotonic()
        settings.set("LOG_INSTALL_ROOT_HANDLER", False, priority="cmdline")
        process = _process_class()(settings)
        install_log_handler(settings)
        crawlers = []
        for site, urls in jobs:
            crawler = process.create_crawler(spider_class(site))
            process.crawl(crawler, url=urls or None, max_pages=max_pages)
            crawlers.append(crawler)
        process.start()
    seconds = time.monotonic() - started
    caught = signal.Signals(process.caught).name if process.caught else None
    return [_summary(site, urls, crawler.stats.get_stats(), seconds, caught)
            for (site, urls), crawler in zip(jobs, crawlers, strict=True)]


def _process_class():
    from scrapy.crawler import CrawlerProcess

    class SignalledProcess(CrawlerProcess):
        """Scrapy's process, remembering the first SIGTERM/SIGINT that stopped it (for the exit code)."""

        caught: int | None = None

        def _signal_shutdown(self, signum, frame):
            self.caught = self.caught or signum
            super()._signal_shutdown(signum, frame)

    return SignalledProcess


def _summary(site: str, urls: list[str] | None, stats: dict, seconds: float, caught: str | None) -> CrawlSummary:
    reason = "storage failed" if stats.get("newsbot/storage_failure") else str(stats.get("finish_reason", ""))
    summary = CrawlSummary(target=f"{site} {' '.join(map(display_url, urls))}" if urls else site, seconds=seconds,
                           finish_reason="interrupted" if caught or reason == "shutdown" else reason,
                           signal=caught, storage_failure=stats.get("newsbot/storage_failure"),
                           retried=int(stats.get("retry/count", 0)))
    for name in COUNTED:
        setattr(summary, name, int(stats.get(f"newsbot/{name}", 0)))
    summary.held_back = {name: int(stats[f"newsbot/held_back/{name}"]) for name in BOUNDS
                         if stats.get(f"newsbot/held_back/{name}")}
    summary.bound = stats.get("newsbot/bound")
    return summary

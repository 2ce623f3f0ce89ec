"""Item pipelines: thin Scrapy adapters over the archive, analysis and index stages.

ArchivePipeline stores every CrawledPage (raw bytes kept) and upserts its article.
IndexPipeline analyses (people, roles, parties, event types: newsbot.people) and indexes the
new and changed articles: every NEWSBOT_INDEX_BATCH of them in a worker process while the
crawl runs, so that fetching and extracting in this process go on meanwhile (on the machine's
other core), and what is left when the crawl closes. An interrupted run leaves nothing the next
run cannot analyse and index.

A write that fails (disk full, damaged archive) stops storing: one line names the cause, the
stats say it (newsbot/storage_failure, newsbot/storage_errors: pages not stored) and the crawl
closes with reason "storage failed". What was stored stays as the database committed it. An
index write that fails while the crawl runs stops the syncs in between; the one at the end says it.
"""

from __future__ import annotations

import logging
import signal
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context

from scrapy import signals
from scrapy.utils.defer import deferred_from_coro, maybe_deferred_to_future
from twisted.internet.defer import Deferred

from newsbot import home
from newsbot.archive import Archive
from newsbot.archive.errors import DB_ERRORS, STORAGE_ERRORS, describe
from newsbot.health import HISTORY, layout_warning
from newsbot.ingest import store
from newsbot.items import CrawledPage
from newsbot.runs import STORAGE_FAILED, from_stats, reason_key
from newsbot.search.sync import sync_dirs, sync_index
from newsbot.urls import display_url

LOGGER = logging.getLogger(__name__)


def storage_failed(crawler, error: BaseException, what: str = "archive") -> None:
    """Say once why storing failed, count it, and close the crawl: nothing more is stored."""
    stats = crawler.stats
    stats.inc_value("newsbot/storage_errors")
    if stats.get_value("newsbot/storage_failure"):
        return
    message = describe(error, what)
    stats.set_value("newsbot/storage_failure", message)
    LOGGER.error("%s; stopping the crawl", message)
    if crawler.engine is not None and crawler.engine.spider is not None:
        deferred_from_coro(crawler.engine.close_spider_async(reason=STORAGE_FAILED))


class ArchivePipeline:
    """Stores each page and its article, counts what became of it (skipped pages by reason), and
    records the run: started when the spider opens, its record (newsbot.runs) with the site's
    health (newsbot.health) when it closes; the record goes back through the stats
    (newsbot/record) to whoever prints it."""

    def __init__(self, crawler, data_dir, site: str):
        self.crawler = crawler
        self.data_dir = home.data_dir(data_dir)
        self.stats = crawler.stats
        self.site = site
        self.archive: Archive | None = None
        self.crawl_id = 0
        self.started = time.monotonic()

    @classmethod
    def from_crawler(cls, crawler):
        pipeline = cls(crawler, crawler.settings.get("NEWSBOT_DATA_DIR"), crawler.spidercls.name)
        # The finish reason is known only at spider_closed, after pipelines have closed.
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    def open_spider(self):
        spider = self.crawler.spider
        urls = list(getattr(spider, "start_urls", ()))
        profile = getattr(spider, "profile", None)
        own = urls == list(profile.start_urls) if profile is not None else not urls
        target = self.site if own else f"{self.site} {' '.join(map(display_url, urls))}"
        self.site = getattr(spider, "run_site", self.site)
        self.stats.set_value("newsbot/target", target)
        self.started = time.monotonic()
        try:
            self.archive = Archive.in_dir(self.data_dir)
            # The target column keeps the profile's name (runs from before the site column are
            # looked up by it); the record's target, with the start URLs, is kept with the rest.
            self.crawl_id = self.archive.start_crawl(self.crawler.spidercls.name, site=self.site)
        except STORAGE_ERRORS as error:
            storage_failed(self.crawler, error)

    def process_item(self, item: CrawledPage):
        if self.stats.get_value("newsbot/storage_failure"):
            self.stats.inc_value("newsbot/storage_errors")  # a page fetched but not stored
            return item
        try:
            outcome = store(self.archive, item)
        except STORAGE_ERRORS as error:
            storage_failed(self.crawler, error)
            return item
        if outcome == "not_modified":  # a 304: no page stored
            self.stats.inc_value("newsbot/not_modified")
            return item
        self.stats.inc_value("newsbot/pages")
        if outcome == "skipped":
            self.stats.inc_value("newsbot/skipped")
            self.stats.inc_value(f"newsbot/skip_reasons/{reason_key(item.page.reason)}")
        else:
            self.stats.inc_value(f"newsbot/articles_{outcome}")
        return item

    def spider_closed(self, reason: str):
        if self.archive is None:
            return
        stats = self.stats.get_stats()
        record = from_stats(stats, site=self.site, target=stats.get("newsbot/target", self.site), reason=reason)
        record["seconds"] = round(time.monotonic() - self.started, 1)
        try:
            history = self.archive.runs(site=self.site, kind="crawl", before=self.crawl_id, limit=HISTORY)
            record["health"] = layout_warning(record, history)
            if record["health"]:  # INFO: `newsbot crawl` says it on stderr itself, once
                LOGGER.info("%s", record["health"])
            stored = self.archive.finish_crawl(self.crawl_id, record, record["finish_reason"])
            self.stats.set_value("newsbot/record", stored)
        except STORAGE_ERRORS as error:  # the disk that filled up may refuse this last line too
            storage_failed(self.crawler, error)
        finally:
            self.archive.close()


class IndexPipeline:
    def __init__(self, crawler, data_dir, index_dir, batch: int = 0):
        self.crawler = crawler
        self.data_dir = home.data_dir(data_dir)
        self.index_dir = home.index_dir(index_dir)
        self.stats = crawler.stats
        self.batch = batch
        self.next_sync = batch  # new + updated articles at which the next worker sync starts
        self.worker: ProcessPoolExecutor | None = None
        self.running: Deferred | None = None
        self.stopped = False  # a worker sync failed: only the sync at the end tries again

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        return cls(crawler, settings.get("NEWSBOT_DATA_DIR"), settings.get("NEWSBOT_INDEX_DIR"),
                   settings.getint("NEWSBOT_INDEX_BATCH"))

    def process_item(self, item: CrawledPage):
        changed = self.stats.get_value("newsbot/articles_new", 0) + self.stats.get_value("newsbot/articles_updated", 0)
        if (self.batch and changed >= self.next_sync and self.running is None and not self.stopped
                and not self.stats.get_value("newsbot/storage_failure")):
            self.next_sync = changed + self.batch
            self.running = self._in_worker().addBoth(self._synced)
        return item

    def _in_worker(self) -> Deferred:
        """sync_dirs(scan=False) in the worker process (started at the first use), as a Deferred."""
        from twisted.internet import reactor

        if self.worker is None:
            # spawn: a fork of a process running Twisted's reactor and threads is not safe.
            self.worker = ProcessPoolExecutor(1, mp_context=get_context("spawn"), initializer=_ignore_interrupts)
        done: Deferred = Deferred()
        future = self.worker.submit(sync_dirs, self.data_dir, self.index_dir, False)
        future.add_done_callback(lambda finished: reactor.callFromThread(done.callback, finished))
        return done

    def _synced(self, future) -> None:
        self.running = None
        try:
            count = future.result()
            self.stats.inc_value("newsbot/indexed", count)
            LOGGER.info("analysed and indexed %d new or changed articles in the worker process", count)
        except DB_ERRORS as error:  # the archive failed: nothing more can be stored
            storage_failed(self.crawler, error)
        except Exception as error:  # noqa: BLE001 - the index is derived: the crawl goes on archiving
            self.stopped = True
            LOGGER.warning("%s; the index is brought up to date when the crawl ends", describe(error, "index"))

    async def close_spider(self):
        if self.running is not None:
            await maybe_deferred_to_future(self.running)
        if self.worker is not None:
            self.worker.shutdown()
        if self.stats.get_value("newsbot/storage_failure"):
            return  # the next run indexes what this one archived: articles stay marked unindexed
        try:
            with Archive.in_dir(self.data_dir) as archive:
                self.stats.inc_value("newsbot/indexed", sync_index(archive, self.index_dir))
        except Exception as error:  # noqa: BLE001 - the index is derived: any failure is one line, not a traceback
            storage_failed(self.crawler, error, what="archive" if isinstance(error, DB_ERRORS) else "index")


def _ignore_interrupts() -> None:
    """The worker finishes its sync when the crawl is interrupted (Ctrl-C reaches the whole
    process group); the crawl's process decides when to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)

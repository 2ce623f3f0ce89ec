"""Item pipelines: thin Scrapy adapters over the archive, analysis and index stages.

ArchivePipeline stores every CrawledPage (raw bytes kept), upserts its article and, when the
article is new or changed, analyses it (people, roles, parties, event types: newsbot.people);
IndexPipeline brings the Whoosh index up to date from the archive when the crawl closes, so
an interrupted run leaves nothing the next run cannot analyse and index.

A write that fails (disk full, damaged archive) stops storing: one line names the cause, the
stats say it (newsbot/storage_failure, newsbot/storage_errors: pages not stored) and the crawl
closes with reason "storage failed". What was stored stays as the database committed it.
"""

from __future__ import annotations

import logging

from scrapy import signals
from scrapy.utils.defer import deferred_from_coro

from newsbot import home
from newsbot.archive import Archive
from newsbot.archive.errors import DB_ERRORS, STORAGE_ERRORS, describe
from newsbot.ingest import store
from newsbot.items import CrawledPage
from newsbot.search.sync import sync_index

LOGGER = logging.getLogger(__name__)
COUNTS = ("pages", "articles_new", "articles_updated", "articles_unchanged", "skipped", "errors")
STORAGE_FAILED = "storage failed"
# Scrapy's reason for a crawl stopped by SIGTERM/SIGINT (crawler.stop()), and the one we record.
SHUTDOWN, INTERRUPTED = "shutdown", "interrupted"


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
    def __init__(self, crawler, data_dir, target: str):
        self.crawler = crawler
        self.data_dir = home.data_dir(data_dir)
        self.stats = crawler.stats
        self.target = target
        self.archive: Archive | None = None
        self.crawl_id = 0

    @classmethod
    def from_crawler(cls, crawler):
        pipeline = cls(crawler, crawler.settings.get("NEWSBOT_DATA_DIR"), crawler.spidercls.name)
        # The finish reason is known only at spider_closed, after pipelines have closed.
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    def open_spider(self):
        try:
            self.archive = Archive.in_dir(self.data_dir)
            self.crawl_id = self.archive.start_crawl(self.target)
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
        self.stats.inc_value("newsbot/pages")
        self.stats.inc_value("newsbot/skipped" if outcome == "skipped" else f"newsbot/articles_{outcome}")
        return item

    def spider_closed(self, reason: str):
        if self.archive is None:
            return
        counts = {name: self.stats.get_value(f"newsbot/{name}", 0) for name in COUNTS}
        if self.stats.get_value("newsbot/storage_failure"):
            reason = STORAGE_FAILED  # also when only the index failed, after the crawl had finished
        try:
            self.archive.finish_crawl(self.crawl_id, counts, INTERRUPTED if reason == SHUTDOWN else reason)
        except STORAGE_ERRORS as error:  # the disk that filled up may refuse this last line too
            storage_failed(self.crawler, error)
        finally:
            self.archive.close()


class IndexPipeline:
    def __init__(self, crawler, data_dir, index_dir):
        self.crawler = crawler
        self.data_dir = home.data_dir(data_dir)
        self.index_dir = home.index_dir(index_dir)
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        return cls(crawler, settings.get("NEWSBOT_DATA_DIR"), settings.get("NEWSBOT_INDEX_DIR"))

    def process_item(self, item: CrawledPage):
        return item

    def close_spider(self):
        if self.stats.get_value("newsbot/storage_failure"):
            return  # the next run indexes what this one archived: articles stay marked unindexed
        try:
            with Archive.in_dir(self.data_dir) as archive:
                self.stats.set_value("newsbot/indexed", sync_index(archive, self.index_dir))
        except Exception as error:  # noqa: BLE001 - the index is derived: any failure is one line, not a traceback
            storage_failed(self.crawler, error, what="archive" if isinstance(error, DB_ERRORS) else "index")

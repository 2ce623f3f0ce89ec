"""Item pipelines: thin Scrapy adapters over the archive, analysis and index stages.

ArchivePipeline stores every CrawledPage (raw bytes kept), upserts its article and, when the
article is new or changed, analyses it (people, roles, parties, event types: newsbot.people);
IndexPipeline brings the Whoosh index up to date from the archive when the crawl closes, so
an interrupted run leaves nothing the next run cannot analyse and index.
"""

from __future__ import annotations

from scrapy import signals

from newsbot import home
from newsbot.archive import Archive
from newsbot.ingest import store
from newsbot.items import CrawledPage
from newsbot.search.sync import sync_index

COUNTS = ("pages", "articles_new", "articles_updated", "articles_unchanged", "skipped", "errors")


class ArchivePipeline:
    def __init__(self, data_dir, stats, target: str):
        self.data_dir = home.data_dir(data_dir)
        self.stats = stats
        self.target = target
        self.archive: Archive | None = None
        self.crawl_id = 0

    @classmethod
    def from_crawler(cls, crawler):
        pipeline = cls(crawler.settings.get("NEWSBOT_DATA_DIR"), crawler.stats, crawler.spidercls.name)
        # The finish reason is known only at spider_closed, after pipelines have closed.
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    def open_spider(self):
        self.archive = Archive.in_dir(self.data_dir)
        self.crawl_id = self.archive.start_crawl(self.target)

    def process_item(self, item: CrawledPage):
        outcome = store(self.archive, item)
        self.stats.inc_value("newsbot/pages")
        self.stats.inc_value("newsbot/skipped" if outcome == "skipped" else f"newsbot/articles_{outcome}")
        return item

    def spider_closed(self, reason: str):
        counts = {name: self.stats.get_value(f"newsbot/{name}", 0) for name in COUNTS}
        self.archive.finish_crawl(self.crawl_id, counts, reason)
        self.archive.close()


class IndexPipeline:
    def __init__(self, data_dir, index_dir, stats):
        self.data_dir = home.data_dir(data_dir)
        self.index_dir = home.index_dir(index_dir)
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        return cls(settings.get("NEWSBOT_DATA_DIR"), settings.get("NEWSBOT_INDEX_DIR"), crawler.stats)

    def process_item(self, item: CrawledPage):
        return item

    def close_spider(self):
        with Archive.in_dir(self.data_dir) as archive:
            self.stats.set_value("newsbot/indexed", sync_index(archive, self.index_dir))

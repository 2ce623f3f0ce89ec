"""The crawl peer of benchmarks/scale.py: a plain Scrapy CrawlSpider that follows every link of
the start URL's host and extracts each page with trafilatura into JSON lines (no archive, no
analysis, no index). Run by scale_peers.py with `scrapy runspider`; writes its stats to
peer-stats.json in the working directory."""

import json
from urllib.parse import urlsplit

import trafilatura
from scrapy import signals
from scrapy.linkextractors import LinkExtractor
from scrapy.spiders import CrawlSpider, Rule


class PeerSpider(CrawlSpider):
    name = "peer"

    def __init__(self, start: str, *args, **kwargs):
        self.start_urls = [start]
        self.allowed_domains = [urlsplit(start).hostname]
        # LinkExtractor compares host and port (the test site runs on a random port).
        same_site = LinkExtractor(allow_domains=[urlsplit(start).netloc])
        self.rules = (Rule(same_site, callback="parse_item", follow=True),)
        super().__init__(*args, **kwargs)

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.save_stats, signal=signals.spider_closed)
        return spider

    def save_stats(self):
        with open("peer-stats.json", "w", encoding="utf-8") as handle:
            json.dump(self.crawler.stats.get_stats(), handle, default=str)

    def parse_item(self, response):
        if not hasattr(response, "text"):
            return
        found = trafilatura.bare_extraction(response.text, url=response.url)
        if found is not None and found.text:
            yield {"url": response.url, "title": found.title, "text": found.text}

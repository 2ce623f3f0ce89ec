"""The Scrapy side of the shared Redis frontier (newsbot.frontier): scrapy-redis's scheduler and
duplicate filter, with a queue that loses nothing when a worker dies and an end to a shared run.

`newsbot crawl --redis URL` (newsbot.crawl) sets SCHEDULER to FrontierScheduler and hands each
spider its Frontier (`spider.frontier`). Only then is this module, and redis, imported.

A request is finished when the engine is done with it: its response or failure went through the
spider and the pipelines (the page is archived), or a downloader middleware replaced it by
another request (a retry, a redirect) that is queued. Scrapy has no signal for the first, so the
scheduler wraps the scraper's `enqueue_scrape` (what the engine awaits for every response and
failure); the second is seen when the successor, which carries the same meta, is queued.
"""

from __future__ import annotations

import logging
import time

from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy_redis import picklecompat
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.queue import PriorityQueue
from scrapy_redis.scheduler import Scheduler
from twisted.internet.task import LoopingCall

from newsbot.frontier import Frontier

LOGGER = logging.getLogger(__name__)
TOKEN = "newsbot_inflight"  # request.meta key: the request's entry in its worker's in-flight hash


class FrontierQueue(PriorityQueue):
    """scrapy-redis's priority queue (same encoding), popping into the worker's in-flight hash."""

    def __init__(self, spider, frontier: Frontier):
        super().__init__(frontier.server, spider, frontier.queue_key, picklecompat)
        self.frontier = frontier

    def push(self, request) -> None:
        finished = request.meta.pop(TOKEN, None)
        self.frontier.push(self._encode_request(request), -request.priority, finished)

    def pop(self, timeout=0):
        popped = self.frontier.pop()
        if popped is None:
            return None
        request = self._decode_request(popped[0])
        request.meta[TOKEN] = popped[1]
        return request


class FrontierScheduler(Scheduler):
    """scrapy-redis's Scheduler over the spider's Frontier: requests queued once across workers,
    each one in flight until finished, dead workers' requests requeued, and the spider kept open
    while any worker may still add requests (settings NEWSBOT_REDIS_*)."""

    def __init__(self, server, crawler, idle_timeout: float):
        super().__init__(server, persist=True)
        self.crawler = crawler
        self.idle_timeout = idle_timeout
        self.idle_since: float | None = None
        self.drained = False
        self.frontier: Frontier | None = None
        self._beat: LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler):
        frontier = crawler.spider.frontier
        scheduler = cls(frontier.server, crawler, crawler.settings.getfloat("NEWSBOT_REDIS_IDLE_TIMEOUT"))
        scheduler.stats = crawler.stats
        crawler.signals.connect(scheduler.spider_idle, signal=signals.spider_idle)
        return scheduler

    def open(self, spider):
        self.spider = spider
        self.frontier = frontier = spider.frontier
        self.queue = FrontierQueue(spider, frontier)
        self.df = RFPDupeFilter(frontier.server, key=frontier.seen_key,
                                debug=self.crawler.settings.getbool("DUPEFILTER_DEBUG"))
        frontier.heartbeat()
        recovered = frontier.recover()
        if recovered:
            LOGGER.warning("requeued %d requests of workers that died mid-crawl", recovered)
        self._beat = LoopingCall(frontier.heartbeat)
        self._beat.start(max(frontier.ttl / 3, 0.5), now=False)
        self._track_finished(self.crawler.engine.scraper)

    def close(self, reason):
        if self._beat is not None and self._beat.running:
            self._beat.stop()
        self.frontier.leave(finished=self.drained)

    # scrapy-redis's own two pass `spider=` to the stats, which Scrapy >= 2.14 deprecates.
    def enqueue_request(self, request) -> bool:
        if not request.dont_filter and self.df.request_seen(request):
            self.df.log(request, self.spider)
            if TOKEN in request.meta:  # a retry or redirect the duplicate filter dropped
                self.frontier.done(request.meta.pop(TOKEN))
            return False
        self.stats.inc_value("scheduler/enqueued/redis")
        self.queue.push(request)
        return True

    def next_request(self):
        request = self.queue.pop()
        if request is not None:
            self.stats.inc_value("scheduler/dequeued/redis")
        return request

    def spider_idle(self) -> None:
        """Keep the spider open while the shared frontier may still grow: requests queued, or in
        flight on any worker (a dead one's come back once its heartbeat expires). Close once it
        has been empty for NEWSBOT_REDIS_IDLE_TIMEOUT seconds (the run is over)."""
        frontier = self.frontier
        recovered = frontier.recover()
        if recovered:
            LOGGER.warning("requeued %d requests of workers that died mid-crawl", recovered)
        if frontier.queued() or frontier.in_flight():
            self.idle_since = None
            raise DontCloseSpider
        now = time.monotonic()
        self.idle_since = self.idle_since or now
        if now - self.idle_since < self.idle_timeout:
            raise DontCloseSpider
        self.drained = True

    def _track_finished(self, scraper) -> None:
        # What the engine awaits for each response or failure: spider callback, then pipelines.
        enqueue_scrape = scraper.enqueue_scrape

        def tracked(result, request):
            deferred = enqueue_scrape(result, request)
            token = request.meta.get(TOKEN)
            if token:
                deferred.addBoth(self._finished, token)
            return deferred

        scraper.enqueue_scrape = tracked

    def _finished(self, result, token: str):
        self.frontier.done(token)
        return result

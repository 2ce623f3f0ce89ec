"""Scrapy settings for newsbot: a polite crawl policy, then newsbot's own settings.

Override any of them per run with `newsbot crawl ... -s NAME=VALUE` (or `scrapy crawl -s`).
Groups are alphabetical within; the enabling flag of a component comes first.
"""

BOT_NAME = "newsbot"
SPIDER_MODULES = ["newsbot.spiders"]
NEWSPIDER_MODULE = "newsbot.spiders"
COMMANDS_MODULE = "newsbot.commands"  # `scrapy crawl` checks its -a arguments first

# -- politeness: small sites run on shared hosting; never hammer them -------------------------
ROBOTSTXT_OBEY = True
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
# The project's URL in it is replaced by NEWSBOT_CONTACT (newsbot.middlewares).
USER_AGENT = "newsbot/0.1 (+https://github.com/newsbot-hi/newsbot; Hindi news research archive)"

# -- throughput --------------------------------------------------------------------------------
# Scrapy starts this many tasks for every response, however few items and links it yields;
# newsbot's pipelines store an item before taking the next, so its default 100 only cost CPU.
CONCURRENT_ITEMS = 4

# -- robustness --------------------------------------------------------------------------------
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024  # article pages are < 2 MB; anything bigger is not one
DOWNLOAD_TIMEOUT = 30.0  # seconds; a float, as Scrapy reads it
RETRY_ENABLED = True
RETRY_TIMES = 2  # initial request + 2 retries

# -- output ------------------------------------------------------------------------------------
LOG_LEVEL = "INFO"
TELNETCONSOLE_ENABLED = False

# -- downloader middlewares (newsbot.middlewares, newsbot.guards) ------------------------------
# process_request runs in ascending order, process_response in descending order.
DOWNLOADER_MIDDLEWARES = {
    # Before robots.txt, so nothing is fetched from a host a redirect points off the site to.
    "newsbot.guards.OffsiteRedirectMiddleware": 60,
    # robots.txt per RFC 9309: a 5xx or unreachable robots.txt disallows its host for the run.
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "newsbot.guards.RobotsTxtMiddleware": 100,
    "scrapy.downloadermiddlewares.useragent.UserAgentMiddleware": None,
    "newsbot.middlewares.ContactUserAgentMiddleware": 500,
    # Sees 429/503 before RetryMiddleware (550).
    "newsbot.guards.RetryAfterMiddleware": 560,
    # Sees a 3xx before RedirectMiddleware (600), so a loop is an error, not silently dropped.
    "newsbot.guards.RedirectLoopMiddleware": 610,
    # Next to the downloader: responses as they came, before decompression and redirects.
    "newsbot.middlewares.WarcCaptureMiddleware": 950,
}

# -- pipeline stages after extraction (the spider extracts) ------------------------------------
ITEM_PIPELINES = {
    "newsbot.pipelines.ArchivePipeline": 300,
    "newsbot.pipelines.IndexPipeline": 800,
}

# -- newsbot -----------------------------------------------------------------------------------
# URL or mailto: address of whoever runs the crawl, put into the User-Agent. Default:
# $NEWSBOT_CONTACT, else the project's page (and a crawl of a non-local site warns once).
NEWSBOT_CONTACT = ""
# Default: ./data and ./index, or $NEWSBOT_DATA_DIR / $NEWSBOT_INDEX_DIR (see newsbot.home).
NEWSBOT_DATA_DIR = None
NEWSBOT_INDEX_DIR = None
# New or changed articles analysed and indexed at a time by a worker process while the crawl
# runs (the rest when it ends); 0 = all of them when it ends, in the crawl's own process.
# Each sync commits one Whoosh segment: 200 made Whoosh merge 14 small segments into one
# near 2,800 articles (MERGE_SMALL), which cost as much CPU as indexing them all once.
NEWSBOT_INDEX_BATCH = 500
# Bounds of every run, so a link trap ends (README, "Bounds"); 0 = no bound.
NEWSBOT_MAX_DEPTH = 10  # links followed from a start or discovery page (sitemap, feed, listing)
NEWSBOT_MAX_PAGES = 5000  # pages scheduled per site per run
NEWSBOT_MAX_PATH_REPEATS = 2  # times one path segment may occur (/a/b/a/b/a/ is a trap)
# `crawl --redis URL` (docs/scale.md): a worker leaves once the shared frontier has had nothing
# queued and nothing in flight on any worker for this long; a worker silent for WORKER_TTL is
# dead, and its requests in flight go back in the queue.
NEWSBOT_REDIS_IDLE_TIMEOUT = 10.0  # seconds
NEWSBOT_REDIS_WORKER_TTL = 30.0  # seconds
# Ask again (conditionally) for every archived page, not only those discovery says changed.
NEWSBOT_REFRESH = False
NEWSBOT_RETRY_AFTER_MAX = 120.0  # seconds of Retry-After honoured; a longer wait fails the page
NEWSBOT_SECTIONS = ""  # comma-separated profile sections to crawl; empty = the whole site
# YYYY-MM-DD, or "last" (the start of the site's last good run): skip older sitemap/feed
# entries, stop paging listings; empty = no cut-off.
NEWSBOT_SINCE = ""
NEWSBOT_VIA = ""  # comma-separated discovery sources (sitemap, feed, listing, links); empty = the profile's
NEWSBOT_WARC_ENABLED = True  # every response, with its request, into <data dir>/warc/*.warc.gz
NEWSBOT_WARC_MAX_SIZE = 1_000_000_000  # bytes; a WARC file past this is closed and a new one begun

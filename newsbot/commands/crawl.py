"""`scrapy crawl SITE -a ... -s ...` with its arguments and settings checked before the crawl starts.

Scrapy builds the spider inside the running crawl, so a bad `-a section=` or `-a since=` would
surface as a Twisted traceback, and a bad `-s` value wherever a component first reads it; here
each is one usage line and exit 2, as for `newsbot crawl`. Scrapy exits 0 whenever the crawl
ran; a run that could not store what it fetched exits 1 here too, with its one-line cause.
"""

from __future__ import annotations

import sys

from scrapy.commands.crawl import Command as ScrapyCrawlCommand
from scrapy.exceptions import UsageError

from newsbot.overrides import BadSetting, check_overrides
from newsbot.spiders import SPIDERS
from newsbot.spiders.plan import CrawlPlan


class Command(ScrapyCrawlCommand):
    def run(self, args, opts) -> None:
        if len(args) == 1 and args[0] in SPIDERS:  # an unknown name: Scrapy's own message
            check_arguments(args[0], opts.spargs)
        try:
            check_overrides(dict(pair.partition("=")[::2] for pair in opts.set or ()))
        except BadSetting as error:
            raise UsageError(str(error), print_help=False) from None
        crawlers = []
        start_crawl = self.crawler_process.crawl

        def crawl_and_keep(spider, *spider_args, **spider_kwargs):  # keeps the crawler to read its stats after the run
            crawlers.append(self.crawler_process.create_crawler(spider))
            return start_crawl(crawlers[-1], *spider_args, **spider_kwargs)

        self.crawler_process.crawl = crawl_and_keep
        super().run(args, opts)
        failure = crawlers and crawlers[0].stats.get_value("newsbot/storage_failure")
        if failure:
            print(f"newsbot: error: {failure}", file=sys.stderr)
            self.exitcode = 1


def check_arguments(site: str, arguments: dict[str, str]) -> None:
    """UsageError (print_help off: one line) for an unknown section or source, a bad date or count."""
    try:
        profile = SPIDERS[site].profile
        CrawlPlan.make(profile, via=arguments.get("via"), sections=arguments.get("section"),
                       since=arguments.get("since"))
        if not str(arguments.get("max_pages") or 0).isdigit():
            raise ValueError(f"max_pages: not a whole number: {arguments['max_pages']!r}")
    except ValueError as error:
        message = error.args[0] if error.args else str(error)
        raise UsageError(f"{site}: {message}", print_help=False) from None

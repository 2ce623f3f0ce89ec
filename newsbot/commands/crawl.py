"""`scrapy crawl SITE -a ... -s ...` with its arguments and settings checked before the crawl starts.

Scrapy builds the spider inside the running crawl, so a bad `-a section=` or `-a since=` would
surface as a Twisted traceback, and a bad `-s` value wherever a component first reads it; here
each is one usage line and exit 2, as for `newsbot crawl`.
"""

from __future__ import annotations

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
        super().run(args, opts)


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

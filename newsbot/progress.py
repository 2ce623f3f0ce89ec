"""A progress bar for interactive crawls: pages fetched of pages asked for, articles, errors and
the rate (tqdm, on stderr), read from the crawls' stats twice a second.

Only `newsbot crawl` turns it on, and only when stderr is a terminal and the output is not
--json: cron logs, pipes and JSON never see it. Log lines meanwhile go above the bar.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext

REFRESH = 0.5  # seconds between updates


@contextmanager
def crawl_progress(crawlers: list, label: str, enabled: bool) -> Iterator[None]:
    """Show the bar while the block runs the crawls (Scrapy's reactor must be installed)."""
    if not enabled:
        yield
        return
    from tqdm import tqdm
    from tqdm.contrib.logging import logging_redirect_tqdm
    from twisted.internet import task

    bar = tqdm(total=0, desc=label, unit=" pages", file=sys.stderr, dynamic_ncols=True, leave=True)

    def update() -> None:
        stats = [crawler.stats.get_stats() for crawler in crawlers]
        done = sum(s.get("response_received_count", 0) for s in stats)
        bar.total = max(sum(s.get("scheduler/enqueued", 0) for s in stats), done)
        bar.n = done
        articles = sum(s.get(f"newsbot/articles_{kind}", 0) for s in stats for kind in ("new", "updated", "unchanged"))
        errors = sum(s.get("newsbot/errors", 0) for s in stats)
        bar.set_postfix_str(f"{articles} articles, {errors} errors", refresh=False)
        bar.refresh()

    loop = task.LoopingCall(update)
    loop.start(REFRESH, now=False)
    # Log lines on the terminal go above the bar (tqdm's handler, filtering as the console one
    # did); a --log-file log is left alone.
    console = [handler for handler in logging.root.handlers if type(handler) is logging.StreamHandler]
    try:
        with logging_redirect_tqdm() if console else nullcontext():
            if console:
                logging.root.handlers[-1].setLevel(console[0].level)
            yield
    finally:
        if loop.running:
            loop.stop()
        update()
        bar.close()

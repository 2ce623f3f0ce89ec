"""Commands that crawl: `crawl`, `demo` and `serve-demo`."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import click

from newsbot import home
from newsbot.cli.options import EXIT_LOCKED, echo_json, home_options, json_option
from newsbot.crawl import CrawlLocked, CrawlNotStarted, run_crawls
from newsbot.overrides import BadSetting, check_overrides
from newsbot.runs import exit_code, summary_line, total, total_line, worst_exit
from newsbot.sites.registry import PROFILES, configured_sites, profile_for_url
from newsbot.spiders.plan import VIA, CrawlPlan


def parse_setting(ctx, param, values: tuple[str, ...]) -> dict[str, str]:
    settings = {}
    for value in values:
        name, sep, setting = value.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(f"expected NAME=VALUE, got {value!r}", ctx=ctx, param=param)
        settings[name.strip()] = setting.strip()
    try:
        unknown = check_overrides(settings)
    except BadSetting as error:
        raise click.BadParameter(str(error), ctx=ctx, param=param) from None
    for name in unknown:
        click.echo(f"newsbot: warning: unknown setting {name}: neither Scrapy nor newsbot reads it", err=True)
    return settings


def check_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise click.UsageError(f"not an http(s) URL: {url!r}")
    return url


def check_crawl(site: str | None, urls, via, sections, since) -> tuple[str, list[str]]:
    """The profile name and start URLs a crawl's options name; UsageError (exit 2) when they
    do not make a crawl (also for `schedule`, which checks them before cron runs them)."""
    if site is None and not urls:
        raise click.UsageError("give a SITE or at least one --url")
    if site is not None and site not in PROFILES:
        raise click.UsageError(f"unknown site {site!r}; known: {', '.join(sorted(PROFILES))}")
    urls = [check_url(u) for u in urls]
    if site is None:
        site = profile_for_url(urls[0]).name
    elif not urls and not PROFILES[site].start_urls:
        raise click.UsageError(f"site {site!r} needs a start URL: add --url URL")
    try:
        CrawlPlan.make(PROFILES[site], via=via, sections=sections, since=since)
    except ValueError as error:
        raise click.UsageError(str(error)) from None
    return site, urls


@click.command()
@click.argument("sites", nargs=-1, metavar="[SITE...]")
@click.option("--all", "all_sites", is_flag=True,
              help="Crawl every configured site (the profiles `newsbot sites` lists with start URLs).")
@click.option("--url", "urls", multiple=True, metavar="URL",
              help="Start URL (repeatable). Alone: crawl within its host with the profile that "
                   "knows the host, else the generic one. With one SITE: SITE's rules from these URLs.")
@click.option("--max-pages", type=click.IntRange(min=1), default=None,
              help="Stop scheduling pages after N per site (default 5000, NEWSBOT_MAX_PAGES).")
@click.option("--via", "via", multiple=True, type=click.Choice(VIA),
              help="Discover articles only through this (repeatable): the site's sitemaps, its "
                   "feeds, its listing pages, or every link. Default: the profile's sources "
                   "(all four for a site without any).")
@click.option("--section", "sections", multiple=True, metavar="NAME",
              help="Crawl only this section's listing pages and feeds (repeatable; docs/sites.md and "
                   "the error for an unknown NAME list a site's sections).")
@click.option("--since", metavar="DATE|last",
              help="Skip sitemap and feed entries dated before DATE (YYYY-MM-DD, IST; `last`: the "
                   "start of this site's last good run: finished, nothing missed) and stop paging "
                   "listings once they reach older articles.")
@click.option("--refresh", is_flag=True,
              help="Ask again for every archived page (with If-None-Match/If-Modified-Since), not "
                   "only those a sitemap, feed or listing dates later than the stored copy.")
@click.option("-s", "--set", "overrides", multiple=True, metavar="NAME=VALUE", callback=parse_setting,
              help="Scrapy setting override, e.g. -s DOWNLOAD_DELAY=0 (repeatable).")
@click.option("-v", "--verbose", is_flag=True, help="Log each page (Scrapy INFO log).")
@click.option("--log-file", type=click.Path(dir_okay=False, path_type=Path),
              help="Append the run's log to FILE instead of stderr (the summary stays on stdout).")
@click.option("--wait", type=click.FloatRange(min=0), default=0, metavar="SECONDS",
              help="Wait up to SECONDS for another crawl on the data dir to finish, instead of "
                   "exiting 3 at once.")
@click.option("--redis", "redis_url", envvar="NEWSBOT_REDIS_URL", metavar="URL",
              help="Share the crawl's queue and duplicate filter with every worker on this Redis "
                   "(redis://host:6379/0; docs/scale.md) [env NEWSBOT_REDIS_URL].")
@click.option("--join", is_flag=True,
              help="With --redis: help the run of this job in progress (or the next one) instead of "
                   "starting one; leave when its frontier has been empty for NEWSBOT_REDIS_IDLE_TIMEOUT.")
@click.option("--no-index", "no_index", is_flag=True,
              help="Archive only; leave indexing to `newsbot index --follow` (one writer for many workers).")
@home_options
@json_option
def crawl(sites, all_sites, urls, max_pages, via, sections, since, refresh, overrides, verbose, log_file, wait,
          redis_url, join, no_index, data_dir, index_dir, as_json):
    """Crawl each SITE (profiles from `newsbot sites`), every configured site (--all), or the
    given --url start pages, side by side under one lock.

    Pages are extracted, articles archived (no duplicates on a re-crawl) and indexed; a
    one-line summary per site follows (skipped pages and errors counted by reason), then a
    total when there were several; each run is recorded (`newsbot runs`). Incremental: an
    archived article is fetched again only when a sitemap, feed or listing dates it later than
    the stored copy, or with --refresh, and then conditionally (a 304 counts as unchanged).
    Every run is bounded (pages per site, link depth, repeated path segments; README "Bounds").

    \b
    Exit codes (with several sites, the first of 143, 130, 1, 4, 0 among theirs):
      0    pages fetched, articles found (or the site found unchanged)
      1    no page could be fetched, or the archive or index could not be written
      2    a bad option (an unknown site or section, an unreadable date, a bad -s value)
      3    another crawl holds the data dir (see --wait), or with --redis a run of the
           same job is in progress on that frontier
      4    site health: a site's layout seems to have changed (its article pages held no
           article, or far fewer than in its recent runs); a warning names it
      130  SIGINT, 143 SIGTERM stopped the crawl (what was fetched is kept)
    """
    jobs = [check_crawl(site, urls, via, sections, since) for site in _sites(sites, all_sites, urls)]
    if join and not redis_url:
        raise click.UsageError("--join needs --redis URL (or NEWSBOT_REDIS_URL)")
    # The spider reads these settings when no -a argument overrides them.
    for name, value in (("NEWSBOT_VIA", ",".join(via)), ("NEWSBOT_SECTIONS", ",".join(sections)),
                        ("NEWSBOT_SINCE", since or ""), ("NEWSBOT_REFRESH", "1" if refresh else "")):
        if value:
            overrides[name] = value
    overrides.setdefault("LOG_LEVEL", "INFO" if verbose else "WARNING")
    if log_file is not None:
        overrides["LOG_FILE"] = str(log_file)
    # A progress bar for a person at a terminal; never in cron's logs or in JSON.
    progress = sys.stderr.isatty() and not as_json
    records = _run([(site, site_urls or None) for site, site_urls in jobs], data_dir, index_dir, max_pages,
                   overrides, wait, progress, index=not no_index, redis_url=redis_url or None, join=join)
    code = _report(records, as_json)
    if code:
        raise click.exceptions.Exit(code)


def _sites(sites: tuple[str, ...], all_sites: bool, urls) -> list[str | None]:
    """The sites a crawl command names (None: the profile its --url picks)."""
    if all_sites and (sites or urls):
        raise click.UsageError("--all crawls every configured site: give no SITE or --url with it")
    if len(sites) > 1 and urls:
        raise click.UsageError("--url goes with one SITE (or none): crawl several sites from their own start URLs")
    if all_sites:
        return list(configured_sites())
    return list(dict.fromkeys(sites)) or [None]


def _run(jobs, data_dir, index_dir, max_pages, overrides, wait, progress=False, **shared):
    try:
        return run_crawls(jobs, data_dir=home.data_dir(data_dir), index_dir=home.index_dir(index_dir),
                          max_pages=max_pages, overrides=overrides, wait=wait, progress=progress, **shared)
    except CrawlLocked as error:
        click.echo(f"newsbot: {error}; try again when it has finished", err=True)
        raise click.exceptions.Exit(EXIT_LOCKED) from None
    except CrawlNotStarted as error:
        raise click.ClickException(str(error)) from None


def _report(records: list[dict], as_json: bool) -> int:
    """Print each site's record (a summary line, or JSON), a total for several; the exit code."""
    for record in records:
        if record["storage_failure"]:
            click.echo(f"newsbot: error: {record['storage_failure']}", err=True)
        if record["health"]:
            click.echo(f"newsbot: warning: {record['health']}", err=True)
        if as_json:
            echo_json(record)
        else:
            click.echo(summary_line(record))
    if len(records) > 1:
        together = total(records)
        if as_json:
            echo_json(together)
        else:
            click.echo(total_line(together))
    return worst_exit([exit_code(record) for record in records])


@click.command()
@click.option("--max-pages", type=click.IntRange(min=1), default=None, help="Cap per site.")
@click.option("-v", "--verbose", is_flag=True, help="Log each page (Scrapy INFO log).")
@home_options
def demo(max_pages, verbose, data_dir, index_dir):
    """Serve the bundled demo sites on 127.0.0.1, crawl them, index, and show some searches.

    Needs no network. Archive and index go to --data-dir/--index-dir as for `crawl`.
    """
    from newsbot.cli.demo import run_demo

    run_demo(home.data_dir(data_dir), home.index_dir(index_dir), max_pages, verbose)


@click.command("serve-demo")
@click.option("--port", "ports", multiple=True, type=int,
              help="Port per bundled site, in `newsbot sites` order (default 8701 8702; 0 = any).")
def serve_demo(ports):
    """Serve the bundled demo sites on 127.0.0.1 until interrupted (for `newsbot crawl gramin`)."""
    from newsbot.demo.server import DemoServer, bundled_site_dirs
    from newsbot.sites.demo import DEMO_PORTS

    dirs = bundled_site_dirs()
    chosen = list(ports) or [DEMO_PORTS.get(d.name, 0) for d in dirs]
    try:
        server = DemoServer(site_dirs=dirs, ports=chosen)
        server.start()
    except OSError as error:
        raise click.ClickException(f"cannot serve the demo sites: {error}") from None
    for name, url in server.urls.items():
        click.echo(f"{name} {url}")
    click.echo("serving; press Ctrl-C to stop", err=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()


COMMANDS = (crawl, demo, serve_demo)

"""Commands for operators: `import-warc`."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import click

from newsbot import home
from newsbot.cli.options import echo_json, home_options, json_option
from newsbot.crawl import CrawlLocked, crawl_lock

EXIT_LOCKED = 3


def site_option(command):
    from newsbot.sites.registry import PROFILES

    return click.option("--site", type=click.Choice(sorted(PROFILES)), metavar="SITE",
                        help="Read every page with this site's profile (default: the profile whose "
                             "domains hold the page's URL, else the generic one).")(command)


@click.command("import-warc")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@site_option
@home_options
@json_option
def import_warc(paths, site, data_dir, index_dir, as_json):
    """Archive, analyse and index the HTML pages in WARC or ARC files (or directories of them),
    made by newsbot or any other crawler (Browsertrix, Heritrix, wget, Common Crawl), without
    the network. Pages are read as a crawl reads them; identical payloads (revisit records)
    are resolved to their first capture."""
    from newsbot.archive import Archive
    from newsbot.ingest import import_warcs
    from newsbot.search.sync import sync_index

    data, index = home.data_dir(data_dir), home.index_dir(index_dir)
    errors: list[str] = []
    with _locked(data), Archive.in_dir(data) as archive:
        counts = import_warcs(archive, paths, site, errors)
        indexed = sync_index(archive, index)
    for error in errors:
        click.echo(f"newsbot: {error}", err=True)
    report = {**counts, "indexed": indexed}
    if as_json:
        echo_json(report)
    else:
        click.echo(f"imported {report['files']} WARC file(s): {report['pages']} pages, "
                   f"{report['articles_new']} new, {report['articles_updated']} updated, "
                   f"{report['articles_unchanged']} unchanged articles, {report['skipped']} skipped "
                   f"({report['revisits']} from revisit records, {report['other']} other records passed "
                   f"over); {indexed} indexed")
    if errors:
        raise click.exceptions.Exit(1)


@contextmanager
def _locked(data_dir: Path):
    """The crawl lock: these commands write the archive and index as a crawl does."""
    try:
        with crawl_lock(data_dir):
            yield
    except CrawlLocked as error:
        click.echo(f"newsbot: {error}; try again when it has finished", err=True)
        raise click.exceptions.Exit(EXIT_LOCKED) from None


COMMANDS = (import_warc,)

"""Commands for operators: `schedule`, `backup`, `migrate`, `import-warc`, `forget`."""

from __future__ import annotations

import itertools
import os
from contextlib import contextmanager
from pathlib import Path

import click

from newsbot import home
from newsbot.cli.options import echo_json, home_options, json_option
from newsbot.crawl import CrawlLocked, crawl_lock
from newsbot.schedule import EVERY

CONTACT_ENV = "NEWSBOT_CONTACT"  # newsbot.middlewares reads it; that module loads Scrapy

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


@click.command(context_settings={"ignore_unknown_options": True})
@click.argument("words", nargs=-1, required=True, type=click.UNPROCESSED, metavar="SITE... [CRAWL OPTIONS]")
@click.option("--every", type=click.Choice(sorted(EVERY, key=EVERY.get)), required=True,
              help="How often each site is crawled.")
@click.option("--log-file", type=click.Path(dir_okay=False, path_type=Path),
              help="Log of the runs [default: <data dir>/logs/crawl-SITE.log, one per site].")
@home_options
def schedule(words, every, log_file, data_dir, index_dir):
    """Print a crontab line and a systemd service + timer pair that crawl each SITE --every
    1h, 6h or 1d into this data and index dir.

    \b
    Options after the sites go to `newsbot crawl` as they are, e.g.
      newsbot schedule gramin khabar --every 6h --via sitemap -s DOWNLOAD_DELAY=2
    Paths are absolute, so the lines work from any directory; $NEWSBOT_CONTACT and
    $NEWSBOT_DB_URL (or --db), when set, are written into them. Each run appends its log and summary to the log file, and waits
    (--wait) for a crawl still running on the data dir. Nothing is installed; only the
    log file's directory is made (cron cannot append to a file in a missing one).
    """
    from newsbot.cli.crawl import check_crawl, crawl
    from newsbot.schedule import Schedule

    sites = [word for word in itertools.takewhile(lambda w: not w.startswith("-"), words)]
    crawl_args = list(words[len(sites):])
    if not sites:
        raise click.UsageError("give at least one SITE before the crawl options")
    for site in sites:
        # The crawl's own parser and checks see the options now, not cron at 3 a.m.
        options = crawl.make_context("crawl", [site, *crawl_args], parent=click.get_current_context()).params
        check_crawl(site, options["urls"], options["via"], options["sections"], options["since"])
    plan = Schedule(every, home.data_dir(data_dir), home.index_dir(index_dir), log_file, crawl_args,
                    {name: os.environ[name] for name in (CONTACT_ENV, home.DB_URL_ENV) if os.environ.get(name)})
    for site in sites:
        plan.log_for(site).parent.mkdir(parents=True, exist_ok=True)  # cron's >> needs the directory
        name = plan.unit_name(site)
        click.echo(f"# {site}: crontab line (crontab -e)\n{plan.crontab_line(site)}\n")
        click.echo(f"# {site}: or systemd, /etc/systemd/system/{name}.service (or ~/.config/systemd/user/)\n"
                   f"{plan.systemd_service(site)}")
        click.echo(f"# /etc/systemd/system/{name}.timer; then: systemctl enable --now {name}.timer\n"
                   f"{plan.systemd_timer(site)}")


@click.command()
@click.argument("destination", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Replace DESTINATION if it exists.")
@home_options
def backup(destination, force, data_dir, index_dir):
    """Copy the archive to DESTINATION (an SQLite file) with SQLite's online backup: consistent
    even while a crawl writes, checked before it is kept. Restore by copying it back as
    <data dir>/archive.sqlite3, then `newsbot reindex` (the index is rebuilt from it).
    An archive in PostgreSQL is backed up with pg_dump (or copied with `newsbot migrate --to`)."""
    from newsbot.archive import sql
    from newsbot.archive.errors import DB_ERRORS
    from newsbot.cli.options import existing_archive

    if sql.is_url(home.archive_location(data_dir)):
        raise click.UsageError("backup copies an SQLite archive; back up a PostgreSQL archive with "
                               "pg_dump, or copy it to a file with `newsbot migrate --to FILE`")
    if destination.exists() and not force:
        raise click.ClickException(f"{destination} exists; use --force to replace it")
    with existing_archive(data_dir) as archive:
        try:
            archive.backup(destination)
        except (OSError, *DB_ERRORS) as error:
            raise click.ClickException(f"cannot back up to {destination}: {error}") from None
        articles = archive.article_count()
    click.echo(f"archive ({articles} articles) backed up to {destination} "
               f"({destination.stat().st_size / 1e6:.1f} MB)")


@click.command()
@click.option("--to", "target", required=True, metavar="URL|FILE",
              help="Where to copy the archive: postgresql://user@host/db (an empty database) or a new "
                   "SQLite file.")
@home_options
@json_option
def migrate(target, data_dir, index_dir, as_json):
    """Copy the archive (the data dir's SQLite file, or the PostgreSQL one of --db) to TARGET
    with every table (articles, revisions, raw pages, analyses, people, mentions, crawls),
    then count each table on both sides: exit 1 when a count differs. The source is left
    as it was, and the index stays valid for the copy. Afterwards point newsbot at it:
    NEWSBOT_DB_URL=URL (or --db URL).
    """
    from newsbot.archive import Archive, sql
    from newsbot.archive.transfer import TargetNotEmpty, copy_archive
    from newsbot.cli.options import existing_archive

    source = home.archive_location(data_dir)
    if str(target) == str(source):
        raise click.UsageError("--to names the archive itself")
    if not sql.is_url(target) and Path(target).exists():
        raise click.ClickException(f"{target} exists; migrate copies into a new file or an empty database")
    with _locked(home.data_dir(data_dir)), existing_archive(data_dir) as archive, Archive(target) as copy:
        try:
            counts = copy_archive(archive, copy)
        except TargetNotEmpty as error:
            raise click.ClickException(f"{error}; migrate copies into an empty database") from None
    differing = [table for table, (there, here) in counts.items() if there != here]
    if as_json:
        echo_json({"to": sql.display(target), "tables": {table: {"source": there, "copied": here}
                                                         for table, (there, here) in counts.items()}})
    else:
        for table, (there, here) in counts.items():
            click.echo(f"{table:<10} {there:>9} -> {here:>9}{'  DIFFERS' if there != here else ''}")
        click.echo(f"copied to {sql.display(target)}" if not differing else
                   f"newsbot: counts differ in {', '.join(differing)}")
    if differing:
        raise click.exceptions.Exit(1)


@click.command()
@click.argument("urls", nargs=-1, metavar="[URL...]")
@click.option("--site", help="Forget every article of this site (a name `newsbot stats` lists) and "
                             "every page fetched for it.")
@click.option("-y", "--yes", is_flag=True, help="Do not ask for confirmation.")
@home_options
@json_option
def forget(urls, site, yes, data_dir, index_dir, as_json):
    """Remove articles from the archive and the index: every article of --site S, or the
    articles at URL... (any form of their address). Their analysis, revisions and raw pages
    go too, and people no other article mentions leave the registry. WARC files are kept.

    Asks first, unless --yes. Exit 1 when a URL names no archived article (the others are
    still forgotten) or when nothing matched.
    """
    from newsbot.archive.prune import forget as forget_articles
    from newsbot.archive.prune import site_article_ids
    from newsbot.cli.options import existing_archive
    from newsbot.search.index import IndexMissing, delete_documents
    from newsbot.urls import display_url

    if bool(site) == bool(urls):
        raise click.UsageError("give either --site S or the URLs of articles")
    data, index = home.data_dir(data_dir), home.index_dir(index_dir)
    missing = []
    with _locked(data), existing_archive(data) as archive:
        if site:
            ids = site_article_ids(archive, site)
            if not ids:
                known = ", ".join(archive.articles_per_site()) or "none"
                raise click.ClickException(f"no articles of site {site!r} (sites: {known})")
        else:
            found = {url: archive.article_by_url(url) for url in urls}
            missing = [url for url, article in found.items() if article is None]
            ids = sorted({article["id"] for article in found.values() if article is not None})
        for url in missing:
            click.echo(f"newsbot: no archived article at {display_url(url)}", err=True)
        if not ids:
            raise click.exceptions.Exit(1)
        what = f"{len(ids)} article(s) of {site}" if site else f"{len(ids)} article(s)"
        if not yes and not _confirmed(f"forget {what} from {archive.location} and {index}?"):
            click.echo("nothing forgotten", err=True)
            raise click.exceptions.Exit(1)
        done = forget_articles(archive, ids, site)
        try:
            unindexed = delete_documents(index, done.urls)
        except IndexMissing:
            unindexed = 0
    report = {"articles": done.articles, "revisions": done.revisions, "pages": done.pages,
              "people": done.people, "index_documents": unindexed}
    if as_json:
        echo_json(report)
    else:
        click.echo(f"forgot {done.articles} articles ({done.revisions} revisions, {done.pages} pages); "
                   f"{done.people} people left the registry; {unindexed} index documents deleted")
    if missing:
        raise click.exceptions.Exit(1)


def _confirmed(question: str) -> bool:
    try:
        return click.confirm(question)
    except click.Abort:  # no answer (end of input): no consent
        return False


COMMANDS = (import_warc, schedule, backup, migrate, forget)

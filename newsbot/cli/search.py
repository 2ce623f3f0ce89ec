"""Commands that read the archive and index: `search`, `stats`, `sites`."""

from __future__ import annotations

import click

from newsbot import home
from newsbot.archive import ARCHIVE_FILENAME, Archive
from newsbot.cli.options import echo_json, home_options, json_option
from newsbot.search.index import document_count
from newsbot.search.query import SearchError
from newsbot.search.query import search as run_search
from newsbot.sites.registry import PROFILES


@click.command()
@click.argument("query", required=False)
@click.option("--queries", "queries_file", type=click.File("r", encoding="utf-8"),
              help="Run one query per line of FILE ('-' for stdin).")
@click.option("--limit", type=click.IntRange(min=1), default=10, show_default=True)
@click.option("--site", help="Only articles of this site.")
@home_options
@json_option
def search(query, queries_file, limit, site, data_dir, index_dir, as_json):
    """Search the archive's index for QUERY (Devanagari; "quoted phrases" work).

    --json prints JSON Lines: query, url, title, site, published, score, snippet.
    """
    if (query is None) == (queries_file is None):
        raise click.UsageError("give either a QUERY or --queries FILE")
    queries = [query] if query is not None else [q.strip() for q in queries_file if q.strip()]
    index = home.index_dir(index_dir)
    for text in queries:
        try:
            hits = run_search(index, text, limit=limit, site=site)
        except SearchError as error:
            raise click.ClickException(str(error)) from None
        if as_json:
            for hit in hits:
                echo_json({"query": text, "url": hit.url, "title": hit.title, "site": hit.site,
                           "published": hit.published.isoformat() if hit.published else None,
                           "score": round(hit.score, 4), "snippet": hit.snippet})
            continue
        click.echo(f"{len(hits)} result{'s' if len(hits) != 1 else ''} for {text!r}")
        for rank, hit in enumerate(hits, 1):
            date = hit.published.date().isoformat() if hit.published else "undated"
            click.echo(f"{rank:>3}. {hit.title}\n     {hit.site} · {date} · {hit.url}\n     {hit.snippet}")


@click.command()
@home_options
@json_option
def stats(data_dir, index_dir, as_json):
    """How much is archived and indexed, per site, and when the last crawl ended."""
    data, index = home.data_dir(data_dir), home.index_dir(index_dir)
    if not (data / ARCHIVE_FILENAME).exists():
        raise click.ClickException(f"no archive at {data / ARCHIVE_FILENAME}; run `newsbot crawl` first")
    with Archive.in_dir(data) as archive:
        last = archive.last_crawl()
        report = {
            "articles": archive.article_count(),
            "index_documents": document_count(index),
            "sites": archive.articles_per_site(),
            "last_crawl": last["finished_at"] if last else None,
            "pages": archive.page_counts(),
            "archive": str(data / ARCHIVE_FILENAME),
            "index": str(index),
        }
    if as_json:
        echo_json(report)
        return
    click.echo(f"articles: {report['articles']} (index documents: {report['index_documents']})")
    for site, count in report["sites"].items():
        click.echo(f"  {site}: {count}")
    click.echo(f"pages fetched: {sum(report['pages'].values())} "
               f"({report['pages'].get('skipped', 0)} skipped)")
    click.echo(f"last crawl: {report['last_crawl'] or 'never'}")
    click.echo(f"archive: {report['archive']}\nindex: {report['index']}")


@click.command()
@json_option
def sites(as_json):
    """The configured site profiles (`newsbot crawl NAME`)."""
    for profile in PROFILES.values():
        if as_json:
            echo_json({"name": profile.name, "title": profile.title, "domains": list(profile.domains),
                       "start_urls": list(profile.start_urls)})
        else:
            start = ", ".join(profile.start_urls) or "(give --url)"
            click.echo(f"{profile.name:<10} {profile.title}\n{'':<10} start: {start}")


COMMANDS = (search, stats, sites)

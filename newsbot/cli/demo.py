"""`newsbot demo`: the whole path offline, on the bundled sites, in one command."""

from __future__ import annotations

from pathlib import Path

import click

from newsbot.crawl import CrawlLocked, run_crawls
from newsbot.demo.server import load_site
from newsbot.runs import summary_line
from newsbot.search.index import document_count
from newsbot.search.searcher import search
from newsbot.sites.demo import DEMO_PORTS
from newsbot.urls import display_url

# Searches that show what the archive is for: a person, a post, and spellings that differ
# from the article's (nukta, chandrabindu, half-nasal, ऑ/आ), and names in Latin letters.
DEMO_QUERIES = ("कार्यशाला", "जिलाध्यक्ष", "कोआर्डिनेटर नियुक्त", "हिन्दी", "गाँव",
                "shabnam akhtar", "congress coordinator")


def _serve_demo_sites():
    """The bundled sites on their usual ports, so a re-run finds the same URLs (and archives
    no duplicates); on free ports when those are taken."""
    from newsbot.demo.server import DemoServer, bundled_site_dirs

    dirs = bundled_site_dirs()
    try:
        return DemoServer(dirs, ports=[DEMO_PORTS.get(d.name, 0) for d in dirs]).start()
    except OSError as error:
        click.echo(f"demo ports busy ({error.strerror}); serving on free ports, so the archive "
                   "will hold these articles under new URLs", err=True)
        return DemoServer(dirs).start()


def run_demo(data_dir: Path, index_dir: Path, max_pages: int | None, verbose: bool) -> None:
    with _serve_demo_sites() as server:
        click.echo("serving the bundled demo sites:")
        for name, url in server.urls.items():
            click.echo(f"  {name:<8} {url}")
        jobs = [(name, [url]) for name, url in server.urls.items()]
        overrides = {"DOWNLOAD_DELAY": "0", "AUTOTHROTTLE_ENABLED": "0",
                     "LOG_LEVEL": "INFO" if verbose else "WARNING"}
        try:
            summaries = run_crawls(jobs, data_dir=data_dir, index_dir=index_dir,
                                   max_pages=max_pages, overrides=overrides)
        except CrawlLocked as error:
            raise click.ClickException(str(error)) from None
        people = [person for site_dir in server.site_dirs
                  for article in load_site(site_dir)["articles"][:2] for person in article["people"][:1]]
    for summary in summaries:
        click.echo(summary_line(summary))
    for query in (*people[:3], *DEMO_QUERIES):
        hits = search(index_dir, query, limit=3)
        click.echo(f"\n» newsbot search {query!r}: {len(hits)} shown")
        for hit in hits:
            click.echo(f"  {hit.title}\n    {display_url(hit.url)}\n    {hit.snippet}")
    click.echo(f"\narchive: {data_dir.resolve()} · index: {index_dir.resolve()} "
               f"({document_count(index_dir)} documents)")
    click.echo("next: newsbot search QUERY · newsbot stats · newsbot crawl --url URL")

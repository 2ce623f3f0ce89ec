"""Commands over the archive and index: `search`, `stats`, `reindex`, `verify`, `sites`."""

from __future__ import annotations

import dataclasses

import click

from newsbot import home, records
from newsbot.cli.options import (
    crawl_locked,
    date_option,
    echo_json,
    existing_archive,
    home_options,
    json_option,
    progress,
)
from newsbot.search.index import IndexDamaged
from newsbot.search.query import SORTS, IndexMissing, SearchError
from newsbot.search.searcher import Searcher
from newsbot.sites.registry import PROFILES
from newsbot.urls import display_url


@click.command()
@click.argument("query", required=False)
@click.option("--queries", "queries_file", type=click.File("rb"),
              help="Run one query per line of FILE ('-' for stdin).")
@click.option("--limit", type=click.IntRange(min=1), default=10, show_default=True)
@click.option("--site", help="Only articles of this site.")
@date_option("--from", end=False, help_text="Only articles published on or after DATE "
              "(ISO: 2026-03-04, or 2026-03-04T10:00+05:30; dates are +05:30).")
@date_option("--to", end=True, help_text="Only articles published on or before DATE (inclusive).")
@click.option("--sort", type=click.Choice(SORTS), default="relevance", show_default=True,
              help="Best match first, or newest first.")
@click.option("--count", "count_only", is_flag=True, help="Print only how many articles match.")
@home_options
@json_option
def search(query, queries_file, limit, site, date_from, date_to, sort, count_only, data_dir, index_dir, as_json):
    """Search the archive's index for QUERY, in Devanagari or Latin letters.

    \b
    Every spelling meets: ज़िला = जिला, हिन्दी = हिंदी, कार्यकर्ताओं = कार्यकर्ता, and Latin
    "sanjeev anand" finds संजीव आनंद. "Quoted phrases", AND, OR, NOT, (brackets) and the
    fields site:, author:, person:, party:, title:, tags: work.

    --json prints JSON Lines: query, url, title, site, published, score, snippet; a query
    with no hits may add {"query", "did_you_mean"}; with --count, {"query", "count"}.
    """
    if (query is None) == (queries_file is None):
        raise click.UsageError("give either a QUERY or --queries FILE")
    failed = 0
    if query is not None:
        queries = [query]
    else:
        queries, unreadable = _read_queries(queries_file)
        failed += unreadable
    # One open index for the whole batch, read into memory only when there is a batch.
    searcher = Searcher(home.index_dir(index_dir), preload=len(queries) > 1)
    for text in queries:
        try:
            hits = searcher.search(text, limit=limit, site=site, date_from=date_from,
                                   date_to=date_to, sort=sort, count=count_only)
        except (IndexMissing, IndexDamaged) as error:
            raise click.ClickException(str(error)) from None
        except SearchError as error:
            if len(queries) == 1:
                raise click.ClickException(str(error)) from None
            # One broken line of a batch must not cost the answers to the others.
            click.echo(f"newsbot: error in query {text!r}: {error}", err=True)
            failed += 1
            continue
        if count_only:
            _print_count(text, hits.total, as_json, several=len(queries) > 1)
        elif as_json:
            _print_json(text, hits)
        else:
            _print_text(text, hits)
    if failed:
        raise click.exceptions.Exit(1)


def _read_queries(lines) -> tuple[list[str], int]:
    """The non-blank lines of a --queries file, and how many could not be read: a line that is
    not UTF-8 is reported and skipped like a broken query, and the rest are answered."""
    queries, unreadable = [], 0
    for number, raw in enumerate(lines, 1):
        try:
            text = raw.decode("utf-8").lstrip("\ufeff").strip()
        except UnicodeDecodeError as error:
            click.echo(f"newsbot: error in line {number} of {lines.name}: not UTF-8 ({error.reason} at byte "
                       f"{error.start})", err=True)
            unreadable += 1
            continue
        if text:
            queries.append(text)
    return queries, unreadable


def _print_count(query: str, total: int, as_json: bool, several: bool) -> None:
    if as_json:
        echo_json({"query": query, "count": total})
    else:
        click.echo(f"{total}\t{query}" if several else total)


def _print_json(query: str, hits) -> None:
    for hit in hits:
        echo_json({"query": query, "url": display_url(hit.url), "title": hit.title, "site": hit.site,
                   "published": hit.published.isoformat() if hit.published else None,
                   "score": round(hit.score, 4), "snippet": hit.snippet})
    if hits.suggestion:
        echo_json({"query": query, "did_you_mean": hits.suggestion})


def _print_text(query: str, hits) -> None:
    shown = f" (showing {len(hits)})" if hits.total > len(hits) else ""
    total = f"{hits.total}{'' if hits.exact else '+'}"
    click.echo(f"{total} result{'s' if hits.total != 1 else ''} for {query!r}{shown}")
    for rank, hit in enumerate(hits, 1):
        date = hit.published.date().isoformat() if hit.published else "undated"
        click.echo(f"{rank:>3}. {hit.title}\n     {hit.site} · {date} · {display_url(hit.url)}\n     {hit.snippet}")
    if hits.suggestion:
        click.echo(f"did you mean: {hits.suggestion}", err=True)


@click.command()
@home_options
@json_option
def stats(data_dir, index_dir, as_json):
    """How much is archived and indexed, per site, and when the last crawl ended."""
    with existing_archive(data_dir, read_only=True) as archive:
        report = records.stats(archive, index_dir)
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
@home_options
@json_option
def reindex(data_dir, index_dir, as_json):
    """Rebuild the search index from the archive (after an upgrade changed the index schema,
    or if the index was lost or damaged), whatever state the index directory is in. The new
    index replaces the old one at once when it is complete: searches meanwhile use the old
    one. The archive is not changed."""
    from newsbot.search.sync import rebuild_index  # the analysis comes with it: not for searches

    index = home.index_dir(index_dir)
    with crawl_locked(data_dir), existing_archive(data_dir) as archive:
        with progress(archive.article_count(), "indexing") as advance:
            indexed = rebuild_index(archive, index, advance)
    if as_json:
        echo_json({"indexed": indexed, "index": str(index)})
    else:
        click.echo(f"reindexed {indexed} articles into {index}")


@click.command()
@click.option("--repair", is_flag=True, help="Rebuild what is derived from the archive (the index) "
              "when it disagrees.")
@home_options
@json_option
def verify(repair, data_dir, index_dir, as_json):
    """Check the archive (SQLite integrity, raw pages readable) and the index against it
    (same articles, same content). Exit 0 when they agree, 1 with a one-line summary when not."""
    from newsbot.search.verify import repair as repair_index
    from newsbot.search.verify import verify as verify_archive

    index = home.index_dir(index_dir)
    with existing_archive(data_dir) as archive:
        report = verify_archive(archive, index)
        if repair and report.archive_ok and not report.index_ok:
            with crawl_locked(data_dir), progress(archive.article_count(), "rebuilding the index") as advance:
                report = repair_index(archive, index, advance)
    if as_json:
        echo_json({"ok": report.ok, **dataclasses.asdict(report)})
    else:
        click.echo(report.line(), err=not report.ok)
    if not report.ok:
        raise click.exceptions.Exit(1)


@click.command()
@json_option
def sites(as_json):
    """The configured site profiles (`newsbot crawl NAME`) and their sections."""
    for profile in PROFILES.values():
        sections = sorted(profile.sections)
        if as_json:
            echo_json({"name": profile.name, "title": profile.title, "domains": list(profile.domains),
                       "start_urls": list(profile.start_urls), "sections": sections})
            continue
        start = ", ".join(profile.start_urls) or "(give --url)"
        click.echo(f"{profile.name:<18}{profile.title}\n{'':<18}start: {start}")
        if sections:
            click.echo(f"{'':<18}sections: {', '.join(sections)}")


COMMANDS = (search, stats, reindex, verify, sites)

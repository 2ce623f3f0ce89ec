"""Commands over the run history: `runs` and `health`."""

from __future__ import annotations

import click

from newsbot.cli.options import echo_json, existing_archive, home_options, json_option
from newsbot.health import site_health
from newsbot.runs import EXIT_HEALTH


@click.command()
@click.option("--site", metavar="SITE", help="Only this site's runs.")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True, help="At most N runs.")
@home_options
@json_option
def runs(site, limit, data_dir, index_dir, as_json):
    """List the recorded runs, newest first: every crawl of a site and every `import-warc`.

    Each run has its start and end, status (finished, interrupted, failed, stopped at bound,
    running), pages, new, updated and unchanged articles, skipped pages and errors with their
    reasons, and its site-health warning if any. --json prints the records `crawl --json` prints.
    """
    with existing_archive(data_dir, read_only=True) as archive:
        records = archive.runs(site=site, limit=limit)
    for record in records:
        if as_json:
            echo_json(record)
            continue
        skipped = ", ".join(f"{count} {reason}" for reason, count in record["skip_reasons"].items())
        errors = ", ".join(f"{count} {reason}" for reason, count in record["error_reasons"].items())
        click.echo(f"{record['id']:>4}  {record['started_at'][:16].replace('T', ' ')}  {record['target']}  "
                   f"{record['status']}: {record['pages']} pages, {record['articles_new']} new, "
                   f"{record['articles_updated']} updated, {record['articles_unchanged']} unchanged, "
                   f"{record['skipped']} skipped" + (f" ({skipped})" if skipped else "")
                   + f", {record['errors']} errors" + (f" ({errors})" if errors else ""))
        if record["health"]:
            click.echo(f"      warning: {record['health']}")
    if not records and not as_json:
        click.echo("no runs recorded" + (f" for site {site}" if site else ""), err=True)


@click.command()
@home_options
@json_option
def health(data_dir, index_dir, as_json):
    """Each crawled site's health from its recent runs: state (ok, layout changed, failing,
    interrupted), last run, last good run, articles per day and extraction success rate.

    Exit 4 when a site's last finished run warned that its layout seems to have changed (as
    that crawl did), else 0.
    """
    with existing_archive(data_dir, read_only=True) as archive:
        sites = site_health(archive.runs(kind="crawl"))
    for entry in sites:
        if as_json:
            echo_json(entry)
            continue
        rate = "-" if entry["extraction_success"] is None else f"{entry['extraction_success']:.0%}"
        click.echo(f"{entry['site']}: {entry['state']}; last good run {_when(entry['last_good_run'])}, "
                   f"last run {_when(entry['last_run'])} ({entry['last_status']}); "
                   f"{entry['articles_per_day']} new articles/day over {entry['runs']} runs; "
                   f"extraction success {rate}")
        if entry["warning"]:
            click.echo(f"  warning: {entry['warning']}")
    if not sites and not as_json:
        click.echo("no crawl recorded yet", err=True)
    if any(entry["state"] == "layout changed" for entry in sites):
        raise click.exceptions.Exit(EXIT_HEALTH)


def _when(moment: str | None) -> str:
    return moment[:16].replace("T", " ") if moment else "never"


COMMANDS = (runs, health)

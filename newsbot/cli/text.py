"""Commands over single pages and texts, without crawling: `extract`, `normalize`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from newsbot.cli.options import echo_json, json_option
from newsbot.extract import extract as extract_article
from newsbot.people import analyse, analysis_text
from newsbot.sites.registry import profile_for_url
from newsbot.text.display import normalise
from newsbot.urls import display_url


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--url", help="The page's URL (for the canonical URL, site and profile). "
                            "Default: file://PATH.")
@json_option
def extract(files, url, as_json):
    """Extract the article from saved HTML FILE(s), without crawling.

    --json prints one object per file: url, canonical_url, site, title, author, published,
    modified, section, tags, text, language, is_article, and `analysis` (what `newsbot analyze
    --json` prints for the title and text, offsets into title + blank line + text; null for
    a page that is not an article).
    """
    failed = 0
    for path in files:
        try:
            html = path.read_bytes()
        except OSError as error:
            click.echo(f"newsbot: cannot read {path}: {error.strerror}", err=True)
            failed += 1
            continue
        page_url = url or path.resolve().as_uri()
        article = extract_article(html, page_url, profile_for_url(page_url))
        analysis = (analyse(analysis_text(article.title, article.text), author=article.author)
                    if article.is_article else None)
        if as_json:
            echo_json({"file": str(path), **article.to_json(), "url": display_url(article.url),
                       "canonical_url": display_url(article.canonical_url),
                       "analysis": analysis.to_json() if analysis else None})
            continue
        click.echo(f"== {path}")
        if not article.is_article:
            click.echo(f"not an article: {article.reason}")
            continue
        for label, value in (("title", article.title), ("author", article.author),
                             ("published", article.published), ("section", article.section),
                             ("canonical", display_url(article.canonical_url))):
            click.echo(f"{label}: {value if value is not None else ''}")
        for person in analysis.people:
            click.echo(f"person: {person.name}: {', '.join(role.role for role in person.roles)}")
        click.echo(f"\n{article.text}\n")
    if failed:
        raise click.exceptions.Exit(1)


@click.command()
@click.argument("source", required=False, default="-", type=click.File("rb"))
def normalize(source):
    """Print the Devanagari display form of FILE (or stdin, '-'): NFC, invisible characters
    removed, whitespace tidied."""
    raw = source.read()
    text = raw.decode("utf-8-sig", errors="replace")
    sys.stdout.write(normalise(text))
    if not text.endswith("\n"):
        sys.stdout.write("\n")


COMMANDS = (extract, normalize)

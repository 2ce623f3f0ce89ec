"""Commands over people, roles and appointments: `analyze`, `people`, `show`, `reprocess`,
`export`. Each maps its options to one library call (newsbot.people, newsbot.export)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from newsbot import home, records
from newsbot.archive import Archive
from newsbot.cli.options import date_option, echo_json, existing_archive, home_options, json_option
from newsbot.export import EXPORTS, FORMATS, Filters, ist, write, write_file
from newsbot.people import analyse
from newsbot.people.registry import analyse_pending, find_people
from newsbot.people.registry import reprocess as reprocess_archive
from newsbot.records import POST_FIELDS
from newsbot.search.sync import sync_index
from newsbot.urls import display_url

# Exports longer than this show a progress bar (on a terminal only).
PROGRESS_MIN_ROWS = 2000


def open_archive(data_dir, up_to_date: bool = True) -> Archive:
    """The archive, with every article analysed by the current rules when *up_to_date*
    (articles archived by an older newsbot, or before the rules last changed) and the archive
    can be written; a read-only one is read as it is."""
    archive = existing_archive(data_dir, read_only=up_to_date)
    if up_to_date and not archive.read_only:
        analyse_pending(archive)
    return archive


@click.command()
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
@json_option
def analyze(files, as_json):
    """Find people, roles, appointments, parties and event types in plain Hindi text.

    Each FILE (or stdin: '-' or none) holds a title line and the body. --json prints one
    object per file: file, political, event_types, parties, people [{name, roles [{role, org,
    jurisdiction, appointed, evidence, start, end, role_normalized, post, level, wing, party,
    former}]}], counts [{role, count}]; `start` and `end` are character offsets of `evidence` in
    the file's text; `role_normalized` is the post as analysts count it ("ज़िलाध्यक्ष" and "जिला
    अध्यक्ष" are both "जिला अध्यक्ष"), `party` the party of the role's org or wing.
    """
    failed = 0
    for path in files or (Path("-"),):
        try:
            text = _stdin_text() if str(path) == "-" else path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            click.echo(f"newsbot: cannot read {path}: {getattr(error, 'strerror', None) or error}", err=True)
            failed += 1
            continue
        result = analyse(text)
        if as_json:
            echo_json({"file": str(path), **result.to_json()})
            continue
        click.echo(f"== {path}: {'political' if result.political else 'not political'}"
                   f"; events: {', '.join(result.event_types) or '-'}; parties: {', '.join(result.parties) or '-'}")
        for person in result.people:
            for role in person.roles:
                click.echo(f"{person.name}\t{_describe(role.role, role.org, role.jurisdiction, role.appointed)}")
        for count in result.counts:
            click.echo(f"{count['count']} × {count['role']}")
    if failed:
        raise click.exceptions.Exit(1)


def _stdin_text() -> str:
    """Standard input as UTF-8 whatever the locale says (a BOM dropped)."""
    binary = getattr(sys.stdin, "buffer", None)
    return binary.read().decode("utf-8-sig") if binary is not None else sys.stdin.read()


def _describe(role: str, org: str | None, jurisdiction: str | None, appointed: bool) -> str:
    where = ", ".join(part for part in (org, jurisdiction) if part)
    return f"{role}{f' ({where})' if where else ''}{' [appointed]' if appointed else ''}"


@click.command()
@click.argument("name", required=False)
@home_options
@json_option
def people(name, data_dir, index_dir, as_json):
    """List the people registry, or show NAME's roles over time with dates and sources.

    NAME matches on the match form (spellings meet: ज़िला = जिला); part of a name is enough.
    The list shows each person's posts as counted (role_normalized). --json prints one object
    per person.
    """
    with open_archive(data_dir) as archive:
        found = find_people(archive, name) if name else archive.people_rows()
        if name and not found:
            raise click.ClickException(f"no one in the registry matches {name!r}")
        by_person: dict[int, list[dict]] = {}
        for mention in archive.mention_rows():
            by_person.setdefault(mention["person_id"], []).append(mention)
        for person in found:
            mentions = by_person.get(person["id"], [])
            record = {"name": person["name"], "key": person["key"], "articles": person["articles"],
                      "mentions": person["mentions"], "appointments": person["appointments"],
                      "first_date": ist(person["first_date"]), "last_date": ist(person["last_date"]),
                      "roles": [_role_record(m) for m in mentions] if name else
                      sorted({m["role"] for m in mentions}),
                      "posts": sorted({m["role_normalized"] or m["role"] for m in mentions})}
            if as_json:
                echo_json(record)
            elif name:
                _print_person(record)
            else:
                click.echo(f"{record['name']}\t{record['articles']} article(s)\t{', '.join(record['posts'])}")


def _role_record(mention: dict) -> dict:
    return {"role": mention["role"], **{field: mention[field] for field in POST_FIELDS}, "org": mention["org"],
            "party": mention["party"],
            "jurisdiction": mention["jurisdiction"], "appointed": mention["appointed"],
            "date": ist(mention["published"] or mention["first_seen"]), "site": mention["site"],
            "url": display_url(mention["article_url"]), "title": mention["title"], "evidence": mention["evidence"]}


def _print_person(record: dict) -> None:
    click.echo(f"{record['name']} — {record['mentions']} mention(s) in {record['articles']} article(s)")
    for role in record["roles"]:
        date = (role["date"] or "")[:10] or "undated"
        counted = ", ".join(part for part in (role["role_normalized"], role["wing"], role["party"]) if part)
        click.echo(f"  {date}  {_describe(role['role'], role['org'], role['jurisdiction'], role['appointed'])}"
                   f"\n              post: {counted}"
                   f"\n              {role['site']} · {role['url']}\n              {role['evidence']}")


@click.command()
@click.argument("url")
@home_options
@json_option
def show(url, data_dir, index_dir, as_json):
    """Show the archived article at URL with the people, roles and parties found in it.

    URL in any form: as `search` prints it (readable Devanagari), percent-encoded, with
    tracking parameters or a #fragment."""
    with open_archive(data_dir) as archive:
        found = archive.article_by_url(url)
        if found is None:
            raise click.ClickException(f"no archived article at {url}")
        article = records.article(archive, found["id"])  # what the web app and notebooks show
    record = {"url": display_url(article["url"]), **{field: article[field] for field in (
        "title", "site", "published", "author", "political", "event_types", "parties")},
        "people": [{field: person[field] for field in ("name", "key", "roles")} for person in article["people"]],
        "counts": article["counts"], "text": article["text"]}
    if as_json:
        echo_json(record)
        return
    click.echo(f"{record['title']}\n{record['site']} · {record['published'] or 'undated'} · {record['url']}")
    click.echo(f"political: {'yes' if record['political'] else 'no'}; events: "
               f"{', '.join(record['event_types']) or '-'}; parties: {', '.join(record['parties']) or '-'}")
    for person in record["people"]:
        for role in person["roles"]:
            click.echo(f"  {person['name']}: {_describe(role['role'], role['org'], role['jurisdiction'], role['appointed'])}")
    click.echo(f"\n{record['text']}")


@click.command()
@click.option("--extract", "extract_again", is_flag=True,
              help="First extract every archived page again from its stored raw bytes (after "
                   "extraction improved); changed articles keep their old text as a revision.")
@click.option("--from-warc", "warcs", multiple=True, metavar="DIR|FILE",
              type=click.Path(exists=True, path_type=Path),
              help="First extract the HTML pages captured in these WARC files (a crawl's "
                   "<data dir>/warc, or any crawler's) again, as `import-warc` does (repeatable).")
@home_options
@json_option
def reprocess(extract_again, warcs, data_dir, index_dir, as_json):
    """Redo the analysis of every archived article from its stored text (after the rules or
    vocabulary changed), rebuild the people registry, and update the index to match."""
    errors: list[str] = []
    with open_archive(data_dir, up_to_date=False) as archive:
        from newsbot.ingest import import_warcs
        from newsbot.reextract import reextract  # lxml and the extractor: only for --extract

        extracted = reextract(archive) if extract_again else None
        from_warc = import_warcs(archive, warcs, errors=errors) if warcs else None
        done = reprocess_archive(archive)
        index = home.index_dir(index_dir)
        indexed = sync_index(archive, index) if index.exists() else 0
    report = {"articles": done.articles, "changed": done.changed, "people": done.people, "indexed": indexed}
    for key, counts in (("extracted", extracted), ("from_warc", from_warc)):
        if counts is not None:
            report[key] = dict(counts)
    for error in errors:
        click.echo(f"newsbot: {error}", err=True)
    if as_json:
        echo_json(report)
    else:
        for source, counts in (("stored pages", extracted), ("pages from WARC files", from_warc)):
            if counts is not None:
                click.echo(f"extracted {counts['pages']} {source} again: "
                           f"{counts['articles_new']} new, {counts['articles_updated']} updated, "
                           f"{counts['articles_unchanged']} unchanged articles, {counts['skipped']} skipped")
        click.echo(f"reprocessed {done.articles} articles: {done.changed} changed, {done.people} people "
                   f"in the registry; {indexed} index documents updated")
    if errors:
        raise click.exceptions.Exit(1)


@click.command()
@click.argument("kind", type=click.Choice(tuple(EXPORTS)))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="csv", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Output file (default: stdout, except for xlsx).")
@click.option("--force", is_flag=True, help="Overwrite an existing output file.")
@date_option("--from", end=False, help_text="Only articles published on or after DATE (YYYY-MM-DD, +05:30).")
@date_option("--to", end=True, help_text="... on or before DATE.")
@click.option("--site", help="Only articles of this site.")
@click.option("--party", help="Only this party (a code: INC, BJP, SP, ...).")
@click.option("--appointed-only", is_flag=True, help="Only appointments made in the article.")
@home_options
def export(kind, fmt, output, force, date_from, date_to, site, party, appointed_only, data_dir, index_dir):
    """Export KIND (appointments, roles, people, articles) as CSV (UTF-8 with BOM), JSONL or XLSX.

    \b
    appointments: the appointments articles report, one row each: person, role, role_normalized,
                  org, party, jurisdiction, appointed, event_types, published, site,
                  article_url, evidence (the body sentence that states it)
    roles:        every role an article gives a person, same columns (--appointed-only: the
                  appointments)
    people:       person, key, roles, posts, parties, appointments, mentions, articles,
                  first_date, last_date
    articles:     article_url, site, title, published, author, political, event_types, parties,
                  people, appointments
    """
    if output is None and fmt == "xlsx":
        raise click.UsageError("--format xlsx needs -o FILE")
    if output is not None and output.exists() and not force:
        raise click.ClickException(f"{output} exists; use --force to overwrite it")
    columns, build = EXPORTS[kind]
    filters = Filters(date_from, date_to, site, party.upper() if party else None, appointed_only)
    with open_archive(data_dir) as archive:
        rows = build(archive, filters)
    if output is None:
        sys.stdout.flush()
        write(rows, columns, fmt, sys.stdout.buffer)
        return
    try:
        if len(rows) > PROGRESS_MIN_ROWS and sys.stderr.isatty():
            with click.progressbar(rows, label=f"exporting {len(rows)} {kind}", file=sys.stderr) as bar:
                write_file(bar, columns, fmt, output)
        else:
            write_file(rows, columns, fmt, output)
    except ModuleNotFoundError as error:
        raise click.ClickException(f"{fmt} export needs the {error.name} package (pip install {error.name})") from None
    except OSError as error:
        raise click.ClickException(f"cannot write {output}: {error.strerror}") from None
    click.echo(f"{len(rows)} {kind} written to {output}", err=True)


COMMANDS = (analyze, people, show, reprocess, export)

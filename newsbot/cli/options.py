"""Options shared by several commands, and the one JSON Lines writer."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from newsbot import home
from newsbot.archive import Archive, sql
from newsbot.crawl import CrawlLocked, crawl_lock
from newsbot.search.query import SearchError, parse_date


def use_db(ctx, param, value: str | None) -> None:
    """--db URL: the archive in PostgreSQL for this command and every process it starts (as if
    $NEWSBOT_DB_URL were set), so each place that opens the archive finds it alike."""
    if value is None:
        return
    if not sql.is_url(value):
        raise click.BadParameter(f"{value!r} is not a postgresql:// URL")
    os.environ[home.DB_URL_ENV] = value


def home_options(command):
    """--data-dir and --index-dir (env NEWSBOT_DATA_DIR / NEWSBOT_INDEX_DIR; ./data, ./index),
    and --db (env NEWSBOT_DB_URL): the archive in PostgreSQL instead of the data dir."""
    command = click.option(
        "--db", metavar="URL", envvar=home.DB_URL_ENV, expose_value=False, callback=use_db,
        help="Archive in PostgreSQL at URL (postgresql://user@host/db) instead of the data dir's "
             "SQLite file [env NEWSBOT_DB_URL]",
    )(command)
    command = click.option(
        "--index-dir", type=click.Path(file_okay=False, path_type=Path), envvar=home.INDEX_DIR_ENV,
        default=None, help="Whoosh index directory [env NEWSBOT_INDEX_DIR; default ./index]",
    )(command)
    return click.option(
        "--data-dir", type=click.Path(file_okay=False, path_type=Path), envvar=home.DATA_DIR_ENV,
        default=None, help="Archive directory [env NEWSBOT_DATA_DIR; default ./data]",
    )(command)


def date_option(name: str, end: bool, help_text: str):
    """--from/--to: an ISO date or datetime (+05:30 when none given); `end` makes a bare date
    include its whole day."""
    def to_datetime(ctx, param, value):
        try:
            return None if value is None else parse_date(value, end=end)
        except SearchError as error:
            raise click.BadParameter(str(error)) from None

    return click.option(name, f"date_{name[2:]}", metavar="DATE", callback=to_datetime, help=help_text)


def existing_archive(data_dir, read_only: bool = False) -> Archive:
    """The archive in `data_dir`; a one-line error when there is none yet (never a new empty one).

    `read_only` (commands that only read): where the archive file cannot be written (a
    read-only mount or directory), SQLite opens it read-only instead of failing to. A
    PostgreSQL archive is opened as any other: the server says who may write.
    """
    location = home.archive_location(data_dir)
    if not sql.exists(location):
        raise click.ClickException(f"no archive at {sql.display(location)}; run `newsbot crawl` first")
    if sql.is_url(location):
        return Archive(location)
    writable = os.access(location, os.W_OK) and os.access(location.parent, os.W_OK)
    return Archive(location, read_only=read_only and not writable)


def json_option(command):
    return click.option("--json", "as_json", is_flag=True, help="Print JSON Lines.")(command)


def echo_json(record: dict) -> None:
    """One JSON object per line, Devanagari kept readable."""
    click.echo(json.dumps(record, ensure_ascii=False, default=str))


EXIT_LOCKED = 3


@contextmanager
def crawl_locked(data_dir) -> Iterator[None]:
    """Hold the data dir's crawl lock (commands that rewrite derived data: a crawl meanwhile
    would write to what they replace); exit 3 with one line when a crawl holds it."""
    try:
        with crawl_lock(home.data_dir(data_dir)):
            yield
    except CrawlLocked as error:
        click.echo(f"newsbot: {error}; try again when it has finished", err=True)
        raise click.exceptions.Exit(EXIT_LOCKED) from None


@contextmanager
def progress(total: int, label: str) -> Iterator[Callable[[int], None] | None]:
    """A progress bar on a terminal (stderr), fed with counts of items done; None elsewhere."""
    if total < 2 or not sys.stderr.isatty():
        yield None
        return
    with click.progressbar(length=total, label=label, file=sys.stderr) as bar:
        yield bar.update

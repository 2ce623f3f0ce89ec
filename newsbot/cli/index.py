"""`newsbot index [--follow]`: bring the search index up to date with the archive, once or for as
long as crawl workers fill it (newsbot.search.follow)."""

from __future__ import annotations

import fcntl
import signal
import threading
import time
from contextlib import contextmanager

import click

from newsbot import home
from newsbot.archive import Archive
from newsbot.cli.options import EXIT_LOCKED, echo_json, existing_archive, home_options, json_option
from newsbot.search.follow import BATCH, catch_up, follow

FOLLOW_LOCK = ".follow.lock"  # in the index dir: one follower per index


@click.command()
@click.option("--follow", "follow_", is_flag=True,
              help="Keep indexing what crawl workers archive until SIGTERM/SIGINT (then exit 0).")
@click.option("--interval", type=click.FloatRange(min=0.1), default=2.0, show_default=True, metavar="SECONDS",
              help="With --follow: how often to look for newly archived articles.")
@click.option("--batch", type=click.IntRange(min=1), default=BATCH, show_default=True, metavar="N",
              help="Articles per index commit (a stop waits for one batch at most).")
@home_options
@json_option
def index(follow_, interval, batch, data_dir, index_dir, as_json):
    """Index every archived article the search index lacks (after `crawl --no-index`, or to
    catch up after downtime); with --follow, keep doing so as workers archive more: the one
    index writer beside any number of `crawl --redis URL --no-index` workers (docs/scale.md).
    Exit 0 (with --follow also when SIGTERM/SIGINT ended it), 3 when another `newsbot index`
    holds the index, 130/143 when a signal cut a catch-up short (the rest is indexed next time)."""
    index_path = home.index_dir(index_dir)
    stop = threading.Event()
    caught: list[int] = []
    # A follower may start before the first worker has archived anything (all units at boot).
    opened = Archive.in_dir(home.data_dir(data_dir)) if follow_ else existing_archive(data_dir)
    with _follow_lock(index_path), opened as archive, _stopping(stop, caught):
        if follow_:
            total = follow(archive, index_path, stop, interval, batch, report=_reporter(as_json))
        else:
            total = catch_up(archive, index_path, stop, batch)
    if as_json:
        echo_json({"indexed": total, "index": str(index_path),
                   "signal": signal.Signals(caught[0]).name if caught else None})
    else:
        how = f"; stopped by {signal.Signals(caught[0]).name}" if caught else ""
        click.echo(f"index: {total} articles indexed into {index_path}{how}")
    if caught and not follow_:  # a catch-up cut short, as an interrupted crawl: 130/143
        raise click.exceptions.Exit(128 + caught[0])


def _reporter(as_json: bool):
    def report(count: int) -> None:
        if not as_json:
            click.echo(f"{time.strftime('%Y-%m-%d %H:%M:%S')} index: {count} articles indexed")

    return report


@contextmanager
def _follow_lock(index_path):
    index_path.mkdir(parents=True, exist_ok=True)
    with open(index_path / FOLLOW_LOCK, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            click.echo(f"newsbot: another `newsbot index` is writing {index_path}; try again when it has finished",
                       err=True)
            raise click.exceptions.Exit(EXIT_LOCKED) from None
        yield


@contextmanager
def _stopping(stop: threading.Event, caught: list[int]):
    """The first SIGTERM/SIGINT asks for a stop after the batch in hand; a second stops at once
    (the batch's commit is cancelled: the next start indexes it)."""
    def handler(signum, frame):
        if caught:
            raise KeyboardInterrupt
        caught.append(signum)
        stop.set()

    previous = {signum: signal.signal(signum, handler) for signum in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for signum, old in previous.items():
            signal.signal(signum, old)


COMMANDS = (index,)

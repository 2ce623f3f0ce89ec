"""Options shared by several commands, and the one JSON Lines writer."""

from __future__ import annotations

import json
from pathlib import Path

import click

from newsbot import home


def home_options(command):
    """--data-dir and --index-dir (env NEWSBOT_DATA_DIR / NEWSBOT_INDEX_DIR; ./data, ./index)."""
    command = click.option(
        "--index-dir", type=click.Path(file_okay=False, path_type=Path), envvar=home.INDEX_DIR_ENV,
        default=None, help="Whoosh index directory [env NEWSBOT_INDEX_DIR; default ./index]",
    )(command)
    return click.option(
        "--data-dir", type=click.Path(file_okay=False, path_type=Path), envvar=home.DATA_DIR_ENV,
        default=None, help="Archive directory [env NEWSBOT_DATA_DIR; default ./data]",
    )(command)


def json_option(command):
    return click.option("--json", "as_json", is_flag=True, help="Print JSON Lines.")(command)


def echo_json(record: dict) -> None:
    """One JSON object per line, Devanagari kept readable."""
    click.echo(json.dumps(record, ensure_ascii=False, default=str))

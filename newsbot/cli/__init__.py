"""The `newsbot` command: a click group of thin commands over the library.

Errors reach the user as one line: usage errors exit 2, failures of the work exit 1.

Each command's module is imported only when that command runs (``LazyGroup``): a search must
not pay for loading Scrapy and Twisted, which only the crawl commands use.
"""

from __future__ import annotations

import importlib
import sys

import click

from newsbot import __version__
from newsbot.archive.errors import DB_ERRORS, describe

# Command name -> the module of newsbot.cli that defines it (in its COMMANDS).
COMMAND_MODULES = {
    "crawl": "crawl", "demo": "crawl", "serve-demo": "crawl",
    "search": "search", "stats": "search", "reindex": "search", "verify": "search", "sites": "search",
    "analyze": "people", "people": "people", "show": "people", "reprocess": "people",
    "export": "people",
    "extract": "text", "normalize": "text",
    "serve": "serve",
    "import-warc": "ops", "schedule": "ops", "backup": "ops", "migrate": "ops",
    "forget": "ops",
    "runs": "runs", "health": "runs",
    "index": "index",
}


class LazyGroup(click.Group):
    """A group that imports a command's module when the command is looked up (click's
    documented pattern for lazily loaded subcommands)."""

    def list_commands(self, ctx):
        return sorted(COMMAND_MODULES)

    def get_command(self, ctx, name):
        module_name = COMMAND_MODULES.get(name)
        if module_name is None:
            return None
        module = importlib.import_module(f"newsbot.cli.{module_name}")
        return next(command for command in module.COMMANDS if command.name == name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="newsbot")
def cli():
    """newsbot: crawl Hindi regional news sites, archive the articles and search them.

    \b
    Start with:  newsbot demo          (offline demo on the bundled sites)
                 newsbot crawl --url URL -s DOWNLOAD_DELAY=0
                 newsbot search "संजीव आनंद"
                 newsbot people "संजीव आनंद"
                 newsbot export appointments --format xlsx -o appointments.xlsx
                 newsbot serve       (web page and JSON API on http://127.0.0.1:8080/)
    """



def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script; returns the exit code."""
    # Devanagari must reach pipes and files whatever the locale says.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    try:
        result = cli.main(args=argv, prog_name="newsbot", standalone_mode=False)
    except click.UsageError as error:
        hint = f" (see 'newsbot {error.ctx.info_name} --help')" if error.ctx and error.ctx.parent else " (see 'newsbot --help')"
        click.echo(f"newsbot: error: {error.format_message()}{hint}", err=True)
        return 2
    except click.ClickException as error:
        click.echo(f"newsbot: error: {error.format_message()}", err=True)
        return error.exit_code
    except click.exceptions.Exit as exit_:
        return exit_.exit_code
    except click.Abort:
        click.echo("newsbot: interrupted", err=True)
        return 130
    except BrokenPipeError:
        # `newsbot search ... | head`: the reader left; not an error of ours.
        sys.stderr.close()
        return 0
    except DB_ERRORS as error:  # a damaged, unreadable or unreachable archive: one line, never a traceback
        click.echo(f"newsbot: error: {describe(error, action='read')}", err=True)
        return 1
    except OSError as error:  # a full disk, a read-only or vanished file under any command
        click.echo(f"newsbot: error: {describe(error, what='data', action='access')}", err=True)
        return 1
    return result if isinstance(result, int) else 0


if __name__ == "__main__":
    sys.exit(main())

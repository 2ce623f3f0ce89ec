"""The `newsbot` command: a click group of thin commands over the library.

Errors reach the user as one line: usage errors exit 2, failures of the work exit 1.
"""

from __future__ import annotations

import sys

import click

from newsbot import __version__
from newsbot.cli import crawl, people, search, text


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="newsbot")
def cli():
    """newsbot: crawl Hindi regional news sites, archive the articles and search them.

    \b
    Start with:  newsbot demo          (offline demo on the bundled sites)
                 newsbot crawl --url URL -s DOWNLOAD_DELAY=0
                 newsbot search "संजीव आनंद"
                 newsbot people "संजीव आनंद"
                 newsbot export appointments --format xlsx -o appointments.xlsx
    """


for module in (crawl, search, text, people):
    for command in module.COMMANDS:
        cli.add_command(command)


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
    return result if isinstance(result, int) else 0


if __name__ == "__main__":
    sys.exit(main())

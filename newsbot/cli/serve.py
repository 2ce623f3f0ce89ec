"""`newsbot serve`: the researchers' web app and JSON API (newsbot.web), read-only.

The web stack (FastAPI, Jinja2, uvicorn) is imported only when this command runs, so other
commands start no slower for it.
"""

from __future__ import annotations

import socket

import click

from newsbot.cli.options import home_options


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (another machine can connect only if you give one it reaches).")
@click.option("--port", type=click.IntRange(0, 65535), default=8080, show_default=True,
              help="Port to listen on (0: any free port, printed).")
@home_options
def serve(host, port, data_dir, index_dir):
    """Serve the search page, articles, people, appointments and a JSON API (/api/docs) over
    the archive and index, read-only, until Ctrl-C. Works while a crawl or reindex runs."""
    import uvicorn

    from newsbot.web.app import create_app

    try:
        app = create_app(data_dir, index_dir)
    except FileNotFoundError as error:
        raise click.ClickException(str(error)) from None
    try:
        listener = _listen(host, port)
    except (OSError, UnicodeError) as error:
        raise click.ClickException(f"cannot listen on {host}:{port}: {getattr(error, 'strerror', None) or error}") from None
    bound = listener.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"newsbot: serving http://{shown}:{bound}/ (API: /api/docs) — Ctrl-C to stop", err=True)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False))
    server.run(sockets=[listener])


def _listen(host: str, port: int) -> socket.socket:
    """A listening TCP socket, made here so that the port it got (for --port 0) can be printed.

    It is made with IPPROTO_TCP spelt out: asyncio sets TCP_NODELAY on accepted connections only
    for such sockets, and without it every response waited 40 ms for a delayed ACK.
    """
    family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM,
                                                         proto=socket.IPPROTO_TCP)[0]
    listener = socket.socket(family, kind, proto)
    try:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(address)
        listener.listen(128)
    except OSError:
        listener.close()
        raise
    return listener


COMMANDS = (serve,)

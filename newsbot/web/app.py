"""The `newsbot serve` application: HTML pages and a JSON API over the archive and index.

Read-only: every request reads the archive through a read-only connection (SQLite WAL lets a
crawl write meanwhile), kept open for the next request, and the index through
``newsbot.web.engine``. No endpoint writes. Pages carry a strict
Content-Security-Policy: no script at all, styles only from the app's own static files.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from queue import Empty, SimpleQueue

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from newsbot import __version__, home
from newsbot.archive import Archive, sql
from newsbot.archive.errors import DB_ERRORS
from newsbot.search.index import SearchError
from newsbot.web.engine import index_trouble

STATIC = Path(__file__).resolve().parent / "static"
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
                               "base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
# Connections kept open between requests: opening one costs ~11 ms on a local PostgreSQL (0.5 ms
# on SQLite), as much as a typical search; more requests at once than this open their own.
IDLE_CONNECTIONS = 8


@dataclass
class Settings:
    data_dir: Path
    index_dir: Path

    @property
    def archive_path(self) -> Path | str:
        return home.archive_location(self.data_dir)

    idle: SimpleQueue = field(default_factory=SimpleQueue, repr=False)

    @contextmanager
    def archive(self) -> Iterator[Archive]:
        """A read-only connection for one request, one an earlier request left open if any.
        A connection that failed is closed, not handed on."""
        archive = self._idle_archive() or Archive(self.archive_path, read_only=True)
        failed = False
        try:
            yield archive
        except DB_ERRORS:
            failed = True
            raise
        finally:
            if failed:
                archive.close()
            else:
                self._keep(archive)

    def _idle_archive(self) -> Archive | None:
        while True:
            try:
                archive = self.idle.get_nowait()
            except Empty:
                return None
            try:  # a server restarted or a connection dropped since: take another
                archive.db.execute("SELECT 1")
                return archive
            except DB_ERRORS:
                archive.close()

    def _keep(self, archive: Archive) -> None:
        if self.idle.qsize() < IDLE_CONNECTIONS:
            self.idle.put(archive)
        else:
            archive.close()


def create_app(data_dir: str | Path | None = None, index_dir: str | Path | None = None) -> FastAPI:
    """The app over the archive in *data_dir* and the index in *index_dir* (defaults as the CLI's).

    :raises FileNotFoundError: there is no archive in *data_dir*.
    """
    from newsbot.web import api, pages

    settings = Settings(home.data_dir(data_dir).resolve(), home.index_dir(index_dir).resolve())
    if not sql.exists(settings.archive_path):
        raise FileNotFoundError(f"no archive at {sql.display(settings.archive_path)}; run `newsbot crawl` first")
    # An archive from an older newsbot gains its new tables and columns once, here, so that
    # the read-only connections of the requests find them.
    Archive(settings.archive_path).close()
    app = FastAPI(title="newsbot", version=__version__, docs_url=None, redoc_url=None,
                  description="Read-only JSON API over a newsbot archive of Hindi news: full-text search "
                              "(Devanagari or Latin letters), articles, people, appointments, figures.")
    app.state.settings = settings
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    app.openapi = partial(_openapi, app.openapi)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(SearchError, _search_error)
    return app


def _openapi(generate) -> dict:
    """FastAPI's document without its 422 answers: a bad parameter here is a 400 {"error"}."""
    schema = generate()
    for operations in schema["paths"].values():
        for operation in operations.values():
            operation["responses"].pop("422", None)
    for name in ("HTTPValidationError", "ValidationError"):
        schema.get("components", {}).get("schemas", {}).pop(name, None)
    return schema


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


async def _invalid(request: Request, error: RequestValidationError):
    problem = error.errors()[0]
    where = ".".join(str(part) for part in problem.get("loc", ())[1:]) or "request"
    message = f"bad parameter {where}: {problem.get('msg', 'invalid')}"
    return _error(request, message, 400)


async def _http_error(request: Request, error: HTTPException):
    message = error.detail if isinstance(error.detail, str) else "error"
    if error.status_code == 404 and message == "Not Found":
        message = f"not found: {request.url.path}"
    return _error(request, message, error.status_code)


async def _search_error(request: Request, error: SearchError):
    """A broken query is the user's to fix (400); trouble with the index is ours (503)."""
    return _error(request, str(error), 503 if index_trouble(error) else 400)


def _error(request: Request, message: str, status: int):
    if _wants_json(request):
        return JSONResponse({"error": message}, status_code=status)
    from newsbot.web.pages import error_page
    return error_page(request, message, status)

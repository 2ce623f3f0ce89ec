"""Serve the demo news sites over HTTP on 127.0.0.1, one origin (own port, own robots.txt) per site.

    python -m newsbot.demo.server [SITE_DIR ...] [--port N ...] [--verbose]

prints one line per site, "NAME URL" (URL without a trailing slash), then serves until SIGTERM
or SIGINT. With no SITE_DIR it serves the bundled sites under newsbot/demo/sites/. Tests use
the same protocol as Scrapy's mock server (port 0, read the printed URL), or `DemoServer` in-process.
Uses the standard library's ThreadingHTTPServer only, so it runs without Twisted or Scrapy.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import signal
import sys
import threading
import time
from collections import Counter
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from newsbot.demo import faults
from newsbot.demo.render_common import Response, SiteData, SiteRenderer, validate_site
from newsbot.demo.render_newspaper import NewspaperSite
from newsbot.demo.render_publisher import PublisherSite
from newsbot.demo.render_wordpress import WordPressSite

LOGGER = logging.getLogger(__name__)
SITES_DIR = Path(__file__).parent / "sites"
# (kind, theme) → renderer; a new layout is one more renderer class and one line here.
THEMES: dict[tuple[str, str], type[SiteRenderer]] = {
    ("wordpress", ""): WordPressSite,
    ("wordpress", "newspaper"): NewspaperSite,
    ("publisher", ""): PublisherSite,
}
NO_BODY_STATUSES = (204, 304)


def bundled_site_dirs() -> list[Path]:
    """The bundled demo sites: each directory under newsbot/demo/sites/ that holds a site.json."""
    return sorted(d for d in SITES_DIR.iterdir() if (d / "site.json").is_file()) if SITES_DIR.is_dir() else []


def load_site(site_dir: str | Path) -> dict:
    """The parsed, validated site.json of a site directory (or the path of a site.json itself)."""
    path = Path(site_dir)
    if path.is_dir():
        path = path / "site.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    validate_site(raw, str(path))
    return raw


def make_renderer(raw: dict, base_url: str) -> SiteRenderer:
    site = SiteData(raw)
    renderer = THEMES.get((site.kind, site.theme))
    if renderer is None:
        raise ValueError(f"site {site.name!r}: no theme {site.theme!r} for kind {site.kind!r}")
    return renderer(site, base_url)


class _Handler(BaseHTTPRequestHandler):
    server: _SiteServer
    protocol_version = "HTTP/1.1"  # keep-alive, as real sites; every response carries Content-Length
    server_version = "newsbot-demo"
    timeout = 30  # seconds an idle keep-alive connection may hold a thread

    def do_GET(self) -> None:
        self._respond(head_only=False)

    def do_HEAD(self) -> None:
        self._respond(head_only=True)

    def _respond(self, head_only: bool) -> None:
        with self.server.fetched_lock:
            self.server.fetched[self.path] += 1
        if self.server.delay:
            time.sleep(self.server.delay)
        parts = urlsplit(self.path)
        path = unquote(parts.path, errors="replace")  # routes see Devanagari, links carry %-escapes
        query = {k: v[0] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        renderer = self.server.renderer
        try:
            if path.startswith("/_test/"):
                response = faults.handle(path, query) or renderer.not_found()
            else:
                response = renderer.handle(path, query)
        except Exception:  # a renderer bug must answer 500, not drop the connection mid-crawl
            LOGGER.exception("error rendering %s", self.path)
            response = Response(status=500, body="<!DOCTYPE html><title>500</title><h1>500</h1>")
        self._send(response, head_only)

    def _send(self, response: Response, head_only: bool) -> None:
        data, status = response.data, response.status
        etag = f'"{hashlib.sha1(data).hexdigest()[:20]}"' if status == 200 and data else None
        if etag and self._not_modified(etag, response.last_modified):
            status, data = 304, b""
        self.send_response(status)
        self.send_header("Content-Type", response.content_type)
        if status not in NO_BODY_STATUSES:
            self.send_header("Content-Length", str(len(data)))
        if etag:
            self.send_header("ETag", etag)
        if response.last_modified:
            self.send_header("Last-Modified", format_datetime(response.last_modified.astimezone(UTC), usegmt=True))
        for key, value in response.headers.items():
            self.send_header(key, value)
        self.end_headers()
        if not head_only and status not in NO_BODY_STATUSES:
            self.wfile.write(data)

    def _not_modified(self, etag: str, last_modified: datetime | None) -> bool:
        """RFC 9110 §13.2.2: If-None-Match decides when sent; else If-Modified-Since, against
        Last-Modified to the second (an unreadable date is ignored)."""
        if (tags := self.headers.get("If-None-Match")) is not None:
            return etag in (tag.strip() for tag in tags.split(",")) or tags.strip() == "*"
        since = self.headers.get("If-Modified-Since")
        if since is None or last_modified is None:
            return False
        try:
            return last_modified.replace(microsecond=0) <= parsedate_to_datetime(since)
        except (TypeError, ValueError):
            return False

    def log_message(self, format: str, *args: object) -> None:
        if self.server.verbose:
            super().log_message(format, *args)


class _SiteServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # stop() must not wait for a /_test/delay request or an idle keep-alive

    def __init__(self, address: tuple[str, int], verbose: bool, delay: float = 0.0):
        self.verbose = verbose
        self.delay = delay
        self.fetched: Counter[str] = Counter()  # request path (with query) -> times asked for
        self.fetched_lock = threading.Lock()
        self.renderer: SiteRenderer
        super().__init__(address, _Handler)

    def handle_error(self, request, client_address) -> None:
        # Crawlers that time out and hang up mid-response are routine here, not worth a traceback.
        if self.verbose:
            super().handle_error(request, client_address)


class DemoServer:
    """Serve sites in background threads; use as a context manager or call start()/stop().

    >>> with DemoServer([Path("tests/sites/kasba")]) as srv:   # doctest: +SKIP
    ...     srv.url("kasba", "/robots.txt")
    'http://127.0.0.1:41234/robots.txt'
    """

    def __init__(self, site_dirs: list[Path] | None = None, host: str = "127.0.0.1",
                 ports: list[int] | None = None, verbose: bool = False, delay: float = 0.0):
        """*delay*: seconds each response waits before it is made (tests that need requests in flight)."""
        dirs = [Path(d) for d in (bundled_site_dirs() if site_dirs is None else site_dirs)]
        if not dirs:
            raise ValueError("no demo sites to serve (no site.json found)")
        if ports is not None and len(ports) != len(dirs):
            raise ValueError(f"{len(ports)} ports given for {len(dirs)} sites")
        self.site_dirs = dirs
        self.host = host
        self.verbose = verbose
        self.delay = delay
        self._sites = [load_site(d) for d in dirs]
        names = [s["site"]["name"] for s in self._sites]
        if len(set(names)) != len(names):
            raise ValueError(f"site names repeat: {names}")
        self._ports = list(ports) if ports is not None else [0] * len(dirs)
        self._servers: dict[str, _SiteServer] = {}
        self._threads: list[threading.Thread] = []

    def start(self) -> DemoServer:
        if self._servers:
            return self
        try:
            for raw, port in zip(self._sites, self._ports, strict=True):
                server = _SiteServer((self.host, port), self.verbose, self.delay)
                name = raw["site"]["name"]
                self._servers[name] = server
                server.renderer = make_renderer(raw, self._base_url(server))
                thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1},
                                          name=f"demo-site-{name}", daemon=True)
                thread.start()
                self._threads.append(thread)
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        for thread, server in zip(self._threads, self._servers.values(), strict=False):  # a failed start may leave fewer threads
            server.shutdown()
            thread.join()
        for server in self._servers.values():
            server.server_close()
        self._servers.clear()
        self._threads.clear()

    def _base_url(self, server: _SiteServer) -> str:
        host, port = server.server_address[:2]
        # A wildcard bind is reachable on loopback; links must name an address a client can use.
        return f"http://{'127.0.0.1' if host in ('0.0.0.0', '') else host}:{port}"

    @property
    def urls(self) -> dict[str, str]:
        """Site name → base URL (no trailing slash), in the order the sites were given."""
        if not self._servers:
            raise RuntimeError("DemoServer is not started")
        return {name: server.renderer.base_url for name, server in self._servers.items()}

    def url(self, name: str, path: str = "/") -> str:
        return self.urls[name] + (path if path.startswith("/") else "/" + path)

    def fetched(self, name: str) -> Counter[str]:
        """How many times each path of site *name* was asked for (GET or HEAD)."""
        server = self._servers[name]
        with server.fetched_lock:
            return Counter(server.fetched)

    def __enter__(self) -> DemoServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsbot.demo.server", description=__doc__.split("\n\n")[0])
    parser.add_argument("site_dirs", nargs="*", type=Path, metavar="SITE_DIR",
                        help="directories holding a site.json (default: the bundled demo sites)")
    parser.add_argument("--port", type=int, action="append", dest="ports", metavar="N",
                        help="port for each site in order, repeat once per site (default 0: any free port)")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--verbose", action="store_true", help="log every request and client error to stderr")
    args = parser.parse_args(argv)
    site_dirs = args.site_dirs or bundled_site_dirs()
    if args.ports and len(args.ports) != len(site_dirs):
        parser.error(f"give one --port per site ({len(site_dirs)}), or none")
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(message)s")
    try:
        server = DemoServer(site_dirs, host=args.host, ports=args.ports, verbose=args.verbose).start()
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    try:
        for name, url in server.urls.items():
            print(f"{name} {url}", flush=True)
        while not stop.wait(0.2):  # a timed wait keeps the main thread responsive to signals
            pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())

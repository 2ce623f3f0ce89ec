"""A fault-injection web site for crawl tests, as Scrapy's own mock server is for Scrapy's.

A threaded HTTP server on a loopback address (port 0) whose pages a test writes as routes:
`path -> Reply` or `path -> callable(hit_number) -> Reply`, so a page can fail twice and then
recover. Every hit is recorded (path and time, and its request headers), so a test can assert
what the crawler asked for, when and how. A Reply can also reset the connection, stall, wait
for the test's word (an Event), or stream a body with no length; one with an ETag or Last-Modified header answers a matching
If-None-Match / If-Modified-Since with 304, as web servers do.

    python tests/faultsite.py      # serves a small demo site, prints its URL, until Ctrl-C

All text is original (invented places and people).
"""

from __future__ import annotations

import html
import json
import socket
import struct
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    reset: bool = False  # close with a TCP RST before answering
    delay: float = 0.0  # seconds to wait before answering
    stream: int = 0  # send this many bytes with no Content-Length, then close (a body of unknown size)
    hold: threading.Event | None = None  # answer only once the test sets it (a page kept in flight)


Route = Reply | Callable[[int], Reply]

PARAGRAPHS = (
    "रामपुर कलां (संवाददाता)। ज़िला पंचायत सभागार में मंगलवार को किसान संगठनों की बैठक हुई, जिसमें "
    "सिंचाई नहर की मरम्मत और धान ख़रीद केंद्रों की कमी पर चर्चा की गई।",
    "बैठक की अध्यक्षता कर रहे किसान नेता हरिओम चौधरी ने कहा कि खरीफ़ की फ़सल कट चुकी है, पर ख़रीद केंद्र "
    "अब तक नहीं खुले। उन्होंने प्रशासन को दस दिन का समय दिया।",
    "सभा में मौजूद कृषि अधिकारी सुनयना त्रिपाठी ने आश्वासन दिया कि अगले सप्ताह तक चार नए केंद्र खोले जाएँगे "
    "और नहर की सफ़ाई का काम १५ दिसंबर से शुरू होगा।",
    "बैठक में आसपास के बारह गाँवों के प्रधान, सहकारी समितियों के सचिव और युवा किसान मंच के सदस्य शामिल हुए।",
)


def article(title: str, *, canonical: str | None = None, paragraphs: tuple[str, ...] = PARAGRAPHS,
            links: tuple[str, ...] = ()) -> bytes:
    """A news article page the generic extractor recognises: JSON-LD, a byline, four paragraphs."""
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
          "datePublished": "2026-11-24T10:30:00+05:30", "author": {"@type": "Person", "name": "मीनाक्षी राठौर"}}
    head = f'<link rel="canonical" href="{html.escape(canonical)}">' if canonical else ""
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    more = "".join(f'<a href="{html.escape(href)}">और पढ़ें</a>' for href in links)
    return (f'<!DOCTYPE html><html lang="hi"><head><meta charset="utf-8"><title>{html.escape(title)}</title>{head}'
            f'<meta property="og:type" content="article">'
            f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script></head>'
            f'<body><article><h1>{html.escape(title)}</h1><p class="byline">मीनाक्षी राठौर</p>{body}</article>'
            f"{more}</body></html>").encode()


def links_page(*hrefs: str, title: str = "ताज़ा ख़बरें") -> bytes:
    """A page of links only (a home page or a listing): the crawl's way in to the fault pages."""
    items = "".join(f'<li><a href="{html.escape(h)}">ख़बर {i}</a></li>' for i, h in enumerate(hrefs, 1))
    return (f'<!DOCTYPE html><html lang="hi"><head><meta charset="utf-8"><title>{title}</title></head>'
            f"<body><h1>{title}</h1><ul>{items}</ul></body></html>").encode()


ALLOW_ALL = Reply(body=b"User-agent: *\nAllow: /\n", content_type="text/plain")


class FaultSite:
    """Serve `routes` on host (127.0.0.1 unless another loopback address is asked for), port 0.

    Paths no route names go to `fallback(path)` (endless generated pages), else answer 404;
    /robots.txt allows everything unless a route says otherwise.
    """

    def __init__(self, routes: dict[str, Route], host: str = "127.0.0.1",
                 fallback: Callable[[str], Reply | None] | None = None):
        self.routes = {"/robots.txt": ALLOW_ALL, **routes}
        self.fallback = fallback
        self.hits: list[tuple[str, float]] = []
        self.asked: list[tuple[str, dict[str, str]]] = []  # (path, request headers) per hit
        self._lock = threading.Lock()
        self.server = ThreadingHTTPServer((host, 0), _handler_for(self))
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def base(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str = "/") -> str:
        return self.base + path

    def count(self, path: str) -> int:
        return sum(1 for hit, _ in self.hits if hit == path)

    def times(self, path: str) -> list[float]:
        return [when for hit, when in self.hits if hit == path]

    def reply_for(self, path: str, headers: dict[str, str] | None = None) -> Reply:
        with self._lock:
            self.hits.append((path, time.monotonic()))
            self.asked.append((path, dict(headers or {})))
            number = self.count(path)
        route = self.routes.get(path) or self.routes.get(urlsplit(path).path)
        if route is not None:
            return route(number) if callable(route) else route
        generated = self.fallback(path) if self.fallback else None
        return generated or Reply(status=404, body=b"<!DOCTYPE html><title>404</title><h1>404</h1>")

    def __enter__(self) -> FaultSite:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


def _handler_for(site: FaultSite) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            reply = site.reply_for(self.path, dict(self.headers.items()))
            if reply.hold is not None:
                reply.hold.wait(timeout=120)
            if reply.delay:
                time.sleep(reply.delay)
            if reply.status == 200 and _not_modified(reply, self.headers):
                reply = Reply(status=304, content_type=reply.content_type, headers=reply.headers)
            if reply.reset:
                # SO_LINGER 0: close() sends RST, as a crashed server or a middlebox would.
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                self.close_connection = True
                return
            self.send_response(reply.status)
            self.send_header("Content-Type", reply.content_type)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            if reply.stream:
                self.send_header("Connection", "close")
                self.end_headers()
                self.close_connection = True
                self._stream(reply.stream)
                return
            if reply.status != 304:  # a 304 has no body, and says nothing of its length
                self.send_header("Content-Length", reply.headers.get("Content-Length", str(len(reply.body))))
            self.end_headers()
            self._write(reply.body)

        def _stream(self, size: int) -> None:
            chunk = b"<p>" + "लंबा पन्ना ".encode() * 10_000 + b"</p>"
            sent = 0
            while sent < size and self._write(chunk):
                sent += len(chunk)

        def _write(self, data: bytes) -> bool:
            try:
                self.wfile.write(data)
                return True
            except OSError:  # the crawler hung up (a size cap, a timeout): expected here
                self.close_connection = True
                return False

        def log_message(self, format, *args) -> None:
            pass

    return Handler


def _not_modified(reply: Reply, headers) -> bool:
    """Whether a conditional request matches the reply's validators (RFC 9110 §13.2.2: an
    If-None-Match decides when sent; else If-Modified-Since, compared as HTTP dates)."""
    if headers.get("If-None-Match") is not None:
        return headers["If-None-Match"] == reply.headers.get("ETag")
    since, modified = headers.get("If-Modified-Since"), reply.headers.get("Last-Modified")
    if since is None or modified is None:
        return False
    try:
        return parsedate_to_datetime(modified) <= parsedate_to_datetime(since)
    except (TypeError, ValueError):
        return False


if __name__ == "__main__":
    demo = {"/": Reply(body=links_page("/a", "/flaky")), "/a": Reply(body=article("परीक्षण समाचार")),
            "/flaky": lambda n: Reply(status=503) if n < 3 else Reply(body=article("दूसरा प्रयास"))}
    with FaultSite(demo) as running:
        print(running.url(), flush=True)
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            sys.exit(0)

"""Misbehaving endpoints under /_test/ on every demo site, for crawl-robustness tests.

Each is driven by query arguments, as Scrapy's mock server does, so a test states the fault it
wants in the URL. Bodies are deterministic so tests can assert on them.
"""

from __future__ import annotations

import random
import time

from newsbot.demo.render_common import Response, esc, redirect

MAX_DELAY = 10.0  # seconds; a typo in a test must not hang the suite
REDIRECT_CODES = (301, 302, 303, 307, 308)

# windows-1252 differs from ISO-8859-1 in 0x80–0x9F: curly quotes, dashes, € and … live there.
LATIN1_TEXT = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"windows-1252\"><title>Café “Menu” – €5</title>"
               "</head><body><h1>Café “Menu” – €5</h1><p>Crème brûlée… naïve façade, ½ price.</p></body></html>")
LATIN1_BODY = LATIN1_TEXT.encode("cp1252")

# Valid Hindi UTF-8 around bytes no UTF-8 decoder accepts: a stray continuation byte, 0xFF/0xFE,
# and a three-byte sequence cut after two bytes (what a byte-wise truncation of Devanagari leaves).
BAD_UTF8_BODY = ("<!DOCTYPE html><html lang=\"hi\"><head><meta charset=\"utf-8\"><title>ख़राब बाइट</title></head>"
                 "<body><h1>ख़राब बाइट</h1><p>यह पन्ना ").encode() + b"\x80\xff\xfe" + "गड़बड़ ".encode() + \
    b"\xe0\xa4" + " अक्षरों वाला है।</p></body></html>".encode()

# Not HTML at all: control characters, an escape sequence, broken multi-byte bytes and a NUL.
GARBLED_BODY = (bytes(range(1, 9)) + b"\x1b[31m\x0b\x0c" + b"\xc3\x28\xa0\xa1\xe2\x28\xa1\xf0\x28\x8c\x28"
                + b"\x00<<<>>>\x7f\x7f" + bytes(range(14, 32)) + b"%%\xfe\xfe\x00" * 8)

BINARY_BODY = random.Random(20261120).randbytes(4096)


def handle(path: str, query: dict[str, str]) -> Response | None:
    """The fault response for a /_test/ path, or None for an unknown one (the site's 404)."""
    name = path.removeprefix("/_test/").rstrip("/")
    handler = _HANDLERS.get(name)
    response = handler(query) if handler else None
    if response is not None:
        response.headers.setdefault("Cache-Control", "no-store")
    return response


def _bad_request(message: str) -> Response:
    return Response(status=400, body=f"<!DOCTYPE html><title>400</title><p>{esc(message)}</p>")


def _status(query: dict[str, str]) -> Response:
    n = query.get("n", "500")
    if not n.isdigit() or not 200 <= int(n) <= 599:
        return _bad_request("n must be an HTTP status 200–599")
    return Response(status=int(n), body=f"<!DOCTYPE html><title>{n}</title><h1>status {n}</h1>")


def _delay(query: dict[str, str]) -> Response:
    try:
        seconds = float(query.get("s", "1"))
    except ValueError:
        return _bad_request("s must be a number of seconds")
    time.sleep(min(max(seconds, 0.0), MAX_DELAY))
    return Response(body=f"<!DOCTYPE html><title>delayed</title><p>delayed {seconds:g}s</p>")


def _redirect(query: dict[str, str]) -> Response:
    to, code = query.get("to", "/"), query.get("code", "302")
    # Same-origin paths only: a "//host" or "http:" target would make this an open redirect.
    if not to.startswith("/") or to.startswith("//"):
        return _bad_request("to must be a path on this site")
    if not code.isdigit() or int(code) not in REDIRECT_CODES:
        return _bad_request(f"code must be one of {REDIRECT_CODES}")
    return redirect(to, int(code))


_HANDLERS = {
    "status": _status,
    "delay": _delay,
    "redirect": _redirect,
    "empty": lambda q: Response(body=b"", content_type="text/html"),
    "binary": lambda q: Response(body=BINARY_BODY, content_type="text/html"),
    "garbled": lambda q: Response(body=GARBLED_BODY, content_type="text/html"),
    "latin1": lambda q: Response(body=LATIN1_BODY, content_type="text/html; charset=windows-1252"),
    "badutf8": lambda q: Response(body=BAD_UTF8_BODY, content_type="text/html; charset=utf-8"),
}

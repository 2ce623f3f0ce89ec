"""WARC files (ISO 28500, through warcio): every fetched response kept as it came over the wire.

Writing (`WarcCapture`, fed by newsbot.middlewares.WarcCaptureMiddleware): gzip WARC files in
``<data dir>/warc/``, one request and one response record per fetch, a new file once one
passes ``max_size`` bytes. A payload already captured (same SHA-1, in this run or an earlier
one: ``digests.sqlite3`` remembers them) is written as a revisit record that refers to the
first capture, so a nightly crawl of an unchanged site does not store every page again. A file
is written as ``*.warc.gz.open`` and renamed when complete, as Heritrix does.

Reading (`read_responses`): the response and revisit records of any WARC or ARC file, made
by newsbot or anyone else (Browsertrix, Heritrix, wget, Common Crawl), payloads decoded.
"""

from __future__ import annotations

import base64
import hashlib
import os
import sqlite3
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from http import HTTPStatus
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsbot import __version__

WARC_DIRNAME = "warc"
SUFFIX = ".warc.gz"
OPEN_SUFFIX = ".open"  # a file still being written
# Heritrix's default too: big enough for few files, small enough to copy and check one.
DEFAULT_MAX_SIZE = 1_000_000_000
# Twisted has already undone the chunking: the stored body is not chunked any more.
_DROPPED_HEADERS = frozenset({"transfer-encoding"})


def payload_digest(body: bytes) -> str:
    """The WARC-Payload-Digest of `body` as warcio and Heritrix write it (SHA-1, base32)."""
    return "sha1:" + base64.b32encode(hashlib.sha1(body).digest()).decode("ascii")


@dataclass
class Exchange:
    """One HTTP fetch, as plain values (no Scrapy objects)."""

    url: str
    method: str
    request_headers: list[tuple[str, str]]
    request_body: bytes
    status: int
    protocol: str
    response_headers: list[tuple[str, str]]
    body: bytes
    ip_address: str | None = None


class WarcCapture:
    """Writes fetches into rotating gzip WARC files in `directory`; close() when done."""

    def __init__(self, directory: Path, max_size: int = DEFAULT_MAX_SIZE, prefix: str = "newsbot"):
        self.directory = Path(directory)
        self.max_size = max_size
        self.prefix = prefix
        self.serial = 0
        self.started = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
        self.handle = None
        self.path: Path | None = None
        self.writer: WARCWriter | None = None
        self.records = {"response": 0, "revisit": 0}
        self.directory.mkdir(parents=True, exist_ok=True)
        self.digests = sqlite3.connect(self.directory / "digests.sqlite3")
        # One commit per response: without WAL and NORMAL each one waited for two fsyncs, which
        # held the crawl's reactor thread for a fifth of its wall time. The WARC file itself is
        # not synced either; a digest lost to a power cut only costs a full record next time.
        self.digests.execute("PRAGMA journal_mode=WAL")
        self.digests.execute("PRAGMA synchronous=NORMAL")
        self.digests.execute("CREATE TABLE IF NOT EXISTS payloads "
                             "(digest TEXT PRIMARY KEY, uri TEXT NOT NULL, date TEXT NOT NULL)")

    def write(self, exchange: Exchange) -> str:
        """Write the request and its response (or a revisit); returns the record type used."""
        if self.writer is None:
            self._open()
        digest = payload_digest(exchange.body)
        # No payload (a 304 to a conditional request, a 204) is no copy of another capture: a
        # response record of its own, never a revisit of some other empty page.
        first = self.digests.execute("SELECT uri, date FROM payloads WHERE digest = ?",
                                     (digest,)).fetchone() if exchange.body else None
        date = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        common = {"WARC-Date": date, **({"WARC-IP-Address": exchange.ip_address} if exchange.ip_address else {})}
        headers = _response_headers(exchange)
        if first is None:
            response = self.writer.create_warc_record(
                exchange.url, "response", payload=BytesIO(exchange.body), length=len(exchange.body),
                http_headers=headers, warc_headers_dict=common)
            if exchange.body:
                with self.digests:
                    self.digests.execute("INSERT INTO payloads VALUES (?, ?, ?)", (digest, exchange.url, date))
            kind = "response"
        else:
            response = self.writer.create_revisit_record(exchange.url, digest, first[0], first[1],
                                                         http_headers=headers, warc_headers_dict=common)
            kind = "revisit"
        self.writer.write_request_response_pair(_request_record(self.writer, exchange, common), response)
        self.records[kind] += 1
        if self.handle.tell() >= self.max_size:
            self._finish()
        return kind

    def close(self) -> None:
        self._finish()
        self.digests.close()

    def _open(self) -> None:
        while True:  # never over a file of an earlier run that began in the same second
            name = f"{self.prefix}-{self.started}-{self.serial:05d}-{os.getpid()}{SUFFIX}"
            self.serial += 1
            self.path = self.directory / name
            if not self.path.exists():
                try:
                    self.handle = open(self.path.with_name(name + OPEN_SUFFIX), "xb")
                    break
                except FileExistsError:
                    continue
        self.writer = WARCWriter(_GzipMembers(self.handle), gzip=False)
        info = {"software": f"newsbot/{__version__} (warcio)", "format": "WARC File Format 1.0",
                "conformsTo": "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.0/"}
        self.writer.write_record(self.writer.create_warcinfo_record(name, info))

    def _finish(self) -> None:
        if self.handle is None:
            return
        self.handle.close()
        self.path.with_name(self.path.name + OPEN_SUFFIX).rename(self.path)
        self.handle = self.writer = None


class _GzipMembers:
    """A file that gzips each WARC record as a member of its own, as warcio's gzip=True does,
    at zlib's default level 6 instead of warcio's 9: a third of the CPU (0.45 ms a page
    against 1.4 ms, a tenth of a crawl's) for files 3% larger. warcio flushes after every record."""

    def __init__(self, out):
        self.out = out
        self.compressor = None

    def write(self, data: bytes) -> None:
        if self.compressor is None:
            self.compressor = zlib.compressobj(6, zlib.DEFLATED, zlib.MAX_WBITS + 16)
        self.out.write(self.compressor.compress(data))

    def flush(self) -> None:
        if self.compressor is not None:
            self.out.write(self.compressor.flush())
            self.compressor = None
        self.out.flush()


def _response_headers(exchange: Exchange) -> StatusAndHeaders:
    try:
        reason = HTTPStatus(exchange.status).phrase
    except ValueError:
        reason = ""
    headers = [(k, v) for k, v in exchange.response_headers if k.lower() not in _DROPPED_HEADERS]
    return StatusAndHeaders(f"{exchange.status} {reason}".strip(), headers, protocol=exchange.protocol)


def _request_record(writer: WARCWriter, exchange: Exchange, common: dict):
    parts = urlsplit(exchange.url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    headers = list(exchange.request_headers)
    if not any(k.lower() == "host" for k, _ in headers):
        headers.insert(0, ("Host", parts.netloc))
    status = StatusAndHeaders(f"{exchange.method} {target} HTTP/1.1", headers, is_http_request=True)
    return writer.create_warc_record(exchange.url, "request", payload=BytesIO(exchange.request_body),
                                     length=len(exchange.request_body), http_headers=status,
                                     warc_headers_dict=common)


@dataclass
class Captured:
    """A response (or revisit) record read back: what import-warc extracts from."""

    url: str
    kind: str  # "response" or "revisit"
    status: int | None
    content_type: str | None
    date: datetime | None
    body: bytes  # decoded (chunking and Content-Encoding undone); empty for a revisit
    digest: str | None  # WARC-Payload-Digest, which a revisit shares with the record it repeats
    refers_to: str | None = None  # a revisit's WARC-Refers-To-Target-URI


def warc_files(path: Path) -> list[Path]:
    """`path` itself, or the WARC/ARC files in a directory (sorted, so revisits follow their
    originals within one crawl's files)."""
    path = Path(path)
    if not path.is_dir():
        return [path]
    return sorted(p for p in path.iterdir()
                  if p.is_file() and any(p.name.endswith(s) for s in (".warc", ".warc.gz", ".arc", ".arc.gz",
                                                                        SUFFIX + OPEN_SUFFIX)))


def read_responses(path: Path) -> Iterator[Captured]:
    """Every HTTP response and revisit record of the WARC or ARC file at `path`.

    Raises ValueError with a one-line reason when the file is not WARC/ARC at all.
    """
    with open(path, "rb") as handle:
        try:
            for record in ArchiveIterator(handle, arc2warc=True):
                kind = record.rec_type
                if kind not in ("response", "revisit"):
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                if not url or not url.startswith(("http://", "https://")):
                    continue  # dns:, whois: and other non-HTTP captures
                http = record.http_headers
                body = record.content_stream().read() if kind == "response" else b""
                yield Captured(
                    url=url, kind=kind,
                    status=int(http.get_statuscode()) if http and http.get_statuscode().isdigit() else None,
                    content_type=http.get_header("Content-Type") if http else None,
                    date=_warc_date(record.rec_headers.get_header("WARC-Date")), body=body,
                    digest=record.rec_headers.get_header("WARC-Payload-Digest"),
                    refers_to=record.rec_headers.get_header("WARC-Refers-To-Target-URI"))
        except ArchiveLoadFailed as error:
            raise ValueError(f"{path}: not a WARC or ARC file ({str(error).splitlines()[0]})") from None
        except (EOFError, zlib.error) as error:
            raise ValueError(f"{path}: breaks off or is damaged ({error})") from None


def _warc_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None

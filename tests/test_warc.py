"""WARC capture and import: a crawl's responses in WARC files that warcio accepts, and those
files (or any other crawler's) read back into an archive without the network."""

from __future__ import annotations

import gzip
import json
import re
import socket
import subprocess
import sys
import urllib.request
import zlib
from io import BytesIO
from pathlib import Path
from urllib.parse import unquote

import pytest
from conftest import archive_db, copy_data, run_newsbot
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsbot.archive.warc import Exchange, WarcCapture, read_responses, warc_files
from newsbot.cli import main

WARCIO = str(Path(sys.executable).with_name("warcio"))
HINDI_PAGE = ("<html><head><title>नगर पंचायत की बैठक</title></head><body><h1>नगर पंचायत की बैठक</h1>"
              "<p>सोनपुर। नगर पंचायत अध्यक्ष रामकिशोर पाण्डेय ने बैठक में विकास कार्यों की समीक्षा की।</p>"
              "</body></html>").encode()


def exchange(url: str, body: bytes, status: int = 200, content_type: str = "text/html; charset=utf-8") -> Exchange:
    return Exchange(url=url, method="GET", request_headers=[("User-Agent", "newsbot/0.1")], request_body=b"",
                    status=status, protocol="HTTP/1.1",
                    response_headers=[("Content-Type", content_type), ("Transfer-Encoding", "chunked")],
                    body=body, ip_address="127.0.0.1")


def records(path: Path) -> list[tuple[str, str | None]]:
    with open(path, "rb") as handle:
        return [(r.rec_type, r.rec_headers.get_header("WARC-Target-URI")) for r in ArchiveIterator(handle)]


def gzip_members(path: Path) -> int:
    data, members = path.read_bytes(), 0
    while data:
        inflate = zlib.decompressobj(zlib.MAX_WBITS + 16)
        inflate.decompress(data)
        data, members = inflate.unused_data, members + 1
    return members


def test_capture_pairs_requests_with_responses_writes_revisits_and_rotates(tmp_path):
    capture = WarcCapture(tmp_path, max_size=1)  # a new file after every fetch
    kinds = [capture.write(exchange(f"http://127.0.0.1:9/{n}/", HINDI_PAGE)) for n in range(2)]
    kinds.append(capture.write(exchange("http://127.0.0.1:9/other/", HINDI_PAGE.replace("बैठक".encode(), b"x"))))
    capture.close()
    assert kinds == ["response", "revisit", "response"]
    files = warc_files(tmp_path)
    assert len(files) == 3 and not list(tmp_path.glob("*.open"))
    written = [record for path in files for record in records(path)]
    assert [kind for kind, _ in written].count("warcinfo") == len(files)
    # Each record a gzip member of its own: readers seek to one record by its offset.
    assert sum(map(gzip_members, files)) == len(written)
    assert [kind for kind, _ in written if kind != "warcinfo"] == ["response", "request", "revisit", "request",
                                                                   "response", "request"]
    check = subprocess.run([WARCIO, "check", *map(str, files)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    [first, revisit, other] = [r for path in files for r in read_responses(path)]
    assert (first.body, first.status, revisit.kind, revisit.refers_to) == (HINDI_PAGE, 200, "revisit",
                                                                           "http://127.0.0.1:9/0/")
    # The digests outlive the run: tomorrow's crawl of an unchanged page writes a revisit.
    again = WarcCapture(tmp_path)
    assert again.write(exchange("http://127.0.0.1:9/0/", HINDI_PAGE)) == "revisit"
    assert list(tmp_path.glob("*.open")), "a file being written is marked open"
    again.close()
    assert len(warc_files(tmp_path)) == 4 and not list(tmp_path.glob("*.open"))


def test_a_304_is_a_response_record_of_its_own_never_a_revisit(tmp_path, capsys):
    """Conditional requests of an incremental crawl answered 304 carry no payload: each is kept
    as the 304 it was, not as a copy of some other empty page, and import-warc reads no page from it."""
    capture = WarcCapture(tmp_path)
    kinds = [capture.write(exchange("http://127.0.0.1:9/%E0%A4%B8/1/", HINDI_PAGE)),
             capture.write(exchange("http://127.0.0.1:9/%E0%A4%B8/1/", b"", status=304)),
             capture.write(exchange("http://127.0.0.1:9/%E0%A4%B8/2/", b"", status=304))]
    capture.close()
    assert kinds == ["response", "response", "response"]
    [path] = warc_files(tmp_path)
    check = subprocess.run([WARCIO, "check", str(path)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    assert [(r.kind, r.status, r.body) for r in read_responses(path)] == [
        ("response", 200, HINDI_PAGE), ("response", 304, b""), ("response", 304, b"")]
    assert main(["import-warc", str(path), "--json", "--data-dir", str(tmp_path / "data"),
                 "--index-dir", str(tmp_path / "index")]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["pages"], report["revisits"], report["other"]) == (1, 0, 2)


def foreign_warc(path: Path, page_url: str, html: bytes) -> None:
    """A WARC as wget or Heritrix write it: gzip Content-Encoding kept, request records, an
    image, a 404 and a dns: record, none of which is a page."""
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        body = gzip.compress(html)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=UTF-8"),
                                              ("Content-Encoding", "gzip"), ("Content-Length", str(len(body)))],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(page_url, "response", payload=BytesIO(body),
                                                      http_headers=headers))
        image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(page_url + "logo.png", "response",
                                                      payload=BytesIO(b"\x89PNG\r\n"), http_headers=image))
        missing = StatusAndHeaders("404 Not Found", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(page_url + "gone/", "response",
                                                      payload=BytesIO(b"<html>404</html>"), http_headers=missing))
        writer.write_record(writer.create_warc_record("dns:127.0.0.1", "resource", payload=BytesIO(b"127.0.0.1"),
                                                      warc_content_type="text/dns"))


def no_network(*args):
    raise AssertionError("import-warc opened a network connection")


def test_import_reads_another_crawlers_warc_and_reports_a_broken_file(site_server, tmp_path, capsys, monkeypatch):
    url = site_server.url("kasba")
    sitemap = urllib.request.urlopen(url + "/sitemap.xml").read().decode()
    [page_url] = [loc for loc in re.findall("<loc>([^<]+)</loc>", sitemap) if "बेलनपुर" in unquote(loc)]
    html = urllib.request.urlopen(page_url).read()
    foreign_warc(tmp_path / "browsertrix.warc.gz", page_url, html)
    (tmp_path / "notes.warc").write_text("यह WARC नहीं है\n", encoding="utf-8")
    monkeypatch.setenv("NEWSBOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("NEWSBOT_INDEX_DIR", str(tmp_path / "index"))
    monkeypatch.setattr(socket.socket, "connect", no_network)  # the import must not need one
    code = main(["import-warc", str(tmp_path / "notes.warc"), str(tmp_path / "browsertrix.warc.gz"), "--json"])
    out, err = capsys.readouterr()
    assert code == 1
    assert len(err.splitlines()) == 1 and "notes.warc: not a WARC or ARC file" in err
    report = json.loads(out)
    assert (report["files"], report["pages"], report["articles_new"], report["other"], report["indexed"]) == (
        2, 1, 1, 2, 1)
    assert main(["search", "बेलनपुर", "--json"]) == 0
    [hit] = map(json.loads, capsys.readouterr().out.splitlines())
    assert "बेलनपुर" in hit["title"]


@pytest.fixture(scope="module")
def crawled(site_server, tmp_path_factory):
    home = tmp_path_factory.mktemp("warc-crawl")
    for site in ("gramin", "khabar"):
        result = run_newsbot("crawl", site, "--url", site_server.url(site), "-s", "DOWNLOAD_DELAY=0", home=home)
        assert result.returncode == 0, result.stderr
    return home


def test_a_crawl_leaves_warc_files_warcio_accepts_with_one_record_per_page(crawled):
    files = warc_files(crawled / "data" / "warc")
    assert len(files) == 2 and all(path.name.endswith(".warc.gz") for path in files)
    check = subprocess.run([WARCIO, "check", "-v", *map(str, files)], capture_output=True, text=True)
    assert check.returncode == 0 and "digest pass" in check.stdout, check.stdout + check.stderr
    index = subprocess.run([WARCIO, "index", "-f", "warc-type,warc-target-uri,http:status", *map(str, files)],
                           capture_output=True, text=True, check=True)
    entries = [json.loads(line) for line in index.stdout.splitlines()]
    captured: dict[str, int] = {}
    for entry in entries:
        if entry["warc-type"] in ("response", "revisit"):
            captured[entry["warc-target-uri"]] = captured.get(entry["warc-target-uri"], 0) + 1
    requests = sum(entry["warc-type"] == "request" for entry in entries)
    assert requests == sum(captured.values())  # every response comes with its request
    pages = [url for (url,) in archive_db(crawled / "data").execute("SELECT url FROM pages")]
    assert len(pages) > 40
    assert {url: captured.get(url) for url in pages} == dict.fromkeys(pages, 1)


def cli_outputs(home: Path) -> dict[str, object]:
    """What a user sees of an archive: stats, the three exports, searches."""
    outputs: dict[str, object] = {}
    stats = json.loads(run_newsbot("stats", "--json", home=home).stdout)
    outputs["stats"] = {key: stats[key] for key in ("articles", "index_documents", "sites", "pages")}
    for kind in ("articles", "people", "appointments"):
        result = run_newsbot("export", kind, "--format", "jsonl", home=home)
        assert result.returncode == 0, result.stderr
        outputs[kind] = result.stdout
    for query in ("भाजपा", "कांग्रेस", "ज़िला अध्यक्ष", "mandal adhyaksh"):
        outputs[query] = run_newsbot("search", query, "--json", "--limit", "50", home=home).stdout
        assert outputs[query].count("\n") >= 2, query
    return outputs


def test_import_of_the_crawls_warc_files_gives_the_same_archive_and_index(crawled, site_server, tmp_path):
    for path in warc_files(crawled / "data" / "warc"):
        first = next(read_responses(path)).url
        [site] = [site for site in ("gramin", "khabar") if first.startswith(site_server.url(site))]
        result = run_newsbot("import-warc", "--site", site, str(path), "--json", home=tmp_path)
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout)["articles_new"] > 10
    before, after = cli_outputs(crawled), cli_outputs(tmp_path)
    assert after["stats"]["articles"] > 40
    for name, output in before.items():
        assert after[name] == output, name


def test_reprocess_reads_pages_again_from_the_warc_files(crawled, tmp_path):
    copy_data(crawled / "data", tmp_path / "data")
    db = archive_db(tmp_path / "data")
    with db:
        url, title = db.execute("SELECT canonical_url, title FROM articles WHERE site = 'gramin' LIMIT 1").fetchone()
        db.execute("UPDATE articles SET title = 'पुराना शीर्षक', content_hash = 'stale' WHERE canonical_url = ?", (url,))
    result = run_newsbot("reprocess", "--from-warc", str(tmp_path / "data" / "warc"), "--json", home=tmp_path)
    assert result.returncode == 0, result.stderr
    counts = json.loads(result.stdout)["from_warc"]
    assert counts["articles_updated"] == 1 and counts["articles_new"] == 0 and counts["articles_unchanged"] > 40
    assert db.execute("SELECT title FROM revisions").fetchall() == [("पुराना शीर्षक",)]
    assert json.loads(run_newsbot("show", url, "--json", home=tmp_path).stdout)["title"] == title

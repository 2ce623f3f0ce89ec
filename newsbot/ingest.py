"""One fetched page into the archive: extract, archive. Shared by the crawl (the
spider extracts, ArchivePipeline stores) and by `newsbot import-warc`, which feeds the same
two steps from WARC records instead of the network; the index sync that follows either
(newsbot.search.sync) analyses and indexes what is new.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from newsbot.archive import Archive
from newsbot.archive.warc import Captured, payload_digest, read_responses, warc_files
from newsbot.extract import extract
from newsbot.items import IST, CrawledPage, Page
from newsbot.sites.base import SiteProfile
from newsbot.sites.registry import PROFILES, profile_for_url

CHARSET = re.compile(r"charset=([\w.:-]+)", re.IGNORECASE)
HTML_TYPES = ("text/html", "application/xhtml+xml")
IMPORT_COUNTS = ("files", "pages", "articles_new", "articles_updated", "articles_unchanged", "skipped",
                 "revisits", "other")


def declared_charset(content_type: str | None) -> str | None:
    """The charset a Content-Type header declares, lower-cased, else None."""
    match = CHARSET.search(content_type or "")
    return match.group(1).strip("\"'").lower() if match else None


def extract_page(page: Page, profile: SiteProfile) -> CrawledPage:
    """Extract `page` with `profile`; the page records what it became (article or why not)."""
    article = extract(page.body, page.url, profile, encoding=page.encoding, crawled_at=page.fetched_at)
    page.canonical_url = article.canonical_url
    if article.is_article:
        page.outcome = "article"
    else:
        page.reason = article.reason
    return CrawledPage(page=page, article=article if article.is_article else None)


def store(archive: Archive, item: CrawledPage) -> str:
    """Archive the page (raw bytes kept) and its article; returns "skipped" (no article) or
    "new", "updated", "unchanged", or "not_modified" for a 304 answer to a conditional request
    (what is stored stays, only marked as still current). A new or changed article is analysed
    by the index sync that follows (newsbot.search.sync), in batches."""
    if item.page.status == 304:
        archive.confirm_unchanged(item.page.url, item.page.fetched_at)
        return "not_modified"
    archive.save_page(item.page)
    if item.article is None:
        return "skipped"
    return archive.upsert_article(item.article, seen_at=item.page.fetched_at)


def import_warcs(archive: Archive, paths: Iterable[Path], site: str | None = None,
                 errors: list[str] | None = None) -> Counter:
    """Extract and archive the HTML pages captured in WARC/ARC files (or directories
    of them), without the network. `site`: the profile to read every page with (default: the
    one the page was archived under before, else the profile whose domains hold its URL, as
    `crawl --url` picks).

    Counts: files, pages, articles_new/updated/unchanged, skipped (pages with no article),
    revisits (identical payloads resolved to an earlier capture), other (records that are
    not a successful HTML response, or revisits whose original is not among the files).
    A file that is not WARC or ARC (or breaks off) adds a one-line message to `errors` and
    the import goes on with the next; what it held up to the break is kept. The import is
    recorded among the archive's runs, as a crawl is.
    """
    profile = PROFILES[site] if site else None
    counts = Counter(dict.fromkeys(IMPORT_COUNTS, 0))
    run = archive.start_crawl("import-warc" + (f" {site}" if site else ""), site=site, kind="import-warc")
    # payload digest -> (URL, SHA-256 of the decoded body) of a capture imported in this run
    captured_at: dict[str, tuple[str, str]] = {}
    for path in paths:
        for warc in warc_files(path):
            counts["files"] += 1
            try:
                _import_file(archive, warc, profile, counts, captured_at)
            except ValueError as error:
                if errors is None:
                    raise
                errors.append(str(error))
    archive.finish_crawl(run, counts, "finished" if not errors else "failed")
    return counts


def _import_file(archive: Archive, warc: Path, profile: SiteProfile | None, counts: Counter,
                 captured_at: dict[str, tuple[str, str]]) -> None:
    for record in read_responses(warc):
        if not _is_html_page(record):
            counts["other"] += 1
            continue
        if record.kind == "revisit":
            body = _revisited(archive, record, captured_at)
            if body is None:
                counts["other"] += 1
                continue
            record.body = body
            counts["revisits"] += 1
        chosen = profile or PROFILES.get(archive.page_site(record.url) or "") or profile_for_url(record.url)
        page = Page(url=record.url, site=chosen.name, status=record.status,
                    content_type=record.content_type, encoding=declared_charset(record.content_type),
                    body=record.body, fetched_at=_ist(record.date))
        outcome = store(archive, extract_page(page, chosen))
        counts["pages"] += 1
        counts["skipped" if outcome == "skipped" else f"articles_{outcome}"] += 1
        if record.digest:
            captured_at.setdefault(record.digest, (record.url, hashlib.sha256(record.body).hexdigest()))


def _revisited(archive: Archive, record: Captured, captured_at: dict[str, tuple[str, str]]) -> bytes | None:
    """The payload a revisit repeats: that of a capture imported just now, else the archive's
    raw bytes of the URL it refers to (an earlier crawl or import) when they carry its digest
    (the digest is of the bytes as sent, so a compressed original cannot be checked)."""
    if record.digest in captured_at:
        url, sha256 = captured_at[record.digest]
        body = archive.raw_page(url)
        if body is not None and hashlib.sha256(body).hexdigest() == sha256:
            return body
    body = archive.raw_page(record.refers_to) if record.refers_to else None
    return body if body is not None and payload_digest(body) == record.digest else None


def _is_html_page(record: Captured) -> bool:
    """A successful response in HTML: what the crawl extracts (robots.txt, sitemaps, feeds,
    images and scripts a browser-based crawler captured are not pages)."""
    if record.status is None or not 200 <= record.status < 300:
        return False
    content_type = (record.content_type or "").split(";")[0].strip().lower()
    if content_type:
        return content_type in HTML_TYPES
    return record.body.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html"))


def _ist(moment: datetime | None) -> datetime:
    return (moment or datetime.now(IST)).astimezone(IST).replace(microsecond=0)

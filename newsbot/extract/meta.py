"""Meta tags, link rel=canonical and declared language, read once from the parsed page."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from newsbot.urls import canonical_url as canonical
from newsbot.urls import same_site

# Devanagari-script languages a page may rightly declare for Devanagari text.
_DEVANAGARI_LANGS = frozenset({"hi", "mr", "ne", "sa", "mai", "bho", "kok", "doi", "new", "mag", "awa", "bra", "raj"})
_DEVANAGARI = re.compile(r"[\u0900-\u097f]")
_LATIN = re.compile(r"[A-Za-z]")


def read_meta(doc) -> dict[str, list[str]]:
    """Meta values by lower-cased name/property/itemprop/http-equiv, in page order.

    Elements other than <meta> count when they carry itemprop with content= or datetime=
    (e.g. <time itemprop="datePublished" datetime="...">).
    """
    meta: dict[str, list[str]] = {}
    for el in doc.xpath("//meta | //*[@itemprop and (@content or @datetime)]"):
        value = el.get("content") if el.tag == "meta" else (el.get("datetime") or el.get("content"))
        value = (value or "").strip()
        if not value:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = el.get(attr)
            if key:
                meta.setdefault(key.strip().lower(), []).append(value)
    return meta


def first(meta: dict[str, list[str]], *keys: str) -> str | None:
    """The first value of the first key present."""
    for key in keys:
        if meta.get(key):
            return meta[key][0]
    return None


def canonical_url(doc, meta: dict[str, list[str]], url: str, hosts: tuple[str, ...] = ()) -> str:
    """link rel=canonical, then og:url, then the fetched URL, each through `newsbot.urls.canonical_url`.

    A canonical link to the site's home page is ignored on any other page: misconfigured SEO
    plugins print it on every article, and trusting it would archive the whole site as one row.
    One to another site (not the page's registered domain nor one of `hosts`, the profile's) is
    ignored too: a page must never overwrite another site's archived article.
    """
    links = doc.xpath('//head/link[@rel="canonical"]/@href') or doc.xpath('//link[@rel="canonical"]/@href')
    fetched = _absolute(url, url)
    for candidate in [*links, first(meta, "og:url")]:
        resolved = _absolute(candidate, url)
        if not resolved or not same_site(url, resolved, hosts):
            continue
        if not (urlsplit(resolved).path == "/" and fetched and urlsplit(fetched).path != "/"):
            return resolved
    return fetched or url


def language(doc, meta: dict[str, list[str]], sample: str) -> str | None:
    """Primary language subtag; "hi" for Devanagari text a page declares as a non-Devanagari language."""
    declared = doc.get("lang") or first(meta, "og:locale", "content-language", "inlanguage", "language")
    code = re.split(r"[-_]", declared.strip().lower())[0] if declared and declared.strip() else None
    devanagari = len(_DEVANAGARI.findall(sample))
    if devanagari > len(_LATIN.findall(sample)):
        return code if code in _DEVANAGARI_LANGS else "hi"
    return code or None


def _absolute(candidate: str | None, base: str) -> str | None:
    if not candidate or not candidate.strip():
        return None
    resolved = canonical(candidate, base)
    parts = urlsplit(resolved)
    return resolved if parts.scheme in ("http", "https") and parts.netloc else None

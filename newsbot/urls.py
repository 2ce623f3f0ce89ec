"""URL canonicalisation: one address per article, however a crawl reached it.

The archive keys articles on `canonical_url()`, so an AMP copy, a link with `?utm_source=`
and a WordPress link printed in lower-case hex all land on one row. Percent-escapes are
stored in one encoding (upper-case hex, RFC 3986 §6.2.2.1; unreserved characters decoded);
`display_url()` turns the Devanagari escapes back into letters for people to read.

    >>> canonical_url("https://x.in/amp/news/a-1.html?utm_source=tw&id=4#top")
    'https://x.in/news/a-1.html?id=4'
    >>> display_url("https://x.in/%E0%A4%97%E0%A4%BE%E0%A4%81%E0%A4%B5/")
    'https://x.in/गाँव/'
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache, lru_cache
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

# Query keys that only say where a reader came from (campaigns, click ids, share buttons).
_TRACKING = re.compile(
    r"^(utm_\w+|fbclid|gclid|gclsrc|dclid|msclkid|yclid|igshid|mc_cid|mc_eid|_ga|_gl|ref|ref_src|ref_url|"
    r"src|from|cmpid|ito|ncid|spm|share|ns_\w+|at_\w+|replytocom)$",
    re.I,
)
_AMP_PARAM = re.compile(r"^(amp|amp_\w+|outputtype|usqp)$", re.I)
_AMP_SEGMENT = re.compile(r"^(amp|amphtml)$", re.I)
_AMP_PREFIXED = re.compile(r"^amp_(\w+)$", re.I)  # Times Internet: /amp_articleshow/ → /articleshow/
_AMP_SUFFIX = re.compile(r"\.amp(?=\.html?$)|\.amp$", re.I)
_AMP_CACHE = re.compile(r"^/[cv]/(?:s/)?([^/]+)(/.*)?$")  # <host>.cdn.ampproject.org/c/s/<host>/<path>
_ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")
_ESCAPE_RUN = re.compile(r"(?:%[0-9A-Fa-f]{2})+")
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_PATH_SAFE = "/:@!$&'()*+,;=%~"
_QUERY_SAFE = _PATH_SAFE + "?"
_DEFAULT_PORTS = {"http": 80, "https": 443}
_WAYBACK = re.compile(r"^https?://web\.archive\.org/web/\d+[a-z_]*/(https?://.+)$", re.I)

# Paths of listings (home, archive, tag, category, author, pagination, search) and of site pages.
_LISTING = re.compile(
    r"/(page/\d+|tag|tags|category|categories|author|topic|topics|search|archive|archives)(/|$)|"
    r"[?&](s|q|page|paged)=",
    re.I,
)
_SITE_PAGE = re.compile(
    r"^/(about|about-us|contact|contact-us|privacy|privacy-policy|terms|terms-of-use|terms-and-conditions|"
    r"disclaimer|advertise|advertise-with-us|careers|sitemap)(/|\.html?)?$",
    re.I,
)
# Dates publishers put in article and sitemap addresses: /2026/11/20/, -2025-09-23, sitemap-2024-09.xml.
_URL_DATE = re.compile(r"(?<!\d)(20\d{2}|19\d{2})[/-](0[1-9]|1[0-2])(?:[/-](0[1-9]|[12]\d|3[01]))?(?!\d)")


@lru_cache(maxsize=32768)  # a crawl canonicalises every link of every page, most of them seen before
def canonical_url(url: str, base: str | None = None, *, strip_amp: bool = True) -> str:
    """The one address of `url` (resolved against `base`): lower-case scheme and host, no
    default port, no fragment, no tracking parameters, one percent-encoding, and (unless
    `strip_amp` is off) the AMP copy's address turned into the article's own."""
    url = urljoin(base, url.strip()) if base else url.strip()
    wayback = _WAYBACK.match(url)
    if wayback:
        url = wayback.group(1)
    parts = urlsplit(url)
    scheme, host = parts.scheme.lower(), (parts.hostname or "").lower()
    if not host:
        return urlunsplit(parts._replace(fragment=""))
    path = parts.path or "/"
    if strip_amp and host.endswith(".cdn.ampproject.org") and (cache := _AMP_CACHE.match(path)):
        return canonical_url(f"{scheme}://{cache.group(1)}{cache.group(2) or '/'}", strip_amp=strip_amp)
    port = parts.port if parts.port and parts.port != _DEFAULT_PORTS.get(scheme) else None
    netloc = f"{host}:{port}" if port else host
    if strip_amp:
        path = _without_amp(path)
    dropped = (_TRACKING, _AMP_PARAM) if strip_amp else (_TRACKING,)
    query = "&".join(p for p in parts.query.split("&") if p and not any(d.match(_key(p)) for d in dropped))
    return urlunsplit((scheme, netloc, _escapes(path, _PATH_SAFE), _escapes(query, _QUERY_SAFE), ""))


@cache
def _suffixes():
    """The public-suffix list bundled with tldextract: no network fetch, the same answer on every
    run. Imported on first use: tldextract brings requests and urllib3 (a third of a cold
    `newsbot search`, which never needs a site's domain)."""
    import tldextract

    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


@lru_cache(maxsize=4096)
def site_of(url: str) -> str:
    """The site an address belongs to: its registered domain (www.x.co.in and m.x.co.in → x.co.in),
    or, for a host without a public suffix (an IP address, localhost), its host:port.

    >>> site_of("https://m.bhaskar.com/news/1.html"), site_of("http://127.0.0.1:8701/a")
    ('bhaskar.com', '127.0.0.1:8701')
    """
    parts = urlsplit(url)
    host = (parts.hostname or "").rstrip(".")
    domain = _suffixes()(host).top_domain_under_public_suffix if host else ""
    return domain or parts.netloc.lower()


def same_site(url: str, other: str, hosts: tuple[str, ...] | frozenset[str] = ()) -> bool:
    """Whether `other` belongs to `url`'s site: the same registered domain, or a host (or
    host:port) among `hosts`, the ones a site profile names."""
    parts = urlsplit(other)
    return site_of(url) == site_of(other) or parts.netloc in hosts or (parts.hostname or "") in hosts


def display_url(url: str) -> str:
    """`url` with its percent-encoded UTF-8 letters shown as letters; ASCII escapes (%20, %2F,
    %3F ...) stay escaped, so the result still names the same resource."""
    return _ESCAPE_RUN.sub(_decode_run, url)


def is_listing_url(url: str) -> bool:
    """Home, tag, category, author, archive, search and paginated pages."""
    parts = urlsplit(url)
    return (parts.path or "/") == "/" or _LISTING.search(url) is not None


def is_site_page(url: str) -> bool:
    """About, contact, privacy and similar pages of the site itself."""
    return _SITE_PAGE.match(urlsplit(url).path or "/") is not None


def day_in_url(url: str) -> date | None:
    """The day an address carries (/2026/11/20/, -2025-09-23), else None."""
    m = _URL_DATE.search(urlsplit(url).path)
    if m is None or m[3] is None:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def month_in_url(url: str) -> tuple[int, int] | None:
    """(year, month) an address carries, with or without a day (sitemap-2024-09.xml)."""
    m = _URL_DATE.search(urlsplit(url).path)
    return (int(m[1]), int(m[2])) if m else None


def _without_amp(path: str) -> str:
    segments = []
    for segment in path.split("/"):
        if _AMP_SEGMENT.match(segment):
            continue
        prefixed = _AMP_PREFIXED.match(segment)
        segments.append(prefixed.group(1) if prefixed else segment)
    path = "/".join(segments) or "/"
    return _AMP_SUFFIX.sub("", path) or "/"


def _key(pair: str) -> str:
    return _ESCAPE.sub(lambda m: chr(int(m[1], 16)), pair.partition("=")[0])


def _escapes(component: str, safe: str) -> str:
    """Unreserved characters unescaped, other escapes in upper case, raw non-ASCII escaped."""
    def one(m: re.Match) -> str:
        char = chr(int(m[1], 16))
        return char if char in _UNRESERVED else m[0].upper()

    return quote(_ESCAPE.sub(one, component), safe=safe)


def _decode_run(m: re.Match) -> str:
    raw = bytes(int(h, 16) for h in m[0].split("%")[1:])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return m[0]
    return "".join(ch if ord(ch) > 127 else f"%{ord(ch):02X}" for ch in text)

"""Pieces every demo-site theme shares: the site data model, responses, routing, Hindi dates, HTML helpers.

Themes (render_wordpress, render_newspaper, render_publisher) only hold markup and their route
tables; everything that must behave the same on every site lives here so it is written once.
"""

from __future__ import annotations

import html
import json
import math
import re
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import quote

PER_PAGE = 10  # WordPress's default "posts per page"; publishers list about as many per page
REQUIRED_SITE_KEYS = ("name", "title", "kind")
REQUIRED_ARTICLE_KEYS = ("id", "slug", "title", "author", "published", "section", "section_slug", "paragraphs")
KINDS = ("wordpress", "publisher")

# Full month names as Hindi WordPress sites print them ("20 नवंबर 2026").
HINDI_MONTHS = ("जनवरी", "फ़रवरी", "मार्च", "अप्रैल", "मई", "जून",
                "जुलाई", "अगस्त", "सितंबर", "अक्टूबर", "नवंबर", "दिसंबर")
# WordPress's own hi_IN translation spells some months with a half nasal: themes that use the
# locale's date_i18n() print these, so date parsers must meet both spellings.
HINDI_MONTHS_WP_LOCALE = ("जनवरी", "फ़रवरी", "मार्च", "अप्रैल", "मई", "जून",
                          "जुलाई", "अगस्त", "सितम्बर", "अक्टूबर", "नवम्बर", "दिसम्बर")
# Abbreviations with the abbreviation sign ॰ as large Hindi publishers print them ("20 नव॰ 2026").
HINDI_MONTHS_SHORT = ("जन॰", "फ़र॰", "मार्च", "अप्रैल", "मई", "जून",
                      "जुल॰", "अग॰", "सित॰", "अक्टू॰", "नव॰", "दिस॰")


def esc(text: str) -> str:
    return html.escape(str(text), quote=True)


def slugify(name: str) -> str:
    """WordPress-style term slug: lower-cased, words joined by hyphens (Devanagari kept as is)."""
    return "-".join(name.lower().split())


def quote_path(path: str, lower_hex: bool = False) -> str:
    """Percent-encode a path for an href. WordPress prints lower-case hex (%e0%a4%...)."""
    quoted = quote(path, safe="/")
    return re.sub(r"%[0-9A-F]{2}", lambda m: m.group(0).lower(), quoted) if lower_hex else quoted


def hindi_date(dt: datetime, months: tuple[str, ...] = HINDI_MONTHS) -> str:
    return f"{dt.day} {months[dt.month - 1]} {dt.year}"


def hindi_datetime_ist(dt: datetime) -> str:
    """Publisher byline form: "20 नव॰ 2026, 05:30 PM IST" (the clock in the article's own offset)."""
    return f"{dt.day} {HINDI_MONTHS_SHORT[dt.month - 1]} {dt.year}, {dt:%I:%M %p} IST"


@dataclass(frozen=True)
class Post:
    """One article from site.json, with its dates parsed."""

    id: int
    slug: str
    title: str
    author: str
    published: datetime
    modified: datetime | None
    section: str
    section_slug: str
    tags: tuple[str, ...]
    summary: str
    paragraphs: tuple[str, ...]

    @classmethod
    def from_json(cls, raw: dict) -> Post:
        return cls(
            id=int(raw["id"]), slug=raw["slug"], title=raw["title"], author=raw["author"],
            published=datetime.fromisoformat(raw["published"]),
            modified=datetime.fromisoformat(raw["modified"]) if raw.get("modified") else None,
            section=raw["section"], section_slug=raw["section_slug"], tags=tuple(raw.get("tags") or ()),
            summary=raw.get("summary") or "", paragraphs=tuple(raw["paragraphs"]),
        )

    @property
    def updated(self) -> datetime:
        return self.modified or self.published


def validate_site(raw: dict, source: str = "site.json") -> None:
    """Raise ValueError naming the first problem, so a broken data file is reported, not half-served."""
    site = raw.get("site") if isinstance(raw, dict) else None
    if not isinstance(site, dict):
        raise ValueError(f"{source}: no 'site' object")
    for key in REQUIRED_SITE_KEYS:
        if not site.get(key):
            raise ValueError(f"{source}: site lacks {key!r}")
    if site["kind"] not in KINDS:
        raise ValueError(f"{source}: site kind {site['kind']!r} is not one of {KINDS}")
    ids, slugs = set(), set()
    for i, art in enumerate(raw.get("articles") or []):
        for key in REQUIRED_ARTICLE_KEYS:
            if art.get(key) in (None, "", []):
                raise ValueError(f"{source}: article #{i} (id {art.get('id')}) lacks {key!r}")
        try:
            Post.from_json(art)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"{source}: article #{i} (id {art.get('id')}): {exc}") from None
        if art["id"] in ids or art["slug"] in slugs:
            raise ValueError(f"{source}: article #{i} repeats id {art['id']} or slug {art['slug']!r}")
        ids.add(art["id"])
        slugs.add(art["slug"])


class SiteData:
    """A site's posts newest first, with the lookups listing pages need."""

    def __init__(self, raw: dict):
        site = raw["site"]
        self.name: str = site["name"]
        self.title: str = site["title"]
        self.tagline: str = site.get("tagline", "")
        self.kind: str = site["kind"]
        self.theme: str = site.get("theme", "")
        # Test-only sites list fault URLs here so a crawl meets them; bundled sites never do.
        self.fault_links: tuple[str, ...] = tuple(site.get("fault_links") or ())
        posts = [Post.from_json(a) for a in raw.get("articles") or []]
        self.posts: list[Post] = sorted(posts, key=lambda p: (p.published, p.id), reverse=True)
        self.by_id = {p.id: p for p in posts}
        self.by_slug = {p.slug: p for p in posts}
        # Menus follow the data file's order of first appearance, which its author controls.
        self.sections: dict[str, str] = {}
        self.tags: dict[str, str] = {}
        self.authors: dict[str, str] = {}
        for p in posts:
            self.sections.setdefault(p.section_slug, p.section)
            self.authors.setdefault(slugify(p.author), p.author)
            for t in p.tags:
                self.tags.setdefault(slugify(t), t)

    def in_section(self, slug: str) -> list[Post]:
        return [p for p in self.posts if p.section_slug == slug]

    def with_tag(self, slug: str) -> list[Post]:
        return [p for p in self.posts if slug in {slugify(t) for t in p.tags}]

    def by_author(self, slug: str) -> list[Post]:
        return [p for p in self.posts if slugify(p.author) == slug]

    def related(self, post: Post, n: int = 3) -> list[Post]:
        """Same section first, then the newest others: what related-post plugins show."""
        same = [p for p in self.in_section(post.section_slug) if p.id != post.id]
        rest = [p for p in self.posts if p.id != post.id and p.section_slug != post.section_slug]
        return (same + rest)[:n]

    @property
    def last_updated(self) -> datetime | None:
        return max((p.updated for p in self.posts), default=None)


def page_of(items: list, page: int) -> tuple[list, int] | None:
    """(items on page, number of pages), or None when the page does not exist (a 404)."""
    pages = max(1, math.ceil(len(items) / PER_PAGE))
    if not 1 <= page <= pages:
        return None
    return items[(page - 1) * PER_PAGE: page * PER_PAGE], pages


@dataclass
class Response:
    status: int = 200
    body: bytes | str = b""
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    last_modified: datetime | None = None

    @property
    def data(self) -> bytes:
        return self.body.encode("utf-8") if isinstance(self.body, str) else self.body


def xml_response(text: str, content_type: str = "application/xml; charset=utf-8") -> Response:
    return Response(body=text, content_type=content_type)


def redirect(location: str, status: int = 301) -> Response:
    # Header values must be ASCII: percent-encode anything else, keeping existing escapes.
    location = quote(location, safe=":/?#[]@!$&'()*+,;=%")
    return Response(status=status, headers={"Location": location}, body=f'<a href="{esc(location)}">moved</a>')


def _png_1x1() -> bytes:
    """A valid 1x1 grey PNG, so image URLs in og:image and JSON-LD resolve without bundling files."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\x80")) + chunk(b"IEND", b"")


PLACEHOLDER_PNG = _png_1x1()


class SiteRenderer:
    """Routes a decoded request path to a theme method.

    A theme lists ROUTES as (regex, method name); a method takes the query dict and the regex's
    named groups and returns a Response, or None for "no such page" (which becomes the theme's 404).
    """

    ROUTES: tuple[tuple[str, str], ...] = ()

    def __init__(self, site: SiteData, base_url: str):
        self.site = site
        self.base_url = base_url.rstrip("/")
        self._routes: list[tuple[re.Pattern, Callable[..., Response | None]]] = [
            (re.compile(rx), getattr(self, name)) for rx, name in self.ROUTES]

    def handle(self, path: str, query: dict[str, str]) -> Response:
        response = self._dispatch(path, query)
        if response is None and not path.endswith("/") and "." not in path.rsplit("/", 1)[-1]:
            # Both WordPress and publishers 301 a missing trailing slash to the real page.
            if self._dispatch(path + "/", query) is not None:
                return redirect(self.link(path + "/"))
        return response if response is not None else self.not_found()

    def _dispatch(self, path: str, query: dict[str, str]) -> Response | None:
        for regex, method in self._routes:
            match = regex.fullmatch(path)
            if match:
                response = method(query, **match.groupdict())
                if response is not None:
                    return response
        return None

    def link(self, path: str) -> str:
        """href for a site path (percent-encoded)."""
        return quote_path(path)

    def absolute(self, path: str) -> str:
        return self.base_url + self.link(path)

    def not_found(self) -> Response:
        return Response(status=404, body="<!DOCTYPE html><title>404</title><h1>404</h1>")

    def placeholder_image(self, query: dict[str, str], name: str) -> Response:
        return Response(body=PLACEHOLDER_PNG, content_type="image/png")


def document(lang: str, title: str, head: str, body: str, body_class: str = "", html_attrs: str = "") -> str:
    """The HTML skeleton every page shares; `head`, `body` and `html_attrs` are already-escaped markup."""
    return (f'<!DOCTYPE html>\n<html lang="{lang}"{html_attrs}>\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{esc(title)}</title>\n{head}\n</head>\n"
            f'<body class="{body_class}">\n{body}\n</body>\n</html>\n')


def meta_tags(pairs: list[tuple[str, str, str]]) -> str:
    """[(attribute, key, value)] → <meta attribute="key" content="value"> lines (og: uses property=)."""
    return "\n".join(f'<meta {attr}="{esc(key)}" content="{esc(value)}">' for attr, key, value in pairs)


def json_ld(data: object) -> str:
    # "</" inside a script would end it early; real sites escape it the same way.
    text = json.dumps(data, ensure_ascii=False, indent=1).replace("</", "<\\/")
    return f'<script type="application/ld+json">\n{text}\n</script>'


def paragraphs_html(paragraphs: tuple[str, ...] | list[str]) -> list[str]:
    return [f"<p>{esc(p)}</p>" for p in paragraphs]

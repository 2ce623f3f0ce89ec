"""Article fields other than the body and the credits (bylines.py), each read JSON-LD → meta →
the layout's selector → generic markup.

Every function takes the page already parsed (`Page`) and returns raw strings; the caller
applies the display normaliser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urljoin, urlsplit

from newsbot.extract import jsonld
from newsbot.extract.dates import fold, parse_date, parse_relative, updated_label
from newsbot.extract.meta import first
from newsbot.sites.base import SiteProfile

_DATE_ELEMENTS = (
    "//*[contains(@class,'date') or contains(@class,'time') or contains(@class,'publish') "
    "or contains(@class,'posted') or contains(@class,'updated') or contains(@class,'byline') or contains(@id,'date')]"
)
_UPDATED_CLASS = "contains(@class,'updated') or contains(@class,'modified')"  # <time class="updated">
# WordPress marks category links rel="category tag": they name the section, not a tag.
_TAG_LINKS = '//a[contains(concat(" ", @rel, " "), " tag ") and not(contains(@rel, "category"))]'
_CATEGORY_LINKS = '//a[contains(concat(" ", @rel, " "), " category ")]'
_DASHES = str.maketrans("–—‒―", "----")
# Addresses of live blogs and video pages on most Hindi news sites (a profile may add its own).
# Whole path segments only: an article slug may start with "video-call-..." or "live-in-...".
_KIND_URLS = (
    ("liveblog", re.compile(r"live-?(updates?|blog|coverage)\b|/live/|/liveblog/", re.I)),
    ("video", re.compile(r"/videos?/", re.I)),
)


@dataclass
class Page:
    """What field readers need: the tree, its JSON-LD and meta, the article node, publisher names."""

    doc: object
    url: str
    meta: dict[str, list[str]]
    nodes: list[dict]
    article: dict | None
    publishers: set[str] = field(default_factory=set)
    ids: dict[str, dict] = field(default_factory=dict)

    @classmethod
    def read(cls, doc, url: str, meta: dict, nodes: list[dict], extra_publishers=()) -> Page:
        article = jsonld.article_node(nodes)
        publishers = jsonld.organisation_names(nodes) | set(extra_publishers)
        publishers.update(meta.get("og:site_name", []) + meta.get("application-name", []))
        host = (urlsplit(url).hostname or "").removeprefix("www.")
        publishers.update({host, host.split(".")[0]} if host else set())
        return cls(doc, url, meta, nodes, article, {squash(p) for p in publishers if p}, jsonld.index(nodes))

    def ld(self, key: str):
        """A field of the article node, with @id references followed."""
        return jsonld.deref(self.article.get(key), self.ids) if self.article else None


def title(page: Page, selector=None) -> str | None:
    h1s = [text_of(h) for h in page.doc.iter("h1")]
    h1s = [h for h in h1s if h]
    if selector is not None:
        picked = [text_of(el) for el in selector(page.doc)]
        h1s = [t for t in picked if t] or h1s
    h1 = h1s[0] if h1s else None
    candidate = (
        jsonld.text(page.ld("headline"))
        or first(page.meta, "og:title", "twitter:title")
        or h1
        or text_of(page.doc.find(".//title"))
    )
    if candidate and h1 and len(h1) >= 15:
        # The visible h1 wins over a headline that adds a suffix ("- Site", "from ...") or was cut short.
        loose_candidate, loose_h1 = _loose(candidate), _loose(h1)
        if loose_candidate.startswith(loose_h1) or loose_h1.startswith(loose_candidate.rstrip(".… ")):
            return h1
    return candidate


def published(page: Page, selector=None, crawled_at: datetime | None = None) -> datetime | None:
    for value in [
        jsonld.text(page.ld("datePublished")),
        jsonld.text(page.ld("dateCreated")),
        first(page.meta, "article:published_time", "datepublished", "article:published", "og:published_time",
              "publish-date", "pubdate", "publishdate", "dc.date.issued", "dcterms.created", "sailthru.date",
              "parsely-pub-date"),
        *_selected_dates(page, selector),
        *page.doc.xpath(f"//time[@datetime and not({_UPDATED_CLASS})]/@datetime")[:1],
    ]:
        value = parse_date(value)
        if value:
            return value
    return _printed(page, crawled_at, updated=False)


def modified(page: Page, crawled_at: datetime | None = None) -> datetime | None:
    for value in [
        jsonld.text(page.ld("dateModified")),
        first(page.meta, "article:modified_time", "og:updated_time", "datemodified", "article:modified_date",
              "last-modified", "dcterms.modified"),
        *page.doc.xpath(f"//time[@datetime and ({_UPDATED_CLASS})]/@datetime")[:1],
    ]:
        value = parse_date(value)
        if value:
            return value
    return _printed(page, crawled_at, updated=True)


def section(page: Page, selector=None) -> str | None:
    found = jsonld.text(page.ld("articleSection")) or first(page.meta, "article:section")
    if not found and selector is not None:
        found = next((t for t in map(text_of, selector(page.doc)) if t), None)
    if not found:
        found = next((t for t in map(text_of, page.doc.xpath(_CATEGORY_LINKS)) if t), None)
    if not found:
        crumbs = [c for c in jsonld.breadcrumb(page.nodes) if c != jsonld.text(page.ld("headline"))]
        # The first crumb is the home page, the last the article itself (when it is listed).
        found = crumbs[-1] if len(crumbs) >= 2 else None
    return found


def tags(page: Page, selector=None) -> list[str]:
    sources = [
        page.meta.get("article:tag", []),
        jsonld.strings(page.ld("keywords")),
        page.meta.get("news_keywords", []) or page.meta.get("keywords", []),
        [text_of(el) for el in selector(page.doc)] if selector is not None else [],
        [text_of(el) for el in page.doc.xpath(_TAG_LINKS)],
    ]
    for source in sources:
        found = _unique(part.strip() for value in source if value for part in value.split(","))
        if found:
            return found[:30]
    return []


def image(page: Page) -> str | None:
    """The lead image: og:image, then JSON-LD image, twitter:image, link rel=image_src; absolute."""
    found = (first(page.meta, "og:image", "og:image:url", "og:image:secure_url")
             or jsonld.image_url(page.ld("image"))
             or first(page.meta, "twitter:image", "twitter:image:src")
             or next(iter(page.doc.xpath('//link[@rel="image_src"]/@href')), None))
    return urljoin(page.url, found.strip()) if found and found.strip() else None


def kind(page: Page, profile: SiteProfile | None = None) -> str:
    """"liveblog", "video" or "article": JSON-LD LiveBlogPosting, the site's address rules,
    og:type video, a VideoObject that is the page's own story (its name is the headline), then
    the address patterns most sites share."""
    if any("LiveBlogPosting" in jsonld.types_of(n) for n in page.nodes):
        return "liveblog"
    by_profile = profile.kind_of_url(page.url) if profile is not None else None
    if by_profile:
        return by_profile
    if (first(page.meta, "og:type") or "").lower().startswith("video"):
        return "video"
    headline = _loose(jsonld.text(page.ld("headline")) or first(page.meta, "og:title") or "")
    videos = (n for n in page.nodes if "VideoObject" in jsonld.types_of(n))
    if headline and any(_loose(jsonld.text(v.get("name")) or "") == headline for v in videos):
        return "video"
    path = urlsplit(page.url).path
    return next((name for name, pattern in _KIND_URLS if pattern.search(path)), "article")


def _selected_dates(page: Page, selector) -> list[str]:
    if selector is None:
        return []
    # <abbr class="published" title="..."> is how hAtom (Blogger, old WordPress themes) marks it.
    return [el.get("datetime") or el.get("content") or el.get("title") or text_of(el) for el in selector(page.doc)[:3]]


def _printed(page: Page, crawled_at: datetime | None, *, updated: bool) -> datetime | None:
    """Dates printed in elements whose class says date/time ("अपडेटेड: 20 नव॰ 2026, 05:30 PM IST")."""
    texts = [t for t in (text_of(el) for el in page.doc.xpath(_DATE_ELEMENTS)[:40]) if t and len(t) <= 120]
    for text in texts:
        # "प्रकाशित: X | अपडेटेड: Y" holds both: the label splits it.
        label = updated_label(text)
        if updated:
            part = text[label.start():] if label else None
        else:
            part = text[: label.start()] if label else text
        value = parse_date(part) if part else None
        if value:
            return value
    if crawled_at is not None:
        for text in texts:
            if (updated_label(text) is not None) == updated:
                value = parse_relative(text, crawled_at)
                if value:
                    return value
    return None


def text_of(el) -> str | None:
    if el is None:
        return None
    text = " ".join(el.text_content().split())
    return text or None


def _loose(text: str) -> str:
    return " ".join(fold(text).translate(_DASHES).split())


def squash(name: str) -> str:
    return re.sub(r"[\W_]+", "", fold(name))


def _unique(values) -> list[str]:
    seen, out = set(), []
    for value in values:
        key = fold(value)
        if value and key not in seen:
            seen.add(key)
            out.append(value)
    return out

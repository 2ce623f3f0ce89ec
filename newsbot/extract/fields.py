"""Article fields other than the body, each read JSON-LD → meta → profile selector → generic markup.

Every function takes the page already parsed (`Page`) and returns raw strings; the caller
applies the display normaliser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlsplit

from newsbot.extract import jsonld
from newsbot.extract.dates import fold, parse_date, parse_relative, updated_label
from newsbot.extract.meta import first

_BYLINE_CLASS = re.compile(r"author|byline|writer|posted-by", re.I)
_DATE_ELEMENTS = (
    "//*[contains(@class,'date') or contains(@class,'time') or contains(@class,'publish') "
    "or contains(@class,'posted') or contains(@class,'updated') or contains(@class,'byline') or contains(@id,'date')]"
)
_BYLINE_PREFIX = re.compile(
    r"^\s*(by|written\s+by|reported\s+by|posted\s+by|लेखक|द्वारा|रिपोर्ट|रिपोर्टर)\s*[:\-–]?\s*", re.I
)
_UPDATED_CLASS = "contains(@class,'updated') or contains(@class,'modified')"  # <time class="updated">
_BYLINE_END = re.compile(r"\s*(\||,|•|·|/|\bupdated\b|\bpublished\b|अपडेटेड|प्रकाशित|\s\d).*$", re.I | re.S)
# Words that make a byline a desk, agency or the publisher itself (folded: nukta-free, lower case).
_NOT_PERSON = re.compile(
    r"डेस्क|desk|एजेंसी|agency|agencies|ब्यूरो|bureau|टीम|team|न्यूज|news|staff|डिजिटल|digital|ऑनलाइन|online|"
    r"वेब|web|admin|editor|संपादक|संवाददाता|correspondent|दैनिक|समाचार|\b(pti|ians|ani|reuters|afp|ap|uni)\b|"
    r"पीटीआई|आईएएनएस|एएनआई|रॉयटर्स|भाषा|[@/:\d]|\.(com|in|org|net|co)\b",
    re.I,
)
# WordPress marks category links rel="category tag": they name the section, not a tag.
_TAG_LINKS = '//a[contains(concat(" ", @rel, " "), " tag ") and not(contains(@rel, "category"))]'
_CATEGORY_LINKS = '//a[contains(concat(" ", @rel, " "), " category ")]'
_SEPARATORS = " -|–—:,"
_DASHES = str.maketrans("–—‒―", "----")


@dataclass
class Page:
    """What field readers need: the tree, its JSON-LD and meta, the article node, publisher names."""

    doc: object
    url: str
    meta: dict[str, list[str]]
    nodes: list[dict]
    article: dict | None
    publishers: set[str] = field(default_factory=set)

    @classmethod
    def read(cls, doc, url: str, meta: dict, nodes: list[dict], extra_publishers=()) -> Page:
        article = jsonld.article_node(nodes)
        publishers = jsonld.organisation_names(nodes) | set(extra_publishers)
        publishers.update(meta.get("og:site_name", []) + meta.get("application-name", []))
        host = (urlsplit(url).hostname or "").removeprefix("www.")
        publishers.update({host, host.split(".")[0]} if host else set())
        return cls(doc, url, meta, nodes, article, {_squash(p) for p in publishers if p})

    def ld(self, key: str):
        return self.article.get(key) if self.article else None


def title(page: Page, selector=None) -> str | None:
    h1s = [_text(h) for h in page.doc.iter("h1")]
    h1s = [h for h in h1s if h]
    if selector is not None:
        picked = [_text(el) for el in selector(page.doc)]
        h1s = [t for t in picked if t] or h1s
    h1 = h1s[0] if h1s else None
    candidate = (
        jsonld.text(page.ld("headline"))
        or first(page.meta, "og:title", "twitter:title")
        or h1
        or _text(page.doc.find(".//title"))
    )
    if candidate and h1 and len(h1) >= 15:
        # The visible h1 wins over a headline that adds a suffix ("- Site", "from ...") or was cut short.
        loose_candidate, loose_h1 = _loose(candidate), _loose(h1)
        if loose_candidate.startswith(loose_h1) or loose_h1.startswith(loose_candidate.rstrip(".… ")):
            return h1
    return candidate


def author(page: Page, selector=None) -> str | None:
    """The first byline that names a person: not a desk, agency or the publisher."""
    for raw in _byline_candidates(page, selector):
        name = _clean_byline(raw)
        if name and is_person(name, page.publishers):
            return name
    return None


def _byline_candidates(page: Page, selector):
    """Bylines in source order, lazily: the markup is searched only when JSON-LD and meta name no person."""
    yield from jsonld.person_names(page.ld("author"))
    for key in ("author", "article:author", "parsely-author", "dc.creator"):
        yield from page.meta.get(key, [])
    if selector is not None:
        yield from (_text(el) for el in selector(page.doc)[:3])
    yield from (_text(el) for el in _markup_bylines(page.doc)[:6])


def _markup_bylines(doc) -> list:
    """itemprop/rel=author elements first, then elements whose class names a byline; one pass."""
    semantic, themed = [], []
    for el in doc.iter():
        if el.get("itemprop") == "author" or el.get("rel") == "author":
            name = el.find('.//*[@itemprop="name"]')
            semantic.append(name if name is not None else el)
        elif el.get("class") and _BYLINE_CLASS.search(el.get("class")):
            themed.append(el)
    return semantic + themed


def is_person(name: str, publishers: set[str] = frozenset()) -> bool:
    """A byline that can be a person's name (publisher and desk names are not)."""
    if not 2 <= len(name) <= 60 or len(name.split()) > 6:
        return False
    if _NOT_PERSON.search(fold(name)):
        return False
    return _squash(name) not in publishers


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
        found = next((t for t in map(_text, selector(page.doc)) if t), None)
    if not found:
        found = next((t for t in map(_text, page.doc.xpath(_CATEGORY_LINKS)) if t), None)
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
        [_text(el) for el in selector(page.doc)] if selector is not None else [],
        [_text(el) for el in page.doc.xpath(_TAG_LINKS)],
    ]
    for source in sources:
        found = _unique(part.strip() for value in source if value for part in value.split(","))
        if found:
            return found[:30]
    return []


def _selected_dates(page: Page, selector) -> list[str]:
    if selector is None:
        return []
    return [el.get("datetime") or el.get("content") or _text(el) for el in selector(page.doc)[:3]]


def _printed(page: Page, crawled_at: datetime | None, *, updated: bool) -> datetime | None:
    """Dates printed in elements whose class says date/time ("अपडेटेड: 20 नव॰ 2026, 05:30 PM IST")."""
    texts = [t for t in (_text(el) for el in page.doc.xpath(_DATE_ELEMENTS)[:40]) if t and len(t) <= 120]
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


def _clean_byline(raw: str | None) -> str | None:
    if not raw or "http" in raw or "www." in raw:
        return None
    name = _BYLINE_END.sub("", _BYLINE_PREFIX.sub("", " ".join(raw.split())))
    return name.strip(_SEPARATORS) or None


def _text(el) -> str | None:
    if el is None:
        return None
    text = " ".join(el.text_content().split())
    return text or None


def _loose(text: str) -> str:
    return " ".join(fold(text).translate(_DASHES).split())


def _squash(name: str) -> str:
    return re.sub(r"[\W_]+", "", fold(name))


def _unique(values) -> list[str]:
    seen, out = set(), []
    for value in values:
        key = fold(value)
        if value and key not in seen:
            seen.add(key)
            out.append(value)
    return out

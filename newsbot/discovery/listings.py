"""Section, district and home pages: the articles they list (with the date each card prints),
the next page, and the feeds they advertise.

Which links are articles is the site's rule when its profile has one (`is_article`); else a
link counts when it is shaped as a headline (inside h1–h4, or 15+ characters of text) and its
address is not a listing or site page. Links in the page's furniture (navigation, sidebars,
the site header and footer: tickers, "trending") are not the listing's, so a section crawl
stays in its section. Dates come from the card around the link: a
`<time datetime>`, an itemprop date, else its printed date through `when` (the spider passes
the Hindi date reader, which lives with extraction), else a date in the address.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time

import lxml.html
from lxml import etree

from newsbot.discovery import Link, machine_date
from newsbot.items import IST
from newsbot.urls import canonical_url, day_in_url, is_listing_url, is_site_page

_PARSER = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True)
_MACHINE_DATE = etree.XPath(".//time/@datetime | .//*[@itemprop='datePublished' or @itemprop='dateModified']"
                            "/@content")
_PRINTED_DATE = etree.XPath(".//*[contains(@class,'date') or contains(@class,'time') or self::time]")
# rel=next, a "next" link, and the older-posts links of WordPress and Blogger themes.
_NEXT = etree.XPath("//link[@rel='next']/@href | //a[@rel='next']/@href | "
                    "//a[contains(concat(' ', normalize-space(@class), ' '), ' next ')]/@href | "
                    "//*[contains(@class, 'nav-previous')]//a/@href | //a[contains(@class, 'blog-pager-older-link')]/@href")
_FEEDS = etree.XPath("//link[@rel='alternate'][contains(@type,'rss') or contains(@type,'atom')]/@href")
_HEADLINE_TAGS = frozenset({"h1", "h2", "h3", "h4"})
MIN_HEADLINE_CHARS = 15
_CARD_DEPTH = 5  # a card is rarely more than this many levels around its link


def read_listing(
    body: bytes,
    url: str,
    *,
    is_article: Callable[[str], bool | None] = lambda url: None,
    next_url: str | None = None,
    when: Callable[[str], datetime | None] | None = None,
) -> list[Link]:
    """Articles listed on the page `body` fetched from `url` (in page order), then its next
    page (follow="listing": rel=next, a "next" link, or the expected `next_url`), then the
    feeds it advertises (follow="feed"). Addresses are canonical (AMP kept)."""
    try:
        doc = lxml.html.document_fromstring(body, parser=_PARSER, base_url=url)
    except (etree.ParserError, ValueError):
        return []
    doc.make_links_absolute(url, resolve_base_href=True, handle_failures="discard")
    anchors: dict[str, list] = {}
    for a in doc.iter("a"):
        href = a.get("href")
        if href and href.startswith(("http://", "https://")) and not _in_furniture(a):
            anchors.setdefault(canonical_url(href, strip_amp=False), []).append(a)
    articles = [target for target, found in anchors.items() if _is_article(target, found, is_article)]
    owner = {a: target for target in articles for a in anchors[target]}
    links = [Link(target, _card_date(anchors[target][0], owner, when) or _url_date(target)) for target in articles]
    pages = [canonical_url(h, url, strip_amp=False) for h in _NEXT(doc)]
    if next_url and canonical_url(next_url, strip_amp=False) in anchors:
        pages.append(canonical_url(next_url, strip_amp=False))
    links += [Link(p, follow="listing") for p in dict.fromkeys(pages) if p != canonical_url(url, strip_amp=False)]
    links += [Link(canonical_url(f, url, strip_amp=False), follow="feed") for f in dict.fromkeys(_FEEDS(doc))]
    return links


def _in_furniture(anchor) -> bool:
    """Inside <nav> or <aside>, or a <header>/<footer> that is the page's, not an entry's."""
    ancestors = list(anchor.iterancestors())
    for i, el in enumerate(ancestors):
        if el.tag in ("nav", "aside"):
            return True
        if el.tag in ("header", "footer") and not any(a.tag == "article" for a in ancestors[i:]):
            return True
    return False


def _is_article(target: str, anchors: list, rule: Callable[[str], bool | None]) -> bool:
    decided = rule(target)
    if decided is not None:
        return decided
    if is_listing_url(target) or is_site_page(target):
        return False
    return any(len(" ".join(a.text_content().split())) >= MIN_HEADLINE_CHARS
               or any(p.tag in _HEADLINE_TAGS for p in a.iterancestors()) for a in anchors)


def _card_date(anchor, owner: dict, when) -> datetime | None:
    """The date printed in the card around `anchor`: its widest ancestor linking to no other article."""
    card, target = None, owner[anchor]
    for depth, ancestor in enumerate(anchor.iterancestors()):
        if depth >= _CARD_DEPTH or ancestor.tag in ("body", "html"):
            break
        if any(owner.get(a, target) != target for a in ancestor.iter("a")):
            break
        card = ancestor
    if card is None:
        return None
    found = next((d for d in map(machine_date, _MACHINE_DATE(card)) if d), None)
    if found is None and when is not None:
        texts = (" ".join(el.text_content().split()) for el in _PRINTED_DATE(card))
        found = next((d for d in map(when, texts) if d), None)
    return found


def _url_date(url: str) -> datetime | None:
    day = day_in_url(url)
    return datetime.combine(day, time(), IST) if day else None

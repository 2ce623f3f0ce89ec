"""Extraction: one fetched page (bytes or text) → an `Article`, or a page known not to be one.

    >>> from newsbot.extract import extract
    >>> article = extract(html_bytes, "https://example.in/news/x-1.html")
    >>> article.is_article, article.title, article.text.split("\\n\\n")[0]

The page is parsed once with lxml. JSON-LD and meta are read from that tree, then profile
selectors, then generic markup. Boilerplate is removed in lxml and only the located body is
read as paragraphs, so no BeautifulSoup pass over the whole page (DESIGN "Known traps":
BeautifulSoup costs about ten lxml parses).
"""

from __future__ import annotations

import html as htmllib
import logging
import re
from datetime import datetime
from functools import lru_cache
from urllib.parse import urlsplit

import lxml.html
from lxml import etree
from lxml.cssselect import CSSSelector, SelectorError

from newsbot.extract import fields, jsonld
from newsbot.extract.body import locate, paragraphs
from newsbot.extract.bylines import credits, is_organisation
from newsbot.extract.clean import drop_boilerplate, is_boilerplate_line
from newsbot.extract.dates import fold
from newsbot.extract.decode import decode
from newsbot.extract.meta import canonical_url, first, language, read_meta
from newsbot.items import IST, Article
from newsbot.sites.base import Layout, SiteProfile
from newsbot.sites.registry import family_for
from newsbot.text.display import normalise
from newsbot.urls import canonical_url as canonical
from newsbot.urls import is_listing_url, is_site_page

__all__ = ["extract", "Article"]

LOGGER = logging.getLogger(__name__)

_PARSER = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
_ERROR_TITLE = re.compile(r"\b404\b|not\s+found|पेज\s+नहीं\s+मिला|पृष्ठ\s+नहीं\s+मिला|page\s+does\s+not\s+exist", re.I)
_TEASER_LINKS = etree.XPath(
    "//a[ancestor::h2 or ancestor::h3 or ancestor::h4 or .//h2 or .//h3 or .//h4]"
    "[string-length(normalize-space()) >= 15]"
)
MIN_BODY_CHARS = 400  # one long paragraph is enough (a video story's text) ...
MIN_PARAGRAPHS, MIN_PARAGRAPHS_CHARS = 2, 250  # ... or two paragraphs of some length ...
MIN_BRIEF_CHARS = 150  # ... or, under dated article markup, one short paragraph (a brief)


def extract(
    html: bytes | str,
    url: str,
    profile: SiteProfile | None = None,
    *,
    encoding: str | None = None,
    crawled_at: datetime | None = None,
) -> Article:
    """Read one page. Never raises: a page that cannot be read is returned with is_article=False and a reason.

    url: the fetched URL (canonical_url falls back to it). profile: the site's profile, whose
    layout's selectors are tried after JSON-LD and meta; without one (or with the generic
    one) a WordPress-theme or Blogger family is picked by the page's markup. encoding: the
    HTTP charset, if any. crawled_at: the fetch time, which picks the profile's layout version
    (default: now) and resolves pages that print only "3 घंटे पहले".
    """
    host = urlsplit(url).netloc.lower() if isinstance(url, str) else ""
    # The generic profile has no domains: naming every site "generic" would lose the site.
    site = profile.name if profile is not None and profile.domains else host
    article = Article(url=url, canonical_url=url, site=site)
    try:
        _extract(article, html, profile, encoding, crawled_at)
    except Exception:  # the crawl must go on; the traceback is logged for a fix
        LOGGER.exception("extraction failed for %s", url)
        article.is_article, article.reason = False, "extraction failed"
    return article


def _extract(article: Article, html, profile, encoding, crawled_at) -> None:
    text, reason = decode(html, encoding)
    if text is None:
        article.reason = reason
        return
    source = text.encode("utf-8", "replace")
    try:
        doc = lxml.html.document_fromstring(source, parser=_PARSER)
    except (etree.ParserError, ValueError):
        article.reason = "not HTML"
        return
    url = article.url
    meta = read_meta(doc)
    nodes = jsonld.read_jsonld(doc)
    profile = profile if profile is not None and profile.domains else family_for(source) or profile
    page = fields.Page.read(doc, url, meta, nodes, profile.publisher_names if profile else ())
    layout = profile.layout_for((crawled_at or datetime.now(IST)).date()) if profile else Layout()
    sel = _selectors(layout)

    article.canonical_url = canonical_url(doc, meta, url, profile.domains if profile else ())
    article.title = _display(fields.title(page, sel.get("title")))
    credited = credits(page, sel.get("author"))
    article.author = _display(credited.author)
    article.published = fields.published(page, sel.get("published"), crawled_at)
    article.modified = fields.modified(page, crawled_at)
    article.section = _display(fields.section(page, sel.get("section")))
    article.tags = [t for t in map(_display, fields.tags(page, sel.get("tags"))) if t]
    article.image = fields.image(page)
    article.kind = fields.kind(page, profile)
    # Page-shape signals are read before cleaning drops the <header> that holds the h1.
    teasers = _teaser_count(doc)
    # One <article> holding the one h1, or (on bare pages such as AMP) one h1 and few teasers.
    single_story = _single_article_element(doc) or (len(doc.findall(".//h1")) == 1 and teasers < 3)
    captions = tuple({fold(" ".join(alt.split())) for alt in doc.xpath("//img/@alt") if len(alt) >= 8})

    drop_boilerplate(doc, sel.get("drop", ()))
    container, repeats = locate(doc, sel.get("body"))
    patterns = tuple(re.compile(p) for p in layout.drop_lines)
    paras, desk = paragraphs(container, article.title, patterns, captions) if container is not None else ([], None)
    if not paras:
        paras = _ld_body(page, patterns)
    paras = [p for p in map(normalise, paras) if p]
    article.text = "\n\n".join(paras)
    if desk and not credited.organisations and is_organisation(desk):
        credited.add_organisation(desk)  # "डिजिटल डेस्क, नई दिल्ली।" opening the text
    article.byline_org = _display(credited.byline_org)
    sample = f"{article.title or ''} {article.text[:3000] or first(meta, 'og:description') or ''}"
    article.language = language(doc, meta, sample)
    article.reason = _not_article_reason(article, page, profile, paras, teasers, repeats, single_story)
    article.is_article = article.reason is None


def _not_article_reason(article, page, profile, paras, teasers, repeats, single_story) -> str | None:
    """None for an article, else why not.

    Strong signals (JSON-LD article type, article:published_time) make an article of any page
    with a body; weak ones (og:type=article, the shape of a single story) need a date as well,
    because WordPress "About" pages have them too. Many teaser links make a listing unless a
    strong signal or the single-story shape says otherwise (related posts are teasers too).
    A one-paragraph brief (MIN_BRIEF_CHARS) is a body only under dated strong markup and
    without a listing's teasers: briefs and video stories are much of regional news.
    """
    strong = page.article is not None or bool(page.meta.get("article:published_time"))
    weak = (first(page.meta, "og:type") or "").lower() == "article" or single_story
    # The site's address rule is about the page's own address, not a tracking or AMP variant of it.
    if profile is not None and profile.is_article_url(canonical(article.url)) is False:
        return "not an article URL"
    if is_site_page(article.url):
        return "site page"
    if is_listing_url(article.url) or repeats >= (3 if strong else 2):
        return "listing"
    if not strong and article.title and _ERROR_TITLE.search(article.title):
        return "error page"
    if not strong and not single_story and teasers >= 8:
        return "listing"
    chars = sum(len(p) for p in paras)
    brief = chars >= MIN_BRIEF_CHARS and _dated_markup(page) and (single_story or teasers < 8)
    if chars < MIN_BODY_CHARS and (len(paras) < MIN_PARAGRAPHS or chars < MIN_PARAGRAPHS_CHARS) and not brief:
        return "listing" if teasers >= 8 else "no article body"
    if not (strong or (weak and article.published is not None)):
        return "listing" if teasers >= 3 else "no article signal"
    return None


def _dated_markup(page) -> bool:
    """JSON-LD article with its date, or article:published_time: a page that says it is one story."""
    ld_date = page.article is not None and any(jsonld.text(page.ld(key)) for key in ("datePublished", "dateCreated"))
    return ld_date or bool(first(page.meta, "article:published_time"))


def _teaser_count(doc) -> int:
    """Links to other stories shaped as teasers: headline links and <article> cards."""
    return max(len(_TEASER_LINKS(doc)), len(doc.xpath("//article")))


def _single_article_element(doc) -> bool:
    articles = doc.findall(".//article")
    return len(articles) == 1 and len(articles[0].xpath(".//h1")) == 1


def _ld_body(page, patterns) -> list[str]:
    """JSON-LD articleBody split into lines: the body of pages whose markup gave none."""
    raw = jsonld.text(page.ld("articleBody"))
    if not raw:
        return []
    text = htmllib.unescape(raw)
    if "<" in text:
        text = lxml.html.fragment_fromstring(text, create_parent="div").text_content()
    lines = (" ".join(line.split()) for line in text.splitlines())
    return [line for line in lines if line and not is_boilerplate_line(line, patterns)]


def _selectors(layout: Layout) -> dict:
    sel = {key: _css(getattr(layout, key)) for key in ("title", "body", "author", "published", "section", "tags")
           if getattr(layout, key)}
    drops = tuple(filter(None, map(_css, layout.drop)))
    return {k: v for k, v in sel.items() if v is not None} | ({"drop": drops} if drops else {})


@lru_cache(maxsize=256)
def _css(selector: str) -> CSSSelector | None:
    try:
        return CSSSelector(selector)
    except SelectorError:
        LOGGER.warning("invalid CSS selector in site profile: %r", selector)
        return None


def _display(value: str | None) -> str | None:
    return (normalise(value) or None) if value else None

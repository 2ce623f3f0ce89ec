"""XML the crawler discovers articles from: RSS 2.0, sitemaps, sitemap indexes and Google-News sitemaps.

Builders take plain values (absolute URLs, datetimes) so both themes share them unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime
from xml.sax.saxutils import escape

XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>\n'
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"


@dataclass(frozen=True)
class FeedItem:
    title: str
    link: str
    guid: str
    published: datetime
    author: str
    categories: tuple[str, ...]
    description: str
    content_html: str = ""  # WordPress feeds carry the full post in content:encoded


def rss(title: str, link: str, description: str, self_url: str, items: list[FeedItem]) -> str:
    """An RSS 2.0 channel; pubDate in RFC 822 with the article's own offset (+0530)."""
    out = [XML_DECL, '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
           'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">\n<channel>\n',
           f"<title>{escape(title)}</title>\n<link>{escape(link)}</link>\n",
           f'<atom:link href="{escape(self_url)}" rel="self" type="application/rss+xml"/>\n',
           f"<description>{escape(description)}</description>\n<language>hi</language>\n"]
    if items:
        out.append(f"<lastBuildDate>{format_datetime(max(i.published for i in items))}</lastBuildDate>\n")
    for item in items:
        perma = "true" if item.guid == item.link else "false"
        out.append(f"<item>\n<title>{escape(item.title)}</title>\n<link>{escape(item.link)}</link>\n"
                   f"<dc:creator>{escape(item.author)}</dc:creator>\n"
                   f"<pubDate>{format_datetime(item.published)}</pubDate>\n")
        out.extend(f"<category>{escape(c)}</category>\n" for c in item.categories)
        out.append(f'<guid isPermaLink="{perma}">{escape(item.guid)}</guid>\n'
                   f"<description>{escape(item.description)}</description>\n")
        if item.content_html:
            out.append(f"<content:encoded>{escape(item.content_html)}</content:encoded>\n")
        out.append("</item>\n")
    out.append("</channel>\n</rss>\n")
    return "".join(out)


def urlset(entries: list[tuple[str, datetime | None]]) -> str:
    """A plain sitemap: (absolute URL, lastmod or None)."""
    return _sitemap("urlset", "url", entries)


def sitemap_index(entries: list[tuple[str, datetime | None]]) -> str:
    """A sitemap index: (absolute sitemap URL, lastmod or None)."""
    return _sitemap("sitemapindex", "sitemap", entries)


def _sitemap(root: str, item: str, entries: list[tuple[str, datetime | None]]) -> str:
    out = [XML_DECL, f'<{root} xmlns="{SITEMAP_NS}">\n']
    for loc, lastmod in entries:
        mod = f"<lastmod>{lastmod.isoformat()}</lastmod>" if lastmod else ""
        out.append(f"<{item}><loc>{escape(loc)}</loc>{mod}</{item}>\n")
    out.append(f"</{root}>\n")
    return "".join(out)


def news_urlset(publication: str, entries: list[tuple[str, datetime, str]]) -> str:
    """A Google-News sitemap: (absolute URL, publication date, title); language is Hindi."""
    out = [XML_DECL, f'<urlset xmlns="{SITEMAP_NS}" xmlns:news="{NEWS_NS}">\n']
    for loc, published, title in entries:
        out.append(f"<url><loc>{escape(loc)}</loc><news:news><news:publication>"
                   f"<news:name>{escape(publication)}</news:name><news:language>hi</news:language>"
                   f"</news:publication><news:publication_date>{published.isoformat()}</news:publication_date>"
                   f"<news:title>{escape(title)}</news:title></news:news></url>\n")
    out.append("</urlset>\n")
    return "".join(out)

"""Google-News sitemaps: each <url> carries news:publication_date and news:title.

Scrapy's sitemap reader keeps only the direct children of <url>, so these two are lost there
(DESIGN "Known traps"); they are read here with lxml, namespace-agnostic, because publishers
write the news namespace with and without a trailing slash.
"""

from __future__ import annotations

from urllib.parse import urljoin

from lxml import etree

from newsbot.discovery import Link, local, machine_date

_NEWS = etree.XPath("*[local-name()='news']")


def read_news_sitemap(root: etree._Element, url: str) -> list[Link]:
    """A Link per <url> of a parsed Google-News sitemap: loc, publication date and title.

    An entry without news:news (news sitemaps may mix them in) is dated by its lastmod.
    """
    links = []
    for entry in root:
        if local(entry.tag) != "url":
            continue
        fields = {local(child.tag): (child.text or "").strip() for child in entry}
        if not fields.get("loc"):
            continue
        news = _NEWS(entry)
        detail = {local(el.tag): (el.text or "").strip() for el in news[0].iter()} if news else {}
        lastmod = machine_date(fields.get("lastmod"))
        published = machine_date(detail.get("publication_date")) or lastmod
        links.append(Link(urljoin(url, fields["loc"]), published, detail.get("title") or None, modified=lastmod))
    return links

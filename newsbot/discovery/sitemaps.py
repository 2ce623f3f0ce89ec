"""XML sitemaps and sitemap indexes (gzipped or not), and Google-News sitemaps through newsmaps."""

from __future__ import annotations

import re
from urllib.parse import urljoin

from newsbot.discovery import Link, local, machine_date, xml_root
from newsbot.discovery.newsmaps import read_news_sitemap

_NEWS_NAMESPACE = "google.com/schemas/sitemap-news"
# Some publishers (Patrika) label an index level <urlset> although its entries are sitemaps.
_SITEMAP_FILE = re.compile(r"\.xml(\.gz)?$", re.I)


def read_sitemap(body: bytes, url: str) -> list[Link]:
    """The entries of the sitemap `body` fetched from `url`: child sitemaps (follow="sitemap",
    dated by lastmod) of an index, else pages dated by news:publication_date or lastmod."""
    root = xml_root(body)
    if root is None or local(root.tag) not in ("urlset", "sitemapindex"):
        return []
    if local(root.tag) == "urlset" and any(_NEWS_NAMESPACE in ns for ns in root.nsmap.values() if ns):
        return read_news_sitemap(root, url)
    links = []
    for entry in root:
        fields = {local(child.tag): (child.text or "").strip() for child in entry}
        loc = fields.get("loc")
        if not loc:
            continue
        is_sitemap = local(root.tag) == "sitemapindex" or _SITEMAP_FILE.search(loc) is not None
        links.append(Link(urljoin(url, loc), machine_date(fields.get("lastmod")),
                          follow="sitemap" if is_sitemap else "page"))
    return links

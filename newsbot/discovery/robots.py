"""The sitemaps a site names in its robots.txt (`Sitemap:` lines, anywhere in the file)."""

from __future__ import annotations

from urllib.parse import urljoin

from newsbot.discovery import Link


def sitemaps_in_robots(body: bytes, url: str) -> list[Link]:
    """A Link (follow="sitemap") per `Sitemap:` line of the robots.txt `body` fetched from `url`."""
    links = []
    for line in body.decode("utf-8", errors="replace").splitlines():
        name, _, value = line.partition(":")
        value = value.split("#", 1)[0].strip()
        if name.strip().lower() == "sitemap" and value:
            links.append(Link(urljoin(url, value), follow="sitemap"))
    return links

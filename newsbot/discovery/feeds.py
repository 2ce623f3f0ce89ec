"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds: each item's link, date and title."""

from __future__ import annotations

from urllib.parse import urljoin

from newsbot.discovery import Link, local, machine_date, xml_root

_ITEMS = ("item", "entry")
_DATES = ("pubDate", "published", "date", "issued", "updated", "modified")  # dc:date is "date"
_CHANGES = ("updated", "modified")  # Atom's updated, dcterms:modified: a later change


def read_feed(body: bytes, url: str) -> list[Link]:
    """A Link per item of the feed `body` fetched from `url`, in feed order."""
    root = xml_root(body)
    if root is None:
        return []
    links = []
    for item in root.iter():
        if local(item.tag) not in _ITEMS:
            continue
        children = [child for child in item if isinstance(child.tag, str)]
        fields = {}
        for child in children:
            fields.setdefault(local(child.tag), (child.text or "").strip())
        href = _atom_link(children) or fields.get("link") or _permalink(children)
        if not href:
            continue
        published = next((d for d in map(machine_date, (fields.get(k) for k in _DATES)) if d), None)
        modified = next((d for d in map(machine_date, (fields.get(k) for k in _CHANGES)) if d), None)
        links.append(Link(urljoin(url, href), published, fields.get("title") or None, modified=modified))
    return links


def _atom_link(children) -> str | None:
    """Atom's <link rel="alternate" href> (rel defaults to alternate)."""
    for child in children:
        if local(child.tag) == "link" and child.get("href") and child.get("rel", "alternate") == "alternate":
            return child.get("href").strip()
    return None


def _permalink(children) -> str | None:
    """An RSS <guid> that is a permalink, for items without <link>."""
    for child in children:
        if local(child.tag) == "guid" and child.get("isPermaLink", "true") == "true" and (child.text or "").startswith("http"):
            return child.text.strip()
    return None

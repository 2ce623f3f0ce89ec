"""JSON-LD (schema.org) blocks of a page, read leniently.

Real pages break JSON-LD in two ways seen in fixtures/real: raw newlines inside strings (read
with strict=False) and unescaped quotes inside articleBody (the block is unreadable; its simple
string fields are salvaged with a regex so the article type and dates are not lost).
"""

from __future__ import annotations

import json
import logging
import re

LOGGER = logging.getLogger(__name__)

ARTICLE_TYPES = frozenset(
    {"NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle", "LiveBlogPosting", "AnalysisNewsArticle",
     "OpinionNewsArticle", "ReviewNewsArticle", "BackgroundNewsArticle", "Report"}
)
ORGANISATION_TYPES = frozenset({"Organization", "NewsMediaOrganization", "Corporation", "WebSite", "Brand"})
_SALVAGE = re.compile(r'"(@type|headline|datePublished|dateModified|articleSection)"\s*:\s*"((?:[^"\\]|\\.)*)"')
_WRAPPERS = re.compile(r"^\s*(?:<!--|//\s*<!\[CDATA\[)|(?:-->|//\s*\]\]>)\s*$")


def read_jsonld(doc) -> list[dict]:
    """Every JSON-LD node of the page, flattened out of lists and @graph."""
    nodes: list[dict] = []
    for script in doc.xpath('//script[@type="application/ld+json"]'):
        raw = _WRAPPERS.sub("", script.text or "")
        if not raw.strip():
            continue
        try:
            data = json.loads(raw, strict=False)
        except ValueError:
            LOGGER.debug("unreadable JSON-LD block, salvaging simple fields")
            data = _salvage(raw)
        _flatten(data, nodes)
    return nodes


def types_of(node: dict) -> set[str]:
    value = node.get("@type")
    values = value if isinstance(value, list) else [value]
    return {v.rsplit("/", 1)[-1] for v in values if isinstance(v, str)}


def article_node(nodes: list[dict]) -> dict | None:
    """The page's own article node: the first of an article type that has a headline, else the first."""
    articles = [n for n in nodes if types_of(n) & ARTICLE_TYPES]
    return next((n for n in articles if n.get("headline")), articles[0] if articles else None)


def text(value) -> str | None:
    """A plain string from a JSON-LD value that may be a string, a list or a {name|@value} node."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, list):
        return next((t for t in map(text, value) if t), None)
    if isinstance(value, dict):
        return text(value.get("name") or value.get("@value"))
    return None


def strings(value) -> list[str]:
    """Every string in a value that may be a string, a list of strings or of named nodes."""
    if isinstance(value, list):
        return [s for item in value for s in strings(item)]
    single = text(value)
    return [single] if single else []


def person_names(value) -> list[str]:
    """Author names whose node is a Person or untyped; organisations are publishers, not people."""
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        if isinstance(item, dict) and types_of(item) - {"Person"}:
            continue
        name = text(item)
        if name:
            names.append(name)
    return names


def organisation_names(nodes: list[dict]) -> set[str]:
    """Names the page gives to organisations (publisher, site): bylines equal to these are no person."""
    names = set()
    for node in nodes:
        for candidate in (node, node.get("publisher"), node.get("author")):
            for item in candidate if isinstance(candidate, list) else [candidate]:
                if isinstance(item, dict) and types_of(item) & ORGANISATION_TYPES:
                    names.update(strings(item.get("name")) + strings(item.get("alternateName")))
    return names


def breadcrumb(nodes: list[dict]) -> list[str]:
    """Names along the first BreadcrumbList, in position order."""
    for node in nodes:
        if "BreadcrumbList" in types_of(node):
            items = [i for i in node.get("itemListElement") or [] if isinstance(i, dict)]
            items.sort(key=lambda i: i.get("position") if isinstance(i.get("position"), int) else 0)
            names = [text(i.get("name")) or _item_name(i.get("item")) for i in items]
            return [n for n in names if n]
    return []


def _item_name(item) -> str | None:
    return text(item) if isinstance(item, dict) else None  # a bare URL string is no name


def _flatten(data, out: list[dict]) -> None:
    if isinstance(data, list):
        for item in data:
            _flatten(item, out)
    elif isinstance(data, dict):
        out.append(data)
        if "@graph" in data:
            _flatten(data["@graph"], out)


def _salvage(raw: str) -> dict:
    node: dict = {}
    for key, value in _SALVAGE.findall(raw):
        node.setdefault(key, value.replace('\\"', '"').replace("\\/", "/"))
    return node

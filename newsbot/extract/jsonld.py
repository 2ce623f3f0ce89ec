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


def index(nodes: list[dict]) -> dict[str, dict]:
    """Nodes by @id: Yoast and other graphs name an author or image once and point to it."""
    return {n["@id"]: n for n in nodes if isinstance(n.get("@id"), str) and len(n) > 1}


def deref(value, ids: dict[str, dict]):
    """`value` with bare {"@id": ...} references (in a list too) replaced by the nodes they name."""
    if isinstance(value, list):
        return [deref(item, ids) for item in value]
    if isinstance(value, dict) and "name" not in value and value.get("@id") in ids:
        return ids[value["@id"]]
    return value


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


def author_names(value) -> tuple[list[str], list[str]]:
    """(names of Person or untyped authors, names of organisation authors)."""
    people, organisations = [], []
    for item in value if isinstance(value, list) else [value]:
        name = text(item)
        if name:
            is_org = isinstance(item, dict) and types_of(item) - {"Person"}
            (organisations if is_org else people).append(name)
    return people, organisations


def image_url(value) -> str | None:
    """The first URL of an image value: a string, an ImageObject (url/contentUrl) or a list of them."""
    if isinstance(value, list):
        return next((u for u in map(image_url, value) if u), None)
    if isinstance(value, dict):
        return image_url(value.get("url") or value.get("contentUrl"))
    return (value.strip() or None) if isinstance(value, str) else None


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

"""Who a page credits: the people who wrote it, and apart from them the desk, agency or
publisher ("डिजिटल डेस्क", "एजेंसी", "दैनिक भास्कर") and editor credits ("Edited By: ...").

Hindi sites print all of these in the byline, often in one line: "By Jagran News Edited By:
Ajay Kumar Updated: Fri, 21 Feb 2025" or "एंटरटेनमेंट डेस्क, अमर उजाला Published by: कामेश
द्विवेदी". A person who only edited or published the page is credited, not made an author.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsbot.extract import jsonld
from newsbot.extract.dates import fold
from newsbot.extract.fields import Page, squash, text_of

_BYLINE_CLASS = re.compile(r"author|byline|writer|posted-by", re.I)
_PREFIX = re.compile(
    r"^\s*(by|written\s+by|reported\s+by|posted\s+by|story\s+by|लेखक|द्वारा|रिपोर्ट|रिपोर्टर)\s*[:\-–]*\s*", re.I
)
# Credits for handling the page rather than writing it.
_EDITOR = re.compile(r"\b(edited|published|curated|compiled|produced)\s+by\b\s*[:\-–]*\s*|(संपादित|संपादन)\s*:\s*", re.I)
_END = re.compile(r"\s*(\||,|•|·|/|\bupdated\b|\bpublished\b|अपडेटेड|प्रकाशित|\s\d).*$", re.I | re.S)
_CO_AUTHORS = re.compile(r"\s+(?:और|एवं|and|&)\s+", re.I)
_SEPARATORS = " -|–—:,"
# Words that make a byline a desk, agency or the publisher (folded: nukta-free, lower case).
_ORGANISATION = re.compile(
    r"डेस्क|desk|एजेंसी|agency|agencies|ब्यूरो|bureau|टीम|team|न्यूज|news|staff|डिजिटल|digital|ऑनलाइन|online|"
    r"वेब|web|संवाददाता|correspondent|दैनिक|समाचार|\b(pti|ians|ani|reuters|afp|ap|uni)\b|"
    r"पीटीआई|आईएएनएस|एएनआई|रॉयटर्स|भाषा",
    re.I,
)
_NOT_A_NAME = re.compile(r"admin|editor|संपादक|[@/:\d]|\.(com|in|org|net|co)\b", re.I)


@dataclass
class Credits:
    people: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)

    @property
    def author(self) -> str | None:
        return ", ".join(self.people) or None

    @property
    def byline_org(self) -> str | None:
        return "; ".join(self.organisations) or None

    def add(self, raw: str | None, publishers: set[str]) -> None:
        """Sort one printed byline into people, organisations and editor credits."""
        if not raw or "http" in raw or "www." in raw:
            return
        text = " ".join(raw.split())
        parts = _EDITOR.split(text)
        # split() interleaves the text before the first credit with (group, group, text) triples.
        for name in _CO_AUTHORS.split(_clean(_PREFIX.sub("", parts[0])) or ""):
            self._file(name.strip(_SEPARATORS), publishers)
        for i in range(1, len(parts) - 2, 3):
            name = _clean(parts[i + 2])
            if name and is_person(name, publishers):
                label = (parts[i] or parts[i + 1]).strip()
                self._keep(self.organisations, f"{label[:1].upper()}{label[1:].lower()} by: {name}"
                           if parts[i] else f"{label}: {name}")

    def add_organisation(self, name: str) -> None:
        """Credit an organisation the page names as such (a JSON-LD Organization author)."""
        self._keep(self.organisations, " ".join(name.split()))

    def _file(self, name: str, publishers: set[str]) -> None:
        if is_person(name, publishers):
            self._keep(self.people, name)
        elif is_organisation(name, publishers):
            self._keep(self.organisations, name)

    @staticmethod
    def _keep(names: list[str], name: str) -> None:
        if fold(name) not in map(fold, names):
            names.append(name)


def credits(page: Page, selector=None) -> Credits:
    """The page's credits. Sources are read in order (JSON-LD, meta, the layout's selector,
    byline markup) and the markup only when no earlier source named a person: searching the
    whole tree for bylines costs more than everything before it."""
    found = Credits()
    people, organisations = jsonld.author_names(page.ld("author"))
    for name in people:
        found.add(name, page.publishers)
    for name in organisations:
        found.add_organisation(name)
    for key in ("author", "article:author", "parsely-author", "dc.creator"):
        for value in page.meta.get(key, []):
            found.add(value, page.publishers)
    if found.people:
        return found
    for el in (selector(page.doc)[:3] if selector is not None else []):
        found.add(text_of(el), page.publishers)
    if not found.people:
        for el in _markup_bylines(page.doc)[:6]:
            found.add(text_of(el), page.publishers)
    return found


def is_person(name: str, publishers: set[str] = frozenset()) -> bool:
    """A byline that can be a person's name (publisher, desk and agency names are not)."""
    if not 2 <= len(name) <= 60 or len(name.split()) > 6:
        return False
    folded = fold(name)
    if _ORGANISATION.search(folded) or _NOT_A_NAME.search(folded):
        return False
    return squash(name) not in publishers


def is_organisation(name: str, publishers: set[str] = frozenset()) -> bool:
    """A byline naming the publisher, a desk or an agency (not page furniture that only looks like one)."""
    if not 2 <= len(name) <= 60 or len(name.split()) > 6:
        return False
    return squash(name) in publishers or (_ORGANISATION.search(fold(name)) is not None
                                           and not re.search(r"[@:\d]", name))


def _clean(raw: str | None) -> str | None:
    name = _END.sub("", raw or "")
    return name.strip(_SEPARATORS) or None


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

"""The pieces of a search: filters (site, date range), sorting, hits with their matches
marked in a snippet, and when nothing matches, a spelling that does ("did you mean").

How a query is read (syntax checks, which fields each word searches) is
``newsbot.search.parsing``; ``newsbot.search.searcher`` runs it on an open index.
"""

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import partial
from html import escape as escape_html

from whoosh.highlight import ContextFragmenter, Formatter, HtmlFormatter, get_text, highlight
from whoosh.query import And, DateRange, Term
from whoosh.sorting import FieldFacet, TranslateFacet

from newsbot.items import IST
from newsbot.search.analysis import DevanagariTokenizer, HindiAnalyzer, RomanisedAnalyzer
from newsbot.search.index import IndexMissing, SearchError, from_index_datetime, to_index_datetime
from newsbot.search.parsing import is_latin
from newsbot.text.matchform import match_form
from newsbot.text.romanise import phonetic_fold
from newsbot.text.stem import stem

__all__ = ["Hit", "SearchResults", "parse_date", "SearchError", "IndexMissing", "SORTS", "make_filter", "newest_first",
           "make_hit", "highlight_terms", "suggestion_for"]

SORTS = ("relevance", "date")
SNIPPET_CHARS = 160
SNIPPET_CONTEXT = 40
SNIPPET_FRAGMENTS = 2
ELLIPSIS = " … "

# Which query terms may be marked in the article text: Hindi fields hold match forms, compared
# by stem with the text's words (so every inflection found is marked), romanised ones keys.
_HINDI_FIELDS = frozenset({"title", "text", "author", "person"})
_ROMANISED_FIELDS = frozenset({"romanised", "person_romanised", "author_romanised"})
_HIGHLIGHT_ANALYZERS = (HindiAnalyzer(), RomanisedAnalyzer())
_OPERATORS = frozenset({"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "TO"})
# Values of these fields are codes, not words: no spelling suggestions for them.
_CODE_FIELDS = ("site:", "party:", "tags:", "section:", "url:")
_SPACES = re.compile(r"\s+")


@dataclass
class Hit:
    """One matching article. ``published`` is aware (+05:30); ``snippet`` marks the matches."""

    url: str
    title: str
    site: str
    published: datetime | None
    score: float
    snippet: str
    author: str | None = None
    people: list[str] = field(default_factory=list)
    parties: list[str] = field(default_factory=list)


class SearchResults(list):
    """The hits (best first, at most the limit asked), plus ``total``: how many articles match
    in all (exact when ``exact``, else an estimate: counting every match of a common word
    costs as much as the search), and ``suggestion``: a respelt query that finds articles,
    when this one finds none."""

    def __init__(self, hits: list[Hit], total: int, suggestion: str | None = None, exact: bool = True):
        super().__init__(hits)
        self.total = total
        self.suggestion = suggestion
        self.exact = exact


class PlainFormatter(Formatter):
    """Marks matched words «like this»; for terminals and JSON output."""

    between = ELLIPSIS

    def format_token(self, text, token, replace=False):
        return f"«{get_text(text, token, replace)}»"


def parse_date(value: str | date, end: bool = False) -> datetime:
    """An ISO date or date-time as an aware datetime; a bare date is read in +05:30 and means
    its first moment, or with *end* its last (so ``--to 2026-03-04`` includes that day).

    :raises SearchError: *value* is not an ISO 8601 date or date-time.
    """
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value) if "T" in value or " " in value else date.fromisoformat(value)
        except ValueError:
            raise SearchError(f"not an ISO date: {value!r} (use YYYY-MM-DD or YYYY-MM-DDTHH:MM+05:30)") from None
    if not isinstance(value, datetime):
        value = datetime.combine(value, time.max if end else time.min)
    return value if value.tzinfo else value.replace(tzinfo=IST)


def make_filter(site: str | None, date_from, date_to):
    parts = []
    if site:
        parts.append(Term("site", site))
    if date_from is not None or date_to is not None:
        start = to_index_datetime(parse_date(date_from)) if date_from is not None else None
        end = to_index_datetime(parse_date(date_to, end=True)) if date_to is not None else None
        parts.append(DateRange("published", start, end))
    return And(parts) if parts else None


def newest_first(schema) -> TranslateFacet:
    """Publication date, newest first, undated articles last (Whoosh stores a missing date as
    the largest value, which would put them first)."""
    return TranslateFacet(partial(_dated_key, schema["published"].default), FieldFacet("published"))


def _dated_key(missing, value):
    return -1 if value == missing else value


def make_hit(hit, terms, html: bool) -> Hit:
    return Hit(
        url=hit["url"],
        title=hit.get("title", ""),
        site=hit.get("site", ""),
        published=from_index_datetime(hit.get("published")),
        score=float(hit.score) if hit.score is not None else 0.0,
        snippet=_snippet(hit.get("text", ""), terms, html),
        author=hit.get("author"),
        people=[name for name in hit.get("person", "").split("\n") if name],
        parties=[code for code in hit.get("party", "").split(",") if code],
    )


def highlight_terms(parsed) -> tuple[frozenset[str], frozenset[str]]:
    """The query's words as a stemmed Hindi analyzer and the romanised analyzer see them."""
    hindi, romanised = set(), set()
    for fieldname, text in parsed.iter_all_terms(phrases=True):
        if isinstance(text, bytes):
            text = text.decode("utf-8")
        if fieldname in _HINDI_FIELDS:
            hindi.add(stem(text))
        elif fieldname in _ROMANISED_FIELDS:
            romanised.add(text)
    return frozenset(hindi), frozenset(romanised)


def _snippet(text: str, terms, html: bool) -> str:
    fragmenter = ContextFragmenter(maxchars=SNIPPET_CHARS, surround=SNIPPET_CONTEXT)
    formatter = HtmlFormatter(tagname="mark", between=ELLIPSIS) if html else PlainFormatter()
    snippet = ""
    for analyzer, words in zip(_HIGHLIGHT_ANALYZERS, terms, strict=True):
        if words and not snippet:
            snippet = highlight(text, words, analyzer, fragmenter, formatter, top=SNIPPET_FRAGMENTS)
    if not snippet:
        # The match was in the title, author, people or tags: show how the article starts.
        snippet = _lead(_SPACES.sub(" ", text).strip())
        if html:
            snippet = escape_html(snippet, quote=False)
    return _SPACES.sub(" ", snippet).strip()


def _lead(text: str, maxchars: int = SNIPPET_CHARS) -> str:
    """The start of *text*, cut at a space so that no word or cluster is split."""
    if len(text) <= maxchars:
        return text
    cut = text.rfind(" ", 0, maxchars + 1)
    if cut <= 0:
        # The first word alone is longer than the limit: keep it whole.
        cut = text.find(" ", maxchars)
        if cut < 0:
            return text
    return text[:cut] + ELLIPSIS.rstrip()


def _nearest_word(reader, word: str, maxdist: int) -> str | None:
    """The most frequent index word at the smallest edit distance (≤ *maxdist*) from *word*.

    (Whoosh's own corrector ranks every word within *maxdist* alike, so "बडी" beat "कबड्डी"
    for "कबडडी": hence one distance at a time here.)
    """
    for distance in range(1, maxdist + 1):
        found = list(reader.terms_within("text", word, distance))
        if found:
            return max(found, key=lambda term: (reader.frequency("text", term), term))
    return None


def suggestion_for(searcher, parser, query: str, allowed) -> str | None:
    """*query* with each unknown word replaced by the nearest word of the index (edit distance
    on match forms, most frequent first), if that query finds something among the *allowed*
    documents (a set of document numbers, or None for all); else None."""
    reader = searcher.reader()
    respelt, changed = [], False
    last = 0
    for token in DevanagariTokenizer()(query, chars=True):
        start, end, word = token.startchar, token.endchar, token.text
        before = query[:start]
        if word in _OPERATORS or query[end:end + 1] == ":" or before.endswith(_CODE_FIELDS):
            continue
        if is_latin(word) and reader.frequency("romanised", phonetic_fold(word)):
            continue
        folded = match_form(word)
        if not folded or reader.frequency("text", folded):
            continue
        nearest = _nearest_word(reader, folded, maxdist=1 if len(folded) < 5 else 2)
        if nearest:
            respelt.append(query[last:start] + nearest)
            last, changed = end, True
    if not changed:
        return None
    suggestion = "".join(respelt) + query[last:]
    if searcher.search(parser.parse(suggestion), limit=1, filter=allowed).is_empty():
        return None
    return suggestion

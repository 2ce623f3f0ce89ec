"""Searching the index: parse a user's query, run it, and return hits with snippets.

Whoosh's query parser never fails: an unbalanced quote or a dangling ``AND`` silently becomes
a search for the literal characters, which finds nothing and tells the user nothing. So the
query is checked here first, and every problem becomes a one-line ``SearchError``.
"""

import re
from dataclasses import dataclass
from datetime import datetime
from html import escape as escape_html
from pathlib import Path

from whoosh.highlight import ContextFragmenter, Formatter, HtmlFormatter, get_text
from whoosh.qparser import FieldsPlugin, MultifieldParser
from whoosh.query import Term

from newsbot.search.index import IndexMissing, SearchError, from_index_datetime, open_index

__all__ = ["Hit", "search", "SearchError", "IndexMissing"]

SEARCH_FIELDS = ("title", "text", "author", "tags")
FIELD_BOOSTS = {"title": 2.0}
SNIPPET_CHARS = 160
SNIPPET_CONTEXT = 40
SNIPPET_FRAGMENTS = 2
ELLIPSIS = " … "

_BINARY_OPERATORS = frozenset({"AND", "OR", "ANDNOT", "ANDMAYBE"})
_BRACKETS = {"(": ")", "[": "]", "{": "}"}
# A quoted phrase, one bracket, or a run of anything else up to a space, bracket or quote.
_LEXEME = re.compile(r'"[^"]*"|[()\[\]{}]|[^\s()\[\]{}"]+')
# Field names are Latin and start a word. Whoosh's default (\w+:) would read the "म" of
# "राम:श्याम" as a field name, because Python's \w stops at the vowel sign.
_FIELD_PREFIX = r"(?<![^\s(])(?P<text>[a-z]+):"
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


class PlainFormatter(Formatter):
    """Marks matched words «like this»; for terminals and JSON output."""

    between = ELLIPSIS

    def format_token(self, text, token, replace=False):
        return f"«{get_text(text, token, replace)}»"


def _kind(lexeme: str, fieldnames: frozenset[str]) -> str:
    if lexeme in _BRACKETS:
        return "open"
    if lexeme in _BRACKETS.values():
        return "close"
    if lexeme in _BINARY_OPERATORS:
        return "binary"
    if lexeme == "NOT":
        return "not"
    if lexeme.endswith(":") and lexeme[:-1] in fieldnames:
        return "field"
    return "word"


def check_syntax(query: str, fieldnames: frozenset[str]) -> None:
    """Raise ``SearchError`` for an empty query or one Whoosh would silently misread."""
    if not query.strip():
        raise SearchError("empty query: give one or more words to search for")
    if query.count('"') % 2:
        raise SearchError('unbalanced quote: a phrase needs a closing "')
    lexemes = _LEXEME.findall(query)
    open_brackets: list[str] = []
    for lexeme in lexemes:
        if lexeme in _BRACKETS:
            open_brackets.append(lexeme)
        elif lexeme in _BRACKETS.values():
            if not open_brackets or _BRACKETS[open_brackets.pop()] != lexeme:
                raise SearchError(f"unbalanced brackets: '{lexeme}' closes nothing")
        elif lexeme.startswith('"') and not lexeme.strip('" '):
            raise SearchError('empty phrase: put words between the quotes ""')
    if open_brackets:
        raise SearchError(f"unbalanced brackets: '{open_brackets[-1]}' is never closed")
    # Each operator, field prefix and opening bracket needs something to search after it.
    kinds = ["start", *(_kind(lexeme, fieldnames) for lexeme in lexemes), "end"]
    shown = ["", *lexemes, ""]
    for i in range(len(kinds) - 1):
        before, after = kinds[i], kinds[i + 1]
        if after == "binary" and before in ("start", "open", "binary", "not", "field"):
            raise SearchError(f"'{shown[i + 1]}' needs a search word before it")
        if before in ("open", "binary", "not", "field") and after not in ("word", "open", "not"):
            if before == "open":
                raise SearchError(f"empty brackets '{shown[i]}{shown[i + 1]}' in the query")
            raise SearchError(f"'{shown[i]}' needs a search word after it")


def _parser(schema) -> MultifieldParser:
    parser = MultifieldParser(list(SEARCH_FIELDS), schema, fieldboosts=FIELD_BOOSTS)
    parser.replace_plugin(FieldsPlugin(expr=_FIELD_PREFIX))
    return parser


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


def _snippet(hit, html: bool) -> str:
    snippet = hit.highlights("text", top=SNIPPET_FRAGMENTS)
    if not snippet:
        # The match was in the title, author or tags: show how the article starts.
        snippet = _lead(_SPACES.sub(" ", hit.get("text", "")).strip())
        if html:
            snippet = escape_html(snippet, quote=False)
    return _SPACES.sub(" ", snippet).strip()


def search(
    index_dir: Path, query: str, limit: int = 10, site: str | None = None, html: bool = False
) -> list[Hit]:
    """Search the articles for *query*; best first, at most *limit*, optionally one *site*.

    All words must match (AND) in the title (boosted), text, author or tags, in any of their
    spellings (match form). "Quoted words" are a phrase; AND, OR, NOT and brackets work.
    Snippets mark matches «like this», or with ``<mark>`` when *html* is true.

    :raises IndexMissing: no index, or an empty one, at *index_dir*.
    :raises SearchError: an empty or malformed query, or one of only common words.
    """
    ix = open_index(index_dir)
    if ix.doc_count() == 0:
        raise IndexMissing(f"no articles in the index at {index_dir} — run `newsbot crawl` first")
    check_syntax(query, frozenset(ix.schema.names()))
    if next(iter(ix.schema["text"].analyzer(query)), None) is None:
        raise SearchError(f"nothing to search for in {query!r}: only common words or punctuation")
    parsed = _parser(ix.schema).parse(query)
    site_filter = Term("site", site) if site else None
    with ix.searcher() as searcher:
        results = searcher.search(parsed, limit=limit, filter=site_filter)
        results.fragmenter = ContextFragmenter(maxchars=SNIPPET_CHARS, surround=SNIPPET_CONTEXT)
        results.formatter = (
            HtmlFormatter(tagname="mark", between=ELLIPSIS) if html else PlainFormatter()
        )
        return [
            Hit(
                url=hit["url"],
                title=hit.get("title", ""),
                site=hit.get("site", ""),
                published=from_index_datetime(hit.get("published")),
                score=float(hit.score),
                snippet=_snippet(hit, html),
            )
            for hit in results
        ]

"""Reading a user's query: syntax checks, field routing by script, phrases on exact fields.

Whoosh's query parser never fails: an unbalanced quote or a dangling ``AND`` silently becomes
a search for the literal characters, which finds nothing and tells the user nothing. So the
query is checked here first, and every problem becomes a one-line ``SearchError``.

Then each word is sent to the field that can match it:
- a Devanagari (or digit) word searches ``text``, which holds every word of the article in its
  match form (title words weigh more, newsbot.search.fields), together with its inflections:
  ``Inflected`` looks up every indexed word with the same stem (कार्यकर्ता finds
  कार्यकर्ताओं), the spelling typed weighing ``EXACT_BOOST`` times the others;
- a word in Latin letters searches only ``romanised``, the phonetic shadow of the text; under
  ``person:`` or ``author:`` it searches that field's romanised twin. Devanagari words never
  touch the romanised fields, so Latin search costs Devanagari queries nothing. A mixed query
  ("sanjeev आनंद") routes each word by its own script.
- a "quoted phrase" matches the words as written (match forms, no inflections), in ``text``
  or, in Latin letters, in ``romanised``.
"""

import copy
import re
from functools import lru_cache

from whoosh.matching import NullMatcher
from whoosh.qparser import FieldsPlugin, MultifieldPlugin, QueryParser, syntax
from whoosh.query import Or, Term

from newsbot.search.index import SearchError
from newsbot.text.stem import SUFFIXES, stem

__all__ = ["check_syntax", "make_parser", "is_latin", "Inflected", "ROMANISED_TWIN", "INFLECTED_FIELDS",
           "EXACT_BOOST"]

# Where an unfielded Devanagari word goes.
HINDI_FIELD = "text"
ROMANISED_FIELD = "romanised"
ROMANISED_TWIN = {"person": "person_romanised", "author": "author_romanised"}
# Fields whose words are found in every inflection (names in person/author are kept exact).
INFLECTED_FIELDS = frozenset({"text", "title"})
# The spelling typed against its inflections (the old exact twin fields gave 1.5 + 1.0 : 1.0).
EXACT_BOOST = 2.5

_BINARY_OPERATORS = frozenset({"AND", "OR", "ANDNOT", "ANDMAYBE"})
_BRACKETS = {"(": ")", "[": "]", "{": "}"}
# A quoted phrase, one bracket, or a run of anything else up to a space, bracket or quote.
_LEXEME = re.compile(r'"[^"]*"|[()\[\]{}]|[^\s()\[\]{}"]+')
# Field names are Latin and start a word. Whoosh's default (\w+:) would read the "म" of
# "राम:श्याम" as a field name, because Python's \w stops at the vowel sign.
_FIELD_PREFIX = r"(?<![^\s(])(?P<text>[a-z]+):"
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")
_DEVANAGARI = re.compile("[\u0900-\u097f]")


def is_latin(text: str) -> bool:
    """True for text with Latin letters and no Devanagari: it is searched romanised."""
    return bool(_LATIN.search(text)) and not _DEVANAGARI.search(text)


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
        if before in ("open", "binary", "not") and after not in ("word", "open", "not", "field") or (
                before == "field" and after not in ("word", "open")):
            if before == "open":
                raise SearchError(f"empty brackets '{shown[i]}{shown[i + 1]}' in the query")
            raise SearchError(f"'{shown[i]}' needs a search word after it")


class ScriptRoutingPlugin(MultifieldPlugin):
    """``MultifieldPlugin`` that picks each word's fields by its script (module docstring).

    It runs where ``MultifieldPlugin`` runs, after explicit ``field:`` prefixes are applied,
    on syntax nodes that still hold the text as typed.
    """

    def do_multifield(self, parser, group):
        for i, node in enumerate(group):
            if isinstance(node, syntax.GroupNode):
                group[i] = self.do_multifield(parser, node)
            elif node.has_fieldname and node.has_text:
                group[i] = self._route(node)
        return group

    def _route(self, node):
        if is_latin(node.text):
            name = ROMANISED_TWIN.get(node.fieldname, node.fieldname or ROMANISED_FIELD)
        else:
            name = node.fieldname or HINDI_FIELD
        if name != node.fieldname:
            node = copy.copy(node)
            node.set_fieldname(name, override=True)
        return node


@lru_cache(maxsize=4096)
def _inflections(word: str) -> tuple[str, ...]:
    """Every word that stems as *word* does, *word* aside (the stemmer only strips a suffix,
    so they are its stem plus one of the suffixes)."""
    root = stem(word)
    return tuple(form for form in (root, *(root + suffix for suffix in SUFFIXES))
                 if form != word and stem(form) == root)


class Inflected(Term):
    """A word of a Hindi field and, in ``INFLECTED_FIELDS``, each of its inflections that the
    index holds (looked up term by term, per segment); the word as typed weighs
    ``EXACT_BOOST`` times an inflection. Elsewhere a plain ``Term``."""

    def matcher(self, searcher, context=None):
        if self.fieldname not in INFLECTED_FIELDS:
            return super().matcher(searcher, context)
        reader = searcher.reader()
        fieldname = self.fieldname
        terms = [Term(fieldname, self.text, boost=self.boost * EXACT_BOOST)] if (fieldname, self.text) in reader else []
        terms.extend(Term(fieldname, form, boost=self.boost) for form in _inflections(self.text)
                     if (fieldname, form) in reader)
        if not terms:
            return NullMatcher()
        return terms[0].matcher(searcher, context) if len(terms) == 1 else Or(terms).matcher(searcher, context)


def make_parser(schema) -> QueryParser:
    """The query parser: AND by default, Latin-only field names, words routed by script."""
    parser = QueryParser(None, schema, termclass=Inflected)
    parser.replace_plugin(FieldsPlugin(expr=_FIELD_PREFIX))
    parser.add_plugin(ScriptRoutingPlugin([HINDI_FIELD]))
    return parser

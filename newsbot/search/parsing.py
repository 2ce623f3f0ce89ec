"""Reading a user's query: syntax checks, field routing by script, phrases on exact fields.

Whoosh's query parser never fails: an unbalanced quote or a dangling ``AND`` silently becomes
a search for the literal characters, which finds nothing and tells the user nothing. So the
query is checked here first, and every problem becomes a one-line ``SearchError``.

Then each word is sent to the fields that can match it:
- a Devanagari (or digit) word searches the Hindi fields: stemmed ``title``/``text`` for every
  inflection, exact ``title_exact``/``text_exact``/``author``/``person`` boosted above them so
  that the spelling typed ranks first, and ``tags``;
- a word in Latin letters searches only ``romanised``, the phonetic shadow of the text; under
  ``person:`` or ``author:`` it searches that field's romanised twin. Devanagari words never
  touch the romanised fields, so Latin search costs Devanagari queries nothing. A mixed query
  ("sanjeev आनंद") routes each word by its own script.
- a "quoted phrase" searches only the exact fields (``title:``/``text:`` phrases their exact
  twins) or the romanised ones: a stemmed phrase would let "कार्यकर्ताओं की बैठक" match
  other forms of the words, which is not what quotes ask for.
"""

import copy
import re

from whoosh.qparser import FieldsPlugin, MultifieldPlugin, PhrasePlugin, QueryParser, syntax

from newsbot.search.index import SearchError

__all__ = ["check_syntax", "make_parser", "is_latin", "FIELD_BOOSTS", "ROMANISED_TWIN", "EXACT_TWIN"]

FIELD_BOOSTS = {
    "title": 2.0, "title_exact": 3.0, "text": 1.0, "text_exact": 1.5, "author": 1.5,
    "person": 2.0, "tags": 1.0,
}
ROMANISED_TWIN = {"person": "person_romanised", "author": "author_romanised"}
EXACT_TWIN = {"title": "title_exact", "text": "text_exact"}
PHRASE_FIELDS = frozenset(
    {"title_exact", "text_exact", "author", "person", "romanised", *ROMANISED_TWIN.values()}
)

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
        if before in ("open", "binary", "not", "field") and after not in ("word", "open", "not"):
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
        phrase = isinstance(node, PhrasePlugin.PhraseNode)
        if is_latin(node.text):
            names = [ROMANISED_TWIN.get(node.fieldname, node.fieldname or "romanised")]
        elif node.fieldname is not None:
            names = [EXACT_TWIN.get(node.fieldname, node.fieldname) if phrase else node.fieldname]
        else:
            names = [name for name in self.fieldnames if not phrase or name in PHRASE_FIELDS]
        if names == [node.fieldname]:
            return node
        routed = []
        for name in names:
            twin = copy.copy(node)
            twin.set_fieldname(name, override=True)
            if node.fieldname is None:
                twin.set_boost(self.boosts.get(name, 1.0))
            routed.append(twin)
        return self.group(routed) if len(routed) > 1 else routed[0]


def make_parser(schema) -> QueryParser:
    """The query parser: AND by default, Latin-only field names, words routed by script."""
    fields = [name for name in FIELD_BOOSTS if name in schema]
    parser = QueryParser(None, schema)
    parser.replace_plugin(FieldsPlugin(expr=_FIELD_PREFIX))
    parser.add_plugin(ScriptRoutingPlugin(fields, fieldboosts=FIELD_BOOSTS))
    return parser

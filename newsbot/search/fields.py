"""Indexing an article with one analysis shared by all its fields.

Every word of an article goes into two big fields (see newsbot.search.index): ``text``, its
match form (the form in which every spelling of a word meets, unstemmed: inflections are
found at query time, newsbot.search.inflect), and ``romanised``, its Latin phonetic key.
Small fields (``title``, ``author``, ``person`` and their romanised twins) serve field
queries. Here a document is tokenised once; each distinct word is mapped to its match form
and romanised key once per process (cached); and the fields receive their terms with
positions already counted (``Terms``). ``AnalysedText`` fields encode those as Whoosh would
have, and analyse plain strings (queries, highlighting) with their analyzer as before, which
``tests/test_search_fields.py`` checks term for term.

The big fields count a title word ``TITLE_WEIGHT`` times (the posting's weight, which BM25
takes as the term's frequency): a title match ranks above a passing mention, at no cost at
query time and without a separately searched title field.

This module's path is pickled into every index schema: never move or rename it.
"""

from __future__ import annotations

from functools import lru_cache

from whoosh.fields import TEXT
from whoosh.system import pack_uint

from newsbot.search.analysis import _WORD, HINDI_STOPWORDS
from newsbot.text.matchform import match_form
from newsbot.text.romanise import phonetic_fold, romanise_word

__all__ = ["AnalysedText", "Terms", "analyse_document", "TITLE_WEIGHT"]

TITLE_WEIGHT = 3.0


class Terms(dict):
    """A field's terms for one document: term -> its word positions (ascending); ``extra``
    holds weight added to a term's count (title words)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.extra: dict[str, float] = {}

    def weight(self, term: str) -> float:
        return len(self[term]) + self.extra.get(term, 0.0)


@lru_cache(maxsize=200_000)
def _forms(word: str) -> tuple[str | None, str | None]:
    """(match form, romanised key) of one word as the analyzers make them; None where the
    analyzer drops the word (a stop word, or nothing left after folding)."""
    exact = match_form(word.lower())
    if not exact or exact in HINDI_STOPWORDS:
        exact = None
    roman = phonetic_fold(romanise_word(word))
    return exact, roman or None


def _words(text: str) -> list[tuple[str | None, str | None]]:
    return [_forms(match.group()) for match in _WORD.finditer(text)]


def _collect(texts: list[list[tuple]], kind: int, weighted: int | None = None) -> Terms:
    """The terms of one kind (0 match form, 1 romanised) of *texts* (their ``_words``) read as
    one text, as "\\n".join would be. Positions count the words the analyzer keeps (Whoosh's
    StopFilter renumbers), from the position of the first word it keeps. Terms of
    ``texts[weighted]`` weigh ``TITLE_WEIGHT`` each."""
    terms = Terms()
    extra = terms.extra
    pos, at = -1, None
    for index, words in enumerate(texts):
        for forms in words:
            pos += 1
            term = forms[kind]
            if term is None:
                continue
            at = pos if at is None else at + 1
            terms.setdefault(term, []).append(at)
            if index == weighted:
                extra[term] = extra.get(term, 0.0) + TITLE_WEIGHT - 1
    return terms


def analyse_document(title: str, text: str, author: str, people: str, tags: str = "") -> dict[str, Terms]:
    """The analysed fields of one article (field name -> Terms), each text tokenised once;
    names and values as ``newsbot.search.index`` gives them to the schema."""
    title_w, text_w, author_w, people_w = _words(title), _words(text), _words(author), _words(people)
    exact, romanised = 0, 1
    return {
        "text": _collect([title_w, text_w, author_w, people_w, _words(tags)], exact, weighted=0),
        "title": _collect([title_w], exact),
        "author": _collect([author_w], exact),
        "person": _collect([people_w], exact),
        "romanised": _collect([title_w, text_w, author_w, people_w], romanised, weighted=0),
        "person_romanised": _collect([people_w], romanised),
        "author_romanised": _collect([author_w], romanised),
    }


class AnalysedText(TEXT):
    """A TEXT field that takes a document's ``Terms`` ready-made (see the module docstring),
    and any string as TEXT does."""

    def index(self, value, **kwargs):
        if not isinstance(value, Terms):
            yield from super().index(value, **kwargs)
            return
        boost = self.format.field_boost
        positions = self.format.supports("positions")
        for term, poslist in value.items():
            encoded = self.format.encode(poslist) if positions else pack_uint(len(poslist))
            yield term.encode("utf-8"), len(poslist), value.weight(term) * boost, encoded

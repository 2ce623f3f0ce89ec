"""Indexing an article with one analysis shared by all its fields.

Each text reaches three fields (stemmed, exact, romanised, see newsbot.search.index), and
Whoosh would run each field's analyzer chain on it: three tokenisations and a generator
chain per word per field. Here a document is tokenised once; each distinct word is mapped to
its exact, stemmed and romanised terms once per process (cached); and the fields receive
their terms with positions already counted (``Terms``). ``AnalysedText`` fields encode those
as Whoosh would have, and analyse plain strings (queries, highlighting) with their analyzer
as before, which ``tests/test_search_fields.py`` checks term for term.

This module's path is pickled into every index schema: never move or rename it.
"""

from __future__ import annotations

from functools import lru_cache

from whoosh.fields import TEXT
from whoosh.system import pack_uint

from newsbot.search.analysis import _WORD, HINDI_STOPWORDS
from newsbot.text.matchform import match_form
from newsbot.text.romanise import phonetic_fold, romanise_word
from newsbot.text.stem import stem

__all__ = ["AnalysedText", "Terms", "analyse_document"]


class Terms(dict):
    """A field's terms for one document: term -> its word positions (ascending)."""


@lru_cache(maxsize=200_000)
def _forms(word: str) -> tuple[str | None, str | None, str | None]:
    """(exact, stemmed, romanised) term of one word as the analyzers make them; None where
    the analyzer drops the word (a stop word, or nothing left after folding)."""
    exact = match_form(word.lower())
    if not exact or exact in HINDI_STOPWORDS:
        exact_term = stemmed = None
    else:
        exact_term, stemmed = exact, stem(exact)
    roman = phonetic_fold(romanise_word(word))
    return exact_term, stemmed, roman or None


def _words(text: str) -> list[tuple[str | None, str | None, str | None]]:
    return [_forms(match.group()) for match in _WORD.finditer(text)]


def _collect(texts: list[list[tuple]], kind: int) -> Terms:
    """The terms of one kind (0 exact, 1 stemmed, 2 romanised) of *texts* (their ``_words``)
    read as one text, as "\\n".join would be. Positions count the words the analyzer keeps
    (Whoosh's StopFilter renumbers), from the position of the first word it keeps."""
    terms = Terms()
    pos, at = -1, None
    for words in texts:
        for forms in words:
            pos += 1
            term = forms[kind]
            if term is None:
                continue
            at = pos if at is None else at + 1
            terms.setdefault(term, []).append(at)
    return terms


def analyse_document(title: str, text: str, author: str, people: str) -> dict[str, Terms]:
    """The analysed fields of one article (field name -> Terms), each text tokenised once;
    names and values as ``newsbot.search.index`` gives them to the schema."""
    title_w, text_w, author_w, people_w = _words(title), _words(text), _words(author), _words(people)
    exact, stemmed, romanised = 0, 1, 2
    return {
        "title": _collect([title_w], stemmed), "title_exact": _collect([title_w], exact),
        "text": _collect([text_w], stemmed), "text_exact": _collect([text_w], exact),
        "author": _collect([author_w], exact), "person": _collect([people_w], exact),
        "romanised": _collect([title_w, text_w, author_w, people_w], romanised),
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
            yield term.encode("utf-8"), len(poslist), len(poslist) * boost, encoded

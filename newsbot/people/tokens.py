"""Tokens and sentences of a text, with character offsets into it and a match-form key each.

The analysis never rewrites its input: every token and sentence is a slice of the text it was
given, so an evidence sentence is ``text[start:end]`` exactly. Matching uses ``key``: the
match form (newsbot.text.matchform) of the token with hyphens and a closing visarga removed, so
नव-नियुक्त = नवनियुक्त and "जौनपुरः" (a visarga typed for a colon) = जौनपुर.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from newsbot.text.matchform import match_form

# Devanagari letters and signs (not the dandas U+0964/5, not the digits U+0966–F), ZWJ/ZWNJ,
# Latin letters; hyphenated compounds (नव-नियुक्त) stay one token.
_LETTERS = "\u0900-\u0963\u0970-\u097f\u200c\u200dA-Za-z"
TOKEN = re.compile(
    rf"[{_LETTERS}]+(?:-[{_LETTERS}]+)*"  # a word
    r"|[0-9\u0966-\u096f]+(?:[.,][0-9\u0966-\u096f]+)*"  # a number: 1,284  1.80  १२०
    r"|\S"  # any other character on its own
)
SENTENCE_END = frozenset("।॥?!|")
# Honorifics and initials end in a dot that does not end a sentence (डॉ. प्रो. के.सी.).
MAX_INITIAL_CHARS = 2
# A "sentence" longer than this (a list run on without dandas) is cut at commas: the grammar
# tries every start in a sentence, so its cost grows with the square of the length.
MAX_SENTENCE_TOKENS = 150
# LINE_GOES_ON: a line that ends in a conjunction or a comma goes on in the next line, as a
# brief printed in short lines does ("मधुबन की कमान A और" / "सोनपुर का अध्यक्ष B को बनाया").
_GOES_ON = frozenset({"और", "व", "तथा", "एवं", "वहीं", "जबकि", ","})


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    key: str

    @property
    def is_word(self) -> bool:
        return self.text[0].isalpha()

    @property
    def is_number(self) -> bool:
        return self.key.replace(",", "").replace(".", "").isdigit()


@lru_cache(maxsize=65536)
def key(word: str) -> str:
    """The match-form key of one word (cached: news text repeats its words)."""
    return match_form(word).replace("-", "").removesuffix("\u0903")


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end(), key(m.group())) for m in TOKEN.finditer(text)]


@dataclass(frozen=True, slots=True)
class Sentence:
    """Tokens of one sentence; ``text[start:end]`` is the sentence as printed."""

    start: int
    end: int
    tokens: tuple[Token, ...]
    # First sentence of a paragraph (a dateline lives there).
    opens_paragraph: bool


def unglue(tokens: list[Token], cut: Callable[[str], int]) -> list[Token]:
    """Words printed without their space cut in two where *cut* says (the length of the first
    part, 0 for none): "राजभरको" -> राजभर को, "मुख्यमंत्रीमायावती" -> मुख्यमंत्री मायावती."""
    result: list[Token] = []
    for token in tokens:
        at = cut(token.text) if token.is_word else 0
        if at:
            middle = token.start + at
            result += [Token(token.text[:at], token.start, middle, key(token.text[:at])),
                       Token(token.text[at:], middle, token.end, key(token.text[at:]))]
        else:
            result.append(token)
    return result


def sentences(text: str, abbreviations: frozenset[str], words: frozenset[str],
              cut: Callable[[str], int] | None = None) -> list[Sentence]:
    """Split *text* into sentences at dandas, ?, !, |, line breaks (not after a conjunction
    or comma: LINE_GOES_ON) and sentence-final dots, its glued words cut in two by *cut* (see
    unglue).

    A dot right after an abbreviation (डॉ.) or an initial (के.सी.) is not an end; a short
    word that is a known word (*words*: है.) is an end unless the next word follows unspaced
    or it follows another initial (आर.के. सिंह).
    """
    result: list[Sentence] = []
    tokens = tokenize(text) if cut is None else unglue(tokenize(text), cut)
    first = 0
    for index, token in enumerate(tokens):
        gap = text[tokens[index - 1].end:token.start] if index > first else ""
        if "\n" in gap and (gap.count("\n") > 1 or tokens[index - 1].text not in _GOES_ON):
            result.append(_sentence(text, tokens, first, index))
            first = index
        if token.text in SENTENCE_END or (token.text == "." and _ends_sentence(tokens, index, abbreviations, words)):
            result.append(_sentence(text, tokens, first, index + 1))
            first = index + 1
    if first < len(tokens):
        result.append(_sentence(text, tokens, first, len(tokens)))
    return [piece for sentence in result for piece in _pieces(sentence)]


def _sentence(text: str, tokens: list[Token], first: int, stop: int) -> Sentence:
    opens = first == 0 or "\n" in text[tokens[first - 1].end:tokens[first].start]
    return Sentence(tokens[first].start, tokens[stop - 1].end, tuple(tokens[first:stop]), opens)


def _pieces(sentence: Sentence) -> list[Sentence]:
    """*sentence*, cut after the last comma before every MAX_SENTENCE_TOKENS tokens."""
    tokens, pieces, first = sentence.tokens, [], 0
    while len(tokens) - first > MAX_SENTENCE_TOKENS:
        window = range(first + MAX_SENTENCE_TOKENS - 1, first, -1)
        cut = next((i for i in window if tokens[i].text == ","), first + MAX_SENTENCE_TOKENS - 1) + 1
        pieces.append(Sentence(tokens[first].start, tokens[cut - 1].end, tokens[first:cut],
                               sentence.opens_paragraph and first == 0))
        first = cut
    pieces.append(Sentence(tokens[first].start, tokens[-1].end, tokens[first:],
                           sentence.opens_paragraph and first == 0))
    return pieces


def _ends_sentence(tokens: list[Token], index: int, abbreviations: frozenset[str],
                   words: frozenset[str]) -> bool:
    if index == 0:
        return True
    before, dot = tokens[index - 1], tokens[index]
    if before.end != dot.start or not before.is_word:
        return True
    if before.key in abbreviations:
        return False
    unspaced = index + 1 < len(tokens) and tokens[index + 1].start == dot.end
    chained = index >= 2 and tokens[index - 2].text == "." and tokens[index - 2].end == before.start
    return not (len(before.text) <= MAX_INITIAL_CHARS and (unspaced or chained or before.key not in words))

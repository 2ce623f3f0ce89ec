"""Whoosh analysis for Hindi: whole-word tokens, match-form folding, a short stop list.

This module's path is pickled into every index schema: never move or rename it, or existing
indexes stop opening. Analyzers are composed Whoosh-style, ``Tokenizer | Filter | ...``.

Whoosh's stock ``RegexTokenizer`` matches ``\\w``, which in Python excludes the vowel signs,
virama, nukta and anusvara, so it shreds every Hindi word at its marks. ``DevanagariTokenizer``
keeps a letter together with its combining marks.
"""

import re
from functools import lru_cache

from whoosh.analysis import Filter, LowercaseFilter, StopFilter, Token, Tokenizer

from newsbot.text.matchform import match_form

__all__ = ["DevanagariTokenizer", "MatchFormFilter", "HINDI_STOPWORDS", "HindiAnalyzer"]

# \w (letters of every script, digits, '_') plus the Devanagari block minus its punctuation:
# danda U+0964, double danda U+0965 and the abbreviation sign U+0970 ("अग॰") end a word.
_WORD_CHAR = "[\\w\u0900-\u0963\u0966-\u096f\u0971-\u097f]"
# ZWJ/ZWNJ only inside a word (half forms); at a word's edge they belong to no word.
_WORD = re.compile(f"{_WORD_CHAR}+(?:[\u200c\u200d]+{_WORD_CHAR}+)*")

# Postpositions, auxiliaries, conjunctions and pronouns that occur in nearly every sentence.
# Kept short on purpose: every word here becomes unsearchable on its own.
_STOPWORDS_TEXT = "का की के को में से ने पर है हैं था थे और या भी तो ही यह वह इस उस एक"
HINDI_STOPWORDS = frozenset(match_form(word) for word in _STOPWORDS_TEXT.split())


class DevanagariTokenizer(Tokenizer):
    """Yield whole words: a run of letters or digits with their combining marks.

    Signature and behaviour follow Whoosh's ``RegexTokenizer`` (one ``Token`` reused,
    offsets filled only when asked, ``tokenize=False`` yields the whole value).

    >>> [t.text for t in DevanagariTokenizer()("मुख्य अतिथि, क्\\u200dषेत्र। Café 2026")]
    ['मुख्य', 'अतिथि', 'क्\\u200dषेत्र', 'Café', '2026']
    """

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs,
    ):
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            spans = [(value, 0, len(value))]
        else:
            spans = ((m.group(), m.start(), m.end()) for m in _WORD.finditer(value))
        for pos, (text, start, end) in enumerate(spans):
            t.text = text
            t.boost = 1.0
            t.stopped = False
            if keeporiginal:
                t.original = text
            if positions:
                t.pos = start_pos + pos
            if chars:
                t.startchar = start_char + start
                t.endchar = start_char + end
            yield t


class MatchFormFilter(Filter):
    """Replace each token's text with its match form (``newsbot.text.matchform``).

    Folding costs tens of microseconds a word, and words repeat (Zipf), so results are
    cached per filter; the cache is not pickled into the index.

    >>> [t.text for t in MatchFormFilter()(DevanagariTokenizer()("ज़िला हिन्दी कोऑर्डिनेटर २०२६"))]
    ['जिला', 'हिंदी', 'कोआर्डिनेटर', '2026']

    :param cachesize: how many distinct words to remember.
    """

    def __init__(self, cachesize: int = 50_000):
        self.cachesize = cachesize
        self._fold = lru_cache(maxsize=cachesize)(match_form)

    def __eq__(self, other):
        return self.__class__ is other.__class__ and self.cachesize == other.cachesize

    def __getstate__(self):
        return {"cachesize": self.cachesize}

    def __setstate__(self, state):
        self.__init__(**state)

    def __call__(self, tokens):
        fold = self._fold
        for t in tokens:
            if not t.stopped:
                t.text = fold(t.text)
            yield t


def HindiAnalyzer(stoplist=HINDI_STOPWORDS, minsize: int = 1):  # noqa: N802 (Whoosh factory style)
    """Whole-word tokens, lower-cased, folded to match form, stop words removed.

    >>> [t.text for t in HindiAnalyzer()("कार्यशाला में मुख्य अतिथि संजीव आनंद कोऑर्डिनेटर")]
    ['कार्यशाला', 'मुख्य', 'अतिथि', 'संजीव', 'आनंद', 'कोआर्डिनेटर']

    Whoosh's own analyzer shreds the same sentence at every vowel sign:

    >>> from whoosh.analysis import StandardAnalyzer
    >>> [t.text for t in StandardAnalyzer()("कार्यशाला में मुख्य अतिथि संजीव आनंद कोऑर्डिनेटर")]
    ['यश', 'अत', 'आन', 'ऑर', 'टर']

    Stemming and a romanised shadow field are later additions: they go after the stop filter
    here (a stemmer must see match-form words) and into the schema respectively.

    :param stoplist: words to drop; folded to match form here, so any spelling may be given.
        Pass an empty collection to keep every word.
    :param minsize: shorter tokens are dropped. 1 keeps one-letter words (व, न) that Whoosh's
        default of 2 silently loses; it still drops tokens that fold to nothing (a lone nukta).
    """
    stops = frozenset(match_form(word) for word in stoplist or ())
    return (
        DevanagariTokenizer()
        | LowercaseFilter()
        | MatchFormFilter()
        | StopFilter(stoplist=stops, minsize=minsize)
    )

"""Whoosh analysis for Hindi: whole-word tokens, match-form folding, stop words, a light
stemmer, and a romanised shadow for Latin-letter search.

This module's path is pickled into every index schema: never move or rename it, or existing
indexes stop opening. Analyzers are composed Whoosh-style, ``Tokenizer | Filter | ...``; each
filter is configured in ``__init__`` only, compares by that configuration, and pickles without
its word cache.

Whoosh's stock ``RegexTokenizer`` matches ``\\w``, which in Python excludes the vowel signs,
virama, nukta and anusvara, so it shreds every Hindi word at its marks. ``DevanagariTokenizer``
keeps a letter together with its combining marks.
"""

import re
from functools import cache, lru_cache

from whoosh.analysis import Filter, LowercaseFilter, StopFilter, Token, Tokenizer

from newsbot.text.matchform import match_form
from newsbot.text.romanise import phonetic_fold, romanise_word
from newsbot.text.stem import stem

__all__ = [
    "DevanagariTokenizer",
    "MatchFormFilter",
    "HindiStemFilter",
    "RomaniseFilter",
    "PhoneticFoldFilter",
    "HINDI_STOPWORDS",
    "HindiAnalyzer",
    "RomanisedAnalyzer",
]

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


@cache
def _word_cache(function, cachesize: int):
    """One cache per (function, size) for the whole process: the schema's analyzers are
    unpickled anew each time an index is opened, and per-object caches would start cold."""
    return lru_cache(maxsize=cachesize)(function)


class _WordMapFilter(Filter):
    """Replace each token's text (stopped tokens aside) with ``self.function(text)``.

    The functions cost tens of microseconds a word, and words repeat (Zipf), so results are
    cached (see ``_word_cache``); the cache is not pickled into the index.

    :param cachesize: how many distinct words to remember.
    """

    function = staticmethod(str)  # each subclass names its own

    def __init__(self, cachesize: int = 50_000):
        self.cachesize = cachesize
        self._map = _word_cache(self.function, cachesize)

    def __eq__(self, other):
        return self.__class__ is other.__class__ and self.cachesize == other.cachesize

    def __getstate__(self):
        return {"cachesize": self.cachesize}

    def __setstate__(self, state):
        self.__init__(**state)

    def __call__(self, tokens):
        word_map = self._map
        for t in tokens:
            if not t.stopped:
                t.text = word_map(t.text)
            yield t


class MatchFormFilter(_WordMapFilter):
    """Replace each token's text with its match form (``newsbot.text.matchform``).

    >>> [t.text for t in MatchFormFilter()(DevanagariTokenizer()("ज़िला हिन्दी कोऑर्डिनेटर २०२६"))]
    ['जिला', 'हिंदी', 'कोआर्डिनेटर', '2026']
    """

    function = staticmethod(match_form)


class HindiStemFilter(_WordMapFilter):
    """Strip one Hindi inflectional suffix (``newsbot.text.stem``); give it match forms.

    >>> [t.text for t in HindiStemFilter()(DevanagariTokenizer()("कार्यकर्ताओं बैठकों समितियां"))]
    ['कार्यकर्', 'बैठक', 'समित']
    """

    is_morph = True
    function = staticmethod(stem)


class RomaniseFilter(_WordMapFilter):
    """Write each Devanagari word in colloquial Latin letters (``newsbot.text.romanise``).

    >>> [t.text for t in RomaniseFilter()(DevanagariTokenizer()("संजीव आनंद Congress"))]
    ['sanjiv', 'anand', 'congress']
    """

    function = staticmethod(romanise_word)


class PhoneticFoldFilter(_WordMapFilter):
    """Fold each Latin word to the key its spellings share (``newsbot.text.romanise``).

    >>> [t.text for t in PhoneticFoldFilter()(DevanagariTokenizer()("sanjeev Sanjiv shabnam"))]
    ['snjv', 'snjv', 'sbnm']
    """

    function = staticmethod(phonetic_fold)


def HindiAnalyzer(stoplist=HINDI_STOPWORDS, minsize: int = 1, stem: bool = True):  # noqa: N802 (Whoosh factory style)
    """Whole-word tokens, lower-cased, folded to match form, stop words removed, stemmed.

    >>> [t.text for t in HindiAnalyzer()("कार्यशाला में मुख्य अतिथि संजीव आनंद कोऑर्डिनेटर")]
    ['कार्यशाल', 'मुख्य', 'अतिथ', 'संजीव', 'आनंद', 'कोआर्डिनेटर']
    >>> [t.text for t in HindiAnalyzer(stem=False)("कार्यकर्ताओं की बैठकों में")]
    ['कार्यकर्ताओं', 'बैठकों']

    Whoosh's own analyzer shreds the same sentence at every vowel sign:

    >>> from whoosh.analysis import StandardAnalyzer
    >>> [t.text for t in StandardAnalyzer()("कार्यशाला में मुख्य अतिथि संजीव आनंद कोऑर्डिनेटर")]
    ['यश', 'अत', 'आन', 'ऑर', 'टर']

    :param stoplist: words to drop; folded to match form here, so any spelling may be given.
        Pass an empty collection to keep every word.
    :param minsize: shorter tokens are dropped. 1 keeps one-letter words (व, न) that Whoosh's
        default of 2 silently loses; it still drops tokens that fold to nothing (a lone nukta).
    :param stem: strip inflectional suffixes (the stemmer sees match forms, after the stop
        words are gone). False for the fields that keep names and phrases exactly.
    """
    stops = frozenset(match_form(word) for word in stoplist or ())
    analyzer = (
        DevanagariTokenizer()
        | LowercaseFilter()
        | MatchFormFilter()
        | StopFilter(stoplist=stops, minsize=minsize)
    )
    return analyzer | HindiStemFilter() if stem else analyzer


def RomanisedAnalyzer():  # noqa: N802 (Whoosh factory style)
    """The Latin shadow of Hindi text, and Latin queries against it: one key per spelling.

    Devanagari words are romanised, Latin words kept, and both phonetically folded, so the
    shadow of "संजीव आनंद" and the query "Sanjeev Anand" give the same terms. No stop words:
    their romanised keys are short and would stop unrelated Latin words.

    >>> [t.text for t in RomanisedAnalyzer()("कांग्रेस कोऑर्डिनेटर संजीव")]
    ['kngrs', 'krdntr', 'snjv']
    >>> [t.text for t in RomanisedAnalyzer()("Congress coordinator Sanjeev")]
    ['kngrs', 'krdntr', 'snjv']
    """
    return (
        DevanagariTokenizer()
        | RomaniseFilter()
        | PhoneticFoldFilter()
        | StopFilter(stoplist=frozenset(), minsize=1)
    )

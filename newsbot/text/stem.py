"""A light Hindi stemmer: strip one inflectional suffix, so that कार्यकर्ताओं meets कार्यकर्ता.

The suffix list is Ramanathan & Rao's ("A Lightweight Stemmer for Hindi", 2003), the one
Lucene's HindiStemmer uses; the code is ours. It works on the *match form* (chandrabindu is
already anusvara, so ियाँ and ियां are one suffix) and removes the longest suffix that leaves a
stem of at least ``MIN_STEM`` code points. Lucene keeps stems of two; three keeps short words
and names whole more often (नेता, सीता → नेत, सीत rather than ने, सी) while every plural and
oblique form still meets its singular (नेताओं → नेत).

Stemming is coarse by design — कविता and कवि meet too — so the index keeps every word
unstemmed, adds its inflections at query time (newsbot.search.parsing), and ranks the spelling
typed first.
"""

__all__ = ["MIN_STEM", "SUFFIXES", "stem"]

MIN_STEM = 3

# Longest first: the stemmer takes the first suffix that fits.
SUFFIXES = tuple(
    sorted(
        (
            # five code points: future and plural-oblique endings
            "ाएंगी ाएंगे ाऊंगी ाऊंगा ाइयां ाइयों "
            # four
            "ाएगी ाएगा ाओगी ाओगे एंगी ेंगी एंगे ेंगे ूंगी ूंगा ातीं नाओं नाएं ताओं ताएं ियां ियों "
            # three
            "ाकर ाइए ाईं ाया ेगी ेगा ोगी ोगे ाने ाना ाते ाती ाता तीं ाओं ाएं ुओं ुएं ुआं "
            # two
            "कर ाओ िए ाई ाए ने नी ना ते ीं ती ता ां ों ें "
            # one: the vowel signs
            "ो े ू ु ी ि ा"
        ).split(),
        key=len,
        reverse=True,
    )
)


def stem(word: str) -> str:
    """Strip the longest Hindi suffix that leaves ``MIN_STEM`` code points; else return *word*.

    >>> [stem(w) for w in ("कार्यकर्ताओं", "कार्यकर्ता", "बैठकों", "बैठकें", "समितियां", "राम")]
    ['कार्यकर्', 'कार्यकर्', 'बैठक', 'बैठक', 'समित', 'राम']
    """
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[: -len(suffix)]
    return word

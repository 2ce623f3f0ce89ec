"""Latin letters for Hindi: colloquial romanisation, and the phonetic fold that Latin search uses.

People type Hindi names in Latin letters as they say them: संजीव आनंद is "sanjiv anand" or
"sanjeev anand", never "sañjīva ānanda". Turning such casual Latin into Devanagari does not work
(every tool gives सन्जीव् अनन्द्), so search goes the other way: ``romanise`` writes each
Devanagari word the colloquial way, and ``phonetic_fold`` then maps both that and the user's
Latin query onto one key that the usual spellings share.

``romanise`` (Devanagari → Latin, one word at a time):
- consonants as Hindi speakers write them in English: श/ष sh, च ch, छ chh, व v, ज़ z, फ़ f,
  क़ q, ड़ r, ज्ञ gy; long and short vowels alike (ी i, ू u, ा a), ै ai, ौ au, ऑ o, ृ ri;
- anusvara and chandrabindu n (m before p/b/m, ng before a final ह: सिंह singh); the visarga
  is not written (निःशुल्क nishulk, दुःख dukh), as in most Latin spellings;
- schwa deletion: the inherent "a" is dropped at the end of a word (राम ram, नियुक्त niyukt)
  unless a conjunct ending in र य व ल न/ण keeps it (मिश्र mishra, शुक्ल shukla), before an independent vowel (रामअवतार ramavtar), and inside a word after an open
  syllable and before a single consonant with its vowel (कमला kamla, सरकार sarkar, राजकुमार
  rajkumar). Decided left to right, so compound names split where they join (रामनरेश ramnaresh,
  हेमलता hemlata); a first syllable, one after a closed syllable (वंदना vandana) and one before or
  of a conjunct (मोहम्मद mohammad, कार्यकर्ता karyakarta) keep it.

``phonetic_fold`` (Latin → key), for both sides alike:
- spellings of one sound meet: ch/chh → c, c/q/k → k (but s before e, i, y: cyber, social),
  x → ks, z → j, f/ph → p, w → v,
  sh → s, aspirates lose their h (kh gh jh th dh bh → k g j t d b), a final simh/sinh →
  singh, doubled letters → one;
- vowels inside a word are dropped, because that is where spellings disagree most (sanjeev/
  sanjiv, akhtar/akhter, mohammad/muhammad, agarwal/agrawal, coordinator/koordinetar). The
  first vowel of a word and its last are kept as a class (a; e = e/ai/ay/ey; i = i/ee/y;
  o = o/au/ow; u = u/oo), except a final a, which is dropped (mishra/mishr, srivastava/
  srivastav). y inside a word is the vowel i (pandey, satyam/satiam, aysha/aisha), and "ow"
  before a consonant is au (chowdhury).

>>> [phonetic_fold(romanise(w)) for w in "संजीव आनंद अभिनव प्रताप सिंह".split()]
['snjv', 'and', 'abnv', 'prtp', 'sng']
>>> [phonetic_fold(w) for w in "sanjeev anand abhinav partap simh".split()]
['snjv', 'and', 'abnv', 'prtp', 'sng']
"""

import re

from newsbot.text.matchform import fold_latin

__all__ = ["romanise", "romanise_word", "phonetic_fold"]

_CONSONANTS = dict(
    zip(
        "क ख ग घ ङ च छ ज झ ञ ट ठ ड ढ ण त थ द ध न प फ ब भ म य र ल ळ व श ष स ह".split(),
        "k kh g gh n ch chh j jh n t th d dh n t th d dh n p ph b bh m y r l l v sh sh s h".split(),
        strict=True,
    )
)
_NUKTA_CONSONANTS = {"क": "q", "ख": "kh", "ग": "g", "ज": "z", "ड": "r", "ढ": "rh", "फ": "f",
                     "न": "n", "र": "r", "ळ": "l", "य": "y"}
_GY = "\ue000"  # ज्ञ is said, and written, "gy" (ज्ञान gyan): one unit while splitting
_CONSONANTS[_GY] = "gy"
_PRECOMPOSED_NUKTA = {"\u0929": "न", "\u0931": "र", "\u0934": "ळ"}
_VOWELS = {  # independent vowel, vowel sign → Latin
    "अ": "a", "आ": "a", "ा": "a", "इ": "i", "ि": "i", "ई": "i", "ी": "i", "उ": "u", "ु": "u",
    "ऊ": "u", "ू": "u", "ऋ": "ri", "ृ": "ri", "ए": "e", "े": "e", "ऐ": "ai", "ै": "ai",
    "ओ": "o", "ो": "o", "औ": "au", "ौ": "au", "ऑ": "o", "ॉ": "o", "ऍ": "e", "ॅ": "e", "ॲ": "e",
}
_VIRAMA, _NUKTA = "\u094d", "\u093c"
_NASALS = "\u0901\u0902"
_LABIALS = ("p", "ph", "b", "bh", "m")
# A final conjunct ending in these keeps its "a" in speech and in Latin: mishra, surya, shukla.
_SPOKEN_A = frozenset({"r", "y", "v", "l", "n"})
_DEVANAGARI = re.compile("[\u0900-\u097f]")
_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")
_WORD = re.compile("[\\w\u0900-\u0963\u0966-\u096f\u0971-\u097f\u200c\u200d]+")


def _syllables(word: str) -> list[list]:
    """Split *word* into [consonants, vowel, implicit, coda] units.

    ``consonants`` is a list of Latin consonants (a conjunct has several), ``vowel`` the Latin
    vowel ("" for a bare consonant), ``implicit`` whether the vowel is the inherent schwa, and
    ``coda`` what follows the vowel (a nasal, or anything we pass through).
    """
    units: list[list] = []
    cluster: list[str] = []
    chars = [_PRECOMPOSED_NUKTA.get(c, c) + (_NUKTA if c in _PRECOMPOSED_NUKTA else "") for c in word]
    text = "".join(chars).replace("ज्ञ", _GY)
    i = 0
    while i < len(text):
        char = text[i]
        if char in _CONSONANTS:
            nukta = i + 1 < len(text) and text[i + 1] == _NUKTA
            cluster.append(_NUKTA_CONSONANTS.get(char, _CONSONANTS[char]) if nukta else _CONSONANTS[char])
            i += 2 if nukta else 1
            nxt = text[i] if i < len(text) else ""
            if nxt == _VIRAMA:
                i += 1
                if i < len(text) and text[i] in _CONSONANTS:
                    continue  # a conjunct: the next consonant joins this cluster
                units.append([cluster, "", False, ""])
            elif nxt in _VOWELS and nxt not in "अआइईउऊऋएऐओऔऑऍॲ":
                units.append([cluster, _VOWELS[nxt], False, ""])
                i += 1
            else:
                units.append([cluster, "a", True, ""])
            cluster = []
        elif char in _VOWELS:
            units.append([[], _VOWELS[char], False, ""])
            i += 1
        elif char in _NASALS:
            if units:
                units[-1][3] += "N"
            i += 1
        else:
            # ZWJ/ZWNJ, a stray nukta or virama and the visarga are not written; a digit or a
            # Latin letter passes through
            if char not in "\u200c\u200d\u093c\u094d\u0903":
                units.append([[], "", False, char.translate(_DIGITS)])
            i += 1
    return units


def _delete_schwas(units: list[list]) -> None:
    last = len(units) - 1
    final = units[last] if last > 0 else None
    if final and final[2] and not final[3] and (len(final[0]) == 1 or final[0][-1] not in _SPOKEN_A):
        units[last][1] = ""  # final schwa: राम ram, निःशुल्क nishulk, but मिश्र mishra
    for i in range(1, last):
        consonants, _, implicit, coda = units[i]
        previous, following = units[i - 1], units[i + 1]
        if not implicit or coda or len(consonants) != 1:
            continue
        if not following[0] and following[1]:
            units[i][1] = ""  # before an independent vowel: रामअवतार ramavtar
        elif previous[1] and not previous[3] and len(following[0]) == 1 and following[1]:
            units[i][1] = ""  # V C_C V, open syllable before, no cluster after: कमला kamla


def _nasal(following: str, at_end_before_h: bool) -> str:
    if at_end_before_h:
        return "ng"
    return "m" if following.startswith(_LABIALS) else "n"


def romanise_word(word: str) -> str:
    """Colloquial Latin for one word; a word with no Devanagari is only lower-cased.

    >>> [romanise_word(w) for w in "संजीव आनंद कोऑर्डिनेटर कांग्रेस कार्यकर्ता कमला सिंह".split()]
    ['sanjiv', 'anand', 'koordinetar', 'kangres', 'karyakarta', 'kamla', 'singh']
    """
    if not _DEVANAGARI.search(word):
        return word.lower()
    units = _syllables(word)
    _delete_schwas(units)
    parts = []
    for i, (consonants, vowel, _, coda) in enumerate(units):
        following = "".join(units[i + 1][0][:1]) if i + 1 < len(units) else ""
        before_final_h = following == "h" and i + 2 == len(units)
        coda = coda.replace("N", _nasal(following, before_final_h))
        parts.append("".join(consonants) + vowel + coda)
    return "".join(parts)


def romanise(text: str) -> str:
    """Romanise every word of *text*, keeping what lies between words.

    >>> romanise("अभिनव प्रताप सिंह को मंडल कोऑर्डिनेटर नियुक्त किया गया।")
    'abhinav pratap singh ko mandal koordinetar niyukt kiya gaya।'
    """
    return _WORD.sub(lambda m: romanise_word(m.group()), text)


# ---------------------------------------------------------------- the phonetic fold

_LETTERS_ONLY = re.compile("[^a-z0-9]")
_FINAL_NASAL_H = re.compile("(?<=[aeiou])[mn]h$")  # simh, sinh → singh
_DIGRAPHS = (("chh", "C"), ("ch", "C"), ("sh", "s"), ("x", "ks"), ("qu", "k"), ("q", "k"), ("ce", "se"),
             ("ci", "si"), ("cy", "sy"), ("c", "k"), ("C", "c"), ("z", "j"), ("f", "p"))
_ASPIRATE = re.compile("(?<=[bcdgjkpt])h")  # not rh: farhan has a real h
# y is a vowel but at a word's start (satyam/satiam, aysha/aisha, jayasval/jaiswal); "ow"
# before a consonant is the vowel au (chowdhury); every other w is v (yadaw, nawnit).
_INNER_Y = re.compile("(?<=.)y")
_OW = re.compile("ow(?=[^aeiou])")
_FINAL_A = re.compile("(?<=[^aeiou])a+$")
_SHAPE = re.compile("^([aeiou]*)(.*?)([aeiou]*)$")
_INNER_VOWELS = re.compile("[aeiou]+")
_DOUBLED = re.compile(r"(.)\1+")


def _vowel_class(run: str) -> str:
    run = _DOUBLED.sub(r"\1", run.replace("ee", "i").replace("oo", "u"))
    if run.startswith("a") and len(run) > 1:
        return "e" if run[1] in "ie" else "o"
    return run[:1]


def phonetic_fold(word: str) -> str:
    """The key a Latin spelling is searched by (see the module docstring); digits stay.

    >>> [phonetic_fold(w) for w in ("Shabnam", "sabnam", "Akhter", "coordinator", "Chowdhury")]
    ['sbnm', 'sbnm', 'aktr', 'krdntr', 'cdri']
    """
    word = _LETTERS_ONLY.sub("", fold_latin(word))
    if not word or word.isdigit():
        return word
    word = _FINAL_NASAL_H.sub("ngh", word)
    for spelling, sound in _DIGRAPHS:
        word = word.replace(spelling, sound)
    word = _ASPIRATE.sub("", word)
    word = _FINAL_A.sub("", word) or word
    word = _OW.sub("ou", _INNER_Y.sub("i", word))
    first, middle, last = _SHAPE.match(word).groups()
    word = _vowel_class(first) + _INNER_VOWELS.sub("", middle) + (_vowel_class(last) if middle else "")
    return _DOUBLED.sub(r"\1", word.replace("w", "v"))

"""Spelling variants for the search benchmark: the inverse of each match-form rule, inflection,
and several ways people write Hindi names and words in Latin letters.

Every generator takes a word (or name) as the article prints it and returns the variants a
reader might type instead; an empty list when the word has nothing to vary.
"""

from __future__ import annotations

import re

from newsbot.text.romanise import romanise_word

ZWJ, ZWNJ, NUKTA, VIRAMA = "\u200d", "\u200c", "\u093c", "\u094d"
_NUKTA_BASES = "जफडढ"  # the letters whose nukta writers most often add or leave out
_CLASS_NASAL = {**dict.fromkeys("कखगघ", "ङ"), **dict.fromkeys("चछजझ", "ञ"),
                **dict.fromkeys("टठडढ", "ण"), **dict.fromkeys("तथदध", "न"),
                **dict.fromkeys("पफबभ", "म")}
# A nasal + virama before another consonant of its class (न्न, म्म are geminates, not this).
_NASAL_CLUSTER = re.compile("ङ्(?=[क-घ])|ञ्(?=[च-झ])|ण्(?=[ट-ढ])|न्(?=[त-ध])|म्(?=[प-भ])")
_DEVANAGARI_DIGITS = str.maketrans("0123456789", "०१२३४५६७८९")
_ASCII_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")
# Inflection: (ending as printed, ending of the other form). Both directions are generated.
_INFLECTIONS = (("ताओं", "ता"), ("ियों", "ी"), ("ियाँ", "ि"), ("ियां", "ि"), ("ाओं", "ा"),
                ("ों", ""), ("ें", ""))


def nukta(word: str) -> list[str]:
    """ज़िला → जिला, and जिला → ज़िला, पडा → पड़ा (ड ढ take one only inside a word)."""
    if NUKTA in word:
        return [word.replace(NUKTA, "")]
    for i, char in enumerate(word):
        if char in _NUKTA_BASES and (i > 0 or char in "जफ"):
            return [word[: i + 1] + NUKTA + word[i + 1 :]]
    return []


def chandrabindu(word: str) -> list[str]:
    """हँसी → हंसी, and गांव → गाँव (only where no vowel sign above leaves room for it)."""
    if "ँ" in word:
        return [word.replace("ँ", "ं")]
    match = re.search("(?<=[क-हअआउऊाुू])ं", word)
    return [word[: match.start()] + "ँ" + word[match.end() :]] if match else []


def nasal(word: str) -> list[str]:
    """हिंदी → हिन्दी (anusvara as the class nasal + virama), and सम्बन्ध → संबंध."""
    if _NASAL_CLUSTER.search(word):
        return [_NASAL_CLUSTER.sub("ं", word)]
    match = re.search("ं(?=[क-भ])", word)  # before a stop: its class nasal is defined
    if not match or word[match.end()] not in _CLASS_NASAL:
        return []
    return [word[: match.start()] + _CLASS_NASAL[word[match.end()]] + VIRAMA + word[match.end() :]]


def candra_o(word: str) -> list[str]:
    """कोऑर्डिनेटर → कोआर्डिनेटर, and कालेज → कॉलेज (ा in the first syllable only)."""
    if "ॉ" in word or "ऑ" in word:
        return [word.replace("ॉ", "ा").replace("ऑ", "आ")]
    return [word[:1] + "ॉ" + word[2:]] if word[1:2] == "ा" else []


def joiners(word: str) -> list[str]:
    """क्षेत्र → क्‍षेत्र (ZWJ) and क्‌षेत्र (ZWNJ) after the first virama before a consonant."""
    match = re.search("\u094d(?=[क-ह])", word)
    if not match:
        return []
    return [word[: match.end()] + joiner + word[match.end() :] for joiner in (ZWJ, ZWNJ)]


def digits(word: str) -> list[str]:
    """२०२६ → 2026 and 2026 → २०२६."""
    if not word.isdigit():
        return []
    other = word.translate(_ASCII_DIGITS if word.translate(_ASCII_DIGITS) != word else _DEVANAGARI_DIGITS)
    return [other] if other != word else []


def inflect(word: str) -> list[str]:
    """कार्यकर्ताओं → कार्यकर्ता, बैठकों → बैठक, and बैठक → बैठकों.

    Stems of three letters at least (a nukta is no letter): a light stemmer leaves shorter
    words whole (``newsbot.text.stem.MIN_STEM``), so पड़ें and पड़ are not its business.
    """
    for printed, other in _INFLECTIONS:
        if word.endswith(printed) and len(word.replace(NUKTA, "")) - len(printed) >= 3:
            return [word[: -len(printed)] + other]
    if re.search("[क-ह]$", word) and len(word) >= 4 and not word.endswith("कर"):  # छोड़कर: a verb
        return [word + "ों"]
    return []


DEVANAGARI_CLASSES = {
    "nukta": nukta, "chandrabindu": chandrabindu, "nasal/anusvara": nasal, "ऑ/आ": candra_o,
    "ZWJ/ZWNJ": joiners, "digits": digits, "inflected": inflect,
}

# ---------------------------------------------------------------- Latin letters

_NAIVE_VOWELS = {"ा": "aa", "ि": "i", "ी": "ee", "ु": "u", "ू": "oo", "े": "e", "ै": "ai", "ो": "o",
                 "ौ": "au", "ृ": "ri", "ॉ": "o", "आ": "aa", "ई": "ee", "ऊ": "oo"}


def _naive(word: str) -> str:
    """A letter-by-letter spelling with doubled long vowels and every inherent a but the last:
    कमला kamalaa, संजीव sanjeev — how many people type names on a phone."""
    out = []
    for i, char in enumerate(word):
        if char == NUKTA:
            continue
        nukta = word[i + 1 : i + 2] == NUKTA
        nxt = word[i + 2 : i + 3] if nukta else word[i + 1 : i + 2]
        if "क" <= char <= "ह":
            out.append(romanise_word(char + NUKTA * nukta + VIRAMA))
            if nxt and nxt not in _NAIVE_VOWELS and nxt != VIRAMA:
                out.append("a")
        elif char in _NAIVE_VOWELS:
            out.append(_NAIVE_VOWELS[char])
        elif char in "ंँ":
            out.append("n")
        elif char != VIRAMA:
            out.append(romanise_word(char))
    latin = "".join(out)
    return latin[:-2] + "i" if latin.endswith("ee") else latin


_CASUAL = ((r"sh", "s"), (r"v", "w"), (r"i$", "y"), (r"au", "ou"), (r"z", "j"), (r"q", "k"),
           (r"f", "ph"), (r"ar$", "er"), (r"ai", "e"))


def _casual(latin: str) -> str:
    """The colloquial spelling with the common liberties: sabnam, akhter, tripathy, choudhary."""
    for pattern, replacement in _CASUAL:
        latin = re.sub(pattern, replacement, latin)
    return latin


def latin_spellings(name: str) -> list[str]:
    """Up to three distinct Latin spellings of a Devanagari name or word."""
    words = name.split()
    styles = [
        [romanise_word(w) for w in words],
        [_naive(w) for w in words],
        [_casual(romanise_word(w)) for w in words],
    ]
    seen: dict[str, None] = {}
    for style in styles:
        seen.setdefault(" ".join(style), None)
    return list(seen)

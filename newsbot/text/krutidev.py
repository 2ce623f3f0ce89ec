"""Legacy-font Hindi: Kruti Dev 010 text detected and converted to Unicode (and back, for tests).

Before Unicode, Hindi was typed in fonts that draw Devanagari glyphs on Latin code points:
"जिला पंचायत" typed in Kruti Dev 010 is stored as "ftyk iapk;r". Old pages, PDFs and
copy-pasted press notes still carry such text. The table below is our own, written from the
font's keyboard layout (the Remington typewriter layout, which DevLys 010 shares for every
letter, so DevLys text converts too; Chanakya uses another layout and is not handled).

Two glyphs are typed out of Unicode's logical order, and are moved:
- the i-sign ``f`` (ि) is typed *before* its consonant cluster;
- the reph ``Z`` (र् over the next cluster) is typed *after* the cluster and its vowel signs.
Decoding maps glyphs to Unicode with a placeholder for each and then moves the placeholders;
encoding does the reverse. Rare conjuncts without a glyph of their own come out as half forms
or with an explicit virama (``~``), which is how Kruti Dev typists write them too.

Detection: a paragraph with no Devanagari in which at least two distinct words, and at least
a fifth of all words, are Kruti Dev spellings of the commonest Hindi words (का, की, में, और …).
English sentences do not reach that ("us" is the only such word that is also English).
"""

import re

__all__ = ["krutidev_to_unicode", "unicode_to_krutidev", "looks_like_krutidev", "convert_legacy"]

_REPH, _I_SIGN = "\ue000", "\ue001"  # private-use placeholders while glyphs are reordered

# (Unicode, Kruti Dev 010) pairs. Longest keys win on both sides, so a conjunct's own glyph
# beats its parts, and "[k" (ख) beats "[" (half ख) + "k" (ा).
_PAIRS = (
    # independent vowels
    ("अ", "v"), ("आ", "vk"), ("इ", "b"), ("ई", "bZ"), ("ईं", "b±"), ("उ", "m"), ("ऊ", "Å"),
    ("ऋ", "_"), ("ए", ","), ("ऐ", ",s"), ("ओ", "vks"), ("औ", "vkS"), ("ऑ", "v‚"),
    # vowel signs and other marks
    ("ा", "k"), ("ी", "h"), ("ु", "q"), ("ू", "w"), ("ृ", "`"), ("े", "s"), ("ै", "S"),
    ("ो", "ks"), ("ौ", "kS"), ("ॉ", "‚"), ("ॅ", "W"), ("ं", "a"), ("ँ", "¡"), ("ः", "%"),
    ("्", "~"), ("़", "+"), ("ऽ", "·"), (_I_SIGN, "f"), (_REPH, "Z"), ("ं" + _REPH, "±"),
    # consonants: full form, then half form (consonant + virama) where the font has one
    ("क", "d"), ("क्", "D"), ("ख", "[k"), ("ख्", "["), ("ग", "x"), ("ग्", "X"),
    ("घ", "?k"), ("घ्", "?"), ("ङ", "³"), ("च", "p"), ("च्", "P"), ("छ", "N"),
    ("ज", "t"), ("ज्", "T"), ("झ", ">"), ("झ्", "÷"), ("ञ", "¥"), ("ट", "V"), ("ठ", "B"),
    ("ड", "M"), ("ढ", "<"), ("ण", ".k"), ("ण्", "."), ("त", "r"), ("त्", "R"),
    ("थ", "Fk"), ("थ्", "F"), ("द", "n"), ("ध", "/k"), ("ध्", "/"), ("न", "u"), ("न्", "U"),
    ("प", "i"), ("प्", "I"), ("फ", "Q"), ("फ्", "¶"), ("ब", "c"), ("ब्", "C"),
    ("भ", "Hk"), ("भ्", "H"), ("म", "e"), ("म्", "E"), ("य", ";"), ("य्", "¸"), ("र", "j"),
    ("ल", "y"), ("ल्", "Y"), ("ळ", "G"), ("व", "o"), ("व्", "O"), ("श", "'k"), ("श्", "'"),
    ("ष", '"k'), ("ष्", '"'), ("स", "l"), ("स्", "L"), ("ह", "g"),
    # conjuncts and consonant + vowel ligatures with glyphs of their own
    ("क्ष", "{k"), ("क्ष्", "{"), ("त्र", "="), ("त्र्", "«"), ("ज्ञ", "K"), ("श्र", "J"),
    ("द्ध", ")"), ("द्व", "}"), ("द्य", "|"), ("ह्म", "ã"), ("ह्य", "á"), ("हृ", "â"),
    ("ह्न", "à"), ("ह्र", "º"), ("क्र", "Ø"), ("फ्र", "Ý"), ("त्त", "Ùk"), ("त्त्", "Ù"),
    ("क्त", "Dr"), ("ट्ट", "ê"), ("ट्ठ", "ë"), ("ड्ड", "ì"), ("ड्ढ", "ï"), ("द्द", "í"),
    ("दृ", "–"), ("कृ", "—"), ("रु", "#"), ("रू", ":"),
    # rakar (्र) and ya-phala (्य) under consonants without a vertical stem
    ("्र", "z"), ("ट्र", "Vª"), ("ड्र", "Mª"), ("ढ्र", "<ª"), ("छ्र", "Nª"), ("्य", "î"),
    # digits and punctuation
    ("०", "å"), ("१", "ƒ"), ("२", "„"), ("३", "…"), ("४", "†"), ("५", "‡"), ("६", "ˆ"),
    ("७", "‰"), ("८", "Š"), ("९", "‹"), ("।", "A"), ("॥", "AA"), (",", "]"), (".", "-"),
    ("-", "&"), ("?", "\\"), ("(", "¼"), (")", "½"), ("{", "¿"), ("}", "À"), ("=", "¾"),
    ("‘", "^"), ("’", "*"), ("“", "Þ"), ("”", "ß"), ("/", "@"),
)
# A consonant with a stem takes the rakar under its full form: प्र is "iz", not half प + र.
_FULL = dict(_PAIRS)
_RAKAR = tuple(
    (half[0] + "्र", _FULL[half[0]] + "z")
    for half, _ in _PAIRS
    if len(half) == 2 and half[1] == "्" and half[0] + "्र" not in _FULL
)
_TO_KRUTI = _FULL | dict(_RAKAR)
# "ॉ" is also typed after the stem "k" ("k‚").
_TO_UNICODE = {kruti: uni for uni, kruti in _PAIRS + _RAKAR} | {"k‚": "ॉ"}


def _alternation(keys) -> re.Pattern:
    return re.compile("|".join(re.escape(key) for key in sorted(keys, key=len, reverse=True)))


_KRUTI_GLYPH = _alternation(_TO_UNICODE)
_UNICODE_UNIT = _alternation(_TO_KRUTI)

_C = "[\u0915-\u0939]\u093c?"  # a consonant, with its nukta
_CLUSTER = f"(?:{_C}\u094d)*{_C}"
_SIGNS = "[\u093e-\u094c\u0945\u0949\u0901-\u0903]*"
_DECODED_I = re.compile(f"{_I_SIGN}({_CLUSTER})")
_DECODED_REPH = re.compile(f"({_CLUSTER})({_SIGNS}){_REPH}")
_UNICODE_REPH = re.compile(f"\u0930\u094d({_CLUSTER})({_SIGNS})")
_UNICODE_I = re.compile(f"({_CLUSTER})\u093f")


def krutidev_to_unicode(text: str) -> str:
    """Convert Kruti Dev 010 (or DevLys 010) text to Unicode Devanagari.

    >>> krutidev_to_unicode("ftyk iapk;r dk;ZØe")
    'जिला पंचायत कार्यक्रम'
    """
    text = _KRUTI_GLYPH.sub(lambda m: _TO_UNICODE[m.group()], text)
    text = _DECODED_I.sub("\\1\u093f", text)
    text = _DECODED_REPH.sub("\u0930\u094d\\1\\2", text)
    # The font types a half consonant before its nukta ("T+" = ज़्); Unicode wants ज़्.
    return text.replace("\u094d\u093c", "\u093c\u094d").replace(_REPH, "").replace(_I_SIGN, "")


def unicode_to_krutidev(text: str) -> str:
    """Convert Unicode Devanagari (display form) to Kruti Dev 010; the inverse of the above.

    >>> unicode_to_krutidev("जिला पंचायत कार्यक्रम")
    'ftyk iapk;r dk;ZØe'
    """
    text = text.replace("\u093c\u094d", "\u094d\u093c")
    text = _UNICODE_REPH.sub(f"\\1\\2{_REPH}", text)
    text = _UNICODE_I.sub(f"{_I_SIGN}\\1", text)
    return _UNICODE_UNIT.sub(lambda m: _TO_KRUTI[m.group()], text)


_DEVANAGARI = re.compile("[\u0900-\u097f]")
_MARKER_WORDS = frozenset(
    unicode_to_krutidev(word)
    for word in (
        "का की के को में से ने पर है हैं और भी यह वह इस उस था थे थी एक किया गया गई कहा तक साथ बाद "
        "लिए हुए हुई हुआ नहीं जो कि ये वे अपने अपनी करने जिला"
    ).split()
) - {"us"}  # ने, but also English


def looks_like_krutidev(paragraph: str) -> bool:
    """True when *paragraph* reads as Kruti Dev 010 text (see the module docstring)."""
    if _DEVANAGARI.search(paragraph):
        return False
    words = paragraph.split()
    hits = [word for word in words if word in _MARKER_WORDS]
    return len(set(hits)) >= 2 and len(hits) * 5 >= len(words)


def convert_legacy(text: str) -> str:
    """Convert each paragraph (line) that looks like Kruti Dev 010 to Unicode; keep the rest."""
    if not any(word in _MARKER_WORDS for word in text.split()):
        return text  # the usual case, decided in one pass
    return "\n".join(
        krutidev_to_unicode(line) if looks_like_krutidev(line) else line for line in text.split("\n")
    )

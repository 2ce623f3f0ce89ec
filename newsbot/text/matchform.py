"""The Devanagari *match form*: index terms, entity matching and dedupe keys.

``match_form(text)`` takes the display form and folds it so that every common spelling of a
word meets: ज़िला = जिला, हँस = हंस, हिन्दी = हिंदी, कोऑर्डिनेटर = कोआर्डिनेटर, २०२६ = 2026,
Café = cafe. It is never shown to readers. Each rule below is one small function; rules that
are pure character maps are one ``str.translate`` table each.

The order is fixed and matters: accents, joiners and nuktas are deleted before the nasal rule,
because each deletion can bring a nasal + virama next to its consonant (न्‍द is a half-nasal
too, and ऩ् counts as न्). The display form is re-applied at the end because deleting a mark can
leave text the display form would tidy (a nukta between two apostrophes, an accent between
two spaces); that keeps ``match_form`` idempotent.
"""

import re
import unicodedata

from newsbot.text.display import normalise

__all__ = [
    "match_form",
    "remove_joiners",
    "remove_nukta",
    "chandrabindu_to_anusvara",
    "candra_o_to_aa",
    "nasal_to_anusvara",
    "devanagari_digits_to_ascii",
    "fold_latin",
]

_JOINERS = str.maketrans("", "", "\u200c\u200d")
# NFC keeps the three nukta letters outside U+0958–U+095F precomposed (ऩ ऱ ऴ).
_NUKTA = str.maketrans({"\u093c": None, "\u0929": "\u0928", "\u0931": "\u0930", "\u0934": "\u0933"})
# U+0900 (inverted candrabindu) is a rare variant of the same nasal mark.
_CHANDRABINDU = str.maketrans("\u0900\u0901", "\u0902\u0902")
_CANDRA_O = str.maketrans("\u0911\u0949", "\u0906\u093e")
_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")
# A nasal + virama before a consonant of its own class (velar, palatal, retroflex, dental,
# labial) is pronounced as, and often written as, anusvara.
_NASAL_CLUSTER = re.compile(
    "ङ्(?=[क-घ])|ञ्(?=[च-झ])|ण्(?=[ट-ढ])|न्(?=[त-ध])|म्(?=[प-भ])"
)
_COMBINING_DIACRITICS = re.compile("[\u0300-\u036f]")


def remove_joiners(text: str) -> str:
    """Delete ZWJ/ZWNJ: they only choose how a cluster is drawn (क्‍ष, क्‌ष = क्ष)."""
    return text.translate(_JOINERS)


def remove_nukta(text: str) -> str:
    """Delete the nukta: ज़िला = जिला, फ़ोन = फोन (writers use it inconsistently)."""
    return text.translate(_NUKTA)


def chandrabindu_to_anusvara(text: str) -> str:
    """Chandrabindu → anusvara: हँस = हंस, पाँच = पांच."""
    return text.translate(_CHANDRABINDU)


def candra_o_to_aa(text: str) -> str:
    """ऑ/ॉ → आ/ा, the English 'o' written both ways: कोऑर्डिनेटर = कोआर्डिनेटर, डॉक्टर = डाक्टर."""
    return text.translate(_CANDRA_O)


def nasal_to_anusvara(text: str) -> str:
    """Half nasal before its own class → anusvara: हिन्दी = हिंदी, सम्बन्ध = संबंध, पण्डित = पंडित.

    Only before its own class: अन्य and सम्मान keep their half nasal.
    """
    return _NASAL_CLUSTER.sub("\u0902", text)


def devanagari_digits_to_ascii(text: str) -> str:
    """Devanagari digits → ASCII: २०२६ = 2026."""
    return text.translate(_DIGITS)


def fold_latin(text: str) -> str:
    """Lower-case and drop accents (the U+0300–U+036F marks): Café = cafe.

    Devanagari signs live in U+0900–U+097F and are untouched.
    """
    decomposed = unicodedata.normalize("NFD", text.lower())
    return unicodedata.normalize("NFC", _COMBINING_DIACRITICS.sub("", decomposed))


_RULES = (
    fold_latin,
    remove_joiners,
    remove_nukta,
    chandrabindu_to_anusvara,
    candra_o_to_aa,
    nasal_to_anusvara,
    devanagari_digits_to_ascii,
)


def match_form(text: str) -> str:
    """Return the match form of *text*: the display form with every rule above applied.

    >>> match_form("ज़िला हँस हिन्दी कोऑर्डिनेटर २०२६ Café")
    'जिला हंस हिंदी कोआर्डिनेटर 2026 cafe'
    """
    text = normalise(text)
    for rule in _RULES:
        text = rule(text)
    return normalise(text)

"""The Devanagari *display form*: the text we store, show and export.

``normalise(text)`` is idempotent and never raises on any ``str``. It keeps what the publisher
wrote (letters, punctuation, typographic quotes and dashes) and removes only what is invisible
or broken. Folding spellings together is the match form's job (``newsbot.text.matchform``).

Steps, in order:

1. Line breaks: CRLF, CR, NEL, VT, FF and U+2028 become ``\\n``; U+2029 (paragraph separator)
   becomes ``\\n\\n``.
2. Invisible and broken characters are deleted: C0/C1 controls (``\\t`` becomes a space, ``\\n``
   stays), ZWSP, BOM (U+FEFF) and U+FFFE, soft hyphen, word joiner, invisible operators,
   bidi marks/embeddings/isolates, Mongolian vowel separator, and lone surrogates (SQLite
   cannot encode them).
3. NFC. NFC decomposes the precomposed nukta letters U+0958–U+095F into base + nukta.
4. ZWJ/ZWNJ are kept only between a Devanagari consonant + virama and a following consonant,
   where they choose the rendering (ZWJ: half form ``क्‍ष``; ZWNJ: explicit virama ``क्‌ष``).
   Anywhere else they change nothing visible and are dropped. A run of joiners keeps its first.
5. indic-nlp-library's Hindi normaliser, applied only to the text *between* characters it
   mangles: ':' (it turns "नई दिल्ली:" into "नई दिल्लीः" and "१०:३०" into "१०ः३०"), '|' (it makes
   every "Home | News" a danda), typographic quotes “ ” ‘ ’ „ ‚ (it flattens them to ASCII),
   dashes – — (it turns "—" into " - "), "…", "ॲ" (it rewrites it as "ए") and the joiners
   kept in step 4 (it deletes every one). What it still does for us: deletes the joiners not
   kept, and tidies typing slips (´ → ', '' → ").
6. Whitespace: every space separator (NBSP, thin space …) becomes ' ', runs of spaces collapse,
   each line is stripped, three or more newlines collapse to two (paragraphs are separated by
   a blank line), and the text is stripped. Then NFC once more.

Typographic quotes are kept: they are the publisher's, readers see them, and the search
tokenizer ignores punctuation anyway. Colons and pipes are kept as typed: whether ':' is a
mistyped visarga ("दु:ख") or a dateline ("नई दिल्ली:") cannot be told apart reliably.
"""

import re
import unicodedata

from indicnlp.normalize.indic_normalize import IndicNormalizerFactory

__all__ = ["normalise"]

_HINDI = IndicNormalizerFactory().get_normalizer("hi")

_ZWNJ, _ZWJ = "\u200c", "\u200d"
_CONSONANT = "\u0915-\u0939\u0958-\u095f\u0978-\u097f"
_VIRAMA, _NUKTA = "\u094d", "\u093c"

_LINE_BREAKS = re.compile(r"\r\n|[\r\x85\x0b\x0c\u2028]")


def _deletion_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {c: None for c in range(0x20) if c != 0x0A}
    table.update({c: None for c in range(0x7F, 0xA0)})
    table.update({c: None for c in range(0xD800, 0xE000)})  # lone surrogates
    invisible = "\u00ad\u180e\u200b\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff\ufffe"
    bidi = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    table.update({ord(c): None for c in invisible + bidi})
    table[0x09] = " "
    return table


_DELETE = _deletion_table()
# Every Unicode space separator (category Zs) except ' ' itself.
_SPACES = {
    ord(c): " "
    for c in "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000"
}

_JOINER_RUN = re.compile(f"([{_ZWNJ}{_ZWJ}])[{_ZWNJ}{_ZWJ}]+")
# What indic-nlp must not see. Capturing group: re.split keeps the separators.
_PROTECTED = re.compile(
    "(:|\\||[“”‘’„‚–—…\u0972]"
    f"|(?:(?<=[{_CONSONANT}]{_VIRAMA})|(?<=[{_CONSONANT}]{_NUKTA}{_VIRAMA}))"
    f"[{_ZWNJ}{_ZWJ}](?=[{_CONSONANT}]))"
)
_SPACE_RUN = re.compile(r" {2,}")
_BLANK_LINES = re.compile(r"\n{3,}")


def _indicnlp_between_protected(text: str) -> str:
    parts = _PROTECTED.split(text)
    # Even indexes are the text between protected characters; odd ones are the characters.
    parts[::2] = [_HINDI.normalize(part) if part else part for part in parts[::2]]
    return "".join(parts)


def _tidy_whitespace(text: str) -> str:
    text = _SPACE_RUN.sub(" ", text.translate(_SPACES))
    text = "\n".join(line.strip(" ") for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", text).strip("\n")


def normalise(text: str) -> str:
    """Return the display form of *text* (see the module docstring for every step).

    >>> normalise("नई दिल्ली:\\u00a0 Home | News\\r\\n\\r\\n\\r\\nक्\\u200dष\\u200b")
    'नई दिल्ली: Home | News\\n\\nक्\\u200dष'
    """
    text = _LINE_BREAKS.sub("\n", text).replace("\u2029", "\n\n")
    text = unicodedata.normalize("NFC", text.translate(_DELETE))
    text = _indicnlp_between_protected(_JOINER_RUN.sub(r"\1", text))
    return unicodedata.normalize("NFC", _tidy_whitespace(text))

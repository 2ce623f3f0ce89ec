"""The Devanagari *display form*: the text we store, show and export.

``normalise(text)`` is idempotent and never raises on any ``str``. It keeps what the publisher
wrote (letters, punctuation, typographic quotes and dashes) and removes only what is invisible
or broken. Folding spellings together is the match form's job (``newsbot.text.matchform``).

Steps, in order:

0. Mojibake repaired (``newsbot.text.mojibake``): UTF-8 read as cp1252/Latin-1. First, because
   the step below deletes the C1 characters that such mojibake is made of.
1. Line breaks: CRLF, CR, NEL, VT, FF and U+2028 become ``\\n``; U+2029 (paragraph separator)
   becomes ``\\n\\n``.
2. Invisible and broken characters are deleted: C0/C1 controls (``\\t`` becomes a space, ``\\n``
   stays), ZWSP, BOM (U+FEFF) and U+FFFE, soft hyphen, word joiner, invisible operators,
   bidi marks/embeddings/isolates, Mongolian vowel separator, and lone surrogates (SQLite
   cannot encode them).
3. NFC. NFC decomposes the precomposed nukta letters U+0958–U+095F into base + nukta.
   Then each line typed in the legacy Kruti Dev 010 font is converted (``newsbot.text.krutidev``).
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
   a blank line), and the text is stripped.
7. Punctuation typed with the wrong key (each a function below): ``|`` right after a Devanagari
   letter and before a space is a danda; ``।।`` and ``||`` after Devanagari are a double danda
   ``॥``; no space before a danda, one after it before a word; ``:`` between two Devanagari
   letters, with no space, is a visarga ("दु:ख" → "दुःख"; "नई दिल्ली: …" and "१०:३०" keep their
   colons); ``--`` between spaces is an em dash, U+2010/U+2011 hyphens are ASCII hyphens, and
   two single quotes typed for a double quote (‘‘ ’’) are one double quote. Then NFC once more.

Typographic quotes and dashes are kept: they are the publisher's, readers see them, and the
search tokenizer ignores punctuation anyway; only the typing slips of step 7 are tidied. A colon
or pipe with a space before it is kept as typed: "नई दिल्ली: …", "Home | News".
"""

import re
import unicodedata

from indicnlp.normalize.indic_normalize import IndicNormalizerFactory

from newsbot.text.krutidev import convert_legacy
from newsbot.text.mojibake import repair_mojibake

__all__ = ["normalise", "tidy_danda", "colon_to_visarga", "tidy_dashes_and_quotes"]

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
_LETTER = "\u0904-\u0939\u0958-\u0961\u0972-\u097f"  # Devanagari letters
_SIGN = "\u0900-\u0903\u093a-\u094f\u0955-\u0957\u0962\u0963"  # and the marks after them
_PIPE_DANDA = re.compile(f"(?<=[{_LETTER}{_SIGN}])\\|(?=\\s|$)")
_DOUBLE_DANDA = re.compile(f"\u0964\u0964|(?<=[{_LETTER}{_SIGN}])\\|\\|")
_SPACE_BEFORE_DANDA = re.compile("(?<=[^\\s\u0964\u0965]) +(?=[\u0964\u0965])")
_NO_SPACE_AFTER_DANDA = re.compile("([\u0964\u0965])(?=[\\w\u0900-\u0963])")
_VISARGA_COLON = re.compile(f"(?<=[{_LETTER}{_SIGN}]):(?=[{_LETTER}])")
_DOUBLE_HYPHEN = re.compile("(?<= )-{2,3}(?= )")
_HYPHENS = str.maketrans("\u2010\u2011", "--")
_SPACE_RUN = re.compile(r" {2,}")
_BLANK_LINES = re.compile(r"\n{3,}")


def _indicnlp_between_protected(text: str) -> str:
    parts = _PROTECTED.split(text)
    # Even indexes are the text between protected characters; odd ones are the characters.
    parts[::2] = [_HINDI.normalize(part) if part else part for part in parts[::2]]
    return "".join(parts)


def tidy_danda(text: str) -> str:
    """Dandas as Hindi typists mean them: "कहा| अब" → "कहा। अब", "।।" → "॥", "गया ।" → "गया।".

    A pipe with a space before it ("Home | News") is a separator and stays.
    """
    text = _DOUBLE_DANDA.sub("\u0965", _PIPE_DANDA.sub("\u0964", text))
    return _NO_SPACE_AFTER_DANDA.sub("\\1 ", _SPACE_BEFORE_DANDA.sub("", text))


def colon_to_visarga(text: str) -> str:
    """A colon typed inside a word is a visarga: "दु:ख" → "दुःख", "प्रात:काल" → "प्रातःकाल".

    Only between two Devanagari letters with no space: a colon before a space or a digit is a
    dateline, label or time ("नई दिल्ली: …", "अपडेटेड: 12", "१०:३०") and a visarga typed at a
    word's end ("अत: …") cannot be told from those, so it stays a colon.
    """
    return _VISARGA_COLON.sub("\u0903", text)


def tidy_dashes_and_quotes(text: str) -> str:
    """" -- " → " — ", U+2010/U+2011 → "-", ‘‘ → “ and ’’ → ” (two keys typed for one mark)."""
    text = _DOUBLE_HYPHEN.sub("\u2014", text.translate(_HYPHENS))
    return text.replace("\u2018\u2018", "\u201c").replace("\u2019\u2019", "\u201d")


def _tidy_whitespace(text: str) -> str:
    text = _SPACE_RUN.sub(" ", text.translate(_SPACES))
    text = "\n".join(line.strip(" ") for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", text).strip("\n")


def normalise(text: str) -> str:
    """Return the display form of *text* (see the module docstring for every step).

    >>> normalise("नई दिल्ली:\\u00a0 Home | News\\r\\n\\r\\n\\r\\nक्\\u200dष\\u200b")
    'नई दिल्ली: Home | News\\n\\nक्\\u200dष'
    """
    text = _normalise_once(text)
    # ftfy judges mojibake by its surroundings, so deleting or tidying characters next to it
    # can turn text it left alone into text it repairs: repair the result once more.
    repaired = repair_mojibake(text)
    return text if repaired == text else _normalise_once(repaired)


def _normalise_once(text: str) -> str:
    text = _LINE_BREAKS.sub("\n", repair_mojibake(text)).replace("\u2029", "\n\n")
    text = convert_legacy(unicodedata.normalize("NFC", text.translate(_DELETE)))
    text = _tidy_whitespace(_indicnlp_between_protected(_JOINER_RUN.sub(r"\1", text)))
    text = tidy_dashes_and_quotes(colon_to_visarga(tidy_danda(text)))
    return unicodedata.normalize("NFC", text)

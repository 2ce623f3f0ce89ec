"""Mojibake repair: UTF-8 text that was decoded as cp1252 or Latin-1 somewhere upstream.

Devanagari is three UTF-8 bytes a letter (E0 A4 xx / E0 A5 xx), so "नई" read as cp1252 turns
into "à¤¨à¤ˆ". ftfy (Robyn Speer, Apache-2.0) undoes this, and undoes it only when the result is
clearly better; it also handles the "sloppy" cp1252 that keeps bytes 0x81, 0x8D, 0x8F, 0x90,
0x9D as C1 controls — the bytes of the virama (E0 A5 8D) and the u-sign (E0 A5 81), so Hindi
mojibake nearly always contains them.

Only ``ftfy.fix_encoding`` is used: ftfy's other fixes (straightening curly quotes, expanding
HTML entities, …) would change what the publisher wrote. And it runs only where the text shows
the signature of mojibake (a UTF-8 lead byte read as a Latin character followed by a
continuation byte read as one): clean text, the usual case, never reaches ftfy and costs one
regex scan.
"""

import re

import ftfy

__all__ = ["repair_mojibake"]

# A UTF-8 lead byte (C2–F4) as Latin-1, then a continuation byte (80–BF) as Latin-1 or as
# the character cp1252 puts at that byte.
_SIGNATURE = re.compile("[\u00c2-\u00f4][\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]")


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 → cp1252/Latin-1 mojibake; any other text comes back unchanged.

    >>> repair_mojibake("à¤¨à¤ˆ à¤¦à¤¿à¤²à¥\\x8dà¤²à¥€")
    'नई दिल्ली'
    """
    if not _SIGNATURE.search(text):
        return text
    return ftfy.fix_encoding(text)

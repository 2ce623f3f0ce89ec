"""Bytes → text for HTML pages, or the reason the bytes are not a page we can read.

Order: the HTTP charset the caller passes, a BOM, the page's own meta charset, then UTF-8
(stray Windows-1252 bytes in it - smart quotes, dashes pasted from a word processor - are
repaired with BeautifulSoup's UnicodeDammit.detwingle; other bad bytes are replaced; a mostly
undecodable page is refused), then cp1252 for old Latin pages. Hindi sites often serve UTF-8 under a default "ISO-8859-1" header, so a declared
Western single-byte charset loses to bytes that are valid multi-byte UTF-8.
"""

from __future__ import annotations

import codecs
import re

from bs4 import UnicodeDammit

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"\x1f\x8b", b"PK\x03\x04", b"RIFF", b"\x00\x00\x01\x00")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# Codec names (after _codec_name) of the charsets servers declare by default.
_WESTERN = {"cp1252", "ascii"}
# C0 control characters other than tab, newline, form feed and carriage return: binary data.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
_TAG = re.compile(r"<\s*(!doctype|html|head|body|meta|title|div|p|article|main|section|span|a|h1|table)\b", re.I)
# Share of replaced characters above which a UTF-8 decoding is not "a few bad bytes".
_MAX_BAD_RATIO = 0.01


def decode(html: bytes | str, encoding: str | None = None) -> tuple[str | None, str | None]:
    """(text, None) for a readable HTML page, else (None, reason)."""
    if isinstance(html, str):
        text = html.lstrip("\ufeff")
    else:
        if not html.strip():
            return None, "empty page"
        utf16 = html.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
        if html.startswith(_MAGIC) or (b"\x00" in html[:1024] and not utf16):
            return None, "binary content"
        text = _decode_bytes(html, encoding)
        if text is None:
            return None, "undecodable"
    if not text.strip():
        return None, "empty page"
    if _TAG.search(text[:20000]) is None or _control_ratio(text[:4096]) > 0.05:
        return None, "not HTML"
    return text, None


def _decode_bytes(data: bytes, encoding: str | None) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(name, errors="replace")
    for declared in (encoding, _meta_charset(data)):
        name = _codec_name(declared)
        if name is None:
            continue
        if name in _WESTERN and _is_multibyte_utf8(data):
            return data.decode("utf-8")
        try:
            return data.decode(name)
        except UnicodeDecodeError:
            continue  # a wrong declaration: let the bytes speak
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if bad <= max(3, _MAX_BAD_RATIO * len(text)):
        return (_detwingled(data) or text) if bad else text
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    # Real cp1252 pages are mostly ASCII; a legacy 8-bit Hindi page or random bytes are not.
    high = sum(1 for ch in text if ord(ch) > 127)
    return text if high <= 0.1 * len(text) else None


def _detwingled(data: bytes) -> str | None:
    """UTF-8 whose stray bytes were all Windows-1252 characters, repaired; else None."""
    try:
        return UnicodeDammit.detwingle(data).decode("utf-8")
    except UnicodeDecodeError:
        return None


def _meta_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def _codec_name(label: str | None) -> str | None:
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    return "cp1252" if name in ("latin-1", "iso8859-1") else name  # browsers read Latin-1 as cp1252


def _is_multibyte_utf8(data: bytes) -> bool:
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _control_ratio(text: str) -> float:
    return len(_CONTROL.findall(text)) / max(1, len(text))

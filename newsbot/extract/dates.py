"""Dates as Hindi and English news pages print them, parsed without dateparser.

dateparser reads "IST" as Israel time and fails when a label such as "अपडेटेड:" leads
(DESIGN "Known traps"), so this module searches for a date inside the text instead of parsing
the whole string, and reads IST as +05:30. A date without an offset is Indian time.

>>> parse_date("अपडेटेड: 20 नव॰ 2026, 05:30 PM IST").isoformat()
'2026-11-20T17:30:00+05:30'
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone

from newsbot.items import IST

# Month names and abbreviations, nukta-free (the text is folded the same way before matching).
_MONTHS = {
    1: ("जनवरी", "जन", "january", "jan"),
    2: ("फरवरी", "फर", "february", "feb"),
    3: ("मार्च", "मार", "march", "mar"),
    4: ("अप्रैल", "अप्रेल", "अप्रै", "april", "apr"),
    5: ("मई", "may"),
    6: ("जून", "june", "jun"),
    7: ("जुलाई", "जुला", "जुल", "july", "jul"),
    8: ("अगस्त", "अग", "august", "aug"),
    9: ("सितंबर", "सितम्बर", "सित", "september", "sept", "sep"),
    10: ("अक्टूबर", "अक्तूबर", "अक्टू", "अक्तू", "october", "oct"),
    11: ("नवंबर", "नवम्बर", "नव", "november", "nov"),
    12: ("दिसंबर", "दिसम्बर", "दिस", "december", "dec"),
}
_MONTH_OF = {name: num for num, names in _MONTHS.items() for name in names}
# Longest first, so "जुलाई" wins over "जुल"; the lookahead stops "mar" matching inside "march" tails
# and a Devanagari abbreviation matching the start of a longer word ("नव" in "नवीन").
_MONTH_RE = (
    "(" + "|".join(sorted(map(re.escape, _MONTH_OF), key=len, reverse=True)) + ")"
    r"(?![a-z\u0900-\u0963\u0966-\u097f])\.?"
)
# Nukta letters (precomposed and combining) fold to their base letter, Devanagari digits to ASCII;
# "॰" is an abbreviation point.
_FOLD = str.maketrans(
    {"\u093c": None, "\u0958": "क", "\u0959": "ख", "\u095a": "ग", "\u095b": "ज", "\u095c": "ड",
     "\u095d": "ढ", "\u095e": "फ", "\u095f": "य", "\u0970": ".", "\\": None, "\xa0": " ",
     **{chr(0x0966 + d): str(d) for d in range(10)}}
)

_ISO = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(z|[+-]\d{2}:?\d{2})?"
)
_DAY_MONTH_YEAR = re.compile(r"(?<!\d)(\d{1,2})(?:st|nd|rd|th)?[\s\-]*" + _MONTH_RE + r"[\s,\-]*(\d{4})")
_MONTH_DAY_YEAR = re.compile(_MONTH_RE + r"\s*(\d{1,2})(?:st|nd|rd|th)?,?\s*(\d{4})")
# Indian pages write numeric dates day first.
_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?!\d)")
_TIME = re.compile(r"(?<!\d)(\d{1,2})[:.](\d{2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.|पूर्वाह्न|अपराह्न)?")
_ZONE = re.compile(r"\b(ist|gmt|utc)\b|(?<![\d:])([+-])(\d{2}):?(\d{2})\b")
# "पहले" / "ago" after a count: a page that prints only how long ago it published.
_RELATIVE = re.compile(r"(\d+)\s*(मिनट|minutes?|mins?|घंटे|घंटा|hours?|hrs?|दिन|days?)\s*(पहले|ago)")
_RELATIVE_UNIT = {"मिनट": "minutes", "min": "minutes", "घंट": "hours", "hour": "hours", "hr": "hours",
                  "दिन": "days", "day": "days"}
_UPDATED = re.compile(r"(अपडेट|updated|modified|संशोधित)", re.I)
_DATE_WORDS = re.compile(
    r"\b(updated|published|posted|modified|last|on|at|ist|gmt|utc|am|pm|sun|mon|tue|wed|thu|fri|sat)[a-z]*\b|"
    r"अपडेटेड|अपडेट|प्रकाशित|पब्लिश्ड|बजे|(रवि|सोम|मंगल|बुध|गुरु|शुक्र|शनि)वार"
)
_LABELLED = re.compile(r"\b(updated|published|posted|ist|gmt|utc|am|pm)\b|अपडेट|प्रकाशित|पब्लिश्ड|बजे")


def fold(text: str) -> str:
    """Lower-case, ASCII digits, nukta-free: the form every pattern here matches against."""
    return text.translate(_FOLD).lower()


def parse_date(text: str | None, default_tz: timezone = IST) -> datetime | None:
    """The first date (with its time and zone, when printed) found in `text`, timezone-aware."""
    if not text:
        return None
    s = fold(text)
    m = _ISO.search(s)
    if m:
        year, month, day, hour, minute, second, zone = m.groups()
        tz = _offset(zone, default_tz)
        return _build(year, month, day, hour or 0, minute or 0, second or 0, tz)
    for pattern, order in ((_DAY_MONTH_YEAR, "dmy"), (_MONTH_DAY_YEAR, "mdy"), (_NUMERIC, "dmy")):
        m = pattern.search(s)
        if m is None:
            continue
        parts = dict(zip(order, m.groups(), strict=True))
        month = _MONTH_OF.get(parts["m"].rstrip(".")) if not parts["m"].isdigit() else parts["m"]
        rest = s[m.end():]
        hour = minute = second = 0
        t = _TIME.match(rest.lstrip(" ,|-–—at@बजे(")) or _TIME.search(rest[:40])
        if t:
            hour, minute, second = int(t[1]), int(t[2]), int(t[3] or 0)
            hour = _twelve_hour(hour, t[4])
        zone = _ZONE.search(rest[:60]) or _ZONE.search(s[: m.start()])
        return _build(parts["y"], month, parts["d"], hour, minute, second, _zone_of(zone, default_tz))
    return None


def parse_relative(text: str | None, now: datetime) -> datetime | None:
    """"3 घंटे पहले" / "3 hours ago" resolved against `now` (the crawl time)."""
    if not text:
        return None
    m = _RELATIVE.search(fold(text))
    if m is None:
        return None
    unit = next(v for k, v in _RELATIVE_UNIT.items() if m[2].startswith(k))
    return now - timedelta(**{unit: int(m[1])})


def is_date_line(text: str) -> bool:
    """True for a line that only prints when (and maybe where) a story was filed.

    "नई दिल्ली | 08 अक्टूबर 2020, 11:24 PM IST" and "12:55 PM (6 दिन पहले)" are; a subheading
    that mentions a date ("1 सितंबर 2024 को हुई चोरी") is not: a date without a time or label
    may leave no other word.
    """
    if len(text) > 80:
        return False
    s = fold(text)
    dates = [p for p in (_ISO, _DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _NUMERIC, _RELATIVE) if p.search(s)]
    if not dates and not _TIME.search(s):
        return False
    labelled = _LABELLED.search(s) is not None or _TIME.search(s) is not None
    for pattern in (*dates, _TIME, _ZONE, _DATE_WORDS):
        s = pattern.sub(" ", s)
    residue = len(re.findall(r"[^\W\d_]", s))
    return residue <= (20 if dates and labelled else 3 if dates else 0)


def updated_label(text: str) -> re.Match | None:
    """Where a printed date is labelled as the update time ("अपडेटेड:", "Updated"), if it is."""
    return _UPDATED.search(text)


def _twelve_hour(hour: int, marker: str | None) -> int:
    if marker in ("pm", "p.m.", "अपराह्न") and hour < 12:
        return hour + 12
    if marker in ("am", "a.m.", "पूर्वाह्न") and hour == 12:
        return 0
    return hour


def _offset(zone: str | None, default_tz: timezone) -> timezone:
    if not zone:
        return default_tz
    if zone == "z":
        return UTC
    sign = -1 if zone[0] == "-" else 1
    digits = zone[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def _zone_of(m: re.Match | None, default_tz: timezone) -> timezone:
    if m is None:
        return default_tz
    if m[1]:
        return IST if m[1] == "ist" else UTC
    return _offset(m[2] + m[3] + m[4], default_tz)


def _build(year, month, day, hour, minute, second, tz) -> datetime | None:
    try:
        value = datetime(int(year), int(month), int(day), int(hour), int(minute), int(second), tzinfo=tz)
    except (TypeError, ValueError):
        return None
    return value if 1990 <= value.year <= 2100 else None

"""What the templates need beyond the records: names marked in an article's text, a safe link
to the source, and the geometry of the per-month timeline (an SVG drawn by the template)."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

TIMELINE_HEIGHT = 80
TIMELINE_WIDTH = 640  # bars share this, each 4 to 48 px wide
TIMELINE_GAP = 2
LABEL_WIDTH = 48  # room one "2026-11" label needs


def marked_segments(article: dict) -> list[tuple[str, int | None]]:
    """The article text cut into (piece, person id or None): every printed spelling of every
    person the analysis found is a piece of its own, so the page can mark and link it."""
    spellings = {spelling: person["id"] for person in article["people"] for spelling in person["spellings"]}
    if not spellings:
        return [(article["text"], None)]
    # Longest first, so "संजीव आनंद" wins over a person registered as "आनंद".
    pattern = re.compile("|".join(re.escape(name) for name in sorted(spellings, key=len, reverse=True)))
    segments, last = [], 0
    for match in pattern.finditer(article["text"]):
        if match.start() > last:
            segments.append((article["text"][last:match.start()], None))
        segments.append((match.group(), spellings[match.group()]))
        last = match.end()
    if last < len(article["text"]):
        segments.append((article["text"][last:], None))
    return segments


def safe_href(url: str | None) -> str | None:
    """*url* when it is an http(s) link, else None (no javascript: or data: from a page)."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def month_end(month: str) -> str:
    """The last day of a "YYYY-MM" month, as an ISO date."""
    year, number = int(month[:4]), int(month[5:7])
    return f"{month}-{calendar.monthrange(year, number)[1]:02d}"


@dataclass
class Bar:
    month: str
    count: int
    x: int
    y: int
    height: int


def timeline(months: list[tuple[str, int]]) -> dict | None:
    """Bars for (month, count) pairs, scaled to the busiest month; None when there are none."""
    if not months:
        return None
    top = max(count for _, count in months) or 1
    width = max(4, min(48, TIMELINE_WIDTH // len(months) - TIMELINE_GAP))
    bars = []
    for position, (month, count) in enumerate(months):
        height = round(count / top * TIMELINE_HEIGHT) if count else 0
        bars.append(Bar(month, count, position * (width + TIMELINE_GAP), TIMELINE_HEIGHT - height, height))
    # Labels under the first bar and then as often as they fit without overlapping.
    step = -(-(LABEL_WIDTH + 4) // (width + TIMELINE_GAP))
    return {"bars": bars, "width": max(len(months) * (width + TIMELINE_GAP), LABEL_WIDTH), "height": TIMELINE_HEIGHT,
            "bar": width, "labels": bars[::step], "top": top}

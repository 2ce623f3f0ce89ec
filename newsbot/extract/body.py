"""Locate the article body in the parsed page and read it as paragraphs.

Text is read as a browser lays it out: every block element (p, div, h2, li, br ...) ends a
line, inline elements (a, strong, span) join it. So pages that put paragraphs as bare text
between <p></p> and <h2> (Dainik Jagran) read the same as pages with one <p> per paragraph.

The body is the profile's body_selector, else a well-known container (itemprop=articleBody,
.entry-content, .td-post-content, ...), else the block that collects most paragraph text
(Readability-style: a paragraph scores its parent fully and its grandparent half), widened to
its parent while the parent holds much more paragraph text (a lead <p> outside the main div).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree
from lxml.cssselect import CSSSelector

from newsbot.extract.clean import end_at_rights_notice, is_boilerplate_line, strip_desk_prefix
from newsbot.extract.dates import fold

BLOCK_TAGS = frozenset(
    "address article aside blockquote br center dd details div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul".split()
)
# Lines from these are paragraphs or subheadings even when short; other lines must look like prose.
PROSE_TAGS = frozenset({"p", "blockquote", "pre", "h2", "h3", "h4", "h5", "h6"})
KNOWN_CONTAINERS = tuple(
    CSSSelector(s)
    for s in (
        '[itemprop="articleBody"]', ".entry-content", ".td-post-content", ".article-body", ".articleBody",
        ".story-content", ".story-body", ".post-content", ".article-content", ".article__content",
        ".post-body", ".news-content", ".story-details", ".article-desc",
    )
)
MIN_CONTAINER_TEXT = 150  # chars of paragraph text a known container must hold to be trusted
_LETTER = re.compile(r"[^\W\d_]")
_SENTENCE_END = re.compile(r"[।॥.!?|\"'”’)]$")


@dataclass(slots=True)
class Line:
    text: str
    tag: str  # the block element the text belongs to
    owner: etree._Element
    link_chars: int

    @property
    def link_density(self) -> float:
        return self.link_chars / max(1, len(self.text))


def flow(root) -> list[Line]:
    """The text under `root` as lines, one per run of inline content between block boundaries."""
    lines: list[Line] = []
    pieces: list[tuple[str, bool]] = []
    owners = [root]
    links = 0

    def flush() -> None:
        if pieces:
            text = " ".join("".join(p for p, _ in pieces).split())
            if text:
                link_chars = sum(len(p.strip()) for p, in_link in pieces if in_link)
                owner = owners[-1]
                lines.append(Line(text, owner.tag if isinstance(owner.tag, str) else "", owner, link_chars))
            pieces.clear()

    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else None
        if event == "start":
            if tag in BLOCK_TAGS:
                flush()
                owners.append(el)
            if tag == "a":
                links += 1
            if tag and el.text:
                pieces.append((el.text, links > 0))
        else:
            if tag == "a":
                links -= 1
            if tag in BLOCK_TAGS:
                flush()
                owners.pop()
            if el is not root and el.tail:
                pieces.append((el.tail, links > 0))
    flush()
    return lines


def locate(doc, selector=None) -> tuple[etree._Element | None, int]:
    """(body element, number of known containers holding text: more than one suggests a listing)."""
    # A profile's own selector is trusted with any text; a well-known class needs some.
    for select, least in ((selector, 1), *((known, MIN_CONTAINER_TEXT) for known in KNOWN_CONTAINERS)):
        if select is None:
            continue
        sized = [(el, n) for el in select(doc) if (n := _paragraph_chars(el)) >= least]
        if sized:
            return max(sized, key=lambda pair: pair[1])[0], len(sized)
    body = doc.find("body")
    return by_density(body if body is not None else doc), 0


def by_density(root) -> etree._Element | None:
    """The block collecting most paragraph text, widened while its parent holds much more."""
    score: dict = {}
    mass: dict = {}
    for line in flow(root):
        if not _is_paragraph(line):
            continue
        weight = len(line.text)
        unit = line.owner
        # Text straight inside a div is its own paragraph container; a <p>'s container is its parent.
        holder = unit if line.tag not in PROSE_TAGS and line.tag != "li" else unit.getparent()
        if holder is None:
            continue
        score[holder] = score.get(holder, 0) + weight
        parent = holder.getparent()
        if parent is not None:
            score[parent] = score.get(parent, 0) + weight / 2
        for el in (unit, *unit.iterancestors()):
            mass[el] = mass.get(el, 0) + weight
    if not score:
        return None
    best = max(score, key=score.get)
    while (parent := best.getparent()) is not None and parent.tag not in ("body", "html"):
        if mass.get(parent, 0) - mass.get(best, 0) < 0.25 * mass.get(best, 0):
            break
        best = parent
    return best


def paragraphs(
    container, title: str | None = None, line_patterns: tuple[re.Pattern, ...] = (), captions: tuple[str, ...] = ()
) -> tuple[list[str], str | None]:
    """(the body paragraphs under `container`, the desk byline that opened the first one, if any).

    Boilerplate lines are dropped and duplicates removed. Lines before the h1 (breadcrumbs,
    kickers) are not body; nor are image captions, which repeat the image's alt text
    (`captions`, folded), nor anything after a rights notice.
    """
    lines = flow(container)
    h1_at = next((i for i, line in enumerate(lines) if line.tag == "h1"), None)
    if h1_at is not None and any(_is_paragraph(line) for line in lines[h1_at + 1:]):
        lines = lines[h1_at + 1:]
    out: list[str] = []
    seen = {fold(title)} if title else set()
    for line in lines:
        text = line.text
        if line.tag == "h1" or not _LETTER.search(text) or line.link_density > 0.5:
            continue
        if line.tag not in PROSE_TAGS and not _looks_like_prose(text):
            continue
        if len(text) < 15 and " " not in text:
            continue  # a lone word: a label ("विस्तार") or a kicker, not a paragraph
        if is_boilerplate_line(text, line_patterns):
            continue
        key = fold(text) if len(text) <= 200 else text  # folding long paragraphs costs time and finds no more
        if key in seen or (len(key) <= 200 and any(key in caption for caption in captions)):
            continue
        seen.add(key)
        out.append(text)
    desk = None
    if out:
        out[0], desk = strip_desk_prefix(out[0])
        if not _LETTER.search(out[0]):
            out.pop(0)
    return end_at_rights_notice(out), desk


def _looks_like_prose(text: str) -> bool:
    return len(text) >= 40 or (len(text) >= 15 and _SENTENCE_END.search(text) is not None)


def _is_paragraph(line: Line) -> bool:
    return line.tag != "h1" and len(line.text) >= 25 and line.link_density < 0.33


def _paragraph_chars(el) -> int:
    return sum(len(line.text) for line in flow(el) if _is_paragraph(line))

"""Lists whose post is stated once for all of them, in the plural or in a headline.

- PLURAL_LIST "नवनियुक्त जिलाध्यक्षों में A, B और C शामिल हैं": each holds the post (appointed
  when the sentence says नवनियुक्त or announces a list);
- NAME_PLACE "A बेलवा, B सोनपुर, C मधुबन के होंगे जिलाध्यक्ष", "A बेलवा और B सोनपुर के
  जिलाध्यक्ष बने" (headlines): each name with its place;
- NAME_LINE a line or sentence of names only, after a sentence announcing a list of a post
  ("जिलाध्यक्षों की सूची जारी की", "घोषित किए 12 जिलाध्यक्ष"): "A – रामनगर", "इसमें A, B और C
  के नाम हैं", "इसमें रामनगर से A, सोनपुर से B … के नाम शामिल हैं", "रामनगर – A", "A (रामनगर)". The
  announcement holds for the next ANNOUNCED_FOR sentences, and for names after a colon in its
  own sentence (COLON_LIST "जिलाध्यक्षों के नाम इस प्रकार हैं: A (रामनगर), B (सोनपुर)").
"""

from __future__ import annotations

import re

from newsbot.people.frames import NL, ROLES
from newsbot.people.names import clean, names_in
from newsbot.people.roles import Fact, role_fact
from newsbot.people.units import TaggedSentence

PLURAL_POST = re.compile(r"n?(?P<post>[LsR]*r)|#(?P<count>[Ls]*R)")
# NEW_POSTS "घोषित किए नए जिलाध्यक्ष", "नए जिलाध्यक्ष घोषित": with no plural post, नए before a
# post, with a list word, is plural enough.
NEW_POSTS = re.compile(r"x(?P<post>[Ls]*R)")
_NEW = frozenset({"नए", "नये"})
PLURAL_LIST = re.compile(rf"(?P<new>n)?(?P<post>[Ls]*r)(?:Kxm|m)(?P<nl>{NL})")
NAME_PLACE_ITEM = re.compile(r"H*(?:w{1,4}F|w{2,5})")
NAME_PLACE = re.compile(rf"(?P<items>{NAME_PLACE_ITEM.pattern}(?:(?:,C?|C){NAME_PLACE_ITEM.pattern})+)"
                        rf"K(?:Z(?P<post>{ROLES})|(?P<post2>{ROLES})Y?V)")
# A name of two words at least, maybe "– PLACE" or "(PLACE)" after it, "PLACE से" or "PLACE –"
# before it.
NAME_ITEM = r"(?:[Fw]{1,2}[S.])?H*ww+(?:\.[Fw]{1,2}|\([Fw]{1,2}\))?"
NAME_LINE = re.compile(rf"[xm]{{0,2}}(?P<items>{NAME_ITEM}(?:(?:,C?|C){NAME_ITEM})*)(?:Kx{{0,3}})?[.,]?$")
NAME_LINE_ITEM = re.compile(r"(?:(?P<home>[Fw]{1,2})[S.])?(?P<name>H*ww+)(?:\.(?P<place>[Fw]{1,2})|\((?P<bracket>[Fw]{1,2})\))?")
# Words that announce a list: सूची, घोषणा, नियुक्ति ...; नवनियुक्त is the tag n. A charge
# without a post during an announcement ("X को रायपुर जिले का प्रभार दिया") gives its post.
_LIST_WORDS = frozenset({"सूची", "लिस्ट", "घोषणा", "घोषित", "जारी", "नाम", "नामों", "नियुक्ति",
                         "नियुक्तियां", "नियुक्तियों", "मनोनयन"})
ANNOUNCED_FOR = 3
_PLURAL_DISPLAY = (("ियों", "ी"), ("ों", ""))


def singular(post: str) -> str:
    """"जिलाध्यक्षों" -> "जिलाध्यक्ष", "प्रभारियों" -> "प्रभारी"."""
    for plural, single in _PLURAL_DISPLAY:
        if post.endswith(plural):
            return post[:-len(plural)] + single
    return post


def announcement(sentence: TaggedSentence, text: str) -> str | None:
    """The post of a list this sentence announces, in the singular, if it announces one."""
    tags = sentence.tags()
    if "n" not in tags and not any(token.key in _LIST_WORDS for token in sentence.tokens):
        return None
    match = PLURAL_POST.search(tags) or next(
        (m for m in NEW_POSTS.finditer(tags) if sentence.key_of(m.start()) in _NEW), None)
    if match is None:
        return None
    group = "count" if "count" in match.groupdict() and match.group("count") else "post"
    return singular(sentence.printed(text, *match.span(group)))


def list_facts(sentence: TaggedSentence, text: str, announced: str | None) -> list[Fact]:
    """The people of this sentence's lists; *announced* is the post of a list announced just
    before (see the module docstring)."""
    tags = sentence.tags()
    found: list[Fact] = []
    for match in PLURAL_LIST.finditer(tags):
        post = singular(sentence.printed(text, *match.span("post")))
        appointed = bool(match.group("new")) or announced is not None
        found += [Fact(name, post, appointed=appointed, names=units) for name, units in names_in(sentence, *match.span("nl"))]
    for match in NAME_PLACE.finditer(tags):
        role = role_fact(sentence, text, *match.span("post" if match.group("post") else "post2"))
        role.jurisdiction = None  # "… C मधुबन के ROLE बने": the last item's place, not the post's
        for item in NAME_PLACE_ITEM.finditer(tags, *match.span("items")):
            found += _name_and_place(sentence, text, role, *item.span())
    line = NAME_LINE.match(tags) if announced and not found else None
    own = announcement(sentence, text) if line is None and not found and "." in tags[:-1] else None
    if own is not None:  # COLON_LIST "जिलाध्यक्षों के नाम इस प्रकार हैं: A (बेलवा), B (सोनपुर)"
        announced = own
        line = next((NAME_LINE.match(tags, i + 1) for i, unit in enumerate(sentence.units[:-1])
                     if unit.tag == "." and sentence.tokens[unit.first].text == ":" and NAME_LINE.match(tags, i + 1)), None)
    if line is not None:
        for item in NAME_LINE_ITEM.finditer(tags, *line.span("items")):
            for name, units in names_in(sentence, *item.span("name")):
                where = next((group for group in ("place", "bracket", "home") if item.group(group)), None)
                place = sentence.printed(text, *item.span(where)) if where else None
                found.append(Fact(name, announced, jurisdiction=place, appointed=True, names=units))
    return found


def _name_and_place(sentence: TaggedSentence, text: str, role: Fact, start: int, stop: int) -> list[Fact]:
    """"A बेलवा": the last word is the place when it is a known place or the item has three
    words or more."""
    if sentence.units[stop - 1].tag == "F" or stop - start >= 3:
        place, stop = sentence.printed(text, stop - 1, stop), stop - 1
    else:
        place = None
    while sentence.units[start].tag == "H":
        start += 1
    name = clean(sentence, start, stop)
    return [] if name is None else [Fact(name[0], role.role, role.org, place, role.party, True, names=name[1])]

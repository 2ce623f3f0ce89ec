"""Charges: a कमान, जिम्मेदारी, दायित्व or प्रभार handed over (tag J, then G for the handing
over), an appointment whose post is the charge's, or the head of what is handed over.

- ROLE_CHARGE "ROLE की कमान/जिम्मेदारी X को (उन्हें) सौंपी", "ROLE की जिम्मेदारी अब X
  संभालेंगे": the post named before the charge;
- GIVEN "X को मिली ROLE की कमान", "X को मिला ROLE का पद" (headlines);
- CHARGE "X को पार्टी की कमान सौंपी", "बेलवा जिले की कमान X को सौंपी", "X को मिली युवा
  कांग्रेस की कमान": appointed, the post named elsewhere in the text, else the head of what is
  handed over (``head_of_charge``: अध्यक्ष of the org, जिला अध्यक्ष of the district, प्रभारी of
  a place's प्रभार);
- GAPPED_CHARGE "A को बेलवा, B को सोनपुर तथा C को मधुबन की कमान मिली": each its place;
- HANDS "जिले की कमान (अब) X के हाथ(ों में)": given to X, as with को;
- CHARGE_LIST "रामनगर की कमान A को, सोनपुर की जिम्मेदारी B को और मधुबन की कमान C को सौंपी":
  each item a charge of its own, the verb once at the end;
- HELD "ROLE की जिम्मेदारी X के पास (थी)": held, not given.
"X को ROLE की जिम्मेदारी सौंपी", whose post is printed before the charge word, is an object
frame (appointments.OBJECT_FIRST).
"""

from __future__ import annotations

import re

from newsbot.people.frames import GAP, NL, ROLES, appointed, held, pair, roles_in
from newsbot.people.names import names_in
from newsbot.people.roles import JUR, ROLE, Fact
from newsbot.people.tokens import key
from newsbot.people.units import TaggedSentence

HEAD = "अध्यक्ष"  # the post of whoever is given the कमान of an org or level
IN_CHARGE = "प्रभारी"  # of whoever is given its प्रभार
# The level handed over (its oblique form as printed) and the level of its head.
_LEVELS = {key(word): level for word, level in (
    ("जिले", "जिला"), ("जिला", "जिला"), ("जनपद", "जिला"), ("प्रदेश", "प्रदेश"), ("राज्य", "प्रदेश"),
    ("महानगर", "महानगर"), ("नगर", "नगर"), ("शहर", "शहर"), ("ब्लॉक", "ब्लॉक"), ("प्रखंड", "प्रखंड"),
    ("मंडल", "मंडल"), ("विधानसभा", "विधानसभा"))}

# ROLE की कमान X को (उन्हें) सौंपी; ROLE की जिम्मेदारी अब X संभालेंगे; HANDS "ROLE की कमान
# (अब) X के हाथ(ों में)"
ROLE_CHARGE = re.compile(
    rf"(?P<roles>{ROLE}){JUR}?(?:Y?KJ[x#EL]{{0,3}}F{{0,2}}x?(?:{ROLE})?(?:(?P<nl>{NL})O|(?P<pronoun>U)){GAP}[GV]"
    rf"|Y?KJx{{0,2}}(?P<nl2>{NL})(?:g|K(?P<hand>x)))")
# X को मिली ROLE की कमान (headlines); X को मिला ROLE का पद
GIVEN = re.compile(rf"(?P<nl>{NL})OG[PpFwK]{{0,3}}?(?P<roles>{ROLES})K[JY]")
# की कमान X को सौंपी; X को पार्टी की कमान सौंपी; X को मिली युवा मोर्चा की कमान; CHARGE_LIST
CHARGE_ITEM = rf"[FwLs]{{1,3}}KJx{{0,2}}{NL}O"
CHARGE = re.compile(rf"(?:J[x#EL]{{0,3}}(?P<nl>{NL})O(?:(?:,C?|C){CHARGE_ITEM})*|(?P<nl2>{NL})O[xSPpFwK#N]{{0,5}}?J){GAP}G"
                    rf"|(?P<nl3>{NL})OG[PpLsFwK]{{1,5}}?J|J[x#EL]{{0,3}}(?P<nl4>{NL})K(?P<hand>x)"
                    rf"|(?P<nl5>{NL})O[xPpLsFwK]{{0,5}}?J\.?$")
# (headlines) "X को बेलवा की जिम्मेदारी", "A की जगह X को कमान": the verb left out at the end.
# HANDS "भाजयुमो / जिले की कमान (अब) X के हाथ", "… X के हाथों में सौंपी": handed to X.
_HANDS = frozenset({"हाथ", "हाथों"})
CHARGE_ITEM_RE = re.compile(rf"J[x#EL]{{0,3}}(?P<nl>{NL})O")
# GAPPED_CHARGE "A को बेलवा, B को सोनपुर तथा C को मधुबन की कमान मिली/सौंपी": each item its place,
# the charge and its verb once at the end.
GAPPED_CHARGE_ITEM = rf"{NL}O[Fw]{{1,2}}"
GAPPED_CHARGE = re.compile(rf"(?P<items>{GAPPED_CHARGE_ITEM}(?:(?:,C?|C){GAPPED_CHARGE_ITEM})+)(?P<charge>KJ){GAP}G")
GAPPED_CHARGE_ITEM_RE = re.compile(rf"(?P<nl>{NL})O(?P<place>[Fw]{{1,2}})")
# ROLE की जिम्मेदारी X के पास (थी): held, not given
HELD = re.compile(rf"(?P<roles>{ROLE}){JUR}?Y?KJ[x#EL]{{0,3}}(?P<nl>{NL})Kx")


def role_charges(sentence: TaggedSentence, text: str, tags: str) -> list[tuple[int, list[Fact]]]:
    """ROLE_CHARGE: the post before the charge given to X (None for a pronoun: whom the text
    named last), with where each match starts."""
    found: list[tuple[int, list[Fact]]] = []
    for match in ROLE_CHARGE.finditer(tags):
        if match.group("hand") and sentence.key_of(match.start("hand")) not in _HANDS:
            continue
        roles = roles_in(sentence, text, match, "roles")
        if match.group("pronoun"):
            found.append((match.start(), [appointed(None, role) for role in roles]))
        else:
            found.append((match.start(), pair(sentence, match.span("nl" if match.group("nl") else "nl2"), roles)))
    return found


def given_charges(sentence: TaggedSentence, text: str, tags: str) -> list[Fact]:
    """GIVEN, CHARGE and CHARGE_LIST: appointed; a charge without a post of its own carries
    the head of what it hands over (``Fact.charge``) for extract.py to use when the text
    names no other post."""
    found: list[Fact] = []
    for match in GIVEN.finditer(tags):
        found += pair(sentence, match.span("nl"), roles_in(sentence, text, match, "roles"))
    gapped = []
    for match in GAPPED_CHARGE.finditer(tags):
        gapped.append(match.span())
        head = head_of_charge(sentence, text, tags, match.start("charge") - 1, match.end("charge"))
        for item in GAPPED_CHARGE_ITEM_RE.finditer(tags, *match.span("items")):
            place = sentence.printed(text, *item.span("place"))
            found += [Fact(name, None, org=head.org, jurisdiction=place, party=head.party, appointed=True,
                           names=units, charge=head.role) for name, units in names_in(sentence, *item.span("nl"))]
    for match in CHARGE.finditer(tags):
        if match.group("hand") and sentence.key_of(match.start("hand")) not in _HANDS:
            continue
        if any(start < match.start() < stop for start, stop in gapped):
            continue  # "बेलवा और C को मधुबन की कमान": a place of GAPPED_CHARGE taken for a name
        if match.group("nl"):  # each item's head from what its own charge hands over
            items = [(item.span(), item.span("nl")) for item in CHARGE_ITEM_RE.finditer(tags, *match.span())]
        else:
            items = [(match.span(), match.span(next(g for g in ("nl2", "nl3", "nl4", "nl5") if match.group(g))))]
        for charge, names in items:
            head = head_of_charge(sentence, text, tags, *charge)
            found += [Fact(name, None, org=head.org, party=head.party, appointed=True, names=units, charge=head.role)
                      for name, units in names_in(sentence, *names)]
    return found


def held_charges(sentence: TaggedSentence, text: str, tags: str) -> list[Fact]:
    """HELD: "ROLE की जिम्मेदारी X के पास": X holds the post."""
    found: list[Fact] = []
    for match in HELD.finditer(tags):
        if sentence.key_of(match.end() - 1) == "पास":
            found += [held(fact) for fact in pair(sentence, match.span("nl"), roles_in(sentence, text, match, "roles"))]
    return found


def head_of_charge(sentence: TaggedSentence, text: str, tags: str, start: int, stop: int) -> Fact:
    """The post a charge gives when the text names no other for the person: the head of the
    org or level handed over ("युवा कांग्रेस की कमान": अध्यक्ष of युवा कांग्रेस; "जिले की कमान":
    जिला अध्यक्ष; "PLACE का प्रभार": प्रभारी); None for anything else."""
    head = Fact(None, None)
    for index in range(stop - 1, start - 1, -1):
        if tags[index] == "J":
            if sentence.key_of(index) == "प्रभार":  # the charge of a place: its in-charge
                head.role = IN_CHARGE
            for before in range(index - 1, -1, -1):
                if tags[before] == "P":
                    head.org = sentence.printed(text, before, before + 1)
                    head.party = sentence.units[before].entry.value
                    head.role = head.role or HEAD
                elif sentence.key_of(before) in _LEVELS and head.org is None and head.role is None:
                    head.role = f"{_LEVELS[sentence.key_of(before)]} {HEAD}"
                elif tags[before] == "F" or _body(sentence.units[before]) or (
                        tags[before] == "w" and before == index - 2 and tags[before - 1:before] in ",CO"):
                    # "रामनगर / महिला इकाई की जिम्मेदारी X को"; an item of a CHARGE_LIST "…, मधुबन की कमान C
                    # को"; what X is given: "X को मधुबन की कमान"
                    head.role = head.role or HEAD
                elif tags[before] not in "KsLxF":
                    break
            break
    return head  # no post when what is handed over is neither an org nor a level ("निगरानी की")


def _body(unit) -> bool:
    return unit.entry is not None and unit.entry.value == "body"

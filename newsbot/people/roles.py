"""Role phrases: the post, and the org, jurisdiction and party that qualify it.

``[new][levels + party]levels POST [suffix]``: "प्रदेश कांग्रेस अध्यक्ष", "राष्ट्रीय महासचिव
संगठन", "नवनियुक्त ज़िला कोऑर्डिनेटर". On its left an org or a place may qualify it
("एआईसीसी सोशल मीडिया के", "पश्चिमी उत्तर प्रदेश के", "मैनपुरी का", "भाजपा", "बिलासपुर"), on
its right a place ("प्रभारी पश्चिमी उत्तर प्रदेश", "विधानसभा उपाध्यक्ष 156 हरदोई").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsbot.people.units import TaggedSentence

ROLE = r"(?:n[FP]{0,2})?(?:[Ls]+[Pp])?[Ls]*R{1,2}s?"
JUR = r"(?:#?F+|#w)"
ROLE_RE = re.compile(ROLE)
JUR_RE = re.compile(JUR)
# Units a genitive qualifier ("X के ROLE") may consist of, and how many at most.
_QUALIFIER = "PpLsFw()"
_QUALIFIER_UNITS = 6
# Words between a qualifier and its post: "ORG की पहली महिला जिला अध्यक्ष", "ORG के नए ROLE".
_FIRST_NEW = frozenset({"पहली", "पहले", "पहला", "नई", "नए", "नये", "नया", "नवनिर्वाचित"})
# Levels that, right after a place, belong to the place: "बिलासपुर शहर जिला अध्यक्ष".
PLACE_SUFFIXES = frozenset({"शहर", "ग्रामीण", "सदर", "देहात"})


@dataclass
class Fact:
    """One statement of a sentence: a person (``name``: character span of the name, honorifics
    left out; None for a pronoun, meaning whom the text named last) holds ``role``.

    ``role`` is None for an appointment whose post is named elsewhere ("X को पार्टी की कमान
    सौंपी"); with ``carry`` it is the post of the appointment stated before (a list that goes on
    in the next sentence without repeating the post)."""

    name: tuple[int, int] | None
    role: str | None
    org: str | None = None
    jurisdiction: str | None = None
    party: str | None = None
    appointed: bool = False
    carry: bool = False
    own: bool = False  # a list item's post in brackets after its name: "A (सचिव)"
    charge: str | None = None  # the post of a charge, if the text names none (appointments.py)
    new: bool = False  # appointed only because the post is printed नवनियुक्त
    names: tuple[int, int] = (0, 0)  # unit range of the name
    roles: tuple[int, int] = (0, 0)  # unit range of the role phrase


def role_fact(sentence: TaggedSentence, text: str, start: int, stop: int) -> Fact:
    """The role phrase units[start:stop] with what qualifies it; no name yet."""
    units = sentence.units
    first = start + 1 if units[start].tag == "n" else start
    appointed = first > start
    while units[first].tag in "FP" or (_place_suffix(sentence, first) and units[first + 1].tag in "Ls"):
        first += 1  # "नवनियुक्त मस्तूरी ब्लॉक अध्यक्ष", "बिलासपुर शहर जिला अध्यक्ष": qualifiers
    fact = Fact(None, sentence.printed(text, first, stop), appointed=appointed, roles=(start, stop), new=appointed)
    inner = next((i for i in range(first, stop) if units[i].tag == "P"), None)
    if inner is not None:  # "प्रदेश कांग्रेस अध्यक्ष"
        fact.org, fact.party = sentence.printed(text, inner, inner + 1), units[inner].entry.value
    _qualify_left(sentence, text, first, fact)
    after = JUR_RE.match(sentence.tags(), stop)
    home = after is not None and after.end() < len(units) and sentence.key_of(after.end()) == "निवासी"
    if after is not None and fact.jurisdiction is None and not home:  # "ROLE मधुबन निवासी X"
        fact.jurisdiction = sentence.printed(text, after.start(), after.end())
    if fact.party is None or fact.org is None:
        party = next((i for i in range(first - 1, -1, -1) if units[i].tag == "P"), None)
        if party is not None:
            fact.party = fact.party or units[party].entry.value
            if fact.org == "":  # "पार्टी के ROLE": the party the sentence named
                fact.org = sentence.printed(text, party, party + 1)
    fact.org = fact.org or None
    return fact


def _qualify_left(sentence: TaggedSentence, text: str, first: int, fact: Fact) -> None:
    units, index = sentence.units, first - 1
    while index > 0 and units[index].tag == "x" and sentence.key_of(index) in _FIRST_NEW:
        index -= 1  # "युवा मोर्चा की पहली ROLE", "पार्टी के नए ROLE"
    if index >= 0 and units[index].tag == "K":  # a genitive: org or place
        stop = index
        while index > 0 and units[index - 1].tag in _QUALIFIER and stop - index < _QUALIFIER_UNITS:
            if units[index - 1].tag == "(" and ")" not in (u.tag for u in units[index:stop]):
                break  # "X (महिला विंग की ROLE)": the bracket opens the role phrase
            index -= 1
        phrase = [unit.tag for unit in units[index:stop]]
        if "P" in phrase:  # the party and the levels of its unit: "बसपा जिला कमेटी"
            org_start = org_stop = index + phrase.index("P")
            while org_stop < stop and (org_stop == org_start or units[org_stop].tag in "Ls"):
                org_stop += 1
            fact.org = fact.org or sentence.printed(text, org_start, org_stop)
            fact.party = fact.party or units[org_start].entry.value
        elif phrase == ["p"]:
            fact.org = fact.org or ""  # resolved to the sentence's party, if it names one
        elif any(unit.entry is not None and unit.entry.value == "body" for unit in units[index:stop]):
            fact.org = fact.org or sentence.printed(text, index, stop)
        elif phrase and set(phrase) <= set("Fw"):
            fact.jurisdiction = sentence.printed(text, index, stop)
        return
    if index >= 0 and units[index].tag == "P":  # "भाजपा जिलाध्यक्ष"
        fact.org = fact.org or sentence.printed(text, index, index + 1)
        fact.party = fact.party or units[index].entry.value
        index -= 1
    stop = index + 1
    while index >= 0 and (units[index].tag == "F" or (_place_suffix(sentence, index) and index
                                                       and units[index - 1].tag == "F")):
        index -= 1
    if index + 1 < stop:
        fact.jurisdiction = sentence.printed(text, index + 1, stop)


def _place_suffix(sentence: TaggedSentence, index: int) -> bool:
    return (sentence.units[index].tag == "L" and index > 0 and sentence.units[index - 1].tag == "F"
            and sentence.key_of(index) in PLACE_SUFFIXES)


def has_left_qualifier(sentence: TaggedSentence, start: int) -> bool:
    return start > 0 and sentence.units[start - 1].tag in "KPF"

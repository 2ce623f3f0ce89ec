"""What the appointment frames (appointments.py), charges (charges.py) and announced lists
(lists.py) share: the tag patterns of a name list and a list of posts, and turning a match
into facts."""

from __future__ import annotations

import re

from newsbot.people.names import names_in
from newsbot.people.roles import ROLE, ROLE_RE, Fact, role_fact
from newsbot.people.units import TaggedSentence

# A name, maybe with जी after it ("गोपाल जी को"), and a list of names.
NAME = r"H*w+j?"
NL = rf"{NAME}(?:(?:,C?|C){NAME})*"
GAP = r"[xS#]{0,3}"
ROLES = rf"{ROLE}(?:(?:,|C)F*{ROLE})*"  # "राष्ट्रीय सचिव व बिहार प्रदेश सह प्रभारी"


def roles_in(sentence: TaggedSentence, text: str, match: re.Match, *groups: str) -> list[Fact]:
    """The role phrases of the first of *groups* that *match* filled."""
    group = next(g for g in groups if match.group(g))
    offset = match.start(group)
    return [role_fact(sentence, text, offset + m.start(), offset + m.end())
            for m in ROLE_RE.finditer(match.group(group))]


def pair(sentence: TaggedSentence, span: tuple[int, int], roles: list[Fact]) -> list[Fact]:
    """Names of a list with their roles: respectively when the counts agree ("A और B को क्रमशः
    अध्यक्ष और महासचिव"), else every name every role."""
    names = names_in(sentence, *span)
    if len(names) == len(roles) > 1:
        return [appointed(name, role) for name, role in zip(names, roles, strict=True)]
    return [appointed(name, role) for name in names for role in roles]


def appointed(name, role: Fact) -> Fact:
    span, units = name if name is not None else (None, (0, 0))
    return Fact(span, role.role, role.org, role.jurisdiction, role.party, True, names=units, roles=role.roles)


def held(fact: Fact) -> Fact:
    fact.appointed = False
    return fact

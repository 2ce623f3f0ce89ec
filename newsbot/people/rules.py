"""The grammar of one tagged sentence: who holds which role.

- Role before name: "प्रदेश उपाध्यक्ष उपेंद्र सिंह ने", "जिला अध्यक्ष रहे सुरेश तिवारी",
  "नवनियुक्त ब्लॉक अध्यक्ष X" and "जिलाध्यक्ष X मनोनीत किए गए" (appointed).
- Two roles for one name: "कांग्रेस प्रवक्ता व प्रदेश उपाध्यक्ष X".
- Role after name, when no name follows the role: "रमाकांत सिंह चेयरमैन ने", "X, प्रभारी
  पश्चिमी उत्तर प्रदेश".
- A role given before a list names only the first person ("जिला महासचिव A, B, C": A), as the
  annotation rules say, but a pair takes the role in the plural ("पश्चिमी उत्तर प्रदेश के
  कोऑर्डिनेटर A और B पहुंचे") unless it opens a list of those present ("A और B समेत ...").
  Appointments of lists are in appointments.py.
- "सरायपुर के उपजिलाध्यक्ष मनोज वर्मा और महामंत्री दिनेश ओझा होंगे": a chain of role-name
  pairs ending in a future copula announces posts (appointed).
"""

from __future__ import annotations

import re

from newsbot.people.appointments import BOUNDARY, appointment_facts
from newsbot.people.names import ALIAS, MAX_WORDS, Name, clean, name_after, name_before
from newsbot.people.roles import JUR_RE, ROLE, ROLE_RE, Fact, has_left_qualifier, role_fact
from newsbot.people.units import LABEL_MARKS, TaggedSentence
from newsbot.people.vocab import vocabulary

# What may stand between two coordinated roles: a conjunction or comma, maybe with a word the
# vocabulary does not know or a place or body qualifying the second ("महासचिव और मुख्यालय
# प्रभारी", "महासचिव और छत्तीसगढ़ के पूर्व मुख्यमंत्री X", "प्रदेश अध्यक्ष व राज्य आयोग के सदस्य
# X"), or the party of the second ("पूर्व मुख्यमंत्री बसपा सुप्रीमो X").
# "राष्ट्रीय सचिव एवं उत्तराखंड सह प्रभारी X": a place before the second role, no genitive.
_COORDINATION = re.compile(r"(?:,|C|,C)(?:w|F{1,2}|[FLsPpw]+K)?|P")
# "प्रदेश प्रभारी सह बसपा नेता X": a descriptor joined to the role by सह (cum).
_CUM = re.compile(r"LP?E")
# "जिलाध्यक्ष (ग्रामीण) X", "अपर जिलाधिकारी (प्रशासन) X": a place, level or department.
_PLACE_IN_BRACKETS = re.compile(r"\([FwLxs]{1,2}\)(?=H*w)")
# A bracket or comma, then the org or place of a role: see _bracketed.
_QUALIFIED = re.compile(r"[PpFLs]+|[PpFLsw]{1,3}K")
_ORIGIN = re.compile(r"[Fw]{1,2}x")
# DESCRIBED "पूर्व सांसद एवं भाजपा के वरिष्ठ नेता X", "जिला उपाध्यक्ष व समाजसेवी X": a post
# coordinated with a descriptor (no office) before the name.
_DESCRIBED = re.compile(r"(?:,|C|,C)(?:[PpFLs]{1,3}K)?[PpL]*E")
# "ROLE की जिम्मेदारी/कमान": the post handed over (appointments.py), not one held by a name
# before it.
_CHARGE_AFTER = re.compile(r"Y?KJ")
# "ROLE PLACE का (अतिरिक्त) प्रभार": a charge of the post at a place.
_CHARGE_OF = re.compile(r"KL{0,2}J")
# "ROLE का प्रभार संभाल रहे X": holding a charge.
_HOLDING = frozenset({"संभाल", "संभाले", "देख"})
# "वह जिले में युवा मोर्चा की पहली महिला जिला अध्यक्ष हैं": a pronoun subject, the person
# named last, holds the post the sentence ends with; also in a clause after कि ("बताया जाता
# है कि वह ORG के ROLE थे").
# "वे भाजपा के मंडल अध्यक्ष के पद को सुशोभित कर चुके हैं": the same, the post's पद held.
SUBJECT_HOLDS = re.compile(rf"u[xFPpLsKmE#]{{0,8}}?(?P<roles>{ROLE})(?:KYO?w?)?(?P<copula>x{{1,4}})\.?$")
# "विधायक X बने भाजपा के प्रदेश अध्यक्ष": the verb gives the post after it; the one before the
# name is held.
_POST_AFTER_VERB = re.compile(rf"Vx{{0,2}}[PpFwK]{{0,4}}?{ROLE}")
_COPULA = frozenset({"है", "हैं", "थे", "थीं", "थी", "था"})
# "मधुबन निवासी सुरेश अली बसपा के प्रदेश अध्यक्ष थे": a name, its post after it in the org's
# genitive, then "was/is" (रहे, रह चुके: held before).
HOLDS_AFTER = re.compile(rf"{BOUNDARY}(?P<nl>H*w+)[PpFLs]{{1,3}}K(?P<roles>{ROLE})x")
_HELD = _COPULA | {"रहे", "रह", "रही"}
# After "ROLE A और B": B is one of those present, not a second holder of the role.
_ATTENDANCE = frozenset({"समेत", "सहित", "आदि", "इत्यादि"})
# After "ROLE A और B": the list goes on, or B has a role of his own.
_NOT_A_PAIR = frozenset(",CLRsEK")  # K: "ROLE A और B के ROLE Y": B is a place


def facts(sentence: TaggedSentence, text: str) -> list[Fact]:
    """Every person-role statement of *sentence* (a slice of *text*)."""
    tags = sentence.tags()
    spans = _spans(sentence, tags)
    found: list[Fact] = []
    waiting: list[Fact] = []  # roles coordinated with the next role's name
    starts = {start for start, _ in spans}
    for index, (start, stop) in enumerate(spans):
        role = role_fact(sentence, text, start, stop)
        where = _name_start(sentence, tags, stop)
        name = name_after(sentence, where)
        if name is not None and name[1][1] in starts:
            name = _before_next_role(sentence, name)
        if name is not None and name[1][1] - name[1][0] == 1 and (
                _CHARGE_OF.match(tags, name[1][1]) or _post_of(sentence, tags, name[1][1])):
            name = None  # "तहसीलदार बेलहरा का अतिरिक्त प्रभार", "उपजिलाधिकारी बेलहरा के पद पर": a place
        if name is not None:
            name = _place_first(sentence, text, role, name)
        if name is not None:
            if tags[name[1][1]:name[1][1] + 1] == "V" and not _POST_AFTER_VERB.match(tags, name[1][1]):
                role.appointed, role.new = True, False  # "जिलाध्यक्ष X मनोनीत किए गए", not "विधायक X बने ORG के ROLE"
            partner = _partner(sentence, tags, name) if tags[start - 1:start] != "," else None
            found += [_with_name(fact, each) for fact in (*waiting, role)
                      for each in ((name, partner) if partner else (name,))]
            waiting = []
            continue
        described = _DESCRIBED.match(tags, stop)
        named = name_after(sentence, described.end()) if described else None
        if named is not None:  # "पूर्व सांसद एवं भाजपा के वरिष्ठ नेता X": the post is X's
            found += [_with_name(fact, named) for fact in (*waiting, role)]
            waiting = []
            continue
        following = spans[index + 1] if index + 1 < len(spans) else None
        if following is not None and (_COORDINATION.fullmatch(tags, stop, following[0])
                                      or (following[0] == stop + 1 and sentence.key_of(stop) == "सह")
                                      or (tags[where - 1:where] == "T" and following[0] == where)):
            # "थानाध्यक्ष रहे उपनिरीक्षक X", "ROLE का दायित्व संभाल रहे ROLE2 X": X's too
            waiting.append(role)
            continue
        # "X, ROLE, ROLE2 एवं ROLE3 भाजपा ने": a comma run of posts after a name, all X's
        chain, waiting = [*waiting, role], []
        first = _bracketed(sentence, tags, chain[0].roles[0])
        if tags[stop:stop + 1] == "Y" and name_after(sentence, stop + 1) is not None:
            first = -1  # "PLACE ROLE के रूप में X": the name is X's
        if _CHARGE_AFTER.match(tags, stop):
            first = -1  # "लहरपुर थानाध्यक्ष की जिम्मेदारी X को": the post given, no holder
        name = name_before(sentence, first) if first >= 0 else None
        if name is not None:
            found += [_with_name(fact, name) for fact in chain]
    _announced(tags, found)
    for match in HOLDS_AFTER.finditer(tags):
        name = name_after(sentence, match.start("nl"))
        if sentence.key_of(match.end() - 1) in _HELD and name is not None and name[1][1] == match.end("nl"):
            found.append(_with_name(role_fact(sentence, text, *match.span("roles")), name))
    # the pronoun begins the sentence or a clause after कि: "बताया गया कि वह ROLE थे"
    for begin in (0, *(index + 1 for index, tag in enumerate(tags) if tag == "x" and sentence.key_of(index) == "कि")):
        held = SUBJECT_HOLDS.match(tags, begin)
        if held is not None and sentence.key_of(held.end("copula") - 1) in _COPULA:
            found.append(role_fact(sentence, text, *held.span("roles")))
    return found + appointment_facts(sentence, text, tags)


def _post_of(sentence: TaggedSentence, tags: str, index: int) -> bool:
    """"ROLE PLACE के पद पर": the unit at *index* says "of the post"."""
    return tags[index:index + 1] == "Y" and sentence.key_of(index) in ("के", "का", "की")


def _spans(sentence: TaggedSentence, tags: str) -> list[tuple[int, int]]:
    """The role phrases of a sentence; सह (cum) right after a whole post joins two posts and
    is neither's: "पूर्व मंत्री सह विधायक X" (पूर्व मंत्री, विधायक)."""
    spans: list[tuple[int, int]] = []
    for match in ROLE_RE.finditer(tags):
        start, stop = match.span()
        if spans and spans[-1][1] == start and stop - start > 1 and sentence.key_of(start) == "सह":
            start += 1
        spans.append((start, stop))
    return spans


def _bracketed(sentence: TaggedSentence, tags: str, start: int) -> int:
    """Where a role phrase starting at *start* begins for a name before it: the role itself,
    or, past its org or place, an opening bracket or comma: "X (ओबीसी मोर्चा जिलाध्यक्ष)",
    "X (महिला विंग की जिलाध्यक्ष)", "X, पूर्वांचल प्रांत प्रभारी, ने". A role qualified
    otherwise ("भाजपा जिलाध्यक्ष") has no name before it: -1."""
    if not has_left_qualifier(sentence, start):
        return start
    for first in range(max(1, start - 4), start):
        if tags[first - 1] in "(," and _QUALIFIED.fullmatch(tags, first, start):
            return first
    return -1


def _name_start(sentence: TaggedSentence, tags: str, stop: int) -> int:
    """Where a name after a role phrase ending at *stop* may begin: after a place written
    after the role (or in brackets: "विधानसभा अध्यक्ष (रामपुर) X"), after the home of the
    person ("ROLE मधुबन निवासी X"), after रहे ("ROLE रहे X") or
    पद पर ("ROLE पद पर X"), after "सह बसपा नेता", after "का प्रभार संभाल रहे" ("ROLE का
    दायित्व संभाल रहे X": X holds it)."""
    after = JUR_RE.match(tags, stop) or _PLACE_IN_BRACKETS.match(tags, stop)
    where = stop if after is None else after.end()
    origin = _ORIGIN.match(tags, stop)
    if origin is not None and sentence.key_of(origin.end() - 1) == "निवासी":
        where = origin.end()  # "ROLE मधुबन निवासी X": X's home, not the post's place
    cum = _CUM.match(tags, where)
    if cum is not None and sentence.key_of(where) == "सह":
        where = cum.end()
    if tags[where:where + 4] == "KJwT" and sentence.key_of(where + 2) in _HOLDING:
        return where + 4
    post = tags[where:where + 1] == "Y" and ("पद" in sentence.unit_keys(where)
                                             or sentence.tokens[sentence.units[where].first].text in LABEL_MARKS)
    return where + 1 if tags[where:where + 1] == "T" or post else where


def _before_next_role(sentence: TaggedSentence, name: Name) -> Name | None:
    """A name run straight before another role: its last word may be that role's place.
    "थाना प्रभारी आरोन उनि X": one word is no name; "जिला अध्यक्ष अनिल निषाद फूलपुर विधानसभा
    अध्यक्ष Y": a long run loses a last word that is no known name word."""
    start, stop = name[1]
    if stop - start == 1:
        return None
    vocab = vocabulary()
    last = sentence.key_of(stop - 1)
    if stop - start >= 3 and last not in vocab.surnames and last not in vocab.name_parts:
        return clean(sentence, start, stop - 1)
    return name


def _place_first(sentence: TaggedSentence, text: str, role: Fact, name: Name) -> Name | None:
    """"उपजिलाधिकारी बेलहरा रमेश कुमार वर्मा": four words after a post, the first no known
    name word and the last a surname, are the post's place and a three-word name."""
    start, stop = name[1]
    vocab = vocabulary()
    first, last = sentence.key_of(start), sentence.key_of(stop - 1)
    if stop - start != MAX_WORDS or ALIAS in sentence.word_keys(start, stop) or first in vocab.surnames or first in vocab.name_parts \
            or last not in vocab.surnames:
        return name
    if role.jurisdiction is None:
        first_char, last_char = sentence.span(start, start + 1)
        role.jurisdiction = text[first_char:last_char]
    return clean(sentence, start + 1, stop)


def _partner(sentence: TaggedSentence, tags: str, name: Name) -> Name | None:
    """B of "ROLE A और B", when the role is meant for both (not at the end of a run of posts
    and names: "…, ROLE2 Y, ROLE3 A और B": B is one more of those present, LAST_OF_RUN)."""
    stop = name[1][1]
    if tags[stop:stop + 1] != "C":
        return None
    partner = name_after(sentence, stop + 1)
    if partner is None:
        return None
    after = partner[1][1]
    if after < len(tags) and (tags[after] in _NOT_A_PAIR or sentence.key_of(after) in _ATTENDANCE):
        return None
    return partner


def _with_name(role: Fact, name: Name) -> Fact:
    span, units = name
    return Fact(span, role.role, role.org, role.jurisdiction, role.party, role.appointed,
                names=units, roles=role.roles, new=role.new)


def _announced(tags: str, found: list[Fact]) -> None:
    """Mark appointed the chain of role-name pairs that ends in a future copula (होंगे)."""
    by_name_end = {fact.names[1]: fact for fact in found}
    for position, tag in enumerate(tags):
        fact = by_name_end.get(position) if tag == "Z" else None
        while fact is not None:
            fact.appointed, fact.new = True, False
            start = fact.roles[0]
            fact = by_name_end.get(start - 1) if tags[start - 1:start] in (",", "C") else None

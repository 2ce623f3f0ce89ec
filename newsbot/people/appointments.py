"""Appointment frames: sentences that say someone was appointed, nominated or made a post.

Each frame is a regular expression over the tag string (see vocab.py for the letters):

- OBJECT_FIRST "X को [ORG/PLACE का] ROLE नियुक्त/मनोनीत किया", "X को ROLE की जिम्मेदारी सौंपी",
  with lists ("A, B और C को") and gapped lists ("A को बेलवा और B को सोनपुर का ROLE नियुक्त");
- ROLE_FIRST "ROLE के रूप में / पद पर X को नियुक्त", "ROLE पद पर X निर्वाचित हुए";
- BECAME "X ROLE बने/नियुक्त", "X बने ORG के ROLE" (headlines);
- LIST "PLACE का ROLE A, PLACE का B ... को बनाया गया": the post is stated once for the list,
  and when the sentence names none, it is the post of the appointment before (``carry``);
  "उपाध्यक्ष पद पर A, महामंत्री पद पर B को मनोनीत किया गया": each item its own post;
  "रामनगर से A, मधुबन से B को ROLE बनाया": each item its place, the post after को;
- PAIRS "A ROLE और B ROLE बनाए गए", "A और B ROLE तथा C ROLE2 मनोनीत किए गए": each item its
  own post;
- POST_RANK "ORG का ROLE PARTY के RANK A को तथा ROLE2 PARTY के RANK B को बनाया गया": the post
  given first, the rank held;
- DISTRIBUTED "रामनगर से A, सोनपुर में B और मधुबन के ROLE C मनोनीत": one post, each item its place;
- PREDECESSOR "A के स्थान पर / की जगह B को ROLE बनाया", "A को हटाकर B को ROLE बनाया": A held the post.
Charges (कमान, जिम्मेदारी … सौंपी; X को मिली … की कमान) are in charges.py, lists whose post is
stated once in the plural or a headline in lists.py.
"X को पदोन्नत कर ROLE बनाया": an appointment verb as a participle (कर, करते हुए) before the post.
An appointment followed by था/थे (past) or जाएगा/जाएंगे (to come) is not this text's.
"""

from __future__ import annotations

import re

from newsbot.people.charges import given_charges, held_charges, role_charges
from newsbot.people.frames import GAP, NAME, NL, ROLES, appointed, held, pair, roles_in
from newsbot.people.lists import NAME_PLACE
from newsbot.people.names import name_after, names_in
from newsbot.people.roles import JUR, ROLE, ROLE_RE, Fact, role_fact
from newsbot.people.units import TaggedSentence

# A gapped list in front: "A को उपाध्यक्ष और B को सचिव बनाया", "A को बेलवा और B को सोनपुर का ..."
# Where a listed person comes from, before the name: "टिकारी निवासी A", "शेरघाटी के B"
ORIGIN = r"(?:F{1,2}x|[Fw]{1,2}K)?"
# An org or place qualifying a post in a gapped list: "A को पार्टी का जिला सचिव और B को ..."
QUAL = r"(?:[PpFwLs]{1,3}K|F{1,2})?"
# After the post of a gapped item, its place or level in brackets: "जिला अध्यक्ष (ग्रामीण)"
BRACKET = r"(?:\([FwL]{1,2}\))?"
# GAPPED_BARE: the first item may lack its को when a known place follows the name: "A रामनगर
# नगर, B को सोनपुर और C को मधुबन ROLE का दायित्व दिया गया".
BARE_PLACE = r"F{1,2}L?"
GAPPED_RE = re.compile(
    rf"{ORIGIN}(?P<nl>{NL})(?:O(?:(?P<place>[Fw]{{1,2}})|{QUAL}(?P<roles>{ROLES}){BRACKET})|(?P<bare>{BARE_PLACE}))(?:,C?|C)")
# Between "X को" and the post: its org or place, a list of places ("X को रामनगर, सोनपुर और
# मधुबन लोकसभा समन्वयक"), a place in brackets ("A और B को (रामनगर - सोनपुर विधानसभा) ORG का ROLE"),
# the post a promotion is from ("X को प्रदेश सचिव से पदोन्नत कर ROLE बनाया"), or one the person
# is removed from on the way ("X को ROLE पद से हटाकर ROLE2 बनाया": ROLE held, REMOVED), a
# predecessor ("X को A के स्थान पर ROLE बनाया": PREDECESSOR), a post kept beside the one given
# ("X को जिलाध्यक्ष के साथ प्रदेश सचिव की भी जिम्मेदारी दी").
OBJECT_GAP = rf"(?:[xSPpFwLsK#NmE]|[,C](?=[Fw])|\([^()]{{1,6}}\)|{ROLE}SVx|{ROLE}(?:K?Y)?SXx?|{NL}KAx?|{ROLE}Kx)"
# A post glossed in brackets: "मुख्य सचिव (Chief Secretary)".
GLOSS = r"(?:\([^()]{1,4}\))?"
# X को [ORG/PLACE का] ROLE नियुक्त किया; X को ROLE की जिम्मेदारी सौंपी; उन्हें ROLE की ... दी;
# X को ROLE का नियुक्ति पत्र सौंपा; X को ROLE पद पर जगह मिली; X को पदोन्नत कर ROLE बनाया
# (headlines, the verb left out) "X को ROLE का दायित्व", "X को ROLE की जिम्मेदारी"
OBJECT_FIRST = re.compile(
    rf"(?P<pre>(?:{ORIGIN}{NL}(?:O(?:[Fw]{{1,2}}|{QUAL}{ROLES}{BRACKET})|{BARE_PLACE})(?:,C?|C))*){ORIGIN}(?:(?P<nl>{NL})O|(?P<pronoun>U))"
    rf"(?P<having>Vx)?{OBJECT_GAP}{{0,7}}?(?P<roles>{ROLES})(?!SV)(?:{JUR}|w(?=[KY]))?{GLOSS}(?:[YK]?{GAP}V|Y?[xKL]{{0,2}}[JA][xKU#]{{0,3}}G|Y?KJ\.?$)")
# ROLE के रूप में / पद पर X (को) नियुक्त; "ROLE पद पर X को जगह मिली"
ROLE_FIRST = re.compile(rf"(?P<roles>{ROLE}){JUR}?Y{GAP}(?P<nl>{NL})(?:[OK]?{GAP}V|O[xA]{{0,2}}G)")
# Where a subject's name list begins: nothing of a name or list before it, or a clause joined
# by ", जबकि/और" ("… घोषित किए गए, जबकि A और B उपाध्यक्ष चुने गए"), or a predecessor ("A की
# जगह B नए ROLE होंगे").
BOUNDARY = r"(?:^|(?<=[,.(xSNERjKA])|(?<=,C))"
# X ROLE बने / नियुक्त / होंगे; X (फिर) बने ORG के ROLE (after a boundary: the whole name is taken)
# "संघ के चुनाव में X Y अध्यक्ष चुने गए": after में a name of two words at least ("क्षेत्रों में
# पुनर्गठन करते हुए प्रभारी मनोनीत": one word after में is no subject)
# (headlines) X होंगे ORG के नए ROLE; X बनाए गए ROLE
BECAME = re.compile(
    rf"(?:{BOUNDARY}|(?<=m)(?=H*ww))(?P<nl>H*w+(?:(?:,C?|C)H*w+)*)"
    rf"(?:(?P<again>[xS]{{0,2}})[VZ][PpFwKx]{{0,4}}?(?P<roles>{ROLES})|[PpFwKLxS]{{0,4}}?(?P<roles2>{ROLES}){JUR}?Y?[VZ])")
# "उपाध्यक्ष: A, महामंत्री: B और कोषाध्यक्ष – C बनाए गए": posts as labels, each item its own
LABEL_ITEM = rf"{ROLE}YH*w+"
LABELLED = re.compile(rf"(?P<items>{LABEL_ITEM}(?:(?:,C?|C){LABEL_ITEM})+){GAP}V")
# (headlines) ROLE बने X, "जिलाध्यक्ष बनाए गए X"
# "जिलाध्यक्ष बनाए गए X का स्वागत": the genitive after the name ends it as well.
BECAME_AFTER = re.compile(rf"{BOUNDARY}(?P<roles>{ROLES})Vx{{0,2}}(?P<nl>H*w+(?:(?:,C?|C)H*w+)*)(?:[.,K]|$)")
# "X को ROLE (के) पद से हटा दिया", "ROLE पद से हटाए गए / इस्तीफा देने वाले X": a post held,
# not given.
# RESIGNED "X ने (अपने) ROLE पद से इस्तीफा दे दिया", "X का ROLE पद से त्यागपत्र", (headlines)
# "X ने ROLE पद से दिया इस्तीफा": the one who resigns held the post (ने with a resignation only:
# "X ने ROLE पद से हटाया" names who removed, not who held).
FROM_POST = r"(?:K?[YJ])?S"  # "पद से", "के पद से", "की जिम्मेदारी से"
REMOVED = re.compile(rf"(?P<nl>{NL})O[PpFwK]{{0,3}}?(?P<roles>{ROLES}){FROM_POST}X"
                     rf"|(?P<roles2>{ROLES}){FROM_POST}Xx{{0,2}}(?P<nl2>{NL})"
                     rf"|(?P<nl3>{NL})(?:Nx?[PpFLsKC]{{0,4}}?|K)(?P<roles3>{ROLES}){FROM_POST}G?(?P<resign>X)")
# EXPELLED "X को पार्टी (की प्राथमिक सदस्यता) से (छह साल के लिए) निष्कासित किया": X is named
# with no post; "वह ORG के ROLE थे" after it is X's (a Fact without a role, not appointed).
EXPELLED = re.compile(rf"(?P<nl>{NL})O[pP][Kwx]{{0,3}}?S[#xK]{{0,5}}?X")
PLACE_BRACKET = r"(?:\([FwL]{1,3}\))?"
# PLACE का [ROLE] A, PLACE का B ... को बनाया गया; उपाध्यक्ष पद पर A, महामंत्री पद पर B को मनोनीत
# An item's place may have a part in brackets: "रामनगर (पूर्व) से A".
# An item's place may follow its name in brackets: "A (बेलवा), B (सोनपुर) और C (मधुबन) को ROLE बनाया".
# LIST_OBJECTS: an item may end in को: "ROLE पद पर A, B और C को तथा ROLE2 पद पर D को नियुक्त".
ITEM = rf"(?:#?[FwLsPpH]{{1,3}}x?{PLACE_BRACKET}[KS]|[Fw]{{1,2}}(?={ROLE}))?(?:{ROLE}Y?)?{NAME}(?:\({ROLE}\)|\([Fw]{{1,2}}\))?O?"
LIST = re.compile(rf"(?P<items>{ITEM}(?:(?:,C?|C){ITEM})*)(?:O(?:(?P<post>{ROLES}{JUR}?)(?!SV))?K?|K){GAP}Y?V")
# Distributive lists, each item its place (से, में, के), the post once after the list or in
# its last item:
#   "रामनगर से A, सोनपुर में B और मधुबन से C जिलाध्यक्ष नियुक्त किए गए"
#   "रामनगर से A को, सोनपुर से B को तथा मधुबन से C को जिलाध्यक्ष नियुक्त किया"
#   "रामनगर के A, सोनपुर के B तथा मधुबन के जिलाध्यक्ष C मनोनीत किए गए"
#   "रामनगर में A, सोनपुर में B और मधुबन में C को जिलाध्यक्ष पद की जिम्मेदारी सौंपी"
#   "रामनगर से A, सोनपुर से B को जिम्मेदारी मिली": the post of a list announced before (lists.py)
FROM_ITEM = rf"#?[FwLsPpH]{{1,3}}{PLACE_BRACKET}[KSm](?:{ROLE})?H*w+O?"
# Items may run on without a comma when the next begins "PLACE से": "से A B पूंजपुर से C".
RUN_ON = r"(?=[Fw][Sm]H*ww)"
DISTRIBUTED = re.compile(rf"(?P<items>{FROM_ITEM}(?:(?:,C?|C|{RUN_ON}){FROM_ITEM})+)(?P<post>{ROLES})?"
                         rf"(?:{GAP}Y?V|Y?KJx{{0,2}}G|(?P<charge>J)x{{0,2}}G)")
ITEM_RE = re.compile(rf"(?:#?(?P<place>[FwLsPpH]{{1,3}}x?){PLACE_BRACKET}[KSm]|(?P<place2>[Fw]{{1,2}})(?={ROLE}))?"
                     rf"(?:(?P<role>{ROLE})Y?)?(?P<name>H*w+)j?(?:\((?P<own>{ROLE})\)|\((?P<place3>[Fw]{{1,2}})\))?O?")
# NAME_SEALED "जिलाध्यक्ष पद के लिए X के नाम पर मुहर लगी", "ROLE के रूप में X के नाम की घोषणा":
# the name chosen for a post.
NAME_SEALED = re.compile(rf"(?P<roles>{ROLES}){JUR}?Y(?P<nl>{NL})Kx")
_NAME = frozenset({"नाम", "नामों"})
_SEALED = frozenset({"मुहर", "घोषणा", "ऐलान", "तय"})
_SEALED_WITHIN = 4
# "A के स्थान पर B को ROLE बनाया", "वह A की जगह लेंगे": A is the predecessor.
# REPLACED "A को हटाकर B को ROLE बनाया": A held the post too.
PREDECESSOR = re.compile(rf"(?P<nl>{NL})(?:KA|OX)")
_INSTEAD = frozenset({"स्थान", "जगह", "हटाकर"})
# "ROLE पद पर A तथा ROLE पद पर B की नियुक्ति की गई": the noun of an appointment after की.
_APPOINTMENT_NOUNS = frozenset({"नियुक्ति", "मनोनयन", "नियुक्तियां", "ताजपोशी"})
# "X की नियुक्ति ORG के ROLE पद पर की गई", "X की ROLE पद पर नियुक्ति": the noun of an
# appointment with its holder in the genitive.
NOMINAL = re.compile(rf"(?P<nl>{NL})K(?:(?P<noun>V)[PpFwLsK]{{0,4}}?(?P<roles>{ROLES}){JUR}?Y"
                     rf"|[PpFwLsK]{{0,4}}?(?P<roles2>{ROLES}){JUR}?Y(?P<noun2>V))")
# "A सोशल मीडिया प्रभारी और B कोषाध्यक्ष बनाए गए": a chain of name-post pairs appointed;
# an item may name several: "(बैठक में) A और B उपाध्यक्ष तथा C सचिव मनोनीत किए गए".
# "A ROLE, B ROLE2 और C ROLE3 होंगे": the future copula announces them too.
# PAIRS_THEN_OBJECT "A, B ROLE, C ROLE2 और D को ROLE3 की जिम्मेदारी दी गई": the pairs end in an
# object frame (OBJECT_FIRST), whose verb is theirs.
PAIRS = re.compile(rf"(?:{BOUNDARY}|(?<=m))(?P<items>{NL}{ROLES}(?:(?:,C?|C){NL}{ROLES})+)Y?{GAP}[VZ]"
                   rf"|(?:{BOUNDARY}|(?<=m))(?P<lead>{NL}{ROLES}(?:(?:,C?|C){NL}{ROLES})*)(?:,C?|C)(?={NL}O)")
PAIR_RE = re.compile(rf"(?P<name>{NL})(?P<roles>{ROLES})")
SEPARATOR_RE = re.compile(r",C?|C")
# "समिति का संयोजक कांग्रेस के प्रदेश सचिव A को तथा सह-संयोजक सपा के जिला उपाध्यक्ष B को बनाया
# गया": the post given, then the holder's own post (held, not given) in its org, then the name.
POST_RANK_ITEM = rf"{ROLE}[PpFwLs]{{1,3}}K{ROLE}{NL}O"
POST_RANK = re.compile(rf"(?P<items>{POST_RANK_ITEM}(?:(?:,C?|C){POST_RANK_ITEM})*){GAP}V")
POST_RANK_RE = re.compile(rf"(?P<post>{ROLE})[PpFwLs]{{1,3}}K{ROLE}(?P<nl>{NL})O")
# "... मुख्यमंत्री बने थे", "... नियुक्त किया गया था": an appointment of the past, not this one;
# "... सदस्य बनाए जाएंगे": one to come.
_PAST = frozenset({"था", "थे", "थी", "थीं", "जाएगा", "जाएगी", "जाएंगे", "जाएंगी", "जायेगा",
                   "जायेगी", "जायेंगे", "जाएगें"})
_PAST_WITHIN = 3
# Every frame below needs one of these: appoint, charge, remove, future, give, seat, take, or
# position (NAME_SEALED "ROLE पद के लिए X के नाम पर मुहर").
_FRAME_TAGS = frozenset("VJXZGAgY")
# "A फिर (से) बने ROLE": a reappointment.
_AGAIN = frozenset({"फिर", "दोबारा", "पुनः", "से"})
# "X को पदोन्नत कर / प्रोन्नत करते हुए ROLE बनाया": an appointment verb as a participle.
_HAVING = frozenset({"कर", "करके", "करते"})


def appointment_facts(sentence: TaggedSentence, text: str, tags: str) -> list[Fact]:
    if _FRAME_TAGS.isdisjoint(tags):
        return []  # most sentences of an event report: no frame can match, skip them all
    found: list[Fact] = []
    objects: list[tuple[int, int]] = []  # spans of "X को ... ROLE नियुक्त" frames
    for match in OBJECT_FIRST.finditer(tags):
        if match.group("having") and sentence.key_of(match.end("having") - 1) not in _HAVING:
            continue
        objects.append(match.span())
        roles = roles_in(sentence, text, match, "roles")
        if match.group("pronoun"):
            found += [appointed(_named_before(sentence, match.start("pronoun")), role) for role in roles]
        else:
            found += _past(sentence, match.end(), pair(sentence, match.span("nl"), roles))
        for gapped in GAPPED_RE.finditer(tags, *match.span("pre")):
            if gapped.group("roles"):
                found += pair(sentence, gapped.span("nl"), roles_in(sentence, text, gapped, "roles"))
            else:
                place = sentence.printed(text, *gapped.span("place" if gapped.group("place") else "bare"))
                found += [_at(fact, place) for fact in pair(sentence, gapped.span("nl"), roles)]
    framed = [(match.start(), pair(sentence, match.span("nl"), roles_in(sentence, text, match, "roles")))
              for match in ROLE_FIRST.finditer(tags)]
    for _, facts in sorted(framed + role_charges(sentence, text, tags), key=lambda item: item[0]):
        found += facts  # in the order of the sentence, whether the post is given or charged
    for match in DISTRIBUTED.finditer(tags):
        items = [m for m in ROLE_RE.finditer(tags, *match.span("items"))]
        if not match.group("post") and not items and not match.group("charge"):
            continue
        objects.append(match.span())
        post = (roles_in(sentence, text, match, "post")[-1] if match.group("post")
                else role_fact(sentence, text, items[-1].start(), items[-1].end()) if items else None)
        found += _past(sentence, match.end(), _list(sentence, text, tags, *match.span("items"), post))
    places = [match.span() for match in NAME_PLACE.finditer(tags)]  # lists.py reads those
    for match in BECAME.finditer(tags):
        if any(start <= match.start("nl") < stop for start, stop in places):
            continue  # "A बेलवा और B सोनपुर के ROLE बने": not the names "A बेलवा", "B"
        again = [sentence.key_of(index) for index in range(*match.span("again"))]
        if any(start < match.start("nl") < stop for start, stop in objects) or not _AGAIN.issuperset(again) \
                or again[:1] == ["से"]:
            continue  # "X को बसपा का महमूदाबाद विधानसभा अध्यक्ष बनाया": a place, not a subject; "बेलवा से बने"
        post = "roles" if match.group("roles") else "roles2"
        if tags[match.start("nl") - 1:match.start("nl")] == "m" and "K" in tags[match.end("nl"):match.start(post)]:
            continue  # "बैठक में X की ROLE पद पर नियुक्ति": the genitive of NOMINAL, no subject
        roles = roles_in(sentence, text, match, "roles", "roles2")
        if tags[match.end("nl"):match.end("nl") + 1] == "K":
            for role in roles:  # "X के ROLE मनोनीत होने पर": the genitive is the subject's, no place
                role.jurisdiction = None
        found += _past(sentence, match.end(), pair(sentence, match.span("nl"), roles))
    for match in LABELLED.finditer(tags):
        found += _past(sentence, match.end(), _list(sentence, text, tags, *match.span("items")))
    for match in BECAME_AFTER.finditer(tags):
        found += _past(sentence, match.end(), pair(sentence, match.span("nl"), roles_in(sentence, text, match, "roles")))
    for match in REMOVED.finditer(tags):
        if match.group("resign") and sentence.units[match.start("resign")].entry.value != "resign" \
                and tags[match.end("nl3")] == "N":
            continue
        group = next(g for g in ("nl", "nl2", "nl3") if match.group(g))
        roles = roles_in(sentence, text, match, "roles", "roles2", "roles3")
        if group == "nl3" and match.start("roles3") == match.end("nl3") + 1:
            for role in roles:  # "X का ROLE पद से इस्तीफा": the genitive is the holder's, no place
                role.jurisdiction = None
        found += [held(fact) for fact in pair(sentence, match.span(group), roles)]
    for match in EXPELLED.finditer(tags):
        found += [Fact(name, None, names=units) for name, units in names_in(sentence, *match.span("nl"))]
    found += given_charges(sentence, text, tags)
    for match in NAME_SEALED.finditer(tags):
        after = {sentence.key_of(index) for index in range(match.end(), min(match.end() + _SEALED_WITHIN, len(tags)))}
        if sentence.key_of(match.end() - 1) in _NAME and not after.isdisjoint(_SEALED):
            found += _past(sentence, match.end(), pair(sentence, match.span("nl"), roles_in(sentence, text, match, "roles")))
    found += held_charges(sentence, text, tags)
    ranked = set()
    for match in POST_RANK.finditer(tags):
        ranked.add(match.end())
        for item in POST_RANK_RE.finditer(tags, *match.span("items")):
            found += _past(sentence, match.end(),
                           pair(sentence, item.span("nl"), roles_in(sentence, text, item, "post")))
    nominal = set()
    for match in NOMINAL.finditer(tags):
        noun = next(g for g in ("noun", "noun2") if match.group(g))
        if sentence.key_of(match.start(noun)) in _APPOINTMENT_NOUNS:
            nominal.add(match.end("nl"))
            roles = roles_in(sentence, text, match, "roles", "roles2")
            if match.group("roles2") and match.start("roles2") == match.end("nl") + 1:
                for role in roles:  # "X की ROLE पद पर": the genitive is the holder's, no place
                    role.jurisdiction = None
            found += _past(sentence, match.end(), pair(sentence, match.span("nl"), roles))
    for match in LIST.finditer(tags):
        if match.end("items") in nominal or match.end() in ranked:
            continue
        if match.group("post") is None and tags[match.end("items")] == "K" \
                and sentence.key_of(match.end() - 1) not in _APPOINTMENT_NOUNS:
            continue
        post = roles_in(sentence, text, match, "post")[-1] if match.group("post") else None
        items = _list(sentence, text, tags, *match.span("items"), post)
        if sentence.key_of(match.end() - 1) == "शामिल":  # "X को भाजपा में शामिल किया": joined
            items = [fact for fact in items if fact.own]
        found += _past(sentence, match.end(), items)
    object_ends = {start: stop for start, stop in objects}
    for match in PAIRS.finditer(tags):
        end = match.end() if match.group("items") else object_ends.get(match.end())
        if end is None:
            continue
        for couple in PAIR_RE.finditer(tags, *match.span("items" if match.group("items") else "lead")):
            found += _past(sentence, end, pair(sentence, couple.span("name"), roles_in(sentence, text, couple, "roles")))
    return found + _predecessors(sentence, tags, found)


def _named_before(sentence: TaggedSentence, index: int):
    """The name of two words or more that the sentence gives before a pronoun object ("X पर
    भरोसा जताया और उन्हें ROLE बनाया"), else None (the person the text named last)."""
    units = sentence.units
    stop = index
    while stop > 0:
        if units[stop - 1].tag == "w":
            start = stop - 1
            while start > 0 and units[start - 1].tag in "wH":
                start -= 1
            name = name_after(sentence, start)
            if name is not None and name[1][1] - name[1][0] >= 2:
                return name
            stop = start
        else:
            stop -= 1
    return None


def _predecessors(sentence: TaggedSentence, tags: str, found: list[Fact]) -> list[Fact]:
    """"A के स्थान पर / की जगह B को ROLE बनाया": A held the post given (not appointed); with
    no post in the sentence ("वह A की जगह लेंगे"), the post of the appointment before."""
    given = [fact for fact in found if fact.appointed and fact.role is not None]
    result = []
    for match in PREDECESSOR.finditer(tags):
        if sentence.key_of(match.end() - 1) not in _INSTEAD:
            continue
        for name, units in names_in(sentence, *match.span("nl")):
            if given:
                result += [Fact(name, fact.role, fact.org, fact.jurisdiction, fact.party, names=units,
                                roles=fact.roles) for fact in given]
            else:
                result.append(Fact(name, None, carry=True, names=units))
    return result


def _past(sentence: TaggedSentence, end: int, found: list[Fact]) -> list[Fact]:
    stop = min(end + _PAST_WITHIN, len(sentence.units))
    if any(sentence.key_of(index) in _PAST for index in range(end, stop)):
        for fact in found:
            fact.appointed = False
    return found


def _at(fact: Fact, place: str) -> Fact:
    fact.jurisdiction = place
    return fact


def _list(sentence: TaggedSentence, text: str, tags: str, start: int, stop: int,
          post: Fact | None = None) -> list[Fact]:
    """The items of a LIST match, each with the post stated in it or in an item before, else
    the last post the sentence names before the list without a holder of its own ("महामंत्री
    (संगठन) के पद पर X को नियुक्त"), else (a sentence naming no post) the post of the
    appointment before it."""
    found: list[Fact] = []
    # not a post held before: "ROLE रहे X को पदोन्नत कर ..."
    before = [m for m in ROLE_RE.finditer(tags, 0, start)
              if name_after(sentence, m.end()) is None and tags[m.end():m.end() + 1] != "T"]
    role = post or (role_fact(sentence, text, before[-1].start(), before[-1].end()) if before else None)
    carry = "R" not in tags
    position = start
    while position < stop:
        item = ITEM_RE.match(tags, position, stop)
        run_on = item is not None and item.end() < stop and tags[item.end()] in "SmF" and item.group("place")
        if run_on and tags[item.end()] != "F" and item.end("name") - item.start("name") > 2:
            # "…से A B पूंजपुर से C": no comma, the name ate the next place
            item = ITEM_RE.match(tags, position, item.end() - 1)
        if item is None:
            break
        if item.group("role") and (post is None or tags[item.end("role")] == "Y"):
            role = role_fact(sentence, text, *item.span("role"))  # not "उपनिरीक्षक X को ROLE बनाया"
        own = role_fact(sentence, text, *item.span("own")) if item.group("own") and post is None else None
        for name, units in names_in(sentence, *item.span("name")):
            fact = Fact(name, None, appointed=True, carry=carry, names=units)
            if own or role:  # "A (उपाध्यक्ष), B (सचिव) को शामिल किया गया": each his own
                fact = appointed((name, units), own or role)
                fact.own = own is not None
            place = next((g for g in ("place", "place2", "place3") if item.group(g)), None)
            if place and set(item.group(place).rstrip("x")) <= set("Fw"):  # "बेलघाट रोड से"
                fact.jurisdiction = sentence.printed(text, *item.span(place))
            found.append(fact)
        separator = SEPARATOR_RE.match(tags, item.end(), stop)
        position = separator.end() if separator else item.end() if run_on else stop
    return found

"""``analyse(text)``: the people, roles, appointments, parties and event types of one text.

The text is a title and body as plain text (the archive analyses ``title + "\\n\\n" + body``).
Offsets are into that text: ``text[start:end] == evidence`` for every role. Facts from the
grammar (rules.py) are merged per person, keyed by the match form of the name (vocab.name_key);
within a text, "उपाध्याय" or "शाहिद अंसारी" after "बृजेश कुमार उपाध्याय" or "मोहम्मद शाहिद अंसारी"
is the same person, a pronoun ("उन्हें") is the person named last, and a byline is nobody.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsbot.people.lists import ANNOUNCED_FOR, announcement, list_facts
from newsbot.people.posts import Post, canonical_post
from newsbot.people.roles import Fact
from newsbot.people.rules import facts
from newsbot.people.tokens import sentences, tokenize
from newsbot.people.units import TaggedSentence, fix_up, learn_places, parties_named, tag_sentence
from newsbot.people.vocab import name_key, role_key, vocabulary
from newsbot.text.display import normalise

EVENT_TYPES = ("workshop", "meeting", "convention", "training", "appointment", "rally",
               "press_conference", "other")
# A text with no party named is still political with this many political words.
POLITICAL_WORDS = 2
COUNT_RE = re.compile(r"#((?:[LsPp]|C(?=[Ls]))*[Rr])")
_PLURAL_DISPLAY = (("ियों", "ी"), ("ों", ""))
_FORMER = frozenset({"पूर्व", "निवर्तमान", "तत्कालीन"})
# An event word followed, before a clause ends, by a future verb is an event to come, not
# this one: "सम्मेलन होगा", "अगली बैठक में रखा जाएगा", "धरना देंगे".
_FUTURE_ENDINGS = ("गा", "गी", "गे", "गीं")
_FUTURE_WITHIN = 6
# What ends the clause first: a conjunction of clauses or a finite verb of past or present.
_CLAUSE_ENDS = frozenset({"कि", "जबकि", "लेकिन", "जिसमें", "जिसकी", "जहां", "जिसके", "है", "हैं",
                          "था", "थी", "थे", "हुई", "हुआ", "हुए"})


@dataclass
class Role:
    role: str
    org: str | None
    jurisdiction: str | None
    appointed: bool
    evidence: str
    start: int
    end: int
    party: str | None = None

    def canonical(self) -> Post:
        """The post as analysts count it, with level, wing and party (newsbot.people.posts)."""
        return canonical_post(self.role, self.org, self.party)

    def to_json(self) -> dict:
        post = self.canonical()
        return {"role": self.role, "org": self.org, "jurisdiction": self.jurisdiction,
                "appointed": self.appointed, "evidence": self.evidence, "start": self.start,
                "end": self.end, "role_normalized": post.role_normalized, "post": post.post,
                "level": post.level, "wing": post.wing, "party": post.party, "former": post.former}


@dataclass
class Person:
    name: str
    key: str
    roles: list[Role] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"name": self.name, "roles": [role.to_json() for role in self.roles]}


@dataclass
class Analysis:
    political: bool
    event_types: list[str]
    parties: list[str]
    people: list[Person]
    counts: list[dict]

    def to_json(self) -> dict:
        return {"political": self.political, "event_types": self.event_types,
                "parties": self.parties, "people": [p.to_json() for p in self.people],
                "counts": self.counts}


def analysis_text(title: str | None, body: str) -> str:
    """The text an article is analysed as (offsets refer to it)."""
    return f"{title}\n\n{body}" if title else body


def analyse(text: str, author: str | None = None) -> Analysis:
    """Analyse *text*; a person named in *author* (the byline: "A, B") is left out."""
    vocab = vocabulary()
    tagged = [tag_sentence(s, vocab) for s in sentences(text, vocab.abbreviations, vocab.known, vocab.cut)]
    licensed = {unit.entry.value for s in tagged for unit in s.units
                if unit.tag == "P" and not unit.entry.ambiguous}
    fix_up(tagged, learn_places(tagged, vocab), licensed, vocab)
    parties = parties_named(tagged)
    bylines = {name_key(name) for name in (author or "").split(",") if name.strip()}
    people = _people(tagged, text, bylines)
    for person in people:
        for role in person.roles:
            role.party = role.party or (parties[0] if len(parties) == 1 else None)
    words = sum(token.key in vocab.political for s in tagged for token in s.tokens)
    political = bool(parties) or words >= POLITICAL_WORDS
    events = _event_types(tagged, people) if political else []
    return Analysis(political, events, parties, people, _counts(tagged, text))


def _people(tagged: list[TaggedSentence], text: str, bylines: set[str]) -> list[Person]:
    people: dict[str, Person] = {}
    # Appointments whose post the sentence does not name ("X को पार्टी की कमान सौंपी"): the
    # person's post named anywhere in the text is the one given, evidence this sentence.
    pending: dict[str, tuple[tuple[int, int], Fact]] = {}
    last: Person | None = None
    last_appointment: Fact | None = None
    announced, since = None, 0  # the post of a list announced, sentences since
    # HEADLINE_ANNOUNCES "प्रभारी सचिवों की नियुक्ति" as the headline: the post of every charge
    # without a post in the body, however far down.
    headline = None
    # WELCOMED_NEW: whose appointment the text reports. नवनियुक्त alone does not (a text welcoming
    # someone newly appointed, eval-dev's convention); a list announced does for everyone, any
    # other appointment frame for its person.
    listed_any, reported = False, set()
    for sentence in tagged:
        evidence = (sentence.sentence.start, sentence.sentence.end)
        found = facts(sentence, text)
        listed = list_facts(sentence, text, announced if since <= ANNOUNCED_FOR else None)
        post = announcement(sentence, text)
        announced, since = (post, 0) if post else (announced, 0 if listed else since + 1)
        if post and sentence.sentence.start < _headline_end(text):
            headline = post
        # CLAUSE_CHARGE "X को रामनगर का प्रभारी बनाया, जबकि सोनपुर की जिम्मेदारी Y को दी": the
        # post given in the sentence is the post of its charges of a place.
        given = next((fact.role for fact in found + listed if fact.appointed and fact.role), None)
        listed_any = listed_any or post is not None
        for fact in found + listed:
            if fact.name is None:
                person = last
            else:
                name = normalise(text[fact.name[0]:fact.name[1]])
                person = people.setdefault(name_key(name), Person(name, name_key(name)))
            if person is None:
                continue
            last = person
            if fact.appointed and not fact.new:
                reported.add(person.key)
            if fact.role is None and not fact.appointed and not fact.carry:
                continue  # EXPELLED: named with no post, only to be the person named last
            if fact.carry and last_appointment is not None:
                fact.role, fact.org, fact.party = last_appointment.role, last_appointment.org, last_appointment.party
            if fact.appointed and fact.role is not None:
                last_appointment = fact
            if fact.role is None and fact.appointed and fact.org is None and given is not None:
                fact.charge = given
            elif fact.role is None and fact.appointed and announced is not None and since <= ANNOUNCED_FOR:
                fact.charge = announced  # "प्रभारी सचिवों की नियुक्ति … X को रायपुर का प्रभार"
            elif fact.role is None and fact.appointed and headline is not None:
                fact.charge = headline
            if fact.role is None:
                held = pending.get(person.key)
                if held is None:
                    pending[person.key] = (evidence, fact)
                elif held[0][0] < _headline_end(text):  # the body's sentence over the headline
                    pending[person.key] = (evidence, fact if fact.charge else held[1])
            else:
                _add_role(person, fact, text, evidence)
    for key, ((start, end), fact) in pending.items():
        # RANK_CHARGE "पूर्व जिलाध्यक्ष / अपर मुख्य सचिव X को जिले की कमान / का प्रभार सौंपा": a
        # former post, or a rank stated in the charge's own sentence, is held, not given.
        if any(role.appointed for role in people[key].roles):
            continue
        roles = [role for role in people[key].roles if not _former(role.role) and role.start != start]
        if roles:
            roles[0].appointed, roles[0].evidence, roles[0].start, roles[0].end = True, text[start:end], start, end
        elif not roles and fact.charge:  # "X को मिली युवा कांग्रेस की कमान": its head
            fact.role = fact.charge
            _add_role(people[key], fact, text, (start, end))
    for person in () if listed_any else people.values():
        if person.key not in reported:  # WELCOMED_NEW "नवनियुक्त ROLE X का स्वागत": no appointment
            for role in person.roles:
                role.appointed = False
    merged = _merge_partial_names(list(people.values()))
    return [p for p in merged if p.roles and p.key not in bylines]


def _add_role(person: Person, fact: Fact, text: str, evidence: tuple[int, int]) -> None:
    start, end = evidence
    new = Role(normalise(fact.role), _display(fact.org), _display(fact.jurisdiction), fact.appointed,
               text[start:end], start, end, fact.party)
    for role in person.roles:
        if _same_role(role.role, new.role) and not _rank_and_post(role, new):
            _combine(role, new, _headline_end(text))
            return
    person.roles.append(new)


def _former(role: str) -> bool:
    return not _FORMER.isdisjoint(token.key for token in tokenize(role))


def _headline_end(text: str) -> int:
    """Where the headline (the first line) ends; 0 when the text is one line."""
    return max(text.find("\n"), 0)


def _display(value: str | None) -> str | None:
    return normalise(value) if value else None


def _same_role(a: str, b: str) -> bool:
    """Same post: equal keys, or the words of one within the other's ("उपाध्यक्ष" and "प्रदेश
    उपाध्यक्ष" are; "अध्यक्ष" and "उपाध्यक्ष" are not, nor "पूर्व जिलाध्यक्ष" and "जिलाध्यक्ष")."""
    if role_key(a) == role_key(b):
        return True
    words_a, words_b = (tuple(t.key for t in tokenize(r)) for r in (a, b))
    if _FORMER.isdisjoint(words_a) != _FORMER.isdisjoint(words_b):
        return False  # a former post is not the one held now: पूर्व जिलाध्यक्ष / जिलाध्यक्ष
    short, long = sorted((words_a, words_b), key=len)
    return any(long[i:i + len(short)] == short for i in range(len(long) - len(short) + 1))


def _rank_and_post(a: Role, b: Role) -> bool:
    """One sentence giving a person a rank and, appointed, a longer post over it ("निरीक्षक X
    को प्रभारी निरीक्षक बनाया", "नायब तहसीलदार X को तहसीलदार का प्रभार"): two roles."""
    return a.start == b.start and a.appointed != b.appointed and role_key(a.role) != role_key(b.role)


def _combine(role: Role, new: Role, headline_end: int = 0) -> None:
    """Fold *new* into the same *role*; the evidence is the appointment's sentence, and the
    body's sentence rather than the headline's."""
    if len(role_key(new.role)) > len(role_key(role.role)):  # the fuller title: "प्रदेश उपाध्यक्ष"
        role.role = new.role
    role.org = role.org or new.org
    role.jurisdiction = role.jurisdiction or new.jurisdiction
    role.party = role.party or new.party
    if (new.appointed and not role.appointed) or (new.appointed == role.appointed
                                                  and role.start < headline_end <= new.start):
        role.appointed, role.evidence, role.start, role.end = new.appointed, new.evidence, new.start, new.end


def _merge_partial_names(people: list[Person]) -> list[Person]:
    """Fold a shorter name into the one longer name of the text that contains its words."""
    words = {p.key: tuple(name_key(w) for w in p.name.split()) for p in people}
    kept = []
    for person in people:
        mine = words[person.key]
        hosts = [p for p in people if len(words[p.key]) > len(mine) and _contains(words[p.key], mine)]
        if len(hosts) == 1:
            for role in person.roles:
                _add_existing(hosts[0], role)
        else:
            kept.append(person)
    return kept


def _contains(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    return any(long[i:i + len(short)] == short for i in range(len(long) - len(short) + 1))


def _add_existing(person: Person, new: Role) -> None:
    for role in person.roles:
        if _same_role(role.role, new.role) and not _rank_and_post(role, new):
            _combine(role, new)
            return
    person.roles.append(new)


def _event_types(tagged: list[TaggedSentence], people: list[Person]) -> list[str]:
    vocab = vocabulary()
    found = set()
    for sentence in tagged:
        keys = [token.key for token in sentence.tokens]
        index = 0
        while index < len(keys):
            hit = vocab.longest(vocab.events, keys, index)
            if hit is None:
                index += 1
                continue
            length, entry = hit
            if not _to_come(sentence, index + length):
                found.add(entry.value)
            index += length
    if any(role.appointed for person in people for role in person.roles):
        found.add("appointment")
    return [event for event in EVENT_TYPES if event in found]


def _to_come(sentence: TaggedSentence, index: int) -> bool:
    """A future verb follows tokens[index:] before the clause ends (see _FUTURE_ENDINGS)."""
    for token in sentence.tokens[index:index + _FUTURE_WITHIN]:
        if not token.is_word or token.key in _CLAUSE_ENDS:
            return False
        if token.key.endswith(_FUTURE_ENDINGS) and len(token.key) > 3:
            return True
    return False


def _counts(tagged: list[TaggedSentence], text: str) -> list[dict]:
    """Posts counted without names: "34 विधानसभा कोऑर्डिनेटर", "दो उपाध्यक्ष"."""
    counts: list[dict] = []
    for sentence in tagged:
        for match in COUNT_RE.finditer(sentence.tags()):
            number = sentence.units[match.start()]
            value = number.entry.value if number.entry else sentence.key_of(match.start()).replace(",", "")
            first, last = sentence.span(*match.span(1))
            role = text[first:last]
            for plural, singular in _PLURAL_DISPLAY:
                if sentence.units[match.end() - 1].tag == "r" and role.endswith(plural):
                    role = role[:-len(plural)] + singular
                    break
            record = {"role": role, "count": int(value)} if value.isdigit() else None
            if record and record not in counts:
                counts.append(record)
    return counts

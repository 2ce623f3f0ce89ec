"""The vocabulary of the analysis, read once from ``data/*.tsv``: code holds the grammar, these
files hold the words (roles and levels, parties and wings, honorifics, surnames, appointment
verbs, places, event words). Every phrase is keyed on the match form, word by word.

Each phrase maps to a one-letter *tag* that the grammar in rules.py reads:

    R post      L level       s role suffix   E descriptor   n newly appointed
    V appoint   J charge      G give          Y position     Z future   U pronoun   T former
    A seat (जगह) g take on (संभालेंगे)   X remove (हटाया)   u subject pronoun (वह)   K genitive  N agent (ने)  O object (को)   m in (में)
    S from (से)  C and        # number
    P party     p "पार्टी"     F place         H honorific    j जी        x stop word
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from newsbot.people.tokens import key, tokenize

DATA = Path(__file__).with_name("data")

_KINDS = {
    "roles.tsv": {"post": "R", "level": "L", "suffix": "s", "descriptor": "E", "new": "n", "body": "L"},
    "verbs.tsv": {"appoint": "V", "charge": "J", "give": "G", "position": "Y", "future": "Z",
                  "pronoun": "U", "former": "T", "seat": "A", "take": "g", "remove": "X",
                  "resign": "X"},
    "words.tsv": {"genitive": "K", "agent": "N", "object": "O", "in": "m", "and": "C",
                  "number": "#", "party": "p", "stop": "x", "from": "S", "subject": "u"},
    "honorifics.tsv": {"prefix": "H", "suffix": "j"},
}
# A consonant followed by the vowel letter अ is the same compound as the consonant + ा:
# जिला अध्यक्ष = जिलाध्यक्ष, उप अध्यक्ष = उपाध्यक्ष (role keys compare without spaces).
GLUED_POSTPOSITIONS = ("को", "ने", "के", "का", "की", "से", "में")
MIN_GLUED = 3  # characters on each side of a cut
_CONSONANT = re.compile("[\u0915-\u0939]")
_SANDHI = re.compile("([\u0915-\u0939])\u0905|\u093e\u0905")


@dataclass(frozen=True, slots=True)
class Entry:
    tag: str
    # Party code for P; the number for #; the event type for event phrases; else the kind
    # of the data file ("body" for an organisation word).
    value: str = ""
    ambiguous: bool = False


@dataclass
class Vocabulary:
    # First word key -> [(phrase keys, entry)], longest phrase first.
    phrases: dict[str, list[tuple[tuple[str, ...], Entry]]] = field(default_factory=dict)
    events: dict[str, list[tuple[tuple[str, ...], Entry]]] = field(default_factory=dict)
    political: frozenset[str] = frozenset()
    surnames: frozenset[str] = frozenset()
    name_parts: frozenset[str] = frozenset()
    leaders: frozenset[str] = frozenset()  # printed by one name: "मायावती"
    titles: frozenset[str] = frozenset()  # honorific before a name, surname after one
    variants: dict[str, str] = field(default_factory=dict)
    # Word keys that may carry an abbreviation dot (डॉ.), and every word the phrases begin with.
    abbreviations: frozenset[str] = frozenset()
    known: frozenset[str] = frozenset()
    posts: frozenset[str] = frozenset()  # one-word posts: where a glued name is cut off
    cuts: dict[str, int] = field(default_factory=dict)

    def longest(self, table: dict, keys: list[str], start: int) -> tuple[int, Entry] | None:
        """The longest phrase of *table* starting at keys[start]: (its length, its entry)."""
        for phrase, entry in table.get(keys[start], ()):
            if tuple(keys[start:start + len(phrase)]) == phrase:
                return len(phrase), entry
        return None

    def fold(self, word_key: str) -> str:
        return self.variants.get(word_key, word_key)

    def cut(self, word: str) -> int:
        """Where a word printed without its space is cut (0: it is one word). A postposition
        glued to a known word or surname: "राजभरको", "बसपाके"; a post glued to the name after
        it: "मुख्यमंत्रीमायावती" (the rest a word of its own, beginning with a consonant)."""
        at = self.cuts.get(word)
        if at is None:
            at = self.cuts[word] = self._cut(word)
        return at

    def _cut(self, word: str) -> int:
        whole = key(word)
        if whole in self.known or whole in self.surnames or whole in self.name_parts:
            return 0
        for ending in GLUED_POSTPOSITIONS:
            stem = len(word) - len(ending)
            if word.endswith(ending) and stem >= MIN_GLUED and (
                    key(word[:stem]) in self.known or key(word[:stem]) in self.surnames):
                return stem
        for at in range(MIN_GLUED + 1, len(word) - MIN_GLUED + 1):
            if _CONSONANT.match(word, at) and key(word[:at]) in self.posts:
                return at
        return 0


def _rows(name: str):
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield [cell.strip() for cell in line.split("\t")]


def phrase_keys(phrase: str) -> tuple[str, ...]:
    return tuple(token.key for token in tokenize(phrase))


def _add(table: dict, phrase: str, entry: Entry) -> None:
    keys = phrase_keys(phrase)
    items = table.setdefault(keys[0], [])
    if any(existing == keys for existing, _ in items):
        raise ValueError(f"{phrase!r} is listed twice in the people vocabulary")
    items.append((keys, entry))
    items.sort(key=lambda item: -len(item[0]))


@cache
def vocabulary() -> Vocabulary:
    vocab = Vocabulary()
    for code, alias, *flags in _rows("parties.tsv"):
        flags = set(flags[0].split(",")) if flags else set()
        _add(vocab.phrases, alias, Entry("P", code, "ambiguous" in flags))
    for (place,) in _rows("places.tsv"):
        _add(vocab.phrases, place, Entry("F"))
    titles = set()
    for name, kinds in _KINDS.items():
        for phrase, kind, *value in _rows(name):
            if kind == "title":
                titles.add(key(phrase))
            else:
                _add(vocab.phrases, phrase, Entry(kinds[kind], value[0] if value else kind))
    political = set()
    for event_type, phrase in _rows("events.tsv"):
        if event_type == "political":
            political.add(key(phrase))
        else:
            _add(vocab.events, phrase, Entry("e", event_type))
    surnames = {key(w): kind for w, kind in _rows("surnames.tsv")}
    vocab.variants = {key(a): key(b) for a, b in _rows("variants.tsv")}
    vocab.political = frozenset(political)
    vocab.surnames = frozenset(k for k, kind in surnames.items() if kind == "surname")
    vocab.name_parts = frozenset(k for k, kind in surnames.items() if kind == "part")
    vocab.leaders = frozenset(k for k, kind in surnames.items() if kind == "leader")
    vocab.titles = frozenset(titles)
    vocab.abbreviations = vocab.titles | {first for first, items in vocab.phrases.items()
                                          if any(entry.tag == "H" for _, entry in items)}
    vocab.known = frozenset(vocab.phrases)
    vocab.posts = frozenset(first for first, items in vocab.phrases.items()
                            if any(len(keys) == 1 and entry.tag == "R" for keys, entry in items))
    return vocab


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """The registry key of a name: match form, spelling variants folded, spaces removed, so
    राम सिंह कुशवाहा = रामसिंह कुशवाहा and मुहम्मद = मोहम्मद."""
    vocab = vocabulary()
    return "".join(vocab.fold(token.key) for token in tokenize(name) if token.is_word)


def without_honorifics(name: str) -> str:
    """*name* without the honorifics and titles before it or जी after it ("श्री X जी" -> "X")."""
    vocab = vocabulary()
    words = [w for w in name.split() if w.strip(".०")]
    while len(words) > 1 and key(words[0].rstrip(".०")) in vocab.abbreviations:
        words.pop(0)
    while len(words) > 1 and key(words[-1]) == "जी":
        words.pop()
    return " ".join(words)


@lru_cache(maxsize=65536)
def role_key(role: str) -> str:
    """A role compared across spellings: जिला अध्यक्ष = ज़िलाध्यक्ष, कोर्डिनेटर = कोऑर्डिनेटर."""
    vocab = vocabulary()
    joined = "".join(vocab.fold(token.key) for token in tokenize(role) if token.is_word)
    return joined_vowel(joined)


def joined_vowel(word_key: str) -> str:
    """अ after a consonant or ा written as one vowel: "जिलाअध्यक्ष", "प्रदेशअध्यक्ष" -> "…ाध्यक्ष"."""
    return _SANDHI.sub(lambda m: (m.group(1) or "") + "\u093e", word_key)

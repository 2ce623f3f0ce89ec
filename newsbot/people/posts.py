"""Canonical posts: a role as analysts count it (``role_normalized``), with its level, wing and
party kept apart.

"ज़िलाध्यक्ष", "जिला अध्यक्ष", "ज़िला अध्यक्षा" and "भाजपा जिलाध्यक्ष" are all level जिला and post
अध्यक्ष, ``role_normalized`` "जिला अध्यक्ष"; "पूर्व विधायक" is post विधायक, former. The role's
words are read on the match form against data/posts.tsv (levels, wings, former, spellings of
one post), data/parties.tsv (a party named inside the role goes to ``party``) and data/orgs.tsv
(a wing counts for its party: भाजयुमो is BJP's युवा मोर्चा, युवा कांग्रेस is INC's).

>>> canonical_post("नवनियुक्त ज़िलाध्यक्षा", org="भाजयुमो").role_normalized
'जिला अध्यक्ष'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from newsbot.people.tokens import tokenize
from newsbot.people.vocab import _rows, joined_vowel, phrase_keys, role_key, vocabulary

FORMER = "पूर्व"
# A level joined to अध्यक्ष(ा) in one word splits by itself: जिला + अध्यक्ष = जिलाध्यक्ष.
_JOINED = (("ाध्यक्ष", "अध्यक्ष"), ("ाध्यक्षा", "अध्यक्षा"))


@dataclass(frozen=True, slots=True)
class Post:
    role_normalized: str  # [पूर्व] [level] post: what to count
    post: str
    level: str | None = None
    wing: str | None = None
    party: str | None = None
    former: bool = False


@dataclass(frozen=True)
class _Tables:
    # First word key -> [(phrase keys, (kind, canonical))], longest first (as in vocab.py).
    words: dict
    posts: dict[str, str]  # role_key of a spelling of a post -> the post
    fused: dict[str, tuple[str, ...]]  # a word holding level and post -> its part keys
    levels: frozenset[str]  # word keys of one-word levels
    orgs: dict  # first word key -> [(phrase keys, (party, wing))]


@lru_cache(maxsize=4096)
def canonical_post(role: str, org: str | None = None, party: str | None = None) -> Post:
    """The canonical post of *role*; *org* and *party* (as the analysis found them) name the
    wing and the party when the role does not."""
    tables, vocab = _tables(), vocabulary()
    keys = _keys(role, tables)
    levels: list[str] = []
    wings: list[str] = []
    words: list[str] = []
    named_parties: list[str] = []
    former = False
    index = 0
    while index < len(keys):
        own = vocab.longest(tables.words, keys, index)
        named = vocab.longest(vocab.phrases, keys, index)
        if named is not None and named[1].tag == "P" and (own is None or named[0] >= own[0]):
            named_parties.append(named[1].value)  # "प्रदेश कांग्रेस अध्यक्ष": INC, not the post
            index += named[0]
            continue
        if own is None:
            words.append(keys[index])
            index += 1
            continue
        length, (kind, value) = own
        if kind == "level" and value not in levels:
            levels.append(value)
        elif kind == "wing" and value not in wings:
            wings.append(value)
        former = former or kind == "former"
        index += length
    post = _post(words, tables) or " ".join(levels + wings) or role_key(role)
    level = (" ".join(levels) or None) if words else None
    wing_party, wing = _wing(f"{org or ''} {role}", tables)
    party = party or wing_party or next(iter(named_parties), None) or _party_named(org)
    normalized = " ".join(part for part in (FORMER if former else None, level, post) if part)
    return Post(normalized, post, level, wing or " ".join(wings) or None, party, former)


def _keys(role: str, tables: _Tables) -> list[str]:
    """The role's word keys, spelling variants folded, fused words split; Latin words only
    when there is nothing else ("प्रदेश मीडिया (Media) प्रभारी")."""
    vocab = vocabulary()
    words = [token for token in tokenize(role) if token.is_word]
    if any(not token.text.isascii() for token in words):
        words = [token for token in words if not token.text.isascii()]
    keys: list[str] = []
    for token in words:
        key = joined_vowel(vocab.fold(token.key))  # "जिलाअध्यक्ष" = जिलाध्यक्ष
        keys.extend(tables.fused.get(key) or _split(key, tables))
    return keys


def _split(key: str, tables: _Tables) -> tuple[str, ...]:
    """"जिलाध्यक्ष" -> जिला, अध्यक्ष when what comes before ाध्यक्ष is a level; else the word."""
    for joined, post in _JOINED:
        stem = key.removesuffix(joined)
        if stem and stem != key:
            level = next((level for level in (stem, stem + "ा") if level in tables.levels), None)
            return (level, post) if level else (key,)
    return (key,)


def _post(words: list[str], tables: _Tables) -> str:
    """The post's words as one canonical post: the whole phrase if listed, else word by word."""
    if not words:
        return ""
    whole = tables.posts.get(role_key(" ".join(words)))
    if whole:
        return whole
    mapped = " ".join(tables.posts.get(role_key(word), word) for word in words)
    return tables.posts.get(role_key(mapped), mapped)


def _wing(text: str, tables: _Tables) -> tuple[str | None, str | None]:
    """(party, wing) of the first wing or front named in *text*."""
    vocab = vocabulary()
    keys = [vocab.fold(token.key) for token in tokenize(text) if token.is_word]
    for index in range(len(keys)):
        found = vocab.longest(tables.orgs, keys, index)
        if found is not None:
            return found[1]
    return None, None


def _party_named(org: str | None) -> str | None:
    """The party an org names ("जिला कांग्रेस कमेटी": INC)."""
    if not org:
        return None
    vocab = vocabulary()
    keys = [token.key for token in tokenize(org) if token.is_word]
    for index in range(len(keys)):
        found = vocab.longest(vocab.phrases, keys, index)
        if found is not None and found[1].tag == "P" and not found[1].ambiguous:
            return found[1].value
    return None


@cache
def _tables() -> _Tables:
    words: dict = {}
    posts: dict[str, str] = {}
    fused: dict[str, tuple[str, ...]] = {}
    for phrase, kind, *canonical in _rows("posts.tsv"):
        value = canonical[0] if canonical else ""
        if kind == "post":
            posts[role_key(phrase)] = value
        elif kind == "fused":
            fused[role_key(phrase)] = phrase_keys(value)
        else:
            _add(words, phrase, (kind, value))
    levels = frozenset(keys[0] for items in words.values() for keys, (kind, _) in items
                       if kind == "level" and len(keys) == 1)
    orgs: dict = {}
    for phrase, party, wing in _rows("orgs.tsv"):
        _add(orgs, phrase, (party, wing))
    return _Tables(words, posts, fused, levels, orgs)


def _add(table: dict, phrase: str, entry: tuple[str, str]) -> None:
    vocab = vocabulary()
    keys = tuple(vocab.fold(key) for key in phrase_keys(phrase))
    items = table.setdefault(keys[0], [])
    items.append((keys, entry))
    items.sort(key=lambda item: -len(item[0]))

"""Where a name begins and ends in a tagged sentence, honorifics left out.

A name is a run of unknown words (tag ``w``): anything in the vocabulary ends it (a
postposition, a role, a place, a party, a verb). Honorifics before it (``H``) and जी after it
are not part of it; a title such as चौधरी is dropped only from the start of a name.
A run longer than MAX_WORDS is cut after its last known surname, or rejected.
"""

from __future__ import annotations

from functools import lru_cache

from wordfreq import zipf_frequency

from newsbot.people.tokens import key
from newsbot.people.units import TaggedSentence
from newsbot.people.vocab import vocabulary

MAX_WORDS = 4
ALIAS = "उर्फ"
# wordfreq's Zipf scale: 4.5 is about once per 30,000 words of Hindi text; first names and
# leaders lie around 4-5 too, so only a one-word name is judged by it (see clean).
WORD_ZIPF = 4.5
VERB_ENDINGS = ("ना", "ने", "ता", "ती", "ते", "कर")
VERB_ZIPF, VERB_FORMS = 3.3, 5
# A past form (संभाला, संभाली, संभाले) when all six siblings of its stem are words.
PAST_ENDINGS, PAST_ZIPF = ("ा", "ी", "े"), 3.0
# Before a name found from the role after it ("X, प्रभारी"), what may stand: sentence start,
# punctuation, a descriptor (मुख्य अतिथि), a role (its own name), an agent or honorific.
_STRONG_LEFT = frozenset("^,(.ENRHj")

# A lone unknown word between a post and one of these nouns is part of a compound, not a
# name: "जिलाध्यक्ष मनोयन पत्र" (a misspelt मनोनयन), "विधायक आवास".
_NOT_AFTER_ONE_WORD = frozenset({"पत्र", "पद", "निधि", "आवास", "निवास", "कार्यालय", "कोटा", "कोटे",
                                 "पुत्र", "पत्नी", "पति", "परिवार", "चुनाव", "कार्यकाल", "दफ्तर"})

# PREDICATE: a frequent word before these ends no name, it is what the name is ("… लोकप्रिय हैं").
_COPULA = frozenset({"है", "हैं", "था", "थे", "थी", "थीं"})

Name = tuple[tuple[int, int], tuple[int, int]]  # (character span, unit range)


def name_after(sentence: TaggedSentence, index: int) -> Name | None:
    """The name starting at units[index] (after any honorifics), if there is one. Words
    followed by an honorific are not the name: the name follows the honorific ("पूर्व सांसद
    नारी शक्ति की पहचान सुश्री कमला देवी")."""
    units = sentence.units
    start, stop = _run(units, index)
    if stop > start and stop < len(units) and units[stop].tag == "H":
        start, stop = _run(units, stop)
    if stop - start == 1 and stop < len(units) and sentence.key_of(stop) in _NOT_AFTER_ONE_WORD:
        return None
    return clean(sentence, start, stop) if stop > start else None


def _run(units: list, index: int) -> tuple[int, int]:
    """The honorifics and name words from *index*: (first name word, after the last)."""
    while index < len(units) and units[index].tag == "H":
        index += 1
    stop = index
    while stop < len(units) and units[stop].tag == "w":
        stop += 1
    return index, stop


def name_before(sentence: TaggedSentence, role_start: int) -> Name | None:
    """The name right before a role that has none after it: "रमाकांत सिंह चेयरमैन ने",
    "नसीरुद्दीन अंसारी, प्रभारी ...", "राम सिंह (जिलाध्यक्ष)" (but not "ROLE A, ROLE": a list
    cut short)."""
    units = sentence.units
    comma = role_start > 0 and units[role_start - 1].tag == ","
    stop = role_start - 1 if comma or (role_start > 0 and units[role_start - 1].tag == "(") else role_start
    start = stop
    while start > 0 and units[start - 1].tag == "w" and stop - start < MAX_WORDS:
        start -= 1
    if start == stop:
        return None
    left = start - 1
    while left >= 0 and units[left].tag == "H":
        left -= 1
    before = units[left].tag if left >= 0 else "^"
    if before == "w" or before in "K#" or (before not in _STRONG_LEFT and stop - start < 2):
        return None
    if comma and before == "R":
        return None
    return clean(sentence, start, stop)


def names_in(sentence: TaggedSentence, start: int, stop: int) -> list[Name]:
    """The names of a list "A, B और श्रीमती C" spanning units[start:stop]."""
    found, index = [], start
    while index < stop:
        if sentence.units[index].tag in ",C":
            index += 1
            continue
        end = index
        while end < stop and sentence.units[end].tag not in ",C":
            end += 1
        name = name_after(sentence, index)
        if name is not None and name[1][0] < end < name[1][1]:  # the span given ends the name
            name = clean(sentence, name[1][0], end)
        if name is not None and name[1][1] <= end:
            found.append(name)
        index = end
    return found


def clean(sentence: TaggedSentence, start: int, stop: int) -> Name | None:
    """The name in the word units[start:stop], titles dropped and a long run cut; None when
    the words cannot be a name (one name part alone, a run with no surname to cut at)."""
    vocab = vocabulary()
    keys = [vocab.fold(key) for key in sentence.word_keys(start, stop)]
    # A title before one word is the name's ("कुमारी शैलजा"), but not before a leader known by
    # one name ("कुमारी मायावती").
    while len(keys) >= 2 and keys[0] in vocab.titles and (len(keys) >= 3 or keys[1] in vocab.leaders):
        start, keys = start + 1, keys[1:]
    if ALIAS in keys[1:]:  # ALIAS "रामू उर्फ रामेश्वर यादव": the name before the alias
        at = keys.index(ALIAS)
        stop, keys = start + at, keys[:at]
    elif len(keys) == MAX_WORDS and _two_names(keys, vocab):
        stop, keys = start + 2, keys[:2]  # RUN_TOGETHER "रामसेवक पाल दिनेश वर्मा": two names
    if len(keys) > MAX_WORDS:
        cut = max((i for i, k in enumerate(keys[:MAX_WORDS]) if k in vocab.surnames), default=-1)
        if cut < 1:
            return None
        stop, keys = start + cut + 1, keys[:cut + 1]
    if len(keys) >= 2 and keys[-1] == keys[-2]:  # a surname printed twice: "A अग्रवाल अग्रवाल"
        stop, keys = stop - 1, keys[:-1]
    if len(keys) >= 2 and stop < len(sentence.units) and sentence.key_of(stop) in _COPULA \
            and looks_like_word(sentence.tokens[sentence.units[stop - 1].first].text):
        stop, keys = stop - 1, keys[:-1]  # PREDICATE "मुख्यमंत्री योगी लोकप्रिय हैं": no name word
    if len(keys) == 1 and (keys[0] in vocab.name_parts or len(keys[0]) < 2):
        return None
    return _checked(sentence, start, stop)


def _two_names(keys: list[str], vocab) -> bool:
    """Four words that are two names printed without a comma: the second and the fourth
    surnames, the third a first name ("रामसेवक पाल दिनेश वर्मा"; not "राजेश सिंह चौहान")."""
    return (keys[1] in vocab.surnames and keys[3] in vocab.surnames and keys[0] not in vocab.surnames
            and keys[2] not in vocab.surnames and keys[2] not in vocab.name_parts)


def _checked(sentence: TaggedSentence, start: int, stop: int) -> Name | None:
    words = [sentence.tokens[unit.first].text for unit in sentence.units[start:stop]]
    if (len(words) == 1 and looks_like_word(words[0])) or any(verb_form(word) for word in words):
        return None  # "परियोजना", "बनना आसान": words, no name
    return sentence.span(start, stop), (start, stop)


@lru_cache(maxsize=65536)
def verb_form(word: str) -> bool:
    """A form of a verb: its siblings by the verb endings are frequent too (wordfreq). "बनना":
    बनने, बनता, बनती, बनते, बनकर all are; "रचना", "सीता" (names) have too few."""
    for ending in VERB_ENDINGS:
        stem = word[:-len(ending)]
        if word.endswith(ending) and len(stem) >= 2:
            return sum(zipf_frequency(stem + other, "hi") >= VERB_ZIPF for other in VERB_ENDINGS) >= VERB_FORMS
    stem = word[:-1]  # PAST_FORM "X ने संभाला जिला अध्यक्ष का पद": every sibling of the stem is a word
    return word.endswith(PAST_ENDINGS) and len(stem) >= 3 and all(
        zipf_frequency(stem + other, "hi") >= PAST_ZIPF for other in VERB_ENDINGS)


@lru_cache(maxsize=65536)
def looks_like_word(word: str) -> bool:
    """A frequent Hindi word (wordfreq) that no name list knows: "हटाए", "मिशन", "बीस" alone
    are no names; "मायावती" (a leader) and "उपाध्याय" (a surname) are."""
    vocab = vocabulary()
    word_key = key(word)
    if word_key in vocab.surnames or word_key in vocab.name_parts or word_key in vocab.leaders:
        return False
    return zipf_frequency(word, "hi") >= WORD_ZIPF

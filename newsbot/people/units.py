"""Tagging: a sentence's tokens become *units*, one vocabulary phrase or word each, with the
one-letter tag (see vocab.py) that the grammar in rules.py matches as a string.

A text is tagged in one pass, then fixed up with what the whole text says:
- places it teaches (a dateline "मस्तूरी ।", "सांची में" (not a first name: "विकास में"),
  "फूलपुर विधानसभा में", "हैदरगढ़ तहसील का", "X स्थित", "X निवासी", the constituency in
  "155 शाहाबाद", a word ending as town names do: "धामपुर", "अलीगंज") are never names;
- an ambiguous party name (आप, निषाद) counts only when the text also names that party
  unambiguously;
- a surname that is also a role, party or place word stays in the name it ends ("मोहन प्रधान को",
  "राम सजीवन निषाद ने") unless a role phrase goes on after it;
- a place followed by a name word begins a name ("मथुरा प्रसाद यादव"), and so does a word
  that is also a first name followed by a surname ("खुशी यादव"; alone, "खुशी" is a word).
"""

from __future__ import annotations

from dataclasses import dataclass

from newsbot.people.tokens import MAX_INITIAL_CHARS, Sentence, Token
from newsbot.people.vocab import Entry, Vocabulary, joined_vowel

_PUNCTUATION = {",": ",", "/": ",", ";": ",", "(": "(", ")": ")"}
# A post as a label before its holder, "उपाध्यक्ष: A", "कोषाध्यक्ष – B", reads as "उपाध्यक्ष पद
# पर A": the mark is tagged Y (position).
LABEL_MARKS = frozenset({":", "-", "–", "—"})
# Endings no name word has: plural obliques, future verbs.
_NOT_NAME_ENDINGS = ("ों", "ओं", "ें", "ेंगे", "ेंगी", "ेगा", "ेगी", "ाएं", "एंगे", "एंगी", "एगा", "एगी")
_ABBREVIATION_MARKS = (".", "०", "\u0970", "0")  # "डा0": a Latin zero typed for the mark
_PLURALS = (("ियों", "ी"), ("ों", ""))
# Endings of town names that no first name has: "धामपुर", "अलीगंज", "मुरादाबाद", "रामगढ़".
_PLACE_ENDINGS = ("पुर", "गंज", "बाद", "गढ़", "नगर")
# Latin letters as Hindi prints initials: "जी किशन", "बी पी सरोज", "के सी वेणुगोपाल".
_LETTERS = frozenset({"ए", "बी", "सी", "डी", "ई", "एफ", "जी", "एच", "आई", "जे", "के", "एल", "एम", "एन",
                      "ओ", "पी", "क्यू", "आर", "एस", "टी", "यू", "वी", "डब्लू", "डब्ल्यू", "एक्स", "वाई", "जेड"})
# Letters that are also everyday words, initials only before another letter: "के सी X".
_WORD_LETTERS = frozenset({"के", "ए", "ई", "ओ", "आई"})
_QUOTES = frozenset("‘’'\"“”")
# A name part of Gujarati names; उर्फ ("alias") joins a name and the name it is also known by:
# "रामू उर्फ रामेश्वर यादव" (names.clean keeps both when short).
_INNER_PARTS = frozenset({"भाई", "बेन", "उर्फ"})
# Units that carry a role phrase on after a word: a surname before them is a role word.
_ROLE_MATERIAL = frozenset("LRrsPp#")
# A level word ("प्रमुख सचिव": principal) that is a post between a party and a name.
PARTY_HEAD = "प्रमुख"


@dataclass(slots=True)
class Unit:
    tag: str
    first: int  # index of the first token in the sentence
    stop: int  # index after the last token
    entry: Entry | None = None


@dataclass(slots=True)
class TaggedSentence:
    sentence: Sentence
    units: list[Unit]
    # The tag string, kept once the tags are final (fix_up): the grammar reads it many times.
    final_tags: str | None = None

    @property
    def tokens(self) -> tuple[Token, ...]:
        return self.sentence.tokens

    def tags(self) -> str:
        return self.final_tags or "".join(unit.tag for unit in self.units)

    def span(self, first_unit: int, stop_unit: int) -> tuple[int, int]:
        """Character offsets in the text of units[first_unit:stop_unit]."""
        return (self.tokens[self.units[first_unit].first].start,
                self.tokens[self.units[stop_unit - 1].stop - 1].end)

    def printed(self, text: str, first_unit: int, stop_unit: int) -> str:
        """units[first_unit:stop_unit] as printed in *text*, the text this sentence is from."""
        first, last = self.span(first_unit, stop_unit)
        return text[first:last]

    def word_keys(self, first_unit: int, stop_unit: int) -> list[str]:
        """The key of each unit's first word (a name unit is one word, maybe with its dot)."""
        return [self.tokens[unit.first].key for unit in self.units[first_unit:stop_unit]]

    def key_of(self, unit_index: int) -> str:
        return self.tokens[self.units[unit_index].first].key

    def unit_keys(self, unit_index: int) -> list[str]:
        unit = self.units[unit_index]
        return [token.key for token in self.tokens[unit.first:unit.stop]]


def tag_sentence(sentence: Sentence, vocab: Vocabulary) -> TaggedSentence:
    tokens = sentence.tokens
    keys = [vocab.fold(token.key) for token in tokens]
    units: list[Unit] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        hit = vocab.longest(vocab.phrases, keys, index) if token.is_word else None
        if hit is None and "\u0905" in keys[index][1:] and token.is_word:
            # JOINED_VOWEL "जिलाअध्यक्ष", "प्रदेशअध्यक्ष": a post printed with its अ unjoined
            hit = vocab.longest(vocab.phrases, [joined_vowel(keys[index])], 0)
            hit = hit if hit is not None and hit[0] == 1 and hit[1].tag in "RL" else None
        if _initial(tokens, index, units):
            unit = Unit("w", index, index + 1)
        elif hit is not None:
            length, entry = hit
            unit = Unit(entry.tag, index, index + length, entry)
            if entry.ambiguous:  # until the text licenses it (fix_up)
                unit.tag = "w" if keys[index] in vocab.surnames else "x"
        elif token.is_number:
            unit = Unit("#", index, index + 1)
        elif token.is_word:
            unit = Unit(_word_tag(tokens, index, keys[index], vocab), index, index + 1)
        else:
            label = token.text in LABEL_MARKS and units and units[-1].tag in "Rs"
            unit = Unit("Y" if label else _PUNCTUATION.get(token.text, "."), index, index + 1)
        units.append(unit)
        index = unit.stop
        if (unit.tag == "H" or (unit.tag == "w" and len(token.text) <= MAX_INITIAL_CHARS)) \
                and _abbreviated(tokens, index):
            unit.stop = index = index + 1  # डॉ. / डॉ० / के.सी.: the mark belongs to the word
    tagged = TaggedSentence(sentence, units)
    _join_name_parts(tagged)
    return tagged


def _join_name_parts(sentence: TaggedSentence) -> None:
    """Words that belong to a name as reporters print it: initials written as letters ("बी
    पी सरोज"), a nickname in quotes after the name ("राजीव कुमार ‘चुन्ना’"), भाई or an
    initial जी inside a name ("भीखू भाई दलसानिया", "रेणु जी पिल्ले")."""
    units = sentence.units
    index = 0
    while index < len(units):
        run = index
        while run < len(units) and units[run].stop - units[run].first == 1 \
                and sentence.key_of(run) in _LETTERS:
            run += 1
        if run > index and run < len(units) and units[run].tag == "w" and (index == 0 or units[index - 1].tag != "w") \
                and (run - index > 1 or sentence.key_of(index) not in _WORD_LETTERS):
            for unit in units[index:run]:
                unit.tag = "w"
        index = max(run, index + 1)
    for index in range(1, len(units) - 1):
        if (units[index].tag == "R" and units[index - 1].tag == "R" and units[index + 1].tag == "w"
                and units[index].stop - units[index].first == 1 and _spelt(sentence.key_of(index))):
            units[index].tag = "w"  # INITIALS_AFTER_POST "केंद्रीय मंत्री एसपी सिंह बघेल": एसपी the initials
    for index in range(len(units) - 3, 0, -1):
        if (units[index - 1].tag == "w" and units[index + 1].tag == "w"
                and sentence.tokens[units[index].first].text in _QUOTES
                and sentence.tokens[units[index + 2].first].text in _QUOTES):
            units[index:index + 3] = [Unit("w", units[index].first, units[index + 2].stop)]
    for index in range(1, len(units) - 1):
        if units[index - 1].tag == "w" and units[index + 1].tag == "w" and (
                sentence.key_of(index) in _INNER_PARTS or units[index].tag == "j"):
            units[index].tag = "w"  # "भीखू भाई दलसानिया", "रेणु जी पिल्ले" (an initial)
        elif (units[index - 1].tag == "w" and units[index].tag == "H" and units[index + 1].tag != "w"
                and units[index].stop - units[index].first == 1):
            units[index].tag = "w"  # SURNAME_TITLE "डॉ. रामदास महंत ने": a title after a name is its surname


def _spelt(word_key: str, letters: int = 0) -> bool:
    """Two letter names or more run together: "एसपी", "आरके", "डीके"."""
    if not word_key:
        return letters >= 2
    return any(word_key.startswith(letter) and _spelt(word_key[len(letter):], letters + 1) for letter in _LETTERS)


def _initial(tokens: tuple[Token, ...], index: int, units: list[Unit]) -> bool:
    """An initial of a name: "के.पी. रघुनाथन", "आर. के. सिंह" (a short word and its dot,
    the next word written on, or after another initial)."""
    token = tokens[index]
    if not token.is_word or len(token.text) > MAX_INITIAL_CHARS or not _abbreviated(tokens, index + 1):
        return False
    after = tokens[index + 2] if index + 2 < len(tokens) else None
    written_on = after is not None and after.start == tokens[index + 1].end and after.is_word
    previous = units[-1] if units else None
    return written_on or (previous is not None and previous.tag == "w"
                          and tokens[previous.stop - 1].text in _ABBREVIATION_MARKS)


def _word_tag(tokens: tuple[Token, ...], index: int, word_key: str, vocab: Vocabulary) -> str:
    """w (maybe a name word), r (a post in the plural: "अध्यक्षों") or x."""
    for plural, singular in _PLURALS:
        if word_key.endswith(plural):
            hit = vocab.longest(vocab.phrases, [word_key[:-len(plural)] + singular], 0)
            if hit is not None and hit[1].tag == "R":
                return "r"
    text = tokens[index].text
    if word_key in vocab.surnames:  # "ढिल्लों", "नेगी": no plural or future verb
        return "w"
    if text.isascii() or len(text) == 1 or text.endswith(_NOT_NAME_ENDINGS) or _doubled(text):
        return "x"
    return "w"


def _doubled(text: str) -> bool:
    """A word said twice with a hyphen is no name: "घर-घर", "गांव-गांव"."""
    parts = text.split("-")
    return len(parts) > 1 and len(set(parts)) == 1


def _abbreviated(tokens: tuple[Token, ...], index: int) -> bool:
    return (index < len(tokens) and tokens[index].text in _ABBREVIATION_MARKS
            and tokens[index].start == tokens[index - 1].end)


def learn_places(tagged: list[TaggedSentence], vocab: Vocabulary) -> set[str]:
    """Word keys a text shows to be places (see the module docstring)."""
    places: set[str] = set()
    for sentence in tagged:
        units, tags = sentence.units, sentence.tags()
        if sentence.sentence.opens_paragraph and tags[:1] == "w" and tags[1:2] in ("", ".", ",", "("):
            places.add(sentence.key_of(0))  # the dateline: "मस्तूरी ।", "हरदोई,"
        for index, unit in enumerate(units):
            if unit.tag != "w":
                continue
            word_key = sentence.key_of(index)
            if word_key.endswith(_PLACE_ENDINGS) and len(word_key) > 4 and not _name_word(word_key, vocab):
                places.add(word_key)
                continue
            after = units[index + 1] if index + 1 < len(units) else None
            before = units[index - 1] if index else None
            level = after is not None and after.tag == "L" and index + 2 < len(units)
            if level:
                after = units[index + 2]  # "फूलपुर विधानसभा में", "हैदरगढ़ तहसील का"
            if after is not None and (after.tag == "m" or (level and after.tag == "K")
                                      or sentence.key_of(units.index(after)) in ("स्थित", "निवासी")):
                if level or after.tag != "m" or not _name_word(sentence.key_of(index), vocab):
                    places.add(sentence.key_of(index))  # not a first name: "विकास में"
            elif before is not None and before.tag == "#" and index >= 2 and units[index - 2].tag == "R":
                places.add(sentence.key_of(index))  # "विधानसभा अध्यक्ष 155 शाहाबाद"
    return places


def fix_up(tagged: list[TaggedSentence], places: set[str], licensed: set[str],
           vocab: Vocabulary) -> None:
    inner: set[tuple[str, str]] = set()  # (first name, post) printed inside a name
    for sentence in tagged:
        units = sentence.units
        for index, unit in enumerate(units):
            if unit.entry is not None and unit.entry.ambiguous and unit.entry.value in licensed:
                unit.tag = "P"
            elif unit.tag == "w" and sentence.key_of(index) in places:
                unit.tag = "F"
        for index, unit in enumerate(units):
            if (unit.tag == "F" and unit.stop - unit.first == 1 and index + 1 < len(units)
                    and units[index + 1].tag == "w" and _name_word(sentence.key_of(index + 1), vocab)):
                unit.tag = "w"
            elif (unit.tag == "x" and unit.stop - unit.first == 1 and index + 1 < len(units)
                    and sentence.key_of(index) in vocab.name_parts and units[index + 1].tag == "w"
                    and sentence.key_of(index + 1) in vocab.surnames):
                unit.tag = "w"  # "खुशी यादव"
            elif (unit.tag in "LRPF" and unit.stop - unit.first == 1 and index
                    and units[index - 1].tag == "w"
                    and sentence.key_of(index) in vocab.surnames
                    and (index + 1 == len(units) or units[index + 1].tag not in _ROLE_MATERIAL)):
                unit.tag = "w"
            elif _post_in_name(sentence, index, vocab):
                unit.tag = "w"
                inner.add((sentence.key_of(index - 1), sentence.key_of(index)))
            elif (unit.tag == "L" and sentence.key_of(index) == PARTY_HEAD and 0 < index < len(units) - 1
                    and units[index - 1].tag in "Pp" and units[index + 1].tag in "wH"):
                unit.tag = "R"  # PARTY_HEAD "सपा प्रमुख X", "शिवसेना पार्टी प्रमुख X": the party's chief
        sentence.final_tags = sentence.tags()
    for sentence in tagged if inner else ():  # the same first name and post elsewhere: "सुरेंद्र मुखिया ROLE"
        for index, unit in enumerate(sentence.units):
            if unit.tag == "R" and index and (sentence.key_of(index - 1), sentence.key_of(index)) in inner \
                    and sentence.units[index - 1].tag == "w":
                unit.tag = "w"
        sentence.final_tags = "".join(unit.tag for unit in sentence.units)


def _post_in_name(sentence: TaggedSentence, index: int, vocab: Vocabulary) -> bool:
    """POST_IN_NAME "सुरेंद्र मुखिया बिंद (पूर्व अध्यक्ष)": a one-word post between a first name
    and a surname, and no name word after, is a word of the name."""
    units = sentence.units
    return (units[index].tag == "R" and units[index].stop - units[index].first == 1 and 0 < index < len(units) - 1
            and units[index - 1].tag == "w" and sentence.key_of(index - 1) not in vocab.surnames
            and units[index + 1].tag == "w" and sentence.key_of(index + 1) in vocab.surnames
            and (index + 2 == len(units) or units[index + 2].tag != "w"))


def _name_word(word_key: str, vocab: Vocabulary) -> bool:
    return word_key in vocab.surnames or word_key in vocab.name_parts


def parties_named(tagged: list[TaggedSentence]) -> list[str]:
    """Party codes named in the text, in order of first mention (ambiguous names included
    only once fix_up has licensed them)."""
    codes: list[str] = []
    for sentence in tagged:
        for unit in sentence.units:
            if unit.tag == "P" and unit.entry.value not in codes:
                codes.append(unit.entry.value)
    return codes

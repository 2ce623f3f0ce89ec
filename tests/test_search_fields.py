"""One shared analysis per document gives every field exactly the terms and positions its own
analyzer would (newsbot.search.fields), so indexing faster changes no search result."""

from __future__ import annotations

from collections import defaultdict

from hypothesis import given, settings
from hypothesis import strategies as st

from newsbot.search.fields import TITLE_WEIGHT, Terms, analyse_document
from newsbot.search.index import make_schema

SCHEMA = make_schema()
# Words with matras, nukta, virama, anusvara, chandrabindu, ZWJ/ZWNJ, Devanagari digits, stop
# words, Latin names and punctuation (danda, abbreviation sign), in any order.
PIECES = ["क", "ज़", "ि", "ी", "्", "ं", "ँ", "़", "ऑ", "आ", "र", "स", "\u200d", "\u200c", "२०२६", "की",
          " में ", " और ", "Sanjeev", "anand", "।", "॰", " ", " ", "\n", ",", "ष", "त्र", "ॉ", "ो"]
TEXT = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def _by_analyzer(fieldname: str, value: str) -> Terms:
    terms = defaultdict(list)
    for token in SCHEMA[fieldname].analyzer(value, positions=True, mode="index"):
        terms[token.text].append(token.pos)
    return Terms(terms)


@settings(max_examples=300, deadline=None)
@given(TEXT, TEXT, TEXT, st.lists(TEXT, max_size=3), TEXT)
def test_shared_analysis_equals_each_fields_analyzer(title, text, author, people, tags):
    names = "\n".join(people)
    values = {"title": title, "text": "\n".join((title, text, author, names, tags)), "author": author,
              "person": names, "romanised": "\n".join((title, text, author, names)),
              "person_romanised": names, "author_romanised": author}
    shared = analyse_document(title, text, author, names, tags)
    assert set(shared) == set(values)
    for fieldname, value in values.items():
        assert shared[fieldname] == _by_analyzer(fieldname, value), fieldname
    # A title word counts TITLE_WEIGHT times in the big fields' postings; other words once.
    title_terms = _by_analyzer("title", title)
    for term, positions in shared["text"].items():
        assert shared["text"].weight(term) == len(positions) + (TITLE_WEIGHT - 1) * len(title_terms.get(term, ()))


def test_hindi_article_terms():
    shared = analyse_document("ज़िला कांग्रेस की बैठक", "कार्यकर्ताओं की बैठकों में संजीव आनंद २०२६", "", "संजीव आनंद")
    # Stop words leave no gap: "कार्यकर्ताओं की बैठकों" is a phrase of consecutive positions.
    assert shared["text"]["कार्यकर्ताओं"] == [3] and shared["text"]["बैठकों"] == [4]
    assert shared["title"]["जिला"] == [0] and shared["text"]["जिला"] == [0]  # nukta folded
    assert shared["text"]["बैठक"] == [2]  # unstemmed: inflections are found at query time
    assert shared["text"]["2026"] == [7]  # Devanagari digits folded
    assert shared["text"].weight("बैठक") == TITLE_WEIGHT and shared["text"].weight("बैठकों") == 1
    assert shared["text"]["संजीव"] == [5, 8]  # in the text and the people's names
    assert shared["person_romanised"] == {"snjv": [0], "and": [1]}

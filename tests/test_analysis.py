"""The Hindi analyzer: whole-word tokens, offsets, folding, stop words, pickling."""

import pickle

from whoosh.analysis import StandardAnalyzer

from newsbot.search.analysis import HINDI_STOPWORDS, DevanagariTokenizer, HindiAnalyzer, MatchFormFilter

SHREDDED = "कार्यशाला में मुख्य अतिथि संजीव आनंद कोऑर्डिनेटर"


def texts(analyzer, value, **kwargs):
    return [t.text for t in analyzer(value, **kwargs)]


def test_whoosh_shreds_the_sentence():
    assert texts(StandardAnalyzer(), SHREDDED) == ["यश", "अत", "आन", "ऑर", "टर"]


def test_hindi_analyzer_keeps_whole_words():
    assert texts(HindiAnalyzer(), SHREDDED) == [
        "कार्यशाला", "मुख्य", "अतिथि", "संजीव", "आनंद", "कोआर्डिनेटर",
    ]


def test_tokenizer_words_marks_and_punctuation():
    value = "दुःख, हँसी। क्\u200dषेत्र (२०२६) अग॰ Hello_World 3.5"
    assert texts(DevanagariTokenizer(), value) == [
        "दुःख", "हँसी", "क्\u200dषेत्र", "२०२६", "अग", "Hello_World", "3", "5",
    ]


def test_tokenizer_joiners_only_inside_words():
    assert texts(DevanagariTokenizer(), "\u200dराम\u200c श्याम\u200d") == ["राम", "श्याम"]


def test_tokenizer_positions_and_chars():
    value = "मुख्य अतिथि संजीव"
    stream = DevanagariTokenizer()(value, positions=True, chars=True, start_pos=5, start_char=100)
    tokens = [(t.text, t.pos, t.startchar, t.endchar) for t in stream]
    assert tokens == [("मुख्य", 5, 100, 105), ("अतिथि", 6, 106, 111), ("संजीव", 7, 112, 117)]
    for text, _, start, end in tokens:
        assert value[start - 100:end - 100] == text


def test_tokenizer_reuses_one_token_and_keeps_original():
    tokens = DevanagariTokenizer()("हिन्दी ज़िला", keeporiginal=True, mode="index")
    first = next(tokens)
    assert (first.text, first.original, first.mode) == ("हिन्दी", "हिन्दी", "index")
    assert next(tokens) is first


def test_tokenizer_without_tokenizing():
    [token] = [t.copy() for t in DevanagariTokenizer()("नई दिल्ली", tokenize=False, chars=True)]
    assert (token.text, token.startchar, token.endchar) == ("नई दिल्ली", 0, 9)


def test_analyzer_folds_spellings():
    assert texts(HindiAnalyzer(), "ज़िला हँसी हिन्दी सम्बन्ध डॉक्टर २०२६ CAFÉ") == [
        "जिला", "हंसी", "हिंदी", "संबंध", "डाक्टर", "2026", "cafe",
    ]


def test_stopwords_removed_and_positions_renumbered():
    stream = HindiAnalyzer()("संजीव आनंद ने कहा कि यह सच है", positions=True)
    tokens = [(t.text, t.pos) for t in stream]
    assert tokens == [("संजीव", 0), ("आनंद", 1), ("कहा", 2), ("कि", 3), ("सच", 4)]


def test_stopwords_marked_not_removed_for_highlighting():
    tokens = [(t.text, t.stopped) for t in HindiAnalyzer()("आनंद ने कहा", removestops=False)]
    assert tokens == [("आनंद", False), ("ने", True), ("कहा", False)]


def test_one_letter_words_survive():
    # Whoosh's default minsize=2 would silently drop these.
    assert texts(HindiAnalyzer(), "व न ख") == ["व", "न", "ख"]


def test_stoplist_is_folded_and_replaceable():
    assert "में" in HINDI_STOPWORDS
    assert texts(HindiAnalyzer(stoplist=["ज़िला"]), "जिला में") == ["में"]
    assert texts(HindiAnalyzer(stoplist=()), "राम का") == ["राम", "का"]


def test_token_that_folds_to_nothing_is_dropped():
    assert texts(HindiAnalyzer(), "राम \u093c श्याम") == ["राम", "श्याम"]


def test_match_form_filter_skips_stopped_tokens():
    tokens = DevanagariTokenizer()("ज़िला")
    first = next(tokens)
    first.stopped = True
    assert [t.text for t in MatchFormFilter()(iter([first]))] == ["ज़िला"]


def test_analyzer_pickles_and_compares():
    analyzer = HindiAnalyzer()
    texts(analyzer, SHREDDED)  # fill the match-form cache; it must not travel
    clone = pickle.loads(pickle.dumps(analyzer))
    assert clone == analyzer
    assert not (clone != analyzer)
    assert texts(clone, SHREDDED) == texts(analyzer, SHREDDED)
    assert HindiAnalyzer(stoplist=()) != analyzer
    assert MatchFormFilter(cachesize=10) != MatchFormFilter()
    assert b"newsbot.search.analysis" in pickle.dumps(analyzer)

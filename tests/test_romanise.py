"""Romanisation (Devanagari → colloquial Latin) and the phonetic fold Latin search uses."""

import json
from pathlib import Path

import pytest

from newsbot.text.romanise import phonetic_fold, romanise, romanise_word

BUNDLED = Path(__file__).resolve().parent.parent / "newsbot" / "demo" / "sites"


@pytest.mark.parametrize(
    ("word", "latin"),
    [
        ("संजीव", "sanjiv"), ("आनंद", "anand"), ("अभिनव", "abhinav"), ("प्रताप", "pratap"),
        ("सिंह", "singh"), ("कांग्रेस", "kangres"), ("कोऑर्डिनेटर", "koordinetar"),
        ("कमला", "kamla"), ("सरकार", "sarkar"), ("राजकुमार", "rajkumar"), ("रामनरेश", "ramnaresh"),
        ("रामअवतार", "ramavtar"), ("वंदना", "vandana"), ("मोहम्मद", "mohammad"),
        ("कार्यकर्ता", "karyakarta"), ("शबनम", "shabnam"), ("क़ुरैशी", "quraishi"),
        ("ज़ैनब", "zainab"), ("फ़ातिमा", "fatima"), ("अरोड़ा", "arora"), ("ज्ञान", "gyan"),
        ("कृषि", "krishi"), ("निःशुल्क", "nishulk"), ("संबंध", "sambandh"), ("हँसी", "hansi"),
        ("२०२६", "2026"), ("BJP", "bjp"),
    ],
)
def test_romanise_word(word, latin):
    assert romanise_word(word) == latin


def test_romanise_ignores_joiners_and_keeps_punctuation():
    assert romanise("क्\u200dषेत्र, हिन्दी।") == "kshetra, hindi।"


@pytest.mark.parametrize(
    "spellings",
    [
        ("sanjeev", "sanjiv", "Sanjeev", "संजीव"),
        ("anand", "aanand", "आनंद"),
        ("abhinav", "abhinaw", "अभिनव"),
        ("singh", "simh", "sinh", "सिंह"),
        ("shabnam", "sabnam", "शबनम"),
        ("akhtar", "akhter", "aktar", "अख्तर"),
        ("mohammad", "mohammed", "muhammad", "मोहम्मद", "मुहम्मद"),
        ("quraishi", "qureshi", "kuraishi", "क़ुरैशी", "कुरैशी"),
        ("chaudhary", "choudhary", "chowdhury", "chaudhari", "चौधरी"),
        ("srivastava", "shrivastav", "श्रीवास्तव"),
        ("tripathi", "tripathy", "त्रिपाठी"),
        ("pandey", "pande", "pandeya", "पांडेय", "पाण्डेय"),
        ("yadav", "yadaw", "यादव"),
        ("saxena", "saksena", "सक्सेना"),
        ("zainab", "jainab", "ज़ैनब"),
        ("irfan", "irphan", "इरफ़ान"),
        ("congress", "कांग्रेस"),
        ("coordinator", "कोऑर्डिनेटर", "कोआर्डिनेटर"),
        ("social", "सोशल"),
        ("media", "मीडिया"),
    ],
)
def test_spellings_meet_in_the_fold(spellings):
    keys = {phonetic_fold(romanise_word(spelling)) for spelling in spellings}
    assert len(keys) == 1, keys


@pytest.mark.parametrize(("a", "b"), [("sanjay", "sanjiv"), ("kumar", "kumari"), ("singh", "sinha"),
                                      ("ram", "shyam"), ("anand", "vinod")])
def test_different_names_stay_apart(a, b):
    assert phonetic_fold(a) != phonetic_fold(b)


def test_fold_keeps_digits_and_drops_punctuation():
    assert phonetic_fold("2026") == "2026"
    assert phonetic_fold("o'brien") == phonetic_fold("obrien")
    assert phonetic_fold("") == phonetic_fold("-") == ""


def test_every_bundled_name_romanises_to_latin_letters():
    for site in BUNDLED.glob("*/site.json"):
        for article in json.loads(site.read_text(encoding="utf-8"))["articles"]:
            for name in article["people"]:
                latin = romanise(name)
                assert latin.isascii() and latin.replace(" ", "").isalpha(), (name, latin)

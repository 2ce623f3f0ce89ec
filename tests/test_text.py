"""Display form and match form: each rule on Hindi words, the indic-nlp traps, properties."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsbot.text.display import colon_to_visarga, normalise, tidy_danda, tidy_dashes_and_quotes
from newsbot.text.matchform import (
    candra_o_to_aa,
    chandrabindu_to_anusvara,
    devanagari_digits_to_ascii,
    fold_latin,
    match_form,
    nasal_to_anusvara,
    remove_joiners,
    remove_nukta,
)

ZWJ, ZWNJ, NUKTA = "\u200d", "\u200c", "\u093c"

# ---------------------------------------------------------------- display form


@pytest.mark.parametrize(
    "text",
    ["नई दिल्ली: मुख्यमंत्री ने कहा", "अपडेटेड: 12 अग॰ 2018", "समय १०:३०", "Home | News | राज्य"],
)
def test_colons_and_pipes_survive(text):
    # indic-nlp turns these ':' into visarga and every '|' into a danda.
    assert normalise(text) == text


def test_typography_is_kept():
    text = "उन्होंने कहा, “हम जीतेंगे” — ‘हाँ’… ॲप 2019–2020"
    assert normalise(text) == text


@pytest.mark.parametrize(
    ("typed", "tidy"),
    [
        ("बैठक हुई| अगली बैठक", "बैठक हुई। अगली बैठक"),
        ("बैठक हुई ।", "बैठक हुई।"),
        ("बैठक हुई।अगली", "बैठक हुई। अगली"),
        ("श्लोक।।", "श्लोक॥"),
        ("श्लोक||", "श्लोक॥"),
        ("हुई।2026 में", "हुई। 2026 में"),
        ("Home | News | राज्य", "Home | News | राज्य"),
        ("भाजपा|कांग्रेस", "भाजपा|कांग्रेस"),
    ],
)
def test_tidy_danda(typed, tidy):
    assert tidy_danda(typed) == tidy
    assert normalise(typed) == tidy


@pytest.mark.parametrize(
    ("typed", "tidy"),
    [
        ("दु:ख", "दुःख"),
        ("प्रात:काल", "प्रातःकाल"),
        ("अंतत:पूरा", "अंततःपूरा"),
        ("नई दिल्ली: मंत्री", "नई दिल्ली: मंत्री"),
        ("अपडेटेड:12 अग॰", "अपडेटेड:12 अग॰"),
        ("समय १०:३०", "समय १०:३०"),
        ("अत: ठीक", "अत: ठीक"),
        ("title:मेरठ", "title:मेरठ"),
    ],
)
def test_colon_to_visarga_only_inside_a_word(typed, tidy):
    assert colon_to_visarga(typed) == tidy
    assert normalise(typed) == tidy


def test_tidy_dashes_and_quotes():
    assert tidy_dashes_and_quotes("भाजपा -- कांग्रेस ‘‘हाँ’’ 12\u201113") == "भाजपा — कांग्रेस “हाँ” 12-13"
    assert tidy_dashes_and_quotes("a--b 2019–2020 — ‘x’") == "a--b 2019–2020 — ‘x’"


def test_typing_slips_are_tidied():
    assert normalise("राम´s ''किताब''") == "राम's \"किताब\""


def test_matras_virama_anusvara_untouched():
    text = "कार्यशाला में मुख्य अतिथि संजीव आनंद कोऑर्डिनेटर हँसे, प्रदेश दुःख"
    assert normalise(text) == text


def test_nfc_decomposes_precomposed_nukta_letters():
    assert normalise("\u095b\u093f\u0932\u093e") == "\u091c" + NUKTA + "\u093f\u0932\u093e"  # ज़िला


def test_invisible_characters_removed():
    text = "\ufeffसंजीव\u200b आनंद\u00ad के\u200e साथ\u2060\x07\x9b"
    assert normalise(text) == "संजीव आनंद के साथ"


def test_lone_surrogate_removed():
    assert normalise("राम\ud800") == "राम"


@pytest.mark.parametrize("joiner", [ZWJ, ZWNJ])
def test_joiner_kept_between_virama_and_consonant(joiner):
    for word in (f"क्{joiner}ष", f"ज़्{joiner}य", f"र्{joiner}य"):
        assert normalise(word) == word


@pytest.mark.parametrize("joiner", [ZWJ, ZWNJ])
def test_joiner_dropped_elsewhere(joiner):
    assert normalise(f"राम{joiner} श्{joiner} {joiner}क क{joiner}ख a{joiner}b") == "राम श् क कख ab"


def test_joiner_run_keeps_one():
    assert normalise(f"क्{ZWJ}{ZWNJ}{ZWJ}ष") == f"क्{ZWJ}ष"


def test_paragraphs_and_whitespace():
    text = "  पहला  पैरा\u00a0यहाँ \r\n\r\n\r\n\r\n\tदूसरा\tपैरा \n अगली पंक्ति\u2029तीसरा  "
    assert normalise(text) == "पहला पैरा यहाँ\n\nदूसरा पैरा\nअगली पंक्ति\n\nतीसरा"


def test_display_idempotent_on_examples():
    for text in ("नई दिल्ली:", "Home | News", f"क्{ZWJ}ष\n\n\nख", "“हाँ” ''x''"):
        once = normalise(text)
        assert normalise(once) == once


# ---------------------------------------------------------------- match-form rules


def test_remove_joiners():
    assert remove_joiners(f"क्{ZWJ}ष क्{ZWNJ}ष") == "क्ष क्ष"


def test_remove_nukta():
    assert remove_nukta(normalise("ज़िला फ़ोन पढ़ाई")) == "जिला फोन पढाई"
    assert remove_nukta("\u0929\u0931\u0934") == "नरळ"  # ऩ ऱ ऴ stay precomposed under NFC


def test_chandrabindu_to_anusvara():
    assert chandrabindu_to_anusvara("हँस पाँच") == "हंस पांच"


@pytest.mark.parametrize(
    ("variant", "folded"),
    [
        ("हिन्दी", "हिंदी"),
        ("सम्बन्ध", "संबंध"),
        ("पण्डित", "पंडित"),
        ("गङ्गा", "गंगा"),
        ("पञ्जाब", "पंजाब"),
    ],
)
def test_nasal_to_anusvara(variant, folded):
    assert nasal_to_anusvara(variant) == folded


def test_nasal_only_before_its_own_class():
    for word in ("अन्य", "सम्मान", "जन्म", "वाङ्मय", "कन्या"):
        assert nasal_to_anusvara(word) == word


def test_candra_o_to_aa():
    assert candra_o_to_aa("कोऑर्डिनेटर डॉक्टर") == "कोआर्डिनेटर डाक्टर"


def test_devanagari_digits_to_ascii():
    assert devanagari_digits_to_ascii("२०२६ में १२ लोग") == "2026 में 12 लोग"


def test_fold_latin():
    assert fold_latin("Café NAÏVE Ünited मुंबई") == "cafe naive united मुंबई"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("ज़िला", "जिला"),
        ("हँस", "हंस"),
        ("हिन्दी", "हिंदी"),
        (f"हिन्{ZWJ}दी", "हिंदी"),
        ("सम्बन्ध", "संबंध"),
        ("कोऑर्डिनेटर", "कोआर्डिनेटर"),
        ("२०२६", "2026"),
        ("Café", "cafe"),
        (f"क्{ZWNJ}ष", "क्ष"),
        ("\u095b\u093f\u0932\u093e", "जिला"),
    ],
)
def test_spellings_meet(a, b):
    assert match_form(a) == match_form(b) == b


def test_match_form_keeps_matras_and_virama():
    text = "कार्यशाला मुख्य अतिथि प्रदेश"
    assert match_form(text) == text


# ---------------------------------------------------------------- properties

DEVANAGARI_HEAVY = st.text(
    alphabet=st.sampled_from(
        list("कखगङचजञटडणतदनपबमयरलवशषसह़्ािीुूेैोौंँःॉऑऍ०१२ऩ:|।॥-‘’'´\"“” \n\t\r\u2029a\u0301EİÉ")
        + [ZWJ, ZWNJ, "\u00ad", "\u200b", "\ufeff", "\u2011"]
    ),
    max_size=40,
)
# The raw material of mojibake (Latin-1/cp1252 pieces of UTF-8) and of Kruti Dev text.
MOJIBAKE_HEAVY = st.text(alphabet=st.sampled_from(list("à¤¥Ã©â€™\x81\x8d\x9dŸ¨ˆ ")), max_size=30)
KRUTI_HEAVY = st.lists(
    st.sampled_from(["dk", "dh", "esa", "ls", "gS", "vkSj", "fd;k", "x;k", "ftyk", "iapk;r", "dk;ZØe",
                     "Z", "f", "±", "A", "\n", "us", "the", "¼", "½"]),
    max_size=15,
).map(" ".join)
ANY_TEXT = st.one_of(st.text(), DEVANAGARI_HEAVY, MOJIBAKE_HEAVY, KRUTI_HEAVY)


@settings(max_examples=500)
@given(ANY_TEXT)
def test_normalise_never_raises_and_is_idempotent(text):
    once = normalise(text)
    assert normalise(once) == once


@settings(max_examples=500)
@given(ANY_TEXT)
def test_match_form_idempotent(text):
    once = match_form(text)
    assert match_form(once) == once


@settings(max_examples=500)
@given(ANY_TEXT)
def test_match_form_ignores_prior_normalisation(text):
    assert match_form(normalise(text)) == match_form(text)

"""Broken and legacy encodings in the display form: mojibake repair, Kruti Dev 010 conversion."""

import pytest

from newsbot.text.display import normalise
from newsbot.text.krutidev import (
    convert_legacy,
    krutidev_to_unicode,
    looks_like_krutidev,
    unicode_to_krutidev,
)
from newsbot.text.mojibake import repair_mojibake

SENTENCES = [
    "कांग्रेस की ज़िला कार्यकारिणी बैठक में सुरेन्द्र पाल वर्मा को ज़िला उपाध्यक्ष नियुक्त किया गया।",
    "मुख्य अतिथि संजीव आनंद ने कहा कि हिंदी पत्रकारिता का भविष्य उज्ज्वल है।",
    "प्रदेश के कोऑर्डिनेटर ने धर्म और राष्ट्र पर शर्मिला से बात की।",
    "उन्होंने पूर्वांचल की 34 सीटों पर २०२६ में चुनाव लड़ने की घोषणा की।",
    "श्रीवास्तव, त्रिपाठी, क्षेत्र, ज्ञान, विद्यालय, द्वारा, ब्राह्मण, कृषि, दृष्टि, रुपये, रूप, ट्रक",
    "मूर्ति, निर्णय, कीर्ति, सम्मेलन, महिलाओं, ईंट, ऊर्जा, फ़ैसला, ज़्यादा, ग्राम, प्रभारी (नए)।",
]

# ---------------------------------------------------------------- mojibake


# Browsers and databases read cp1252 "sloppily": its five undefined bytes become C1 controls
# (Python's strict cp1252 refuses them); ftfy registers that codec.
@pytest.mark.parametrize("encoding", ["latin-1", "sloppy-windows-1252"])
def test_mojibake_of_hindi_is_repaired(encoding):
    import ftfy.bad_codecs  # noqa: F401 (registers sloppy-windows-1252)

    text = SENTENCES[1] + " — “हाँ” क्\u200dष"
    garbled = text.encode("utf-8").decode(encoding)
    assert "à¤" in garbled
    assert repair_mojibake(garbled) == text
    assert normalise(garbled) == normalise(text)


def test_clean_text_never_reaches_ftfy(monkeypatch):
    import newsbot.text.mojibake as mojibake

    monkeypatch.setattr(mojibake.ftfy, "fix_encoding", lambda text: pytest.fail("ftfy called"))
    for text in (*SENTENCES, "Café naïve — “quoted” ₹850 à la carte"):
        assert repair_mojibake(text) == text


def test_latin_mojibake_is_repaired_too():
    assert repair_mojibake("itâ€™s cafÃ©") == "it’s café"


# ---------------------------------------------------------------- Kruti Dev 010


@pytest.mark.parametrize("sentence", SENTENCES)
def test_krutidev_round_trip(sentence):
    kruti = unicode_to_krutidev(sentence)
    assert not any("\u0900" <= char <= "\u097f" for char in kruti)
    assert krutidev_to_unicode(kruti) == sentence


@pytest.mark.parametrize(
    ("kruti", "unicode"),
    [
        ("ftyk iapk;r dk;ZØe", "जिला पंचायत कार्यक्रम"),
        ("izns'k v/;{k", "प्रदेश अध्यक्ष"),  # rakar under a full form; क्ष
        ("fu.kZ; ewfrZ", "निर्णय मूर्ति"),  # reph after the i-sign and the cluster
        ("ft+yk Q+Slyk", "ज़िला फ़ैसला"),  # nukta
        ("dkSu gS\\ vkSj D;k\\", "कौन है? और क्या?"),
        ("b±V iwok±py", "ईंट पूर्वांचल"),  # reph + anusvara
    ],
)
def test_krutidev_as_typists_type_it(kruti, unicode):
    assert krutidev_to_unicode(kruti) == unicode


def test_krutidev_detection():
    assert looks_like_krutidev("ftyk iapk;r dk;ZØe esa dgk x;k fd lHkh mifLFkr jgsaA")
    assert not looks_like_krutidev("Tell us about the meeting in the district office today.")
    assert not looks_like_krutidev("dk")  # one word is too little to tell
    assert not looks_like_krutidev("जिला पंचायत dk esa ls")  # has Devanagari: already Unicode


def test_only_legacy_lines_are_converted():
    text = "Home | News\nftyk iapk;r dk;ZØe esa dgk x;k fd lHkh mifLFkr jgsaA\nजिला पंचायत"
    assert convert_legacy(text) == (
        "Home | News\nजिला पंचायत कार्यक्रम में कहा गया कि सभी उपस्थित रहें।\nजिला पंचायत"
    )
    assert normalise(text).split("\n")[1] == "जिला पंचायत कार्यक्रम में कहा गया कि सभी उपस्थित रहें।"


def test_unicode_text_is_left_alone():
    for sentence in SENTENCES:
        assert convert_legacy(sentence) == sentence

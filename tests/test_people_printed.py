"""Names, parties and lists as regional reporters print them (issue 8, third round): aliases,
titles and initials around a name, two names run together, past forms of verbs, police
stations, transliterated party abbreviations, list items that end in को. Every sentence is
written for these tests; people and places are invented."""

from __future__ import annotations

import pytest

from newsbot.people import analyse


def roles_of(text: str) -> dict[str, list[tuple]]:
    """name -> [(role, appointed)], checking every evidence offset."""
    found = {}
    for person in analyse(text).people:
        for role in person.roles:
            assert text[role.start:role.end] == role.evidence
            found.setdefault(person.name, []).append((role.role, role.appointed))
    return found


@pytest.mark.parametrize("text, expected", [
    # ALIAS: the name before उर्फ; the alias is no place of the post
    ("जिला पंचायत सदस्य रामू उर्फ रामेश्वर यादव ने लोगों को संबोधित किया।",
     {"रामू": [("जिला पंचायत सदस्य", False)]}),
    ("प्रखंड अध्यक्ष बलदेव सिंह उर्फ बल्लू यादव ने बैठक की।", {"बलदेव सिंह": [("प्रखंड अध्यक्ष", False)]}),
    # a title before one word is part of the name, before two it is dropped
    ("राष्ट्रीय सचिव कुमारी सुनयना ने झंडा फहराया।", {"कुमारी सुनयना": [("राष्ट्रीय सचिव", False)]}),
    ("राष्ट्रीय सचिव कुमारी सुनयना देवी ने झंडा फहराया।", {"सुनयना देवी": [("राष्ट्रीय सचिव", False)]}),
    # SURNAME_TITLE: a title after a name is the surname ("महंत")
    ("नेता प्रतिपक्ष डॉ. रामदास महंत ने कहा कि सदन चलेगा।", {"रामदास महंत": [("नेता प्रतिपक्ष", False)]}),
    # INITIALS_AFTER_POST: letters run together after a post are initials, not a police post
    ("केंद्रीय मंत्री एसपी सिंह तोमरिया ने कहा कि काम तेज होगा।",
     {"एसपी सिंह तोमरिया": [("केंद्रीय मंत्री", False)]}),
    # a nickname in quotes inside a name keeps the first name
    ("संजय 'पप्पू' यादव को युवा मोर्चा का जिलाध्यक्ष बनाया गया।",
     {"संजय 'पप्पू' यादव": [("जिलाध्यक्ष", True)]}),
    # a name with जी after it, before को
    ("प्रदेश अध्यक्ष की संस्तुति पर गोपीनाथ चौरसिया जी को जिला प्रभारी नियुक्त किया गया।",
     {"गोपीनाथ चौरसिया": [("जिला प्रभारी", True)]}),
    # police stations after an officer's post are the post's place
    ("थानाध्यक्ष कोतवाली देहात संजीव कुमार मिश्रा ने बताया कि जांच हो रही है।",
     {"संजीव कुमार मिश्रा": [("थानाध्यक्ष", False)]}),
])
def test_names_as_printed(text, expected):
    assert roles_of(text) == expected


def test_two_names_run_together_after_a_post():
    # RUN_TOGETHER: the second name is one more of those present, without a post
    text = "इस मौके पर ग्राम प्रधान सोनपुर रामसेवक पाल दिनेश वर्मा, मुकेश गौतम आदि मौजूद रहे।"
    assert roles_of(text) == {"रामसेवक पाल": [("ग्राम प्रधान", False)]}


def test_the_last_name_of_a_run_of_posts_gets_no_post():
    # LAST_OF_RUN: "…, ROLE A और B": B is one more of those present
    text = "बैठक में प्रदेश अध्यक्ष दिनेश बघेरा, नेता प्रतिपक्ष रामदास महंत और सुखलाल तिर्की मौजूद रहे।"
    assert roles_of(text) == {"दिनेश बघेरा": [("प्रदेश अध्यक्ष", False)],
                              "रामदास महंत": [("नेता प्रतिपक्ष", False)]}
    # but a post before a pair alone is both's
    text = "मंडल कोऑर्डिनेटर दिनेश बघेरा और सुखलाल तिर्की पहुंचे।"
    assert set(roles_of(text)) == {"दिनेश बघेरा", "सुखलाल तिर्की"}


@pytest.mark.parametrize("word", ["संभाला", "संभाली"])
def test_a_past_form_of_a_verb_is_nobody(word):
    # PAST_FORM: "X ने संभाला ROLE का पद": the verb is no name before the post
    text = f"सोनपुर में नया नेतृत्व: हरदीप सिंह ने {word} जिला अध्यक्ष का पद"
    assert word not in roles_of(text)


@pytest.mark.parametrize("text, parties", [
    ("आरजेडी के प्रदेश अध्यक्ष रामबली सिंह ने सूची जारी की।", ["RJD"]),
    ("जेडीयू और एनसीपी के नेताओं ने बैठक की।", ["JDU", "NCP"]),
    ("राष्ट्रीय लोक मोर्चा के जिलाध्यक्ष सोमनाथ कुशवाहा ने सदस्यता अभियान चलाया।", ["RLM"]),
])
def test_party_abbreviations_as_transliterated(text, parties):
    assert analyse(text).parties == parties


def test_list_items_ending_in_ko_each_take_the_post_of_their_group():
    # LIST_OBJECTS: "ROLE पद पर A, B और C को तथा ROLE2 पद पर D को नियुक्त"
    text = ("जिला उपाध्यक्ष पद पर रामबाबू शुक्ला, संतोष यादव और रेखा देवी को तथा महामंत्री पद पर "
            "धीरेंद्र सिंह को नियुक्त किया गया।")
    assert roles_of(text) == {"रामबाबू शुक्ला": [("जिला उपाध्यक्ष", True)],
                              "संतोष यादव": [("जिला उपाध्यक्ष", True)],
                              "रेखा देवी": [("जिला उपाध्यक्ष", True)],
                              "धीरेंद्र सिंह": [("महामंत्री", True)]}


@pytest.mark.parametrize("text, expected", [
    # CHARGE_LIST: each item a charge of its own place, the verb once
    ("बैठक में रामनगर की कमान सुरेश पाल को, सोनपुर की जिम्मेदारी दिनेश यादव को और बेलवा की कमान "
     "रीता देवी को सौंपी गई।",
     {"सुरेश पाल": [("अध्यक्ष", True)], "दिनेश यादव": [("अध्यक्ष", True)], "रीता देवी": [("अध्यक्ष", True)]}),
    # RANK_CHARGE: a former post or a rank before the name is held; the charge gives its head
    ("पूर्व जिलाध्यक्ष हरिशंकर गुप्ता को दोबारा जिले की कमान सौंपी गई है।",
     {"हरिशंकर गुप्ता": [("पूर्व जिलाध्यक्ष", False), ("जिला अध्यक्ष", True)]}),
    ("अपर मुख्य सचिव रमेश चंद्र को सोनपुर जिले का प्रभार दिया गया है।",
     {"रमेश चंद्र": [("अपर मुख्य सचिव", False), ("प्रभारी", True)]}),
    # GAPPED_BARE: the first item of a gapped list without its को
    ("विमल तिवारी रामनगर, सुधीर यादव को सोनपुर और गोविंद पटेल को बेलवा विधानसभा अध्यक्ष का दायित्व "
     "दिया गया।",
     {"विमल तिवारी": [("विधानसभा अध्यक्ष", True)], "सुधीर यादव": [("विधानसभा अध्यक्ष", True)],
      "गोविंद पटेल": [("विधानसभा अध्यक्ष", True)]}),
    # REPLACED: the one removed held the post given
    ("बसपा ने रामगोपाल गौतम को हटाकर सुनील भारती को जिलाध्यक्ष बनाया है।",
     {"सुनील भारती": [("जिलाध्यक्ष", True)], "रामगोपाल गौतम": [("जिलाध्यक्ष", False)]}),
    # relieved of a post (मुक्त): held, not given
    ("रालोद ने शिवचरण प्रजापति को प्रदेश महासचिव पद से मुक्त कर दिया है।",
     {"शिवचरण प्रजापति": [("प्रदेश महासचिव", False)]}),
    # a headline appointment with the name in the genitive
    ("जिलाध्यक्ष बनाए गए प्रकाश मौर्य का कार्यकर्ताओं ने किया स्वागत",
     {"प्रकाश मौर्य": [("जिलाध्यक्ष", True)]}),
    # PAIRS with a future copula, and PAIRS_THEN_OBJECT
    ("सूची के अनुसार अमित सिंह जिला उपाध्यक्ष, रोहित वर्मा जिला महामंत्री और कपिल देव कोषाध्यक्ष होंगे।",
     {"अमित सिंह": [("जिला उपाध्यक्ष", True)], "रोहित वर्मा": [("जिला महामंत्री", True)],
      "कपिल देव": [("कोषाध्यक्ष", True)]}),
    ("नई कार्यकारिणी में राकेश पाल, अनुज मिश्रा जिला उपाध्यक्ष, विकास गुप्ता कोषाध्यक्ष और नीरज सिंह "
     "को मीडिया प्रभारी की जिम्मेदारी दी गई है।",
     {"राकेश पाल": [("जिला उपाध्यक्ष", True)], "अनुज मिश्रा": [("जिला उपाध्यक्ष", True)],
      "विकास गुप्ता": [("कोषाध्यक्ष", True)], "नीरज सिंह": [("मीडिया प्रभारी", True)]}),
])
def test_charges_gapped_lists_and_replacements(text, expected):
    assert roles_of(text) == expected


def test_a_plural_post_in_the_headline_is_the_post_of_every_charge_below():
    # HEADLINE_ANNOUNCES: however far down the charge is
    text = ("प्रदेश के 12 जिलों के लिए प्रभारी सचिवों की नियुक्ति\n\n"
            "सोनपुर। राज्य सरकार ने आदेश जारी किए। सभी अधिकारी जिलों का दौरा करेंगे। "
            "रिपोर्ट शासन को भेजी जाएगी। बैठकें हर महीने होंगी। आदेश के मुताबिक अपर मुख्य सचिव "
            "रमेश चंद्र को बेलवा जिले की जिम्मेदारी दी गई है।")
    assert roles_of(text) == {"रमेश चंद्र": [("अपर मुख्य सचिव", False), ("प्रभारी सचिव", True)]}


@pytest.mark.parametrize("text, expected", [
    # POST_IN_NAME: a post word between a first name and a surname, and the same pair later
    ("बैठक में अध्यक्ष पद के लिए रामेश्वर मुखिया बिंद (पूर्व अध्यक्ष) का प्रस्ताव रखा गया। "
     "सर्वसम्मति से रामेश्वर मुखिया प्रखंड अध्यक्ष निर्वाचित किए गए।",
     {"रामेश्वर मुखिया बिंद": [("प्रखंड अध्यक्ष", True), ("पूर्व अध्यक्ष", False)]}),
    # DESCRIBED: a post coordinated with a descriptor before the name
    ("पूर्व सांसद एवं भाजपा के वरिष्ठ नेता हरिवंश तिवारी ने श्रद्धांजलि दी।",
     {"हरिवंश तिवारी": [("पूर्व सांसद", False)]}),
    # NAME_SEALED: the name chosen for a post
    ("जिलाध्यक्ष पद के लिए रामकिशोर वर्मा के नाम पर मुहर लगी है।", {"रामकिशोर वर्मा": [("जिलाध्यक्ष", True)]}),
    ("प्रदेश नेतृत्व ने जिलाध्यक्ष के रूप में सुनील पांडेय के नाम की घोषणा की।",
     {"सुनील पांडेय": [("जिलाध्यक्ष", True)]}),
    # CLAUSE_CHARGE: the post given in the sentence is its charges' post
    ("सपा ने हरिओम वर्मा को रामनगर विधानसभा का प्रभारी बनाया है, जबकि सोनपुर की जिम्मेदारी "
     "रामवीर सिंह को दी गई है।",
     {"हरिओम वर्मा": [("प्रभारी", True)], "रामवीर सिंह": [("प्रभारी", True)]}),
    # a list announced, then its names with their places before से
    ("कांग्रेस ने अपने सभी जिलाध्यक्षों की सूची जारी की है। इसमें रामनगर से आदित्य सिंह, सोनपुर से "
     "प्रिया वर्मा और बेलवा से राजेश कुमार के नाम शामिल हैं।",
     {"आदित्य सिंह": [("जिलाध्यक्ष", True)], "प्रिया वर्मा": [("जिलाध्यक्ष", True)],
      "राजेश कुमार": [("जिलाध्यक्ष", True)]}),
    # सदर a place after an officer's post; आसीन ("seated") and श्रीमति (as often printed) no name words
    ("सीडीओ मनीष कुमार और एसडीएम सदर प्रियंका सिंह ने निरीक्षण किया।",
     {"मनीष कुमार": [("सीडीओ", False)], "प्रियंका सिंह": [("एसडीएम", False)]}),
    ("महिला प्रकोष्ठ की जिलाध्यक्ष श्रीमति रंजना देवी ने आभार जताया।", {"रंजना देवी": [("जिलाध्यक्ष", False)]}),
])
def test_posts_inside_names_descriptors_sealed_names_and_clause_charges(text, expected):
    assert roles_of(text) == expected


def test_a_word_seated_on_a_post_is_no_name():
    assert "आसीन राजू खान" not in roles_of("शहर अध्यक्ष पद पर आसीन राजू खान ने इस्तीफा दे दिया।")

"""The analysis grammar on text as reporters print it: glued words, initials, nicknames, lists
with one post, charges. One construction per test, on sentences written for these tests."""

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
    # a postposition glued to the name ("Aको"), a party glued to its genitive
    ("सोनपुर। पार्टी ने रघुवीर राजभरको जिला अध्यक्ष बनाया है।",
     {"रघुवीर राजभर": [("जिला अध्यक्ष", True)]}),
    ("बैठक में बसपाके प्रदेश सचिव कमला देवी भी पहुंचीं।",
     {"कमला देवी": [("प्रदेश सचिव", False)]}),
    # a post glued to the name after it
    ("पूर्व मुख्यमंत्रीसुनयना ने बैठक बुलाई।", {"सुनयना": [("पूर्व मुख्यमंत्री", False)]}),
    # a danda or full stop with no space after it
    ("नई सूची जारी।हरिओम चौरसिया को मंडल अध्यक्ष बनाया गया।",
     {"हरिओम चौरसिया": [("मंडल अध्यक्ष", True)]}),
])
def test_words_printed_without_their_space(text, expected):
    assert roles_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("प्रदेश अध्यक्ष जी मधुकर ने सूची जारी की।", {"जी मधुकर": [("प्रदेश अध्यक्ष", False)]}),
    ("क्षेत्रीय सांसद बी के धनवार ने कहा कि काम तेज होगा।", {"बी के धनवार": [("क्षेत्रीय सांसद", False)]}),
    ("महासचिव के सी तिवारी ने बैठक ली।", {"के सी तिवारी": [("महासचिव", False)]}),
    ("महासचिव केसी तिवारी ने बैठक ली।", {"केसी तिवारी": [("महासचिव", False)]}),
    # a Latin zero typed for the abbreviation mark
    ("जिलाध्यक्ष डा0 हेमंत राणा ने बैठक ली।", {"हेमंत राणा": [("जिलाध्यक्ष", False)]}),
    # के alone before a name is the genitive, not an initial
    ("सोनपुर के सुधीर तिवारी को जिलाध्यक्ष बनाया गया।", {"सुधीर तिवारी": [("जिलाध्यक्ष", True)]}),
])
def test_initials_printed_as_letters(text, expected):
    assert roles_of(text) == expected


def test_a_nickname_in_quotes_and_bhai_inside_a_name():
    text = ("बेलवा के पूर्व अध्यक्ष मनोहर लाल ‘पप्पू’ को प्रदेश सचिव बनाया गया। संगठन मंत्री "
            "जीवन भाई पटेलिया भी मौजूद थे।")
    assert roles_of(text) == {"मनोहर लाल ‘पप्पू’": [("पूर्व अध्यक्ष", False), ("प्रदेश सचिव", True)],
                              "जीवन भाई पटेलिया": [("संगठन मंत्री", False)]}


def test_a_charge_in_the_headline_and_the_post_said_by_a_pronoun():
    text = ("महिला मोर्चा ने बदला नेतृत्व, सरिता वर्मा को सौंपी मधुबन जिले की कमान\n\n"
            "मधुबन। महिला मोर्चा ने मधुबन जिले की कमान सरिता वर्मा को सौंपी है। वह जिले में "
            "महिला मोर्चा की पहली जिला अध्यक्ष हैं।")
    [person] = analyse(text).people
    [role] = person.roles
    assert (person.name, role.role, role.org, role.appointed) == ("सरिता वर्मा", "जिला अध्यक्ष", "महिला मोर्चा", True)


@pytest.mark.parametrize("text, expected", [
    ("रीना यादव को मिली युवा कांग्रेस की कमान", {"रीना यादव": [("अध्यक्ष", True)]}),
    ("बेलवा जिले की कमान अमर पासवान को सौंपी गई।", {"अमर पासवान": [("जिला अध्यक्ष", True)]}),
    # a post named elsewhere in the text is the one the charge gives
    ("संगठन की कमान अमर पासवान को सौंपी गई। जिला अध्यक्ष अमर पासवान ने आभार जताया।",
     {"अमर पासवान": [("जिला अध्यक्ष", True)]}),
])
def test_a_charge_gives_the_head_of_what_is_handed_over(text, expected):
    assert roles_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # frequent words are no one-word names; a listed leader and a rare word are
    ("जिला अध्यक्ष परियोजना की समीक्षा करेंगे।", {}),
    ("पूर्व मुख्यमंत्री मायावती ने बैठक ली।", {"मायावती": [("पूर्व मुख्यमंत्री", False)]}),
    # leaders whose one name is also a frequent word
    ("प्रधानमंत्री मोदी और मुख्यमंत्री योगी ने सभा की।",
     {"मोदी": [("प्रधानमंत्री", False)], "योगी": [("मुख्यमंत्री", False)]}),
    ("योगी सरकार ने फैसला लिया।", {}),
    ("प्रभारी मंत्री झुनझुनवाला ने बैठक ली।", {"झुनझुनवाला": [("प्रभारी मंत्री", False)]}),
    # a surname printed twice
    ("जिला महामंत्री दीपक अग्रवाल अग्रवाल ने स्वागत किया।", {"दीपक अग्रवाल": [("जिला महामंत्री", False)]}),
])
def test_a_name_must_look_like_a_name(text, expected):
    assert roles_of(text) == expected


def test_a_distributive_list_with_the_post_after_it():
    text = ("आज निर्वाचित हुए मंडल अध्यक्षों के रूप में रामनगर से हरीश चंद्र, सोनपुर (पूर्व) से "
            "कविता रावत और मधुबन से दीनदयाल सैनी मंडल अध्यक्ष नियुक्त किए गए।")
    result = {p.name: [(r.role, r.jurisdiction, r.appointed) for r in p.roles] for p in analyse(text).people}
    assert result == {"हरीश चंद्र": [("मंडल अध्यक्ष", "रामनगर", True)],
                      "कविता रावत": [("मंडल अध्यक्ष", "सोनपुर", True)],
                      "दीनदयाल सैनी": [("मंडल अध्यक्ष", "मधुबन", True)]}


@pytest.mark.parametrize("text, expected", [
    ("पूर्व जिला प्रमुख गिरीश माने को रामनगर, सोनपुर और मधुबन लोकसभा समन्वयक नियुक्त किया गया।",
     {"गिरीश माने": [("पूर्व जिला प्रमुख", False), ("लोकसभा समन्वयक", True)]}),
    ("इसी तरह सुधा पवार,अनिल गोरे और रवि कदम को (रामनगर – सोनपुर विधानसभा) शिवसेना का जिला "
     "प्रमुख नियुक्त किया गया है।",
     {"सुधा पवार": [("जिला प्रमुख", True)], "अनिल गोरे": [("जिला प्रमुख", True)],
      "रवि कदम": [("जिला प्रमुख", True)]}),
])
def test_places_between_the_object_and_its_post(text, expected):
    assert roles_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("राज्यसभा के पूर्व सदस्य मधुबन निवासी सुरेश अली ने कहा।", {"सुरेश अली": [("पूर्व सदस्य", False)]}),
    ("मधुबन निवासी सुरेश अली बसपाके प्रदेश अध्यक्ष थे।", {"सुरेश अली": [("प्रदेश अध्यक्ष", False)]}),
    ("भाजपा ने सुरेश अली को प्रदेश सचिव बनाया है। वे भाजपा के मंडल अध्यक्ष के पद को सुशोभित कर चुके हैं।",
     {"सुरेश अली": [("प्रदेश सचिव", True), ("मंडल अध्यक्ष", False)]}),
    ("यह जानकारी पार्टी के राष्ट्रीय महासचिव (संगठन) रमेश त्यागी ने दी।",
     {"रमेश त्यागी": [("राष्ट्रीय महासचिव", False)]}),
    ("भाजपा के प्रदेश चुनाव अधिकारी विनय पाटिल ने बताया कि दीपक माने को उपनेता चुना गया है।",
     {"विनय पाटिल": [("प्रदेश चुनाव अधिकारी", False)], "दीपक माने": [("उपनेता", True)]}),
])
def test_posts_held_around_a_name(text, expected):
    assert roles_of(text) == expected


def test_a_distributive_list_with_places_in_and_from():
    text = "आज रामनगर में हरीश चंद्र, सोनपुर से कविता रावत और मधुबन से दीनदयाल सैनी अध्यक्ष निर्वाचित हुए हैं।"
    assert roles_of(text) == {name: [("अध्यक्ष", True)] for name in ("हरीश चंद्र", "कविता रावत", "दीनदयाल सैनी")}


@pytest.mark.parametrize("text, expected", [
    # a comma run of posts after a name
    ("डॉ सुनील वर्मा, प्रदेश चुनाव अधिकारी, सांसद एवं प्रदेश उपाध्यक्ष भाजपा ने बताया कि सूची जारी होगी।",
     {"सुनील वर्मा": [("प्रदेश चुनाव अधिकारी", False), ("सांसद", False), ("प्रदेश उपाध्यक्ष", False)]}),
    # predecessors keep the post, not appointed
    ("पार्टी सुप्रीमो ने आज दीपक राय के स्थान पर सुमित दयाल की नियुक्ति जिलाध्यक्ष के बतौर कर दी है।",
     {"सुमित दयाल": [("जिलाध्यक्ष", True)], "दीपक राय": [("जिलाध्यक्ष", False)]}),
    ("भाजपा ने सुमित दयाल को प्रदेश अध्यक्ष बनाया है। वह दीपक राय की जगह लेंगे।",
     {"सुमित दयाल": [("प्रदेश अध्यक्ष", True)], "दीपक राय": [("प्रदेश अध्यक्ष", False)]}),
    # a service before an officer's name, a post glossed in brackets, an initial जी inside a name
    ("आईएएस सुमित दयाल को राज्य का मुख्य सचिव (Chief Secretary) नियुक्त करने का निर्णय लिया है।",
     {"सुमित दयाल": [("मुख्य सचिव", True)]}),
    ("रेणु जी मेनन को सोनपुर का प्रभारी सचिव बनाया गया है।", {"रेणु जी मेनन": [("प्रभारी सचिव", True)]}),
])
def test_comma_runs_predecessors_and_officers(text, expected):
    assert roles_of(text) == expected


def places_of(text: str) -> dict[str, list[tuple]]:
    return {p.name: [(r.role, r.jurisdiction, r.appointed) for r in p.roles] for p in analyse(text).people}


THREE = ("सुरेश पाल", "कविता रावत", "दीनदयाल सैनी")


@pytest.mark.parametrize("text, places", [
    ("रामनगर से सुरेश पाल को, सोनपुर से कविता रावत को तथा मधुबन से दीनदयाल सैनी को जिलाध्यक्ष नियुक्त किया गया।",
     ("रामनगर", "सोनपुर", "मधुबन")),
    ("रामनगर के सुरेश पाल, सोनपुर के कविता रावत तथा मधुबन के जिलाध्यक्ष दीनदयाल सैनी मनोनीत किए गए।",
     ("रामनगर", "सोनपुर", "मधुबन")),
    ("रामनगर में सुरेश पाल, सोनपुर में कविता रावत और मधुबन में दीनदयाल सैनी को जिलाध्यक्ष पद की जिम्मेदारी सौंपी गई।",
     ("रामनगर", "सोनपुर", "मधुबन")),
    ("सुरेश पाल बेलवा, कविता रावत सोनपुर, दीनदयाल सैनी मधुबन के होंगे जिलाध्यक्ष", ("बेलवा", "सोनपुर", "मधुबन")),
    ("पार्टी ने जिलाध्यक्षों की सूची जारी की।\nसुरेश पाल – रामनगर\nकविता रावत – सोनपुर\nदीनदयाल सैनी – मधुबन",
     ("रामनगर", "सोनपुर", "मधुबन")),
])
def test_one_post_for_a_list_each_item_its_place(text, places):
    assert places_of(text) == {name: [("जिलाध्यक्ष", place, True)] for name, place in zip(THREE, places, strict=True)}


@pytest.mark.parametrize("text", [
    "नवनियुक्त जिलाध्यक्षों में सुरेश पाल, कविता रावत और दीनदयाल सैनी शामिल हैं।",
    "भाजपा ने जिलाध्यक्षों की सूची जारी की। इसमें सुरेश पाल, कविता रावत और दीनदयाल सैनी के नाम हैं।",
])
def test_a_list_announced_by_a_plural_post(text):
    assert roles_of(text) == {name: [("जिलाध्यक्ष", True)] for name in THREE}


@pytest.mark.parametrize("text, expected", [
    ("भाजपा ने नई सूची जारी की।सुरेश पाल फिर बने जिलाध्यक्ष", {"सुरेश पाल": [("जिलाध्यक्ष", True)]}),
    ("सुरेश पाल फिर से बने भाजपा जिलाध्यक्ष", {"सुरेश पाल": [("जिलाध्यक्ष", True)]}),
    ("सुरेश पाल को प्रदेश सचिव से पदोन्नत कर प्रदेश महासचिव बनाया गया।", {"सुरेश पाल": [("प्रदेश महासचिव", True)]}),
    ("भाजपा ने पूर्व जिलाध्यक्ष सुरेश पाल को पार्टी से निष्कासित कर दिया।", {"सुरेश पाल": [("पूर्व जिलाध्यक्ष", False)]}),
    ("जिलाध्यक्ष सुरेश पाल को पद से हटा दिया गया।", {"सुरेश पाल": [("जिलाध्यक्ष", False)]}),
    ("बैठक में कमला देवी (जिला अध्यक्ष महिला प्रकोष्ठ - रामनगर) ने स्वागत किया।", {"कमला देवी": [("जिला अध्यक्ष", False)]}),
    ("बैठक में सलीम खान, जिला अध्यक्ष, भाजपा अल्पसंख्यक मोर्चा, रामनगर ने स्वागत किया।",
     {"सलीम खान": [("जिला अध्यक्ष", False)]}),
])
def test_reappointments_promotions_removals_and_posts_after_a_name(text, expected):
    assert roles_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a charge without a post, while a list of a post is announced: that post
    ("जिलों के लिए प्रभारी सचिवों की नियुक्ति\n\nसरकार ने प्रभारी सचिवों की नियुक्ति कर दी है। इसी प्रकार "
     "कमला रावत को मधुबन जिले का प्रभार दिया गया है।", {"कमला रावत": [("प्रभारी सचिव", True)]}),
    # the charge of a place, nothing announced: its in-charge
    ("कमला रावत को मधुबन जिले का प्रभार दिया गया है।", {"कमला रावत": [("प्रभारी", True)]}),
])
def test_the_charge_of_a_place(text, expected):
    assert roles_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # headlines
    ("जिलाध्यक्ष बने सुरेश पाल", {"सुरेश पाल": [("जिलाध्यक्ष", True)]}),
    ("सुरेश पाल होंगे भाजपा के नए जिलाध्यक्ष", {"सुरेश पाल": [("जिलाध्यक्ष", True)]}),
    ("सुरेश पाल को मिला जिलाध्यक्ष का पद", {"सुरेश पाल": [("जिलाध्यक्ष", True)]}),
    ("सुरेश पाल बनाए गए जिलाध्यक्ष", {"सुरेश पाल": [("जिलाध्यक्ष", True)]}),
    ("युवा मोर्चा ने रामनगर जिलाध्यक्ष पद पर सुरेश पाल की ताजपोशी की।", {"सुरेश पाल": [("जिलाध्यक्ष", True)]}),
    # removals keep the post, not given
    ("सुरेश पाल को जिलाध्यक्ष पद से हटा दिया गया।", {"सुरेश पाल": [("जिलाध्यक्ष", False)]}),
    ("जिलाध्यक्ष पद से हटाए गए सुरेश पाल ने कहा।", {"सुरेश पाल": [("जिलाध्यक्ष", False)]}),
])
def test_headline_appointments_and_removals(text, expected):
    assert roles_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("संगठन में फेरबदल हुआ, जबकि महिला इकाई की जिम्मेदारी श्रीमती सविता राणा को दी गई।",
     {"सविता राणा": [("अध्यक्ष", True)]}),
    # a duty that is no org, level or place gives no post
    ("केंद्रों की निगरानी की ज़िम्मेदारी डिप्टी मीना गौड़ को दी गई है।", {}),
])
def test_what_a_charge_hands_over(text, expected):
    assert roles_of(text) == expected


@pytest.mark.parametrize("text", [
    "उन्होंने कहा कि जिलाध्यक्ष बनना आसान नहीं है।",  # a verb form (wordfreq: बनने, बनता ... frequent)
    "पार्टी ने बीस जिलाध्यक्ष बदले। प्रदेश अध्यक्ष बीस दिन में सूची देंगे।",  # a number word
    "नवनियुक्त जिलाध्यक्ष नव वर्ष पर पहुंचे।",
    "भाजपा ने जिलाध्यक्ष हटाए, नए नाम जल्द।",
    "जिलाध्यक्ष ने पद संभाला और बैठक ली।",
])
def test_verbs_numbers_and_common_words_are_nobody(text):
    assert roles_of(text) == {}


def test_names_that_look_like_verb_endings_stay_names():
    text = "महिला मोर्चा की जिलाध्यक्ष रचना वर्मा और महामंत्री सीता देवी ने स्वागत किया।"
    assert roles_of(text) == {"रचना वर्मा": [("जिलाध्यक्ष", False)], "सीता देवी": [("महामंत्री", False)]}


@pytest.mark.parametrize("text, expected", [
    ("नई कार्यकारिणी में उपाध्यक्ष: सुरेश पाल, महामंत्री: कविता रावत और कोषाध्यक्ष- दीनदयाल सैनी बनाए गए।",
     {"सुरेश पाल": [("उपाध्यक्ष", True)], "कविता रावत": [("महामंत्री", True)], "दीनदयाल सैनी": [("कोषाध्यक्ष", True)]}),
    # a label before a list of those present names the first only (annotation rules)
    ("बैठक में उपाध्यक्ष: सुरेश पाल, कविता रावत, मनोज शाह उपस्थित रहे।", {"सुरेश पाल": [("उपाध्यक्ष", False)]}),
])
def test_posts_as_labels(text, expected):
    assert roles_of(text) == expected


def test_distributive_items_run_on_without_a_comma():
    text = ("इसमें सोनपुर से सुरेश सिंह राठौड़ रामनगर से कविता पाटीदार, देवगढ़ से दीनदयाल सैनी और मधुबन से "
            "मनोज शाह को मंडल अध्यक्ष बनाया गया है।")
    assert places_of(text) == {"सुरेश सिंह राठौड़": [("मंडल अध्यक्ष", "सोनपुर", True)],
                               "कविता पाटीदार": [("मंडल अध्यक्ष", "रामनगर", True)],
                               "दीनदयाल सैनी": [("मंडल अध्यक्ष", "देवगढ़", True)],
                               "मनोज शाह": [("मंडल अध्यक्ष", "मधुबन", True)]}


def test_a_distributive_charge_takes_the_post_of_the_headline():
    text = ("भाजपा ने घोषित किए 5 जिलाध्यक्ष\n\nरामपुर। भाजपा ने पांच जिलों के जिलाध्यक्षों की घोषणा कर दी। "
            "रामनगर से सुरेश पाल, सोनपुर से कविता रावत, मधुबन से दीनदयाल सैनी को जिम्मेदारी मिली है।")
    assert places_of(text) == {"सुरेश पाल": [("जिलाध्यक्ष", "रामनगर", True)],
                               "कविता रावत": [("जिलाध्यक्ष", "सोनपुर", True)],
                               "दीनदयाल सैनी": [("जिलाध्यक्ष", "मधुबन", True)]}


def test_a_pronoun_object_is_the_name_before_it_in_its_sentence():
    text = "सुरेश पाल पर पार्टी ने फिर भरोसा जताया है और उन्हें दोबारा जिलाध्यक्ष बनाया है।"
    assert roles_of(text) == {"सुरेश पाल": [("जिलाध्यक्ष", True)]}


@pytest.mark.parametrize("text, expected", [
    # RESIGNED: who resigns held the post
    ("सोनपुर। हरिहर प्रसाद मौर्य ने कांग्रेस जिलाध्यक्ष पद से इस्तीफा दे दिया है।",
     {"हरिहर प्रसाद मौर्य": [("जिलाध्यक्ष", False)]}),
    ("हरिहर प्रसाद मौर्य ने अपने जिला अध्यक्ष के पद से त्यागपत्र दे दिया।",
     {"हरिहर प्रसाद मौर्य": [("जिला अध्यक्ष", False)]}),
    ("हरिहर प्रसाद मौर्य ने प्रदेश उपाध्यक्ष पद से दिया इस्तीफा", {"हरिहर प्रसाद मौर्य": [("प्रदेश उपाध्यक्ष", False)]}),
    # the genitive is the holder, no place of the post
    ("तारा चंद बघेल का महानगर अध्यक्ष पद से इस्तीफा मंजूर हो गया।", {"तारा चंद बघेल": [("महानगर अध्यक्ष", False)]}),
    ("मंडल अध्यक्ष पद से इस्तीफा देने वाले तारा चंद बघेल ने आरोप लगाए।", {"तारा चंद बघेल": [("मंडल अध्यक्ष", False)]}),
    ("जिला मंत्री पद से त्याग पत्र दे चुके तारा चंद बघेल ने कहा।", {"तारा चंद बघेल": [("जिला मंत्री", False)]}),
    # ने with a removal names who removed, not who held
    ("तारा चंद बघेल ने जिलाध्यक्ष पद से हटाया।", {}),
    ("प्रदेश अध्यक्ष तारा चंद बघेल ने हरिहर मौर्य को जिलाध्यक्ष के पद से हटा दिया।",
     {"तारा चंद बघेल": [("प्रदेश अध्यक्ष", False)], "हरिहर मौर्य": [("जिलाध्यक्ष", False)]}),
    # removed on the way to another post: the first held, the second given
    ("हरिहर मौर्य को जिला सचिव पद से हटाकर प्रदेश सचिव बनाया गया।",
     {"हरिहर मौर्य": [("प्रदेश सचिव", True), ("जिला सचिव", False)]}),
    # EXPELLED with no post, then "वह ROLE थे" (also after कि) is the expelled person's
    ("सपा ने तारा चंद बघेल को पार्टी से निष्कासित कर दिया। वह सपा के जिला सचिव थे।",
     {"तारा चंद बघेल": [("जिला सचिव", False)]}),
    ("सपा ने तारा चंद बघेल को पार्टी की प्राथमिक सदस्यता से छह साल के लिए निष्कासित किया। बताया जाता है "
     "कि वह पार्टी के जिला सचिव थे।", {"तारा चंद बघेल": [("जिला सचिव", False)]}),
    ("सपा ने तारा चंद बघेल को पार्टी से बाहर का रास्ता दिखा दिया। वह सपा के जिला सचिव थे।",
     {"तारा चंद बघेल": [("जिला सचिव", False)]}),
    # "दे दी" between the charge and its verb
    ("तारा चंद बघेल को जिलाध्यक्ष की जिम्मेदारी दे दी गई।", {"तारा चंद बघेल": [("जिलाध्यक्ष", True)]}),
])
def test_resignations_removals_and_expulsions_keep_the_post_held(text, expected):
    assert roles_of(text) == expected


@pytest.mark.parametrize("text, appointed", [
    # WELCOMED_NEW: नवनियुक्त alone, in a text that reports no appointment, is a welcome
    ("सरायपुर में नवनियुक्त ब्लॉक अध्यक्ष इरफान कुरैशी का स्वागत समारोह होगा।", False),
    # the same words where the text reports the appointment: a list released, a verb
    ("ब्लॉक अध्यक्षों की सूची जारी होते ही नवनियुक्त ब्लॉक अध्यक्ष इरफान कुरैशी का स्वागत हुआ।", True),
    ("पार्टी ने इरफान कुरैशी को ब्लॉक अध्यक्ष मनोनीत किया। नवनियुक्त ब्लॉक अध्यक्ष इरफान कुरैशी का स्वागत हुआ।", True),
])
def test_newly_appointed_alone_reports_no_appointment(text, appointed):
    assert roles_of(text) == {"इरफान कुरैशी": [("ब्लॉक अध्यक्ष", appointed)]}


def test_newly_appointed_is_per_person():
    # another person's appointment does not report the welcomed one's
    text = "पार्टी ने अनुज मिश्रा को नगर अध्यक्ष बनाया। समारोह में नवनियुक्त ब्लॉक अध्यक्ष इरफान कुरैशी भी पहुंचे।"
    assert roles_of(text) == {"अनुज मिश्रा": [("नगर अध्यक्ष", True)], "इरफान कुरैशी": [("ब्लॉक अध्यक्ष", False)]}


@pytest.mark.parametrize("text, expected", [
    # PARTY_HEAD: प्रमुख between a party and a name is the party's chief; elsewhere a level
    ("सभा में बसपा प्रमुख गीता कुमारी वर्मा ने कहा कि प्रमुख सचिव अरुण बघेल आएंगे।",
     {"गीता कुमारी वर्मा": [("प्रमुख", False)], "अरुण बघेल": [("प्रमुख सचिव", False)]}),
    ("बैठक के बाद पार्टी प्रमुख गीता वर्मा ने कार्यकर्ताओं से बात की।", {"गीता वर्मा": [("प्रमुख", False)]}),
    # _POST_AFTER_VERB: "ROLE X बने ORG के ROLE2": ROLE held, ROLE2 given
    ("पूर्व विधायक अरुण बघेल बने सपा के जिलाध्यक्ष",
     {"अरुण बघेल": [("पूर्व विधायक", False), ("जिलाध्यक्ष", True)]}),
    ("मधुबन के पहले सांसद अरुण बघेल बने भाजपा के प्रदेश उपाध्यक्ष",
     {"अरुण बघेल": [("सांसद", False), ("प्रदेश उपाध्यक्ष", True)]}),
])
def test_party_heads_and_a_post_held_before_the_verb(text, expected):
    assert roles_of(text) == expected


def test_a_line_that_ends_in_a_conjunction_goes_on_in_the_next():
    # LINE_GOES_ON: a brief printed in short lines; a blank line still ends the sentence
    text = ("कांग्रेस ने तीन जिलों के अध्यक्ष नियुक्त किए।\n"
            "बेलवा शहर की जिम्मेदारी सुरेश पाल को मिली वहीं\n"
            "सोनपुर की कमान दिनेश यादव और\n"
            "मधुबन ग्रामीण का अध्यक्ष अरुण बघेल को बनाया गया है।")
    found = roles_of(text)
    assert set(found) == {"सुरेश पाल", "दिनेश यादव", "अरुण बघेल"}
    assert all(appointed for roles in found.values() for _, appointed in roles)
    assert roles_of("सोनपुर की कमान दिनेश यादव और\n\nमधुबन का अध्यक्ष अरुण बघेल को बनाया गया है।") == {
        "अरुण बघेल": [("अध्यक्ष", True)]}


@pytest.mark.parametrize("text, expected", [
    # HANDS: a charge "in X's hands" is given to X
    ("भाजयुमो की कमान अब रघुनंदन बिष्ट के हाथ", {"रघुनंदन बिष्ट": [("अध्यक्ष", True)]}),
    ("बेलवा जिले की कमान रघुनंदन बिष्ट के हाथों में सौंपी गई।", {"रघुनंदन बिष्ट": [("जिला अध्यक्ष", True)]}),
    ("जिलाध्यक्ष की कमान रघुनंदन बिष्ट के हाथों में", {"रघुनंदन बिष्ट": [("जिलाध्यक्ष", True)]}),
    # held, not given: के पास
    ("पार्टी की कमान रघुनंदन बिष्ट के पास है।", {}),
    # a headline whose verb is left out
    ("रघुनंदन बिष्ट को जिलाध्यक्ष का दायित्व", {"रघुनंदन बिष्ट": [("जिलाध्यक्ष", True)]}),
    ("रघुनंदन बिष्ट को युवा मोर्चा जिलाध्यक्ष की जिम्मेदारी", {"रघुनंदन बिष्ट": [("जिलाध्यक्ष", True)]}),
    ("रघुनंदन बिष्ट को जिलाध्यक्ष पद पर पुनर्नियुक्त किया गया।", {"रघुनंदन बिष्ट": [("जिलाध्यक्ष", True)]}),
    # a post kept beside the one given
    ("रघुनंदन बिष्ट को जिलाध्यक्ष के साथ प्रदेश सचिव की भी जिम्मेदारी दी गई है।", {"रघुनंदन बिष्ट": [("प्रदेश सचिव", True)]}),
    # released from a charge: held
    ("रघुनंदन बिष्ट को जिलाध्यक्ष की जिम्मेदारी से मुक्त किया गया।", {"रघुनंदन बिष्ट": [("जिलाध्यक्ष", False)]}),
    ("रघुनंदन बिष्ट ने प्रदेश सचिव की जिम्मेदारी से इस्तीफा दे दिया।", {"रघुनंदन बिष्ट": [("प्रदेश सचिव", False)]}),
])
def test_charges_in_hands_headlines_without_a_verb_and_release(text, expected):
    assert roles_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # GAPPED_CHARGE: each item its place, the charge and verb once; the head of what is given
    ("रघुनंदन बिष्ट को बेलवा, कुसुम लता को सोनपुर तथा हेमंत राणा को मधुबन की कमान मिली है।",
     {"रघुनंदन बिष्ट": ("अध्यक्ष", "बेलवा"), "कुसुम लता": ("अध्यक्ष", "सोनपुर"), "हेमंत राणा": ("अध्यक्ष", "मधुबन")}),
    # the post of a list announced before; the place before और is no name
    ("कांग्रेस ने नए जिलाध्यक्षों की घोषणा की। रघुनंदन बिष्ट को बेलवा और हेमंत राणा को मधुबन की कमान सौंपी गई है।",
     {"रघुनंदन बिष्ट": ("जिलाध्यक्ष", "बेलवा"), "हेमंत राणा": ("जिलाध्यक्ष", "मधुबन")}),
    # a list item's place in brackets after its name
    ("सूची में रघुनंदन बिष्ट (बेलवा), कुसुम लता (सोनपुर) और हेमंत राणा (मधुबन) को जिलाध्यक्ष बनाया गया है।",
     {"रघुनंदन बिष्ट": ("जिलाध्यक्ष", "बेलवा"), "कुसुम लता": ("जिलाध्यक्ष", "सोनपुर"),
      "हेमंत राणा": ("जिलाध्यक्ष", "मधुबन")}),
])
def test_gapped_charges_and_places_in_brackets(text, expected):
    found = places_of(text)
    assert found == {name: [(role, place, True)] for name, (role, place) in expected.items()}


@pytest.mark.parametrize("text", [
    # a predecessor between the object and the post, or before the subject of होंगे
    "रघुनंदन बिष्ट को कुसुम लता के स्थान पर जिलाध्यक्ष बनाया गया है।",
    "कुसुम लता की जगह रघुनंदन बिष्ट नए जिलाध्यक्ष होंगे।",
])
def test_a_predecessor_inside_the_appointment(text):
    assert roles_of(text) == {"रघुनंदन बिष्ट": [("जिलाध्यक्ष", True)], "कुसुम लता": [("जिलाध्यक्ष", False)]}


@pytest.mark.parametrize("text, expected", [
    # PREDICATE: a frequent word before है/हैं is what the person is, no name word
    ("जिलाध्यक्ष रामकिशोर बघेल लोकप्रिय हैं।", {"रामकिशोर बघेल": [("जिलाध्यक्ष", False)]}),
    ("नगर अध्यक्ष कुसुम लता सक्रिय थीं।", {"कुसुम लता": [("नगर अध्यक्ष", False)]}),
    # a surname before the copula stays
    ("नए जिलाध्यक्ष रामकिशोर बघेल हैं।", {"रामकिशोर बघेल": [("जिलाध्यक्ष", False)]}),
])
def test_a_predicate_before_the_copula_is_no_name_word(text, expected):
    assert roles_of(text) == expected


@pytest.mark.parametrize("text", [
    # COLON_LIST: names after a colon in the sentence announcing the list, places in brackets
    "भाजपा ने सूची जारी की। जिलाध्यक्षों के नाम इस प्रकार हैं: हेमंत राणा (बेलवा), कुसुम लता (सोनपुर)।",
    # "PLACE – NAME" items after the announcement
    "भाजपा ने जिलाध्यक्षों की सूची जारी की। बेलवा- हेमंत राणा, सोनपुर- कुसुम लता।",
    # NEW_POSTS: नए before the post announces the list; lines "PLACE – NAME" and "NAME – PLACE"
    "भाजपा ने घोषित किए नए जिलाध्यक्ष\n\nपार्टी ने सूची जारी की है।\nबेलवा – हेमंत राणा\nसोनपुर – कुसुम लता",
    "भाजपा ने घोषित किए नए जिलाध्यक्ष\n\nपार्टी ने सूची जारी की है।\nहेमंत राणा – बेलवा\nकुसुम लता – सोनपुर",
])
def test_lists_announced_with_places_before_after_or_in_brackets(text):
    found = places_of(text)
    assert found == {"हेमंत राणा": [("जिलाध्यक्ष", "बेलवा", True)], "कुसुम लता": [("जिलाध्यक्ष", "सोनपुर", True)]}


def test_names_with_their_places_before_the_post_and_its_verb():
    # NAME_PLACE with the verb after the post: each name its place, no name takes a place word
    text = "हेमंत राणा बेलवा और कुसुम लता सोनपुर की जिलाध्यक्ष बनीं"
    found = places_of(text)
    assert found == {"हेमंत राणा": [("जिलाध्यक्ष", "बेलवा", True)], "कुसुम लता": [("जिलाध्यक्ष", "सोनपुर", True)]}


@pytest.mark.parametrize("text, expected", [
    # a subject after में: two words at least
    ("अधिवक्ता संघ के चुनाव में हेमंत राणा अध्यक्ष चुने गए।", {"हेमंत राणा": [("अध्यक्ष", True)]}),
    ("पार्टी ने जिलों में पुनर्गठन करते हुए प्रभारी मनोनीत किए।", {}),
    # JOINED_VOWEL: a post printed with its अ unjoined
    ("हेमंत राणा को जिलाअध्यक्ष बनाया गया।", {"हेमंत राणा": [("जिलाअध्यक्ष", True)]}),
])
def test_a_subject_after_in_and_posts_with_an_unjoined_vowel(text, expected):
    assert roles_of(text) == expected


def test_an_unjoined_vowel_is_the_same_post_for_analysts():
    [person] = analyse("प्रदेशअध्यक्ष हेमंत राणा ने कहा।").people
    assert person.roles[0].canonical().role_normalized == "प्रदेश अध्यक्ष"


def test_the_genitive_subject_of_an_appointment_is_no_place_of_the_post():
    [person] = analyse("हेमंत राणा के प्रदेश सचिव मनोनीत होने पर स्वागत किया गया।").people
    assert [(role.role, role.jurisdiction, role.appointed) for role in person.roles] == [("प्रदेश सचिव", None, True)]


@pytest.mark.parametrize("text, expected", [
    # a charge headline without its verb
    ("युवा कांग्रेस में बदलाव, कुसुम लता को जिले की कमान", {"कुसुम लता": [("जिला अध्यक्ष", True)]}),
    ("महिला मोर्चा में फेरबदल, हेमंत राणा को बेलवा जिले की जिम्मेदारी", {"हेमंत राणा": [("जिला अध्यक्ष", True)]}),
])
def test_a_charge_headline_without_its_verb(text, expected):
    assert roles_of(text) == expected

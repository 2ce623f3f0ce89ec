"""The analysis grammar, one construction per test, on sentences written for these tests."""

from __future__ import annotations

import pytest

from newsbot.people import analyse
from newsbot.people.vocab import name_key, role_key, vocabulary


def roles_of(text: str, author: str | None = None) -> dict[str, list[tuple]]:
    """name -> [(role, org, jurisdiction, appointed)], checking every evidence offset."""
    result = analyse(text, author=author)
    found = {}
    for person in result.people:
        for role in person.roles:
            assert text[role.start:role.end] == role.evidence
            found.setdefault(person.name, []).append((role.role, role.org, role.jurisdiction, role.appointed))
    return found


def test_seed_appointment_sentence():
    text = "सरायपुर। रविवार की बैठक में अभिनव प्रताप सिंह को मंडल कोऑर्डिनेटर नियुक्त किया गया।"
    assert roles_of(text) == {"अभिनव प्रताप सिंह": [("मंडल कोऑर्डिनेटर", None, None, True)]}


def test_seed_org_before_role():
    text = "बैठक में एआईसीसी सोशल मीडिया के प्रदेश कोऑर्डिनेटर संजीव आनंद ने नई टीम का परिचय कराया।"
    assert roles_of(text) == {"संजीव आनंद": [("प्रदेश कोऑर्डिनेटर", "एआईसीसी सोशल मीडिया", None, False)]}


@pytest.mark.parametrize("text, expected", [
    ("पूर्वी उत्तर प्रदेश के कोऑर्डिनेटर नदीम अहमद ने बधाई दी।",
     {"नदीम अहमद": [("कोऑर्डिनेटर", None, "पूर्वी उत्तर प्रदेश", False)]}),
    ("भाजपा जिलाध्यक्ष रमेश चंद्र गुप्ता ने दीप जलाया।",
     {"रमेश चंद्र गुप्ता": [("जिलाध्यक्ष", "भाजपा", None, False)]}),
    ("कार्यक्रम में लखनऊ के जिलाध्यक्ष हरिशंकर पाल भी पहुंचे।",
     {"हरिशंकर पाल": [("जिलाध्यक्ष", None, "लखनऊ", False)]}),
    ("प्रदेश कांग्रेस अध्यक्ष विनोद कुमार शर्मा की ओर से सूची जारी हुई।",
     {"विनोद कुमार शर्मा": [("प्रदेश कांग्रेस अध्यक्ष", "कांग्रेस", None, False)]}),
    ("कार्यशाला में विधानसभा अध्यक्ष 210 बेलवा सुनील वर्मा ने स्वागत किया।",
     {"सुनील वर्मा": [("विधानसभा अध्यक्ष", None, "210 बेलवा", False)]}),
])
def test_role_before_name_with_org_or_place(text, expected):
    assert roles_of(text) == expected


def test_two_roles_for_one_name_and_a_role_after_a_name():
    text = ("युवा मोर्चा के मंडल अध्यक्ष अजय सिंह चेयरमैन ने पार्टी प्रवक्ता व प्रदेश उपाध्यक्ष "
            "कमल किशोर मिश्र के साथ बैठक की।")
    assert roles_of(text) == {
        "अजय सिंह": [("मंडल अध्यक्ष", "युवा मोर्चा", None, False), ("चेयरमैन", None, None, False)],
        "कमल किशोर मिश्र": [("प्रवक्ता", None, None, False), ("प्रदेश उपाध्यक्ष", None, None, False)],
    }


def test_a_role_given_once_for_a_list_of_those_present_names_only_the_first():
    text = "इस मौके पर जिला महासचिव राम सेवक यादव, मनोज कुमार, सलीम अंसारी आदि मौजूद रहे।"
    assert roles_of(text) == {"राम सेवक यादव": [("जिला महासचिव", None, None, False)]}


def test_a_pair_after_a_role_shares_it_unless_it_opens_an_attendance_list():
    shared = "सम्मेलन में प्रदेश के कोऑर्डिनेटर विकास मौर्य और आरिफ खान पहुंचे।"
    assert set(roles_of(shared)) == {"विकास मौर्य", "आरिफ खान"}
    present = "इस दौरान नगर अध्यक्ष सीमा देवी और राकेश वर्मा समेत कई कार्यकर्ता मौजूद रहे।"
    assert set(roles_of(present)) == {"सीमा देवी"}


def test_a_list_appointed_together_all_get_the_post():
    text = "बैठक में सुरेश यादव, अनिल कुमार पटेल और श्रीमती गीता देवी को जिला सचिव बनाया गया।"
    found = roles_of(text)
    assert set(found) == {"सुरेश यादव", "अनिल कुमार पटेल", "गीता देवी"}
    assert all(roles == [("जिला सचिव", None, None, True)] for roles in found.values())


@pytest.mark.parametrize("text, name, role", [
    ("पार्टी ने बेलवा ब्लॉक अध्यक्ष की जिम्मेदारी रवि शंकर तिवारी को सौंपी है।", "रवि शंकर तिवारी", "ब्लॉक अध्यक्ष"),
    ("जिला अध्यक्ष के रूप में प्रमोद कुमार सैनी को मनोनीत किया गया।", "प्रमोद कुमार सैनी", "जिला अध्यक्ष"),
    ("महिला मोर्चा ने पूनम वर्मा को जिला महामंत्री मनोनीत किया है।", "पूनम वर्मा", "जिला महामंत्री"),
    ("युवा कांग्रेस में बदलाव, अंकुर सिंह बने प्रदेश सचिव", "अंकुर सिंह", "प्रदेश सचिव"),
    ("ब्लॉक अध्यक्षों की सूची जारी होते ही सरायपुर में नवनियुक्त ब्लॉक अध्यक्ष मोहम्मद इरफान का स्वागत हुआ।",
     "मोहम्मद इरफान", "ब्लॉक अध्यक्ष"),
    ("नगर के उपाध्यक्ष दीपक गुप्ता और महामंत्री संजय जैन होंगे।", "संजय जैन", "महामंत्री"),
])
def test_appointment_frames(text, name, role):
    found = roles_of(text)
    assert (role, True) in [(r[0], r[3]) for r in found[name]]


def test_command_handed_to_a_pronoun_goes_to_the_person_named_before():
    text = "पिछले साल जिला अध्यक्ष रहे अरुण सक्सेना पर पार्टी ने फिर भरोसा जताया और जिला अध्यक्ष की कमान उन्हें सौंपी।"
    assert roles_of(text) == {"अरुण सक्सेना": [("जिला अध्यक्ष", None, None, True)]}


def test_command_handed_over_without_a_post_takes_the_post_named_elsewhere():
    text = "बैठक में मनोज कुमार को युवा मोर्चा की कमान सौंपी गई। बाद में मंडल अध्यक्ष मनोज कुमार ने आभार जताया।"
    [person] = analyse(text).people
    [role] = person.roles
    assert (role.role, role.appointed) == ("मंडल अध्यक्ष", True)
    assert role.evidence.startswith("बैठक में मनोज कुमार को")


def test_initials_and_a_role_in_brackets():
    assert roles_of("जिलाध्यक्ष आर.के. सिंह ने कहा। सम्मेलन में राम प्रकाश (महामंत्री) भी रहे।") == {
        "आर.के. सिंह": [("जिलाध्यक्ष", None, None, False)], "राम प्रकाश": [("महामंत्री", None, None, False)]}


def test_a_list_of_places_and_names_takes_the_post_stated_before():
    text = ("बेलवा का जिलाध्यक्ष राम नरेश पाल, सोनपुर का अमित यादव को बनाया गया है। "
            "इसके अलावा, चंदनपुर का विनय कुमार को बनाया गया है।")
    found = roles_of(text)
    assert found["अमित यादव"] == [("जिलाध्यक्ष", None, "सोनपुर", True)]
    assert found["विनय कुमार"] == [("जिलाध्यक्ष", None, "चंदनपुर", True)]


def test_a_post_held_before_or_held_now_is_not_an_appointment():
    assert roles_of("उन्होंने कहा कि चौधरी चरण सिंह मुख्यमंत्री बने थे।") == {
        "चरण सिंह": [("मुख्यमंत्री", None, None, False)]}
    assert roles_of("अब तक सपा के जिलाध्यक्ष की जिम्मेदारी अशोक यादव के पास थी।") == {
        "अशोक यादव": [("जिलाध्यक्ष", "सपा", None, False)]}


def test_honorifics_bylines_places_parties_and_descriptors_are_not_names():
    text = ("सोनपुर (सरायपुर)। श्री राम प्रकाश वर्मा ने बताया कि भाजपा के जिलाध्यक्ष डॉ. सुधीर कुमार जी और "
            "मुख्य अतिथि विधायक श्रीमती किरण पाल पहुंचीं। कार्यकर्ता मोहन लाल ने आभार जताया।")
    found = roles_of(text, author="राम प्रकाश वर्मा")
    assert found == {"सुधीर कुमार": [("जिलाध्यक्ष", "भाजपा", None, False)],
                     "किरण पाल": [("विधायक", None, None, False)]}


def test_a_short_name_is_the_full_name_said_before():
    text = "जिलाध्यक्ष बृजमोहन उपाध्याय ने सूची जारी की। जिलाध्यक्ष उपाध्याय ने कहा कि बैठक होगी।"
    assert list(roles_of(text)) == ["बृजमोहन उपाध्याय"]


def test_counts_without_names():
    text = "बैठक में 34 विधानसभा कोऑर्डिनेटर, 6 जिला एवं शहर कोऑर्डिनेटर और दो उपाध्यक्ष घोषित हुए।"
    assert analyse(text).counts == [{"role": "विधानसभा कोऑर्डिनेटर", "count": 34},
                                    {"role": "जिला एवं शहर कोऑर्डिनेटर", "count": 6},
                                    {"role": "उपाध्यक्ष", "count": 2}]
    assert analyse("प्रदेश के 23 जिला अध्यक्षों की सूची जारी हुई।").counts == [{"role": "जिला अध्यक्ष", "count": 23}]


@pytest.mark.parametrize("text, parties", [
    ("भाजयुमो और महिला मोर्चा की संयुक्त बैठक", ["BJP"]),
    ("युवा कांग्रेस और एआईसीसी सोशल मीडिया की कार्यशाला", ["INC"]),
    ("समाजवादी पार्टी (सपा) और राष्ट्रीय लोकदल की रैली", ["SP", "RLD"]),
    ("अपना दल (एस) और सुभासपा के नेता मिले", ["AD(S)", "SBSP"]),
    ("आप सब लोग समय पर पहुंचें", []),
    ("आम आदमी पार्टी की बैठक में आप के नेता पहुंचे", ["AAP"]),
])
def test_parties_from_names_wings_and_abbreviations(text, parties):
    assert analyse(text).parties == parties


def test_event_types_and_political():
    text = "कांग्रेस की कार्यशाला और प्रेस वार्ता\n\nबैठक में अजय राय को जिलाध्यक्ष नियुक्त किया गया।"
    result = analyse(text)
    assert result.political
    assert result.event_types == ["workshop", "meeting", "appointment", "press_conference"]
    weather = analyse("बारिश से फसल को नुकसान\n\nबेलवा। तेज़ बारिश से किसानों की चिंता बढ़ी, बैठक टली।")
    assert (weather.political, weather.event_types, weather.people) == (False, [], [])


def test_spellings_meet_on_the_match_form():
    assert role_key("ज़िलाध्यक्ष") == role_key("जिलाध्यक्ष") == role_key("जिला अध्यक्ष")
    assert role_key("कोऑर्डिनेटर") == role_key("कोआर्डिनेटर") == role_key("कोर्डिनेटर")
    assert name_key("मुहम्मद शाहिद") == name_key("मोहम्मद शाहिद")
    text = "ज़िलाध्यक्ष रामपाल सिंह ने कहा। बाद में जिला अध्यक्ष रामपाल सिंह को फिर जिलाध्यक्ष चुना गया।"
    assert roles_of(text) == {"रामपाल सिंह": [("ज़िलाध्यक्ष", None, None, True)]}


def test_the_output_contract():
    record = analyse("भाजपा की बैठक\n\nप्रदेश उपाध्यक्ष उपेंद्र सिंह ने कहा।").to_json()
    assert list(record) == ["political", "event_types", "parties", "people", "counts"]
    [person] = record["people"]
    assert list(person) == ["name", "roles"]
    assert list(person["roles"][0]) == ["role", "org", "jurisdiction", "appointed", "evidence", "start", "end",
                                        "role_normalized", "post", "level", "wing", "party", "former"]


def test_vocabulary_loads_without_duplicates():
    vocab = vocabulary()  # raises on a phrase listed twice
    assert vocab.phrases and vocab.surnames and vocab.events


def test_a_list_run_on_without_dandas_is_cut_into_pieces_that_keep_offsets():
    names = ", ".join(f"राम प्रसाद {surname}" for surname in ("यादव", "वर्मा", "पाल", "गुप्ता") * 60)
    text = f"बैठक में जिलाध्यक्ष सुरेश कुमार मौर्य, {names} मौजूद रहे।"
    [person] = analyse(text).people
    [role] = person.roles
    assert person.name == "सुरेश कुमार मौर्य" and text[role.start:role.end] == role.evidence
    assert len(role.evidence) < len(text)


@pytest.mark.parametrize("text, expected", [
    # PLACE से A, PLACE से B ... को ROLE बनाया: each item's place is the post's jurisdiction
    ("सूची के अनुसार रामनगर से दीपक सोनी, मधुबन से कैलाश नाथ पटेल और सेमरा से अजीत वर्मा को "
     "विधानसभा अध्यक्ष बनाया गया है।",
     {"दीपक सोनी": [("विधानसभा अध्यक्ष", None, "रामनगर", True)],
      "कैलाश नाथ पटेल": [("विधानसभा अध्यक्ष", None, "मधुबन", True)],
      "अजीत वर्मा": [("विधानसभा अध्यक्ष", None, "सेमरा", True)]}),
    # ROLE पद पर A, B व C को स्थान मिला / जगह दी गई
    ("नई सूची में सचिव पद पर नवीन गोयल, तरुण पाठक व सीमा राठी को स्थान मिला है।",
     {"नवीन गोयल": [("सचिव", None, None, True)], "तरुण पाठक": [("सचिव", None, None, True)],
      "सीमा राठी": [("सचिव", None, None, True)]}),
    ("कोषाध्यक्ष पद पर मनीष खरे को जगह दी गई है।", {"मनीष खरे": [("कोषाध्यक्ष", None, None, True)]}),
    # ROLE पद की जिम्मेदारी A और B को सौंपी गई
    ("संयोजक पद की जिम्मेदारी हरीश बंसल और उमेश त्यागी को सौंपी गई है।",
     {"हरीश बंसल": [("संयोजक", None, None, True)], "उमेश त्यागी": [("संयोजक", None, None, True)]}),
    # A ROLE और B ROLE बनाए गए
    ("वहीं, पंकज सेठी आईटी सेल प्रभारी और रेखा चौरसिया सह संयोजक बनाई गई हैं।",
     {"पंकज सेठी": [("आईटी सेल प्रभारी", None, None, True)],
      "रेखा चौरसिया": [("सह संयोजक", None, None, True)]}),
    # a gapped list with the origin of each person and an org before each post
    ("इसी क्रम में रामनगर निवासी सुधीर कटियार को पार्टी का जिला सचिव और मधुबन के मो. इरफान को "
     "युवा विंग का जिला उपाध्यक्ष मनोनीत किया गया।",
     {"सुधीर कटियार": [("जिला सचिव", "पार्टी", None, True)],
      "मो. इरफान": [("जिला उपाध्यक्ष", "युवा विंग", None, True)]}),
    # ROLE पद पर A तथा ROLE पद पर B की नियुक्ति की गई
    ("बैठक में जिलाध्यक्ष पद पर गोपाल मिश्र तथा जिला सचिव पद पर आरिफ खान की नियुक्ति की गई।",
     {"गोपाल मिश्र": [("जिलाध्यक्ष", None, None, True)], "आरिफ खान": [("जिला सचिव", None, None, True)]}),
    # PLACE ROLE के रूप में A तथा PLACE ROLE के रूप में B को मनोनयन पत्र दिया गया
    ("मधुबन प्रखंड अध्यक्ष के रूप में संदीप साव तथा सेमरा प्रखंड अध्यक्ष के रूप में राहुल झा को "
     "मनोनयन पत्र दिया गया।",
     {"संदीप साव": [("प्रखंड अध्यक्ष", None, "मधुबन", True)],
      "राहुल झा": [("प्रखंड अध्यक्ष", None, "सेमरा", True)]}),
])
def test_more_appointment_lists(text, expected):
    found = roles_of(text)
    assert {name: [r[0] for r in roles] for name, roles in found.items()} == \
        {name: [r[0] for r in roles] for name, roles in expected.items()}
    assert all(r[3] for roles in found.values() for r in roles)
    for name, roles in expected.items():
        if roles[0][2]:
            assert found[name][0][2] == roles[0][2]


def test_appointments_to_come_or_inside_an_object_frame_are_not_this_ones():
    assert roles_of("जल्द ही नए जिला सचिव बनाए जाएंगे, कहा अध्यक्ष दिनेश सोनी ने।") == \
        {"दिनेश सोनी": [("अध्यक्ष", None, None, False)]}
    # "को बसपा का PLACE विधानसभा अध्यक्ष बनाया": the place is no subject of बनाया
    assert set(roles_of("बैठक में हरिओम सागर को बसपा का टिकरी विधानसभा अध्यक्ष बनाया गया।")) == {"हरिओम सागर"}


@pytest.mark.parametrize("text, expected", [
    ("उनके साथ लता मौर्य (महिला विंग की जिलाध्यक्ष) ने भी बात रखी।",
     {"लता मौर्य": [("जिलाध्यक्ष", "महिला विंग", None, False)]}),
    ("बैठक में केशव राम (अल्पसंख्यक मोर्चा जिलाध्यक्ष) मौजूद रहे।",
     {"केशव राम": [("जिलाध्यक्ष", "अल्पसंख्यक मोर्चा", None, False)]}),
    ("सत्यम पांडे, पूर्वांचल प्रांत प्रभारी, ने कहा कि आंदोलन होगा।",
     {"सत्यम पांडे": [("प्रांत प्रभारी", None, "पूर्वांचल", False)]}),
    ("विधानसभा अध्यक्ष (टिकरी) मोहन लाल कुरील ने आभार जताया।",
     {"मोहन लाल कुरील": [("विधानसभा अध्यक्ष", None, None, False)]}),
    ("पूर्व मंत्री सह विधायक गणेश सहनी ने कहा कि राहत नहीं मिली।",
     {"गणेश सहनी": [("पूर्व मंत्री", None, None, False), ("विधायक", None, None, False)]}),
])
def test_role_after_a_name_in_brackets_or_commas_and_cum(text, expected):
    assert roles_of(text) == expected


def test_new_vocabulary_and_places_a_text_teaches():
    text = ("मौके पर मुखिया अनीता देवी, पैक्स अध्यक्ष कमल सादा और प्रवक्ता डॉ. अजय मंडल मौजूद थे। "
            "हरपुर तहसील का घेराव हुआ। उपजिलाधिकारी हरपुर विनोद कुमार ने वार्ता की। "
            "युवाओं को घर-घर जाकर सदस्य बनाया। प्रदेश के विकास में योगदान है, कहा अध्यक्ष विकास सिन्हा ने।")
    found = roles_of(text)
    assert found["अनीता देवी"][0][0] == "मुखिया" and found["कमल सादा"][0][0] == "पैक्स अध्यक्ष"
    assert "अजय मंडल" in found and "विनोद कुमार" in found and "विकास सिन्हा" in found
    assert "घर-घर" not in found


def test_a_former_post_is_not_merged_with_the_post_held_now():
    text = "सपा के पूर्व जिलाध्यक्ष रामदीन कोरी ने सदस्यता ली। बाद में रामदीन कोरी को प्रकोष्ठ का जिलाध्यक्ष बनाया गया।"
    assert [r[0] for r in roles_of(text)["रामदीन कोरी"]] == ["पूर्व जिलाध्यक्ष", "जिलाध्यक्ष"]


def test_events_to_come_are_not_this_texts_events():
    result = analyse("भाजपा की बैठक हुई। अगले माह बड़ा सम्मेलन होगा और कार्यकर्ता धरना देंगे। स्वागत कार्यक्रम हुआ।")
    assert result.event_types == ["meeting", "other"]


@pytest.mark.parametrize("text, role", [
    ("जिलाध्यक्ष ने धीरज सैनी को नगर अध्यक्ष का नियुक्ति पत्र सौंपा।", "नगर अध्यक्ष"),
    ("धीरज सैनी नए जिलाध्यक्ष होंगे।", "जिलाध्यक्ष"),
    ("धीरज सैनी को प्रदेश कार्यकारिणी में सचिव के पद पर जगह मिली है।", "सचिव"),
    ("धीरज सैनी को महानगर उपाध्यक्ष पद का दायित्व सौंपा गया।", "महानगर उपाध्यक्ष"),
])
def test_appointment_letters_future_copula_and_seats(text, role):
    assert roles_of(text) == {"धीरज सैनी": [(role, None, None, True)]}


@pytest.mark.parametrize("text, expected", [
    # a surname with a plural-like or future-like ending is a name word
    ("पंजाब प्रभारी गुरमीत सिंह ढिल्लों ने संबोधित किया।",
     {"गुरमीत सिंह ढिल्लों": [("प्रभारी", None, "पंजाब", False)]}),
    # "रहने वाले X": वाले is no name word
    ("पार्टी ने बेलहरी के रहने वाले सुधीर कुमार यादव को जिलाध्यक्ष मनोनीत किया।",
     {"सुधीर कुमार यादव": [("जिलाध्यक्ष", None, None, True)]}),
    # a place word between a post and a name
    ("विधानसभा अध्यक्ष कुंदरकी मोहन लाल सैनी भी पहुंचे।",
     {"मोहन लाल सैनी": [("विधानसभा अध्यक्ष", None, "कुंदरकी", False)]}),
    ("ब्लॉक अध्यक्ष सरायपुर दिनेश वर्मा भी पहुंचे।",
     {"दिनेश वर्मा": [("ब्लॉक अध्यक्ष", None, "सरायपुर", False)]}),
    # a level in brackets between a post and a name
    ("कांग्रेस जिलाध्यक्ष (शहर) नरेश चंद्र गोयल ने कहा कि बैठक अच्छी रही।",
     {"नरेश चंद्र गोयल": [("जिलाध्यक्ष", "कांग्रेस", None, False)]}),
    # two posts, the second with its place and no genitive
    ("युवा मोर्चा के प्रदेश सचिव एवं बुंदेलखंड सह प्रभारी अरुण कुमार तोमर ने कहा।",
     {"अरुण कुमार तोमर": [("प्रदेश सचिव", "युवा मोर्चा", None, False),
                          ("सह प्रभारी", None, "बुंदेलखंड", False)]}),
    # "ROLE रहे ROLE2 X", "ROLE का प्रभार संभाल रहे ROLE2 X"
    ("वहीं रामगढ़ के थानाध्यक्ष रहे उपनिरीक्षक विनोद कुमार शुक्ला को लाइन भेजा गया।",
     {"विनोद कुमार शुक्ला": [("थानाध्यक्ष", None, "रामगढ़", False), ("उपनिरीक्षक", None, None, False)]}),
    ("अब तक प्रभारी अधीक्षक का दायित्व संभाल रहे वरिष्ठ परामर्शदाता डॉ. नवीन कुमार सेठ ने स्वागत किया।",
     {"नवीन कुमार सेठ": [("प्रभारी अधीक्षक", None, None, False), ("वरिष्ठ परामर्शदाता", None, None, False)]}),
])
def test_names_places_and_chains_around_a_post(text, expected):
    assert roles_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a rank before the name, the post given after को: two roles, only the post appointed (a
    # police station is the post's place)
    ("इसी क्रम में उपनिरीक्षक अजय कुमार पाल को थानाध्यक्ष बनाया गया है।",
     {"अजय कुमार पाल": [("उपनिरीक्षक", None, None, False), ("थानाध्यक्ष", None, None, True)]}),
    ("निरीक्षक सुनील कुमार सिंह को कोतवाली नगर का प्रभारी निरीक्षक बनाया गया।",
     {"सुनील कुमार सिंह": [("निरीक्षक", None, None, False), ("प्रभारी निरीक्षक", None, "कोतवाली नगर", True)]}),
    # the charge of a post handed to a ranked officer; the place before the post is no name
    ("बेलहरा थानाध्यक्ष की जिम्मेदारी उपनिरीक्षक श्रीमती ममता सिंह को सौंपी गई।",
     {"ममता सिंह": [("उपनिरीक्षक", None, None, False), ("थानाध्यक्ष", None, None, True)]}),
    ("नायब तहसीलदार राजीव कुमार पाल को तहसीलदार बेलहरा का अतिरिक्त प्रभार सौंपा गया।",
     {"राजीव कुमार पाल": [("नायब तहसीलदार", None, None, False), ("तहसीलदार", None, None, True)]}),
    # the charge given to someone from a place
    ("युवा विंग के जिलाध्यक्ष का दायित्व रामपुर निवासी अनुज कुमार को मिला है।",
     {"अनुज कुमार": [("जिलाध्यक्ष", "युवा विंग", None, True)]}),
    # the charge someone will take on
    ("इसके साथ ही जिला सचिव की जिम्मेदारी अब इरफान अली देखेंगे।",
     {"इरफान अली": [("जिला सचिव", None, None, True)]}),
    # the noun of an appointment with its holder in the genitive
    ("साथ ही रमेश चंद्र यादव की नियुक्ति मोर्चा के जिला मीडिया प्रभारी पद पर की गई।",
     {"रमेश चंद्र यादव": [("जिला मीडिया प्रभारी", "मोर्चा", None, True)]}),
    ("बैठक में दीपक कुमार की जिला सचिव पद पर नियुक्ति की घोषणा हुई।",
     {"दीपक कुमार": [("जिला सचिव", None, None, True)]}),
])
def test_ranks_charges_and_appointment_nouns(text, expected):
    assert roles_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "A, B और C ROLE होंगे": the whole list
    ("वहीं अनिल यादव, सुनील पाल और मोहन सैनी जिला मंत्री होंगे।",
     {"अनिल यादव": [("जिला मंत्री", None, None, True)], "सुनील पाल": [("जिला मंत्री", None, None, True)],
      "मोहन सैनी": [("जिला मंत्री", None, None, True)]}),
    # a gapped list joined by जबकि
    ("इसमें राहुल यादव और अमित पाल को जिला सचिव, जबकि सोनू सैनी को जिला महासचिव बनाया गया है।",
     {"राहुल यादव": [("जिला सचिव", None, None, True)], "अमित पाल": [("जिला सचिव", None, None, True)],
      "सोनू सैनी": [("जिला महासचिव", None, None, True)]}),
    # a gapped list: a place before the post, a level in brackets after it
    ("अनिल तोमर को मेरठ लोकसभा प्रभारी, विकास गोयल को जिला अध्यक्ष (शहर) तथा राजेश सैनी को "
     "महिला विंग की जिलाध्यक्ष नियुक्त किया गया।",
     {"अनिल तोमर": [("लोकसभा प्रभारी", None, "मेरठ", True)], "विकास गोयल": [("जिला अध्यक्ष", None, None, True)],
      "राजेश सैनी": [("जिलाध्यक्ष", "महिला विंग", None, True)]}),
    # "PLACE से A, PLACE रोड से B को ROLE का नियुक्ति पत्र सौंपा"
    ("अध्यक्ष ने बेलहरा से अजय रावत, बेलघाट रोड से विजय नेगी तथा कुंडा से अमित बिष्ट को "
     "विधानसभा अध्यक्ष का नियुक्ति पत्र सौंपा।",
     {"अजय रावत": [("विधानसभा अध्यक्ष", None, "बेलहरा", True)],
      "विजय नेगी": [("विधानसभा अध्यक्ष", None, "बेलघाट रोड", True)],
      "अमित बिष्ट": [("विधानसभा अध्यक्ष", None, "कुंडा", True)]}),
    # "A (ROLE), B (ROLE) को कमेटी में शामिल किया गया": each his own post
    ("नई कमेटी में सुनील राय (उपाध्यक्ष) तथा अशोक पाल (कोषाध्यक्ष) को शामिल किया गया है।",
     {"सुनील राय": [("उपाध्यक्ष", None, None, True)], "अशोक पाल": [("कोषाध्यक्ष", None, None, True)]}),
])
def test_more_appointed_lists(text, expected):
    assert roles_of(text) == expected


def test_joining_a_party_is_no_appointment():
    text = "समारोह में पूर्व विधायक रामनरेश सिंह को भाजपा में शामिल किया गया।"
    assert roles_of(text) == {"रामनरेश सिंह": [("पूर्व विधायक", None, None, False)]}


@pytest.mark.parametrize("phrase, role", [
    ("प्रखंड प्रमुख सुनीता देवी", "प्रखंड प्रमुख"), ("हल्का लेखपाल रामू प्रसाद", "हल्का लेखपाल"),
    ("वरीय उपाध्यक्ष मोहन झा", "वरीय उपाध्यक्ष"), ("थानाधिकारी राकेश मीणा", "थानाधिकारी"),
    ("क्षेत्रीय क्रीड़ाधिकारी रीना तोमर", "क्षेत्रीय क्रीड़ाधिकारी"), ("फार्मासिस्ट अजय कुमार", "फार्मासिस्ट"),
    ("सहायक अध्यापिका रीता वर्मा", "सहायक अध्यापिका"), ("पूर्व छात्रसंघ अध्यक्ष विनोद राठौड़", "पूर्व छात्रसंघ अध्यक्ष"),
])
def test_more_posts_and_levels(phrase, role):
    people = roles_of(f"कार्यक्रम में {phrase} ने विचार रखे।")
    assert [r[0] for rs in people.values() for r in rs] == [role]


@pytest.mark.parametrize("text, expected", [
    # "359 PLACE से A, 360 PLACE से B ... को ROLE मनोनीत": a numbered constituency per item
    ("सूची के अनुसार 214 रामगढ़ से विनय कुमार पाल, 215 सोहावल से अरुण मौर्य तथा 216 मिल्कीपुर से "
     "दिनेश सैनी को विधानसभा अध्यक्ष मनोनीत किया गया।",
     {"विनय कुमार पाल": [("विधानसभा अध्यक्ष", None, "रामगढ़", True)],
      "अरुण मौर्य": [("विधानसभा अध्यक्ष", None, "सोहावल", True)],
      "दिनेश सैनी": [("विधानसभा अध्यक्ष", None, "मिल्कीपुर", True)]}),
    # "A और B ROLE तथा C ROLE2 मनोनीत किए गए": a pair item may name several
    ("बैठक में राजेश कनौजिया और सलीम अंसारी जिला सचिव तथा गीता पासवान कोषाध्यक्ष मनोनीत किए गए।",
     {"राजेश कनौजिया": [("जिला सचिव", None, None, True)], "सलीम अंसारी": [("जिला सचिव", None, None, True)],
      "गीता पासवान": [("कोषाध्यक्ष", None, None, True)]}),
    # ", जबकि A और B ROLE चुने गए": a subject after a clause joined by जबकि
    ("महेंद्र त्यागी को अध्यक्ष चुना गया, जबकि हरपाल राणा और विनोद धामा उपाध्यक्ष चुने गए।",
     {"महेंद्र त्यागी": [("अध्यक्ष", None, None, True)], "हरपाल राणा": [("उपाध्यक्ष", None, None, True)],
      "विनोद धामा": [("उपाध्यक्ष", None, None, True)]}),
    # "ROLE रहे X को पदोन्नत कर ORG का ROLE2 बनाया": promoted; the former post is not given
    ("नगर अध्यक्ष रहे सुधीर कश्यप को पदोन्नत कर युवा मोर्चा का जिला मंत्री बनाया गया।",
     {"सुधीर कश्यप": [("नगर अध्यक्ष", None, None, False), ("जिला मंत्री", "युवा मोर्चा", None, True)]}),
    ("वहीं आकाश बघेल को जिला सचिव पद पर प्रोन्नत करते हुए उन्हें मनोनयन पत्र दिया गया।",
     {"आकाश बघेल": [("जिला सचिव", None, None, True)]}),
    # "RANK X को ROLE PLACE के पद पर तैनात": PLACE is the post's, no name
    ("तहसीलदार राघवेंद्र पांडे को उपजिलाधिकारी मझगवां के पद पर तैनात किया गया है।",
     {"राघवेंद्र पांडे": [("तहसीलदार", None, None, False), ("उपजिलाधिकारी", None, None, True)]}),
    # "ORG का ROLE PARTY के RANK A को तथा ROLE2 PARTY के RANK B को बनाया": the post given first,
    # the rank held
    ("निगरानी समिति का अध्यक्ष भाजपा के जिला मंत्री ओमकार सिंह को तथा सचिव बसपा के नगर अध्यक्ष "
     "फिरोज खान को बनाया गया।",
     {"ओमकार सिंह": [("जिला मंत्री", "भाजपा", None, False), ("अध्यक्ष", "निगरानी समिति", None, True)],
      "फिरोज खान": [("नगर अध्यक्ष", "बसपा", None, False), ("सचिव", None, None, True)]}),
    # "X को … के लिए नोडल अधिकारी नामित किया"
    ("जिलाधिकारी ने खंड विकास अधिकारी नरेश गौतम को टीकाकरण अभियान के लिए नोडल अधिकारी नामित किया।",
     {"नरेश गौतम": [("खंड विकास अधिकारी", None, None, False), ("नोडल अधिकारी", None, None, True)]}),
    # a word that is also a first name, before a surname: "खुशी वर्मा"; alone it is a word
    ("शिविर में सुमित राठी को शिविर नायक और खुशी वर्मा को शिविर नायिका चुना गया।",
     {"सुमित राठी": [("शिविर नायक", None, None, True)], "खुशी वर्मा": [("शिविर नायिका", None, None, True)]}),
    ("कार्यक्रम में खुशी का माहौल रहा और जिलाध्यक्ष रमेश बाबू ने मिठाई बांटी।",
     {"रमेश बाबू": [("जिलाध्यक्ष", None, None, False)]}),
])
def test_promotions_elections_and_postings(text, expected):
    assert roles_of(text) == expected


@pytest.mark.parametrize("phrase, role", [
    ("जिला पंचायत राज अधिकारी सत्यम शुक्ला", "जिला पंचायत राज अधिकारी"),
    ("जिला विकास अधिकारी नरेश गौतम", "जिला विकास अधिकारी"),
    ("कार्यक्रम अधिकारी नेहा जैन", "कार्यक्रम अधिकारी"), ("चीफ प्रॉक्टर अनिल राणा", "चीफ प्रॉक्टर"),
    ("संयुक्त मजिस्ट्रेट अभय सिंह", "संयुक्त मजिस्ट्रेट"),
])
def test_district_officers_and_college_posts(phrase, role):
    people = roles_of(f"कार्यक्रम में {phrase} ने विचार रखे।")
    assert [r[0] for rs in people.values() for r in rs] == [role]

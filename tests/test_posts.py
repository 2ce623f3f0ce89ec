"""Canonical posts (newsbot.people.posts): roles analysts can count, stored, shown and exported."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from conftest import archive_db

from newsbot.archive import Archive
from newsbot.cli import main
from newsbot.items import IST, Article
from newsbot.people import analyse
from newsbot.people.posts import canonical_post
from newsbot.people.vocab import _rows, phrase_keys, vocabulary


@pytest.mark.parametrize("role", [
    "जिलाध्यक्ष", "जिला अध्यक्ष", "ज़िलाध्यक्ष", "ज़िला अध्यक्ष",  # nukta, joined and apart
    "जिला अध्यक्षा", "ज़िलाध्यक्षा", "नवनियुक्त जिलाध्यक्ष", "भाजपा जिलाध्यक्ष", "जिला कांग्रेस अध्यक्ष",
    "जि\u200dला अध्यक्ष",  # a ZWJ inside the word
])
def test_every_spelling_of_district_president_is_one_post(role):
    post = canonical_post(role)
    assert (post.role_normalized, post.level, post.post, post.former) == ("जिला अध्यक्ष", "जिला", "अध्यक्ष", False)


@pytest.mark.parametrize("role, org, expected", [
    # role as printed, its org -> role_normalized, level, post, wing, party
    ("प्रदेशाध्यक्ष", None, ("प्रदेश अध्यक्ष", "प्रदेश", "अध्यक्ष", None, None)),
    ("प्रदेश कांग्रेस अध्यक्ष", None, ("प्रदेश अध्यक्ष", "प्रदेश", "अध्यक्ष", None, "INC")),
    ("मंडल अध्यक्ष", "भाजयुमो", ("मंडल अध्यक्ष", "मंडल", "अध्यक्ष", "युवा मोर्चा", "BJP")),
    ("मंडल अध्यक्ष", "BJYM", ("मंडल अध्यक्ष", "मंडल", "अध्यक्ष", "युवा मोर्चा", "BJP")),
    ("जिला अध्यक्ष", "युवा कांग्रेस", ("जिला अध्यक्ष", "जिला", "अध्यक्ष", "युवा कांग्रेस", "INC")),
    ("नगर अध्यक्ष", "यूथ कांग्रेस", ("नगर अध्यक्ष", "नगर", "अध्यक्ष", "युवा कांग्रेस", "INC")),
    ("जिला महामंत्री", "भाजपा महिला मोर्चा", ("जिला महामंत्री", "जिला", "महामंत्री", "महिला मोर्चा", "BJP")),
    ("जिला युवा राजद अध्यक्ष", None, ("जिला अध्यक्ष", "जिला", "अध्यक्ष", "युवा राजद", "RJD")),
    ("प्रखंड राजद अध्यक्ष", None, ("ब्लॉक अध्यक्ष", "ब्लॉक", "अध्यक्ष", None, "RJD")),
    ("विकास खंड अध्यक्ष", None, ("ब्लॉक अध्यक्ष", "ब्लॉक", "अध्यक्ष", None, None)),
    ("उपजिलाध्यक्ष", None, ("जिला उपाध्यक्ष", "जिला", "उपाध्यक्ष", None, None)),
    ("विधान सभा अध्यक्ष", None, ("विधानसभा अध्यक्ष", "विधानसभा", "अध्यक्ष", None, None)),
    ("राष्ट्रीय महासचिव (संगठन)", None, ("राष्ट्रीय संगठन महासचिव", "राष्ट्रीय", "संगठन महासचिव", None, None)),
    ("राष्ट्रीय महासचिव संगठन", None, ("राष्ट्रीय संगठन महासचिव", "राष्ट्रीय", "संगठन महासचिव", None, None)),
    ("प्रदेश मीडिया (Media) प्रभारी", None, ("प्रदेश मीडिया प्रभारी", "प्रदेश", "मीडिया प्रभारी", None, None)),
    ("प्रदेश कोआर्डिनेटर", "एआईसीसी सोशल मीडिया",
     ("प्रदेश कोऑर्डिनेटर", "प्रदेश", "कोऑर्डिनेटर", "सोशल मीडिया", "INC")),
    ("मंडल कोर्डिनेटर", None, ("मंडल कोऑर्डिनेटर", "मंडल", "कोऑर्डिनेटर", None, None)),
    ("जिला सहप्रभारी", None, ("जिला सह प्रभारी", "जिला", "सह प्रभारी", None, None)),
    ("डिप्टी सीएम", None, ("उपमुख्यमंत्री", None, "उपमुख्यमंत्री", None, None)),
    ("सीएम", None, ("मुख्यमंत्री", None, "मुख्यमंत्री", None, None)),
    ("उप जिलाधिकारी", None, ("उपजिलाधिकारी", None, "उपजिलाधिकारी", None, None)),
    ("ज़िलाधिकारी", None, ("जिलाधिकारी", None, "जिलाधिकारी", None, None)),  # a post, not जिला + अधिकारी
    ("थानाध्यक्ष", None, ("थानाध्यक्ष", None, "थानाध्यक्ष", None, None)),  # थाना is no level
    ("उपाध्यक्ष", None, ("उपाध्यक्ष", None, "उपाध्यक्ष", None, None)),
    ("पार्टी सुप्रीमो", None, ("सुप्रीमो", None, "सुप्रीमो", None, None)),
    ("प्रबन्धक", None, ("प्रबंधक", None, "प्रबंधक", None, None)),  # nasal + virama = anusvara
    ("प्रधानाचार्या", None, ("प्रधानाचार्य", None, "प्रधानाचार्य", None, None)),
    ("जिला पंचायत अध्यक्ष", None, ("जिला पंचायत अध्यक्ष", "जिला", "पंचायत अध्यक्ष", None, None)),
    ("MLA", None, ("विधायक", None, "विधायक", None, None)),
])
def test_level_post_wing_and_party_apart(role, org, expected):
    post = canonical_post(role, org)
    assert (post.role_normalized, post.level, post.post, post.wing, post.party) == expected


def test_a_former_post_is_counted_as_former():
    for role in ("पूर्व विधायक", "निवर्तमान विधायक", "तत्कालीन विधायक"):
        post = canonical_post(role)
        assert (post.role_normalized, post.post, post.former) == ("पूर्व विधायक", "विधायक", True)
    assert canonical_post("पूर्व जिलाध्यक्ष").role_normalized == "पूर्व जिला अध्यक्ष"


def test_the_party_the_analysis_found_comes_first():
    assert canonical_post("मंडल अध्यक्ष", "महिला मोर्चा").party == "BJP"
    assert canonical_post("मंडल अध्यक्ष", "महिला मोर्चा", party="INC").party == "INC"
    assert canonical_post("जिला अध्यक्ष", "जिला कांग्रेस कमेटी").party == "INC"


def test_the_data_files_agree_with_the_vocabulary():
    vocab = vocabulary()
    kinds = {"level", "wing", "former", "drop", "post", "fused"}
    for phrase, kind, *canonical in _rows("posts.tsv"):
        assert kind in kinds, phrase
        assert kind == "drop" or canonical, phrase
    # A wing named in parties.tsv too counts for the same party in both files.
    for phrase, party, _wing in _rows("orgs.tsv"):
        keys = list(phrase_keys(phrase))
        found = vocab.longest(vocab.phrases, keys, 0)
        if found is not None and found[0] == len(keys) and found[1].tag == "P":
            assert found[1].value == party, phrase


def test_analyze_json_gives_role_normalized_with_level_post_wing_and_party(capsys, tmp_path):
    source = tmp_path / "article.txt"
    source.write_text("भाजयुमो की बैठक\n\nसोनपुर। बैठक में मनोज कुमार कुशवाहा को भाजयुमो का ज़िलाध्यक्ष बनाया गया। "
                      "पूर्व विधायक श्रीमती कुसुम लता राजपूत ने स्वागत किया।", encoding="utf-8")
    assert main(["analyze", "--json", str(source)]) == 0
    record = json.loads(capsys.readouterr().out)
    roles = {person["name"]: person["roles"][0] for person in record["people"]}
    manoj = roles["मनोज कुमार कुशवाहा"]
    assert (manoj["role"], manoj["role_normalized"], manoj["level"], manoj["post"]) == (
        "ज़िलाध्यक्ष", "जिला अध्यक्ष", "जिला", "अध्यक्ष")
    assert (manoj["wing"], manoj["party"], manoj["appointed"], manoj["former"]) == ("युवा मोर्चा", "BJP", True, False)
    kusum = roles["कुसुम लता राजपूत"]
    assert (kusum["role_normalized"], kusum["post"], kusum["former"]) == ("पूर्व विधायक", "विधायक", True)


@pytest.mark.parametrize("text, evidence", [
    # The body states it: its sentence is the evidence, not the headline.
    ("रीना देवी बनीं महिला मोर्चा की जिलाध्यक्ष\n\nसोनपुर। बैठक में रीना देवी को महिला मोर्चा की जिलाध्यक्ष बनाया गया।",
     "बैठक में रीना देवी को महिला मोर्चा की जिलाध्यक्ष बनाया गया।"),
    ("भाजपा जिलाध्यक्ष रीना देवी ने किया स्वागत\n\nसोनपुर। कार्यक्रम में भाजपा जिलाध्यक्ष रीना देवी ने अतिथियों का स्वागत किया।",
     "कार्यक्रम में भाजपा जिलाध्यक्ष रीना देवी ने अतिथियों का स्वागत किया।"),
    # Only the headline states it: the headline is the evidence.
    ("रीना देवी को महिला मोर्चा की जिलाध्यक्ष बनाया गया\n\nसोनपुर। बैठक में संगठन पर चर्चा हुई।",
     "रीना देवी को महिला मोर्चा की जिलाध्यक्ष बनाया गया"),
])
def test_evidence_is_the_body_sentence_that_states_it(text, evidence):
    [person] = analyse(text).people
    [role] = person.roles
    assert role.evidence == evidence and text[role.start:role.end] == evidence


def _archive_with_one_article(data):
    with Archive.in_dir(data) as archive:
        archive.upsert_article(Article(
            url="http://127.0.0.1:9/a/1/", canonical_url="http://127.0.0.1:9/a/1/", site="gramin",
            title="युवा कांग्रेस की बैठक", is_article=True, published=datetime(2026, 11, 2, 10, tzinfo=IST),
            text="कंचनपुर। बैठक में श्री आरिफ़ हुसैन को युवा कांग्रेस का ज़िला अध्यक्ष मनोनीत किया गया। "
                 "सम्मेलन में जिलाध्यक्ष आरिफ़ हुसैन ने सबका आभार जताया।"))


def test_an_older_archive_gains_the_columns_and_is_filled(capsys, tmp_path, monkeypatch):
    data = tmp_path / "data"
    monkeypatch.setenv("NEWSBOT_DATA_DIR", str(data))
    _archive_with_one_article(data)
    assert main(["people", "--json"]) == 0  # analysed by today's rules
    capsys.readouterr()
    # Make it an archive of an older newsbot: no post columns, analysed by other rules.
    db = archive_db(data)
    for column in ("role_normalized", "post", "level", "wing", "former"):
        db.execute(f"ALTER TABLE mentions DROP COLUMN {column}")
    db.execute("UPDATE analyses SET rules_version = 'old'")
    db.commit()
    db.close()
    assert main(["export", "roles", "--format", "jsonl"]) == 0
    [row] = map(json.loads, capsys.readouterr().out.splitlines())
    assert (row["person"], row["role"], row["role_normalized"], row["party"]) == (
        "आरिफ़ हुसैन", "ज़िला अध्यक्ष", "जिला अध्यक्ष", "INC")
    db = archive_db(data)
    assert db.execute("SELECT role_normalized, level, post, wing FROM mentions").fetchall() == [
        ("जिला अध्यक्ष", "जिला", "अध्यक्ष", "युवा कांग्रेस")]
    # reprocess redoes it all and keeps it.
    db.execute("UPDATE mentions SET role_normalized = NULL")
    db.commit()
    assert main(["reprocess", "--json"]) == 0
    assert db.execute("SELECT role_normalized FROM mentions").fetchall() == [("जिला अध्यक्ष",)]


def test_people_shows_the_posts(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSBOT_DATA_DIR", str(tmp_path / "data"))
    _archive_with_one_article(tmp_path / "data")
    assert main(["people"]) == 0
    assert capsys.readouterr().out == "आरिफ़ हुसैन\t1 article(s)\tजिला अध्यक्ष\n"
    assert main(["people", "आरिफ हुसैन", "--json"]) == 0  # without the nukta
    [record] = map(json.loads, capsys.readouterr().out.splitlines())
    assert record["posts"] == ["जिला अध्यक्ष"]
    [role] = record["roles"]
    assert (role["role"], role["role_normalized"], role["level"], role["post"], role["wing"], role["party"]) == (
        "ज़िला अध्यक्ष", "जिला अध्यक्ष", "जिला", "अध्यक्ष", "युवा कांग्रेस", "INC")
    assert main(["people", "आरिफ़"]) == 0
    assert "              post: जिला अध्यक्ष, युवा कांग्रेस, INC" in capsys.readouterr().out.splitlines()
    assert main(["show", "http://127.0.0.1:9/a/1/", "--json"]) == 0
    [person] = json.loads(capsys.readouterr().out)["people"]
    assert person["roles"][0]["role_normalized"] == "जिला अध्यक्ष"

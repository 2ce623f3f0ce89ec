"""Index and search over a real Whoosh index of invented Hindi articles."""

import re
import unicodedata
from datetime import UTC, datetime, timedelta

import pytest
from whoosh import index as whoosh_index
from whoosh.fields import ID, TEXT, Schema

from newsbot.archive import Archive
from newsbot.items import Article
from newsbot.search.analysis import HindiAnalyzer
from newsbot.search.index import (
    IST,
    IndexMissing,
    IndexOutdated,
    SearchError,
    delete_documents,
    document_count,
    open_index,
    update_documents,
)
from newsbot.search.parsing import make_parser
from newsbot.search.query import parse_date
from newsbot.search.searcher import COUNT_CAP, search
from newsbot.search.sync import sync_index

WORKSHOP = {
    "url": "https://khabar.example/meerut/karyashala-1",
    "title": "मेरठ में पत्रकारिता कार्यशाला संपन्न",
    "text": (
        "मेरठ। ज़िला पंचायत सभागार में आयोजित कार्यशाला में मुख्य अतिथि संजीव आनंद ने कहा कि "
        "हिन्दी पत्रकारिता का भविष्य उज्ज्वल है।\n\n"
        "पश्चिमी उत्तर प्रदेश के कोऑर्डिनेटर रेहाना क़ुरैशी ने सम्बन्धित विभागों से सहयोग माँगा। "
        "कार्यक्रम में २०२६ के पंचायत चुनाव पर भी चर्चा हुई।"
    ),
    "site": "khabar",
    "author": "विनीता सहगल",
    "published": datetime(2026, 3, 4, 18, 30, tzinfo=IST),
    "section": "meerut",
    "tags": ["पंचायत", "कार्यशाला"],
    "people": ["संजीव आनंद", "रेहाना क़ुरैशी"],
    "parties": ["INC"],
}
FAIR = {
    "url": "https://gramin.example/bijnor/mela",
    "title": "गाँव के मेले में हँसी-ख़ुशी",
    "text": "बिजनौर के गाँव में मेला लगा। आनंद बिहारी ने पण्डित जी के साथ दुकान लगाई।",
    "site": "gramin",
    "author": "",
    "published": datetime(2026, 3, 5, 1, 0, tzinfo=UTC),
    "section": "bijnor",
    "tags": [],
}
MEETING = {
    "url": "https://khabar.example/saharanpur/baithak",
    "title": "सहारनपुर: संजीव वर्मा ने ली बैठक",
    "text": "सहारनपुर में ज़िलाधिकारी संजीव वर्मा ने बैठक ली। अतिथि मुख्य रूप से किसान थे।",
    "site": "khabar",
    "author": "",
    "published": None,
    "section": None,
    "tags": ["बैठक"],
    "people": ["संजीव वर्मा"],
    "parties": ["BJP"],
}


@pytest.fixture
def index_dir(tmp_path):
    path = tmp_path / "index"
    assert update_documents(path, [WORKSHOP, FAIR, MEETING]) == 3
    return path


def urls(index_dir, query, **kwargs):
    return [hit.url for hit in search(index_dir, query, **kwargs)]


def test_full_person_name(index_dir):
    assert urls(index_dir, "संजीव आनंद") == [WORKSHOP["url"]]
    assert set(urls(index_dir, "संजीव")) == {WORKSHOP["url"], MEETING["url"]}


def test_author(index_dir):
    assert urls(index_dir, "विनीता सहगल") == [WORKSHOP["url"]]


@pytest.mark.parametrize(
    ("query", "why"),
    [
        ("जिला", "nukta in the text, none in the query"),
        ("कुरैशी", "nukta in the text"),
        ("माँगा", "chandrabindu as written"),
        ("मांगा", "anusvara for the text's chandrabindu"),
        ("हिंदी", "anusvara for the text's half nasal"),
        ("संबंधित", "two half nasals in the text"),
        ("कोआर्डिनेटर", "आ for the text's ऑ"),
        ("2026", "ASCII digits for the text's २०२६"),
        ("२०२६", "Devanagari digits as written"),
        ("ज़िला पञ्चायत", "nukta and a palatal half nasal in the query"),
    ],
)
def test_spelling_variants_find_the_article(index_dir, query, why):
    assert urls(index_dir, query) == [WORKSHOP["url"]], why


def test_variants_in_the_query_match_plain_text(index_dir):
    assert urls(index_dir, "पंडित") == [FAIR["url"]]
    assert urls(index_dir, "ख़ुशी") == urls(index_dir, "खुशी") == [FAIR["url"]]


def test_phrase(index_dir):
    assert urls(index_dir, '"मुख्य अतिथि"') == [WORKSHOP["url"]]
    assert urls(index_dir, '"अतिथि मुख्य"') == [MEETING["url"]]
    # The stop word is dropped from both index and query, with positions renumbered.
    assert urls(index_dir, '"संजीव आनंद ने कहा"') == [WORKSHOP["url"]]


def test_all_words_must_match(index_dir):
    assert urls(index_dir, "संजीव मेला") == []
    assert set(urls(index_dir, "संजीव OR मेला")) == {WORKSHOP["url"], FAIR["url"], MEETING["url"]}


def test_title_is_boosted(index_dir):
    assert urls(index_dir, "बैठक")[0] == MEETING["url"]


def test_site_filter(index_dir):
    assert urls(index_dir, "आनंद", site="gramin") == [FAIR["url"]]
    assert urls(index_dir, "आनंद", site="khabar") == [WORKSHOP["url"]]
    assert urls(index_dir, "आनंद", site="nowhere") == []


def test_limit(index_dir):
    assert len(search(index_dir, "संजीव", limit=1)) == 1


def test_colon_inside_a_hindi_query_is_not_a_field(index_dir):
    assert urls(index_dir, "सहारनपुर: बैठक") == [MEETING["url"]]
    assert urls(index_dir, "title:मेरठ") == [WORKSHOP["url"]]


@pytest.mark.parametrize(
    "query",
    ["", "   ", '"मुख्य अतिथि', "(संजीव", "संजीव)", "(संजीव]", "[a TO", "AND संजीव", "संजीव AND",
     "संजीव OR", "संजीव AND OR आनंद", "NOT", "संजीव (NOT)", "title:", "()", '""', "में का",
     "। ,"],
)
def test_broken_or_empty_queries(index_dir, query):
    with pytest.raises(SearchError) as error:
        search(index_dir, query)
    assert "\n" not in str(error.value)


def test_missing_index(tmp_path):
    with pytest.raises(IndexMissing, match=r"no index at .*nothing.*newsbot crawl"):
        search(tmp_path / "nothing", "संजीव")
    assert document_count(tmp_path / "nothing") == 0
    assert issubclass(IndexMissing, SearchError)


def test_empty_index(tmp_path):
    open_index(tmp_path / "empty", create=True)
    with pytest.raises(IndexMissing, match="newsbot crawl"):
        search(tmp_path / "empty", "संजीव")


def test_hit_fields_and_published_offset(index_dir):
    [hit] = search(index_dir, "संजीव आनंद")
    assert (hit.title, hit.site) == (WORKSHOP["title"], "khabar")
    assert hit.published == WORKSHOP["published"]
    assert hit.published.utcoffset() == timedelta(hours=5, minutes=30)
    assert hit.score > 0
    [fair] = search(index_dir, "बिजनौर")
    assert fair.published == datetime(2026, 3, 5, 6, 30, tzinfo=IST)
    [meeting] = search(index_dir, "सहारनपुर")
    assert meeting.published is None


def test_naive_published_is_taken_as_ist(tmp_path):
    update_documents(tmp_path / "ix", [dict(FAIR, published=datetime(2026, 1, 2, 9, 15))])
    [hit] = search(tmp_path / "ix", "बिजनौर")
    assert hit.published == datetime(2026, 1, 2, 9, 15, tzinfo=IST)


def test_snippet_marks_matches(index_dir):
    [hit] = search(index_dir, "हिंदी")
    assert "«हिन्दी»" in hit.snippet
    [hit] = search(index_dir, "संजीव आनंद", html=True)
    assert '<mark class="match term0">संजीव</mark>' in hit.snippet


def test_snippet_of_a_title_only_match_is_the_lead(index_dir):
    [hit] = search(index_dir, "हँसी")
    assert hit.snippet == FAIR["text"]


CLUSTERED_WORDS = (
    "क्षेत्रीय", "प्रतिनिधि", "स्वास्थ्य", "कृषि", "ज़िम्मेदारी", "श्रृंखला", "उन्होंने", "दुःख",
)


def test_snippet_never_splits_a_word_or_cluster(tmp_path):
    words = [CLUSTERED_WORDS[i % len(CLUSTERED_WORDS)] for i in range(400)]
    words[150] = words[330] = "सुदर्शन"
    text = " ".join(words)
    update_documents(tmp_path / "ix", [{"url": "u", "title": "लंबा", "text": text, "site": "s"}])
    [hit] = search(tmp_path / "ix", "सुदर्शन")
    fragments = hit.snippet.replace("«", "").replace("»", "").split(" … ")
    assert len(fragments) == 2 and "«सुदर्शन»" in hit.snippet
    for fragment in fragments:
        start = text.index(fragment)
        end = start + len(fragment)
        assert start == 0 or text[start - 1] == " "
        assert end == len(text) or text[end] == " "
        assert not unicodedata.category(fragment[0]).startswith("M")
        assert fragment.split(" ")[0] in CLUSTERED_WORDS + ("सुदर्शन",)
        assert fragment.split(" ")[-1] in CLUSTERED_WORDS + ("सुदर्शन",)


def test_lead_snippet_cuts_at_a_space(tmp_path):
    text = " ".join(CLUSTERED_WORDS * 40)
    update_documents(tmp_path / "ix", [{"url": "u", "title": "सुदर्शन", "text": text, "site": "s"}])
    [hit] = search(tmp_path / "ix", "सुदर्शन")
    lead = hit.snippet.removesuffix(" …")
    assert text.startswith(lead) and text[len(lead)] == " "
    assert re.fullmatch(r"\S+( \S+)*", lead)


def test_reindexing_a_url_replaces_it(index_dir):
    update_documents(index_dir, [dict(WORKSHOP, title="नया शीर्षक", text="संशोधित समाचार")])
    assert document_count(index_dir) == 3
    assert urls(index_dir, "संशोधित") == [WORKSHOP["url"]]
    assert urls(index_dir, "उज्ज्वल") == []


def test_delete(index_dir):
    assert delete_documents(index_dir, [FAIR["url"], "https://nowhere.example/"]) == 1
    assert document_count(index_dir) == 2


def test_failed_batch_leaves_index_unchanged(index_dir):
    def docs():
        yield dict(WORKSHOP, url="https://khabar.example/new")
        raise RuntimeError("archive read failed")

    with pytest.raises(RuntimeError):
        update_documents(index_dir, docs())
    assert document_count(index_dir) == 3
    assert update_documents(index_dir, []) == 0


# ---------------------------------------------------------------- inflections and exact forms


def test_inflected_forms_find_each_other(tmp_path):
    update_documents(tmp_path / "ix", [{"url": "u/karyakarta", "site": "s", "title": "सम्मेलन",
                                        "text": "ज़िले के कार्यकर्ताओं की बैठकों में समितियाँ बनीं।"}])
    for query in ("कार्यकर्ता", "कार्यकर्ताओं", "बैठक", "बैठकें", "समिति", "समितियों"):
        assert urls(tmp_path / "ix", query) == ["u/karyakarta"], query


def test_the_spelling_typed_ranks_first(index_dir):
    update_documents(index_dir, [
        {"url": "u/plural", "site": "s", "title": "क", "text": "बैठकों का दौर"},
        {"url": "u/singular", "site": "s", "title": "ख", "text": "एक बैठक हुई"},
    ])
    assert urls(index_dir, "बैठकों")[0] == "u/plural"
    assert urls(index_dir, "बैठक")[0] in ("u/singular", MEETING["url"])


def test_phrases_match_the_words_as_written(index_dir):
    parsed = make_parser(open_index(index_dir).schema).parse('"मुख्य अतिथि" title:"पत्रकारिता कार्यशाला"')
    assert str(parsed) == '(text:"मुख्य अतिथि" AND title:"पत्रकारिता कार्यशाला")'
    update_documents(index_dir, [{"url": "u/forms", "site": "s", "title": "क", "text": "मुख्य अतिथियों ने कहा"}])
    assert urls(index_dir, '"मुख्य अतिथि"') == [WORKSHOP["url"]]


# ---------------------------------------------------------------- Latin letters


@pytest.mark.parametrize("query", ["sanjeev anand", "Sanjiv Anand", '"sanjeev aanand"', "rehana qureshi",
                                   "rehaana kuraishi", "hindi patrakarita"])
def test_latin_queries_find_devanagari_articles(index_dir, query):
    assert urls(index_dir, query) == [WORKSHOP["url"]]


def test_latin_words_never_search_hindi_fields_and_hindi_never_the_shadow(index_dir):
    parser = make_parser(open_index(index_dir).schema)
    assert str(parser.parse("sanjeev")) == "romanised:snjv"
    assert "romanised" not in str(parser.parse("संजीव आनंद OR ज़िला"))
    assert str(parser.parse("person:sanjeev")) == "person_romanised:snjv"
    mixed = str(parser.parse("sanjeev आनंद"))
    assert "romanised:snjv" in mixed and "text:आनंद" in mixed


def test_mixed_script_query(index_dir):
    assert urls(index_dir, "sanjeev आनंद") == [WORKSHOP["url"]]


def test_latin_snippet_marks_the_devanagari_words(index_dir):
    [hit] = search(index_dir, "sanjeev anand")
    assert "«संजीव» «आनंद»" in hit.snippet


# ---------------------------------------------------------------- fields, filters, sorting, counts


def test_person_and_party_fields(index_dir):
    assert urls(index_dir, 'person:"संजीव आनंद"') == [WORKSHOP["url"]]
    # A field's quoted value after an operator or a bracket (the web app's person filter).
    assert urls(index_dir, '(संजीव) AND person:"संजीव आनंद"') == [WORKSHOP["url"]]
    assert urls(index_dir, 'संजीव NOT person:"संजीव आनंद"') == [MEETING["url"]]
    assert set(urls(index_dir, "person:संजीव")) == {WORKSHOP["url"], MEETING["url"]}
    assert urls(index_dir, "person:sanjeev person:verma") == [MEETING["url"]]
    assert urls(index_dir, "party:inc") == urls(index_dir, "party:INC") == [WORKSHOP["url"]]
    assert urls(index_dir, "संजीव party:BJP") == [MEETING["url"]]
    assert urls(index_dir, "site:gramin OR party:BJP") != []
    [hit] = search(index_dir, "party:BJP")
    assert (hit.people, hit.parties) == (["संजीव वर्मा"], ["BJP"])


def test_author_field_in_both_scripts(index_dir):
    assert urls(index_dir, "author:सहगल") == urls(index_dir, "author:sehgal") == [WORKSHOP["url"]]


def test_documents_without_people_or_parties(tmp_path):
    update_documents(tmp_path / "ix", [{"url": "u", "title": "बिजनौर", "site": "s"}])
    [hit] = search(tmp_path / "ix", "बिजनौर")
    assert (hit.people, hit.parties, hit.snippet) == ([], [], "")


def test_date_range(index_dir):
    assert urls(index_dir, "आनंद", date_from="2026-03-05") == [FAIR["url"]]
    assert urls(index_dir, "आनंद", date_to="2026-03-04") == [WORKSHOP["url"]]
    # FAIR is 2026-03-05T06:30+05:30: a bare --to date includes its whole day.
    assert set(urls(index_dir, "आनंद", date_from="2026-03-04", date_to="2026-03-05")) == {
        WORKSHOP["url"], FAIR["url"]}
    assert urls(index_dir, "आनंद", date_from="2026-03-05T07:00+05:30") == []
    assert urls(index_dir, "संजीव", date_from="2020-01-01") == [WORKSHOP["url"]]  # undated MEETING drops out


def test_parse_date():
    assert parse_date("2026-03-04") == datetime(2026, 3, 4, tzinfo=IST)
    assert parse_date("2026-03-04", end=True).date().isoformat() == "2026-03-04"
    assert parse_date("2026-03-04T10:00+00:00").utcoffset() == timedelta(0)
    with pytest.raises(SearchError, match="ISO date"):
        parse_date("4 March")


def test_sort_by_date_and_total(index_dir):
    results = search(index_dir, "आनंद OR संजीव", sort="date", limit=2)
    assert [hit.url for hit in results] == [FAIR["url"], WORKSHOP["url"]]
    assert urls(index_dir, "आनंद OR संजीव", sort="date")[-1] == MEETING["url"]  # undated last
    assert results.total == 3
    assert search(index_dir, "आनंद OR संजीव").total == 3
    with pytest.raises(SearchError, match="sort"):
        search(index_dir, "आनंद", sort="title")


def test_counts_stop_at_the_cap_unless_asked(tmp_path):
    # 130 reports of a fair; every third also of a meeting; 40 on another site.
    update_documents(tmp_path / "ix", [
        {"url": f"u/{i}", "site": "gramin" if i < 40 else "khabar", "title": "मेला",
         "text": "गाँव में मेला लगा" + (" और बैठक हुई" if i % 3 == 0 else "")} for i in range(130)])
    common = search(tmp_path / "ix", "मेला")
    assert (common.total, common.exact, len(common)) == (COUNT_CAP, False, 10)
    assert search(tmp_path / "ix", "मेला", count=True).total == 130
    assert (search(tmp_path / "ix", "मेला गाँव", site="gramin").total, search(tmp_path / "ix", "गाँव", site="gramin").exact) == (40, True)
    assert (search(tmp_path / "ix", "मेला बैठक").total, search(tmp_path / "ix", "मेला बैठक", count=True).total) == (44, 44)


# ---------------------------------------------------------------- did you mean


@pytest.mark.parametrize(("query", "suggestion"), [
    ("पत्रकरिता", "पत्रकारिता"),
    ("संजीव आनद", "संजीव आनंद"),
    ("site:khabar सहारनपर", "site:khabar सहारनपुर"),
])
def test_did_you_mean(index_dir, query, suggestion):
    results = search(index_dir, query)
    assert (list(results), results.total, results.suggestion) == ([], 0, suggestion)
    assert search(index_dir, suggestion).total >= 1


def test_no_suggestion_when_nothing_close_or_words_are_known(index_dir):
    assert search(index_dir, "क्वांटम").suggestion is None
    assert search(index_dir, "संजीव मेला").suggestion is None  # both words exist, just not together


# ---------------------------------------------------------------- schema changes


def test_outdated_index_asks_for_a_rebuild_and_the_next_sync_rebuilds_it(tmp_path):
    old = tmp_path / "old"
    old.mkdir()
    hindi = HindiAnalyzer()
    ix = whoosh_index.create_in(old, Schema(url=ID(unique=True, stored=True), title=TEXT(analyzer=hindi, stored=True),
                                            text=TEXT(analyzer=hindi, stored=True), site=ID(stored=True)))
    with ix.writer() as writer:
        writer.add_document(url="u", title="पुराना", text="पुराना समाचार", site="s")
    with pytest.raises(IndexOutdated, match="newsbot reindex"):
        search(old, "समाचार")
    with pytest.raises(IndexOutdated):
        update_documents(old, [WORKSHOP])
    assert document_count(old) == 1
    with Archive.in_dir(tmp_path / "data") as archive:
        archive.upsert_article(Article(url=WORKSHOP["url"], canonical_url=WORKSHOP["url"], site="khabar",
                                       title=WORKSHOP["title"], text=WORKSHOP["text"], is_article=True))
        assert sync_index(archive, old) == 1
    assert urls(old, "sanjeev anand") == [WORKSHOP["url"]]

"""`newsbot search` options: date range, sort, count, did-you-mean, Latin letters, fields."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from newsbot.cli import main
from newsbot.items import IST
from newsbot.search.index import update_documents

DOCS = [
    {"url": "u/workshop", "site": "gramin", "title": "ज़िला कांग्रेस की कार्यशाला",
     "text": "कार्यशाला में मुख्य अतिथि संजीव आनंद कोऑर्डिनेटर ने कहा कि संगठन मज़बूत होगा।",
     "published": datetime(2026, 11, 20, 10, tzinfo=IST), "people": ["संजीव आनंद"], "parties": ["INC"]},
    {"url": "u/paddy", "site": "khabar", "title": "बेलवा में धान ख़रीद केंद्र खुला",
     "text": "किसानों की माँग पर २०२६ का पहला धान क्रय केंद्र खुला। संजीव वर्मा ने उद्घाटन किया।",
     "published": datetime(2026, 11, 22, 9, tzinfo=IST), "people": ["संजीव वर्मा"]},
]


@pytest.fixture
def index(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSBOT_INDEX_DIR", str(tmp_path / "index"))
    update_documents(tmp_path / "index", DOCS)


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["search", *args])
    out, err = capsys.readouterr()
    return code, out, err


def records(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines()]


def test_latin_query_and_json_contract(capsys, index):
    code, out, err = run(capsys, "sanjeev anand", "--json")
    assert code == 0, err
    [record] = records(out)
    assert list(record) == ["query", "url", "title", "site", "published", "score", "snippet"]
    assert record["url"] == "u/workshop" and "«संजीव» «आनंद»" in record["snippet"]


def test_text_output_counts_all_matches(capsys, index):
    code, out, _ = run(capsys, "संजीव", "--limit", "1")
    assert code == 0
    assert out.splitlines()[0] == "2 results for 'संजीव' (showing 1)"


def test_count(capsys, index, tmp_path):
    assert run(capsys, "संजीव", "--count")[1] == "2\n"
    assert records(run(capsys, "sanjeev", "--count", "--json")[1]) == [{"query": "sanjeev", "count": 2}]
    queries = tmp_path / "q.txt"
    queries.write_text("संजीव\nधान\nक्वांटम\n", encoding="utf-8")
    assert run(capsys, "--queries", str(queries), "--count")[1] == "2\tसंजीव\n1\tधान\n0\tक्वांटम\n"


def test_dates_and_sort(capsys, index):
    code, out, _ = run(capsys, "संजीव", "--json", "--sort", "date")
    assert [r["url"] for r in records(out)] == ["u/paddy", "u/workshop"]
    code, out, _ = run(capsys, "संजीव", "--json", "--from", "2026-11-21")
    assert [r["url"] for r in records(out)] == ["u/paddy"]
    code, out, _ = run(capsys, "संजीव", "--json", "--to", "2026-11-20T23:00+05:30")
    assert [r["url"] for r in records(out)] == ["u/workshop"]


@pytest.mark.parametrize("args", [("संजीव", "--from", "21/11/2026"), ("संजीव", "--sort", "title")])
def test_bad_option_values_are_usage_errors(capsys, index, args):
    code, out, err = run(capsys, *args)
    assert (code, out) == (2, "")
    assert len(err.strip().splitlines()) == 1


def test_fields_in_the_query(capsys, index):
    for query, expected in (("party:INC", ["u/workshop"]), ('person:"संजीव वर्मा"', ["u/paddy"]),
                            ("site:khabar संजीव", ["u/paddy"]), ("संजीव NOT धान", ["u/workshop"])):
        assert [r["url"] for r in records(run(capsys, query, "--json")[1])] == expected, query


def test_did_you_mean(capsys, index):
    code, out, err = run(capsys, "कार्यशला")
    assert code == 0
    assert out.startswith("0 results for 'कार्यशला'")
    assert err == "did you mean: कार्यशाला\n"
    code, out, _ = run(capsys, "कार्यशला", "--json")
    assert records(out) == [{"query": "कार्यशला", "did_you_mean": "कार्यशाला"}]


def test_broken_query_is_one_line(capsys, index):
    code, out, err = run(capsys, "संजीव AND")
    assert (code, out) == (1, "")
    assert len(err.splitlines()) == 1 and "AND" in err


def test_a_queries_line_that_is_not_utf8_is_reported_and_the_rest_answered(capsys, index, tmp_path):
    queries = tmp_path / "q.txt"
    queries.write_bytes("संजीव\n".encode() + b"\xe0\xa4 broken \xff\n" + "धान\n".encode())
    code, out, err = run(capsys, "--queries", str(queries), "--count")
    assert code == 1 and out == "2\tसंजीव\n1\tधान\n"
    assert err.startswith("newsbot: error in line 2 of ") and "not UTF-8" in err and len(err.splitlines()) == 1

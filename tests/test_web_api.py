"""`newsbot serve`'s JSON API and downloads over real HTTP on 127.0.0.1, on an archive made by
crawling the bundled demo sites (conftest: web_home, web_server)."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import urllib.error
import urllib.request
from datetime import datetime
from urllib.parse import urlencode

import pytest
from conftest import HOSTILE_TITLE, HOSTILE_URL, REPO, archive_env, run_newsbot, serving

from newsbot.archive import Archive


def get(server: str, path: str, params: dict | None = None, method: str = "GET"):
    """(status, headers, body bytes) of one request; errors are answers too."""
    url = server + path + ("?" + urlencode(params) if params else "")
    request = urllib.request.Request(url, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def api(server: str, path: str, **params) -> dict:
    status, headers, body = get(server, path, params)
    assert status == 200, body
    assert headers["Content-Type"].startswith("application/json")
    return json.loads(body)


def urls(answer: dict) -> set[str]:
    return {hit["url"] for hit in answer["results"]}


def test_devanagari_search_pages_facets_and_marks(web_server):
    first = api(web_server, "/api/search", q="बैठक", size=3, facets="true")
    assert first["total"] > 3 and first["pages"] == -(-first["total"] // 3)
    assert len(first["results"]) == 3
    hit = first["results"][0]
    assert isinstance(hit["id"], int) and "<mark" in hit["snippet_html"] and "«" in hit["snippet"]
    # Facets count every match, not just this page.
    assert sum(first["facets"]["sites"].values()) == first["total"]
    assert set(first["facets"]["sites"]) >= {"gramin", "khabar"}
    assert all(len(month) == 7 for month in first["facets"]["months"])
    second = api(web_server, "/api/search", q="बैठक", size=3, page=2)
    assert len(second["results"]) == 3 and not urls(first) & urls(second)


@pytest.mark.parametrize("variant", [
    "ज़िलाध्यक्ष",  # nukta
    "जि\u200cलाध्यक्ष",  # a stray ZWNJ
    "जिलाध्यक्षों",  # inflected
])
def test_spellings_meet_through_the_api(web_server, variant):
    plain = api(web_server, "/api/search", q="जिलाध्यक्ष", size=50)
    assert plain["total"] > 0
    assert urls(api(web_server, "/api/search", q=variant, size=50)) == urls(plain)


def test_latin_letters_find_devanagari_names(web_server):
    answer = api(web_server, "/api/search", q="raghuvir singh chauhan")
    assert answer["total"] >= 1
    assert any("रघुवीर सिंह चौहान" in hit["people"] for hit in answer["results"])


def test_filters_site_party_event_person_and_dates(web_server):
    every = api(web_server, "/api/search", q="बैठक", size=50, facets="true")
    gramin = api(web_server, "/api/search", q="बैठक", site="gramin", size=50)
    assert gramin["total"] == every["facets"]["sites"]["gramin"]
    assert {hit["site"] for hit in gramin["results"]} == {"gramin"}
    bjp = api(web_server, "/api/search", q="बैठक", party="bjp", size=50)
    assert bjp["total"] == every["facets"]["parties"]["BJP"]
    assert all("BJP" in hit["parties"] for hit in bjp["results"])
    event, count = next(iter(every["facets"]["event_types"].items()))
    assert api(web_server, "/api/search", q="बैठक", event=event, size=50)["total"] == count
    month, count = next(iter(every["facets"]["months"].items()))
    dated = api(web_server, "/api/search", q="बैठक", size=50, **{"from": f"{month}-01", "to": f"{month}-28"})
    assert 0 < dated["total"] <= count and all(hit["published"].startswith(month) for hit in dated["results"])
    person = api(web_server, "/api/search", person="रुबीना खातून", size=50)
    assert person["total"] == 2 and all("रुबीना ख़ातून" in hit["people"] for hit in person["results"])
    both = api(web_server, "/api/search", q="महिला", person="रुबीना खातून", size=50)
    assert 0 < both["total"] <= 2 and urls(both) <= urls(person)


def test_sort_by_date_is_newest_first(web_server):
    answer = api(web_server, "/api/search", q="बैठक", sort="date", size=50)
    dates = [hit["published"] for hit in answer["results"] if hit["published"]]
    assert dates == sorted(dates, reverse=True)


def test_did_you_mean(web_server):
    answer = api(web_server, "/api/search", q="भजपा")
    assert answer["total"] == 0 and answer["did_you_mean"] == "भाजपा"
    assert api(web_server, "/api/search", q="भजपा", party="BJP")["did_you_mean"] == "भाजपा"


@pytest.mark.parametrize(("params", "words"), [
    ({"q": "(बैठक"}, "bracket"),
    ({"q": '"बैठक'}, "quote"),
    ({"q": ""}, "empty"),
    ({"q": "बैठक", "from": "2026-13-45"}, "ISO date"),
    ({"q": "बैठक", "from": "कल"}, "from"),
    ({"q": "बैठक", "size": "51"}, "size"),
    ({"q": "बैठक", "page": "0"}, "page"),
    ({"q": "बैठक", "page": "101"}, "1000"),
    ({"q": "बैठक", "sort": "best"}, "sort"),
    ({"q": "बैठक", "party": "<b>"}, "party"),
    ({"q": "x" * 501}, "q"),
    ({"person": "।"}, "not a person's name"),
    ({"q": "बैठक", "person": "की"}, "not a person's name"),
])
def test_bad_queries_and_parameters_are_400_with_a_message(web_server, params, words):
    status, headers, body = get(web_server, "/api/search", params)
    assert status == 400 and headers["Content-Type"].startswith("application/json")
    error = json.loads(body)["error"]
    assert words in error and "\n" not in error


@pytest.mark.parametrize(("path", "status"), [
    ("/api/articles/999999", 404), ("/api/people/999999", 404), ("/api/articles/abc", 400),
    ("/api/articles/99999999999999999999999", 400), ("/api/nothing", 404),
])
def test_unknown_ids_are_404_and_bad_ids_400(web_server, path, status):
    got, _, body = get(web_server, path)
    assert got == status and set(json.loads(body)) == {"error"}


def test_article_has_people_roles_evidence_and_revisions(web_server):
    [hit] = api(web_server, "/api/search", q='"रमाकांत ठाकुर"')["results"]
    article = api(web_server, f"/api/articles/{hit['id']}")
    assert article["title"] == HOSTILE_TITLE and article["url"] == HOSTILE_URL
    [person] = [p for p in article["people"] if p["name"] == "रमाकांत ठाकुर"]
    [role] = person["roles"]
    assert role["role"] == "ज़िलाध्यक्ष" and role["party"] == "BJP" and "रमाकांत ठाकुर" in role["evidence"]
    assert [revision["text"] for revision in article["revisions"]] == ["पहला पाठ।"]


def test_person_merges_spellings_and_lists_roles_over_time(web_server):
    [found] = api(web_server, "/api/people", name="रुबीना खातून")["people"]
    person = api(web_server, f"/api/people/{found['id']}")
    assert set(person["spellings"]) == {"रुबीना ख़ातून", "रुबीना खातून"}
    assert person["articles"] == 2 and len(person["roles"]) == person["mentions"]
    dates = [role["date"] for role in person["roles"]]
    assert dates == sorted(dates)
    assert all(role["evidence"] and role["url"].startswith("http") for role in person["roles"])
    # Latin letters find the same person, as `newsbot people` does.
    assert [p["id"] for p in api(web_server, "/api/people", name="rubina khatun")["people"]] == [found["id"]]


def test_appointments_and_downloads_are_the_export_files(web_server, web_home, tmp_path):
    exported = tmp_path / "appointments.csv"
    cli = run_newsbot("export", "roles", "--format", "csv", "--party", "BJP", "-o", str(exported),
                      home=web_home)
    assert cli.returncode == 0, cli.stderr
    status, headers, body = get(web_server, "/download/appointments.csv", {"party": "BJP"})
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    assert body == exported.read_bytes()  # the same file, BOM and CRLF included
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    answer = api(web_server, "/api/appointments", party="BJP", size=50)
    assert answer["total"] == len(rows) > 0
    assert [row["person"] for row in answer["appointments"]] == [row["person"] for row in rows[:50]]
    assert [row["role_normalized"] for row in answer["appointments"]] == [row["role_normalized"] for row in rows[:50]]
    post = api(web_server, "/api/appointments", post="ज़िलाध्यक्ष", size=50)["appointments"]  # nukta typed
    assert {row["role"] for row in post} >= {"जिलाध्यक्ष", "ज़िलाध्यक्ष"}
    status, headers, body = get(web_server, "/download/appointments.xlsx")
    assert status == 200 and body[:2] == b"PK"


def test_search_results_download(web_server):
    status, headers, body = get(web_server, "/download/search.jsonl", {"q": "बैठक", "site": "gramin"})
    assert status == 200 and "attachment" in headers["Content-Disposition"]
    records = [json.loads(line) for line in body.decode("utf-8").splitlines()]
    assert len(records) == api(web_server, "/api/search", q="बैठक", site="gramin")["total"]
    assert {record["site"] for record in records} == {"gramin"} and all("«" in r["snippet"] for r in records)


def test_stats_match_the_cli(web_server, web_home):
    cli = run_newsbot("stats", "--json", home=web_home)
    assert cli.returncode == 0, cli.stderr
    expected = json.loads(cli.stdout)
    got = api(web_server, "/api/stats")
    assert {key: got[key] for key in ("articles", "index_documents", "sites", "last_crawl")} == \
        {key: expected[key] for key in ("articles", "index_documents", "sites", "last_crawl")}


def test_health_page_shows_each_sites_run_records(web_server, web_home):
    """The page reads the run records `newsbot health` reads: per site its state, last good run
    and extraction success, and each run with its status."""
    cli = run_newsbot("health", "--json", home=web_home)
    assert cli.returncode == 0, cli.stderr
    entries = [json.loads(line) for line in cli.stdout.splitlines()]
    status, _, body = get(web_server, "/health")
    page = body.decode()
    assert status == 200 and {entry["site"] for entry in entries} == {"gramin", "khabar"}
    for entry in entries:
        row = page.split(f">{entry['site']}</a>", 1)[1].split("</tr>", 1)[0]
        assert entry["state"] == "ok" and ">ok<" in row
        assert entry["last_good_run"][:16].replace("T", " ") in row and "100%" in row
    runs = page.split('id="runs"', 1)[1]
    assert runs.count("<td>finished</td>") == 2


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
def test_nothing_can_be_written(web_server, method):
    for path in ("/api/search", "/api/articles/1", "/"):
        assert get(web_server, path, method=method)[0] == 405


@pytest.mark.parametrize("path", ["/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2fapp.py",
                                  "/static/%2e%2e/%2e%2e/pyproject.toml", "/static//etc/passwd"])
def test_nothing_outside_the_static_dir_is_served(web_server, path):
    status, _, body = get(web_server, path)
    assert status == 404 and b"import" not in body and b"root:" not in body


def test_pages_carry_a_strict_content_security_policy(web_server):
    for path in ("/", "/api/search?q=x", "/api/docs", "/nothing"):
        headers = get(web_server, path)[1]
        policy = headers["Content-Security-Policy"]
        assert "default-src 'none'" in policy and "unsafe-inline" not in policy and "script-src" not in policy
        assert headers["X-Content-Type-Options"] == "nosniff"


def test_hostile_text_is_escaped_in_the_html(web_server):
    [hit] = api(web_server, "/api/search", q='"रमाकांत ठाकुर"')["results"]
    for path, params in ((f"/article/{hit['id']}", None), ("/", {"q": "रमाकांत"})):
        status, _, body = get(web_server, path, params)
        page = body.decode("utf-8")
        assert status == 200 and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
        assert "<script" not in page and "<img" not in page and "<b onmouseover" not in page
        assert 'onmouseover=alert(2) x="' not in page  # the quote cannot end an attribute


def test_openapi_lists_every_endpoint_and_the_docs_page_has_no_script(web_server):
    spec = api(web_server, "/openapi.json")
    assert {"/api/search", "/api/articles/{article_id}", "/api/people", "/api/people/{person_id}",
            "/api/appointments", "/api/stats"} <= set(spec["paths"])
    status, _, body = get(web_server, "/api/docs")
    assert status == 200 and b"/api/search" in body and b"<script" not in body and b"cdn" not in body.lower()


def test_search_keeps_answering_while_reindex_rebuilds(web_server, web_home):
    reindex = subprocess.Popen([sys.executable, "-m", "newsbot.cli", "reindex",
                                "--data-dir", str(web_home / "data"), "--index-dir", str(web_home / "index")],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=web_home,
                               env={**os.environ, **archive_env(web_home / "data")})
    statuses = set()
    while reindex.poll() is None:
        statuses.add(get(web_server, "/api/search", {"q": "बैठक"})[0])
    assert reindex.returncode == 0, reindex.stderr.read()
    assert statuses <= {200, 503}
    assert api(web_server, "/api/search", q="बैठक")["total"] > 0


def test_serve_needs_an_archive_and_a_free_port(tmp_path, web_server):
    result = run_newsbot("serve", "--port", "0", home=tmp_path)
    assert result.returncode == 1 and "no archive" in result.stderr and "Traceback" not in result.stderr
    Archive.in_dir(tmp_path / "data").close()
    port = web_server.rsplit(":", 1)[1]
    result = run_newsbot("serve", "--port", port, home=tmp_path)
    assert result.returncode == 1 and "cannot listen" in result.stderr and "Traceback" not in result.stderr


def test_cli_start_does_not_import_the_web_stack():
    code = "import sys, newsbot.cli; print(sorted(m for m in sys.modules if m.split('.')[0] in " \
           "{'fastapi', 'uvicorn', 'jinja2', 'starlette', 'newsbot'} and m.startswith(('fastapi', 'uvicorn', " \
           "'jinja2', 'starlette', 'newsbot.web'))))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_a_quote_in_the_person_filter_cannot_widen_the_query(web_server):
    # Unquoted, this would be person:"रुबीना" OR "बैठक": every meeting report.
    answer = api(web_server, "/api/search", person='रुबीना" OR "बैठक')
    assert answer["total"] == 0


def test_a_crawl_while_serving_is_archived_and_found_without_a_restart(web_server, web_home, site_server):
    assert api(web_server, "/api/search", q="surendra pal verma")["total"] == 0
    crawl = subprocess.Popen([sys.executable, "-m", "newsbot.cli", "crawl", "--url", site_server.url("kasba"),
                              "-s", "DOWNLOAD_DELAY=0", "--data-dir", str(web_home / "data"),
                              "--index-dir", str(web_home / "index")],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=web_home,
                             env={**os.environ, **archive_env(web_home / "data")})
    statuses = set()
    while crawl.poll() is None:
        statuses |= {get(web_server, "/api/search", {"q": "बैठक", "facets": "true"})[0], get(web_server, "/health")[0]}
    assert crawl.returncode == 0, crawl.stderr.read()
    assert statuses == {200}  # the readers never waited on, nor broke, the writer
    [hit] = api(web_server, "/api/search", q="surendra pal verma")["results"]
    assert "सुरेन्द्र पाल वर्मा" in api(web_server, f"/api/articles/{hit['id']}")["text"]


def test_connections_are_kept_between_requests_and_a_dropped_one_replaced(postgres, tmp_path):
    """On PostgreSQL (where opening a connection costs more than a search) the app serves request
    after request on the connection it kept; when the server drops it, the next request gets a
    fresh one instead of an error."""
    from newsbot.archive import sql
    from newsbot.items import IST, Article

    url = postgres.new_database()
    with Archive(url) as archive:
        archive.upsert_article(Article(
            url="http://127.0.0.1:9/2026/11/30/baithak/", canonical_url="http://127.0.0.1:9/2026/11/30/baithak/",
            site="gramin", title="मंडल अध्यक्ष की नियुक्ति", text="सोनपुर। बैठक में कुसुम देवी को मंडल अध्यक्ष चुना गया।",
            published=datetime(2026, 11, 30, 10, tzinfo=IST), is_article=True))
    watcher = sql.connect(url)

    def app_connections() -> list:
        return watcher.execute("SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                               " AND pid <> pg_backend_pid()").fetchall()

    with serving(tmp_path, {"NEWSBOT_DB_URL": url}) as server:
        assert api(server, "/api/stats")["articles"] == 1
        kept = app_connections()
        for _ in range(5):
            assert api(server, "/api/stats")["articles"] == 1
        assert app_connections() == kept and len(kept) == 1
        watcher.execute("SELECT pg_terminate_backend(?)", (kept[0][0],))
        assert api(server, "/api/stats")["articles"] == 1
        assert len(app_connections()) == 1 and app_connections() != kept
    watcher.close()

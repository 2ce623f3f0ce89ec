"""`newsbot serve` in a real headless Chromium (Debian's, driven by Playwright): what a
researcher does with the pages, and that hostile archived text runs nothing."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from conftest import HOSTILE_TITLE, REPO

CHROMIUM = Path("/usr/bin/chromium")
# Debian's browser, never one downloaded by `playwright install`; nothing may reach the network.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCREENSHOTS = REPO / "test-output"

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="browser tests need Debian's Chromium: apt-get install -y chromium chromium-driver (as .ci/run does)")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, web_server):
    """A fresh page that records every dialog (alert) and every CSP violation it meets."""
    context = browser.new_context(base_url=web_server, accept_downloads=True)
    page = context.new_page()
    page.dialogs, page.csp_violations = [], []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.on("console", lambda message: page.csp_violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    yield page
    assert page.csp_violations == []  # the app's own pages need nothing the policy forbids
    context.close()


def search(page, text: str) -> None:
    page.goto("/")
    page.fill("#q", text)
    page.click("form.search button[type=submit]")
    page.wait_for_load_state()


def result_count(page) -> int:
    return int(page.inner_text("#count strong"))


def test_search_in_devanagari_with_snippets_timeline_and_screenshot(page):
    search(page, "बैठक")
    assert result_count(page) > 10
    assert page.locator("li.hit").count() == 10
    assert page.locator("li.hit .snippet mark").count() >= 10
    assert "q=%E0%A4%AC" in page.url  # the whole query is in the URL, to share
    assert page.locator("#timeline rect.bar").count() >= 1
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "web-search.png"), full_page=True)
    assert (SCREENSHOTS / "web-search.png").stat().st_size > 10_000
    page.click("#next-page")
    assert "page=2" in page.url and page.locator("li.hit").count() >= 1


def test_search_in_latin_letters_finds_the_devanagari_name(page):
    search(page, "raghuvir singh chauhan")
    assert result_count(page) >= 1
    page.click("li.hit h2 a")
    assert page.locator("#text a.name", has_text="रघुवीर सिंह चौहान").count() >= 1


def test_a_filter_and_a_facet_narrow_the_results(page):
    search(page, "बैठक")
    everything = result_count(page)
    page.select_option("#site", "gramin")
    page.click("form.search button[type=submit]")
    page.wait_for_load_state()
    gramin = result_count(page)
    assert 0 < gramin < everything
    assert all(meta.startswith("gramin ·") for meta in page.locator("li.hit .meta").all_inner_texts())
    party = page.locator("#facet-party li").first
    name, count = party.locator("a").inner_text(), int(party.locator(".n").inner_text())
    party.locator("a").click()
    page.wait_for_load_state()
    assert f"party={name}" in page.url and "site=gramin" in page.url
    assert result_count(page) == count
    assert page.input_value("#party") == name


def test_did_you_mean_offers_the_spelling_that_finds_articles(page):
    search(page, "भजपा")
    assert result_count(page) == 0
    page.click("#suggestion a")
    page.wait_for_load_state()
    assert page.input_value("#q") == "भाजपा" and result_count(page) > 0


def test_a_broken_query_shows_one_line_and_keeps_the_box(page):
    search(page, '"बैठक')
    assert "quote" in page.inner_text("#error")
    assert page.input_value("#q") == '"बैठक'


def test_open_an_article_then_a_person(page):
    search(page, '"रुबीना खातून"')
    title = page.locator("li.hit h2 a").first.inner_text()
    page.locator("li.hit h2 a").first.click()
    assert page.inner_text("#title") == title
    assert page.locator("#people tbody tr").count() >= 1
    assert page.get_attribute("#source", "href").startswith("http://127.0.0.1")
    page.locator("#people a", has_text=re.compile("रुबीना")).first.click()
    assert page.inner_text("#name") == "रुबीना ख़ातून"
    assert "रुबीना खातून" in page.inner_text("#spellings")  # the other spelling, merged
    assert page.locator("#roles tbody tr").count() >= 2
    page.locator("#roles a").first.click()
    assert page.url.split("/")[-2] == "article"


def test_download_the_appointments_csv_and_read_it_back(page, tmp_path):
    page.goto("/appointments")
    page.fill("#party", "BJP")
    page.click("form.search button[type=submit]")
    page.wait_for_load_state()
    shown = int(page.inner_text("#count strong"))
    with page.expect_download() as download:
        page.click("#download-csv")
    path = tmp_path / "appointments.csv"
    download.value.save_as(path)
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == shown > 0
    assert {row["party"] for row in rows} == {"BJP"}
    assert all(row["evidence"] and row["article_url"].startswith("http") for row in rows)


def test_hostile_titles_show_as_text_and_run_nothing(page):
    search(page, "रमाकांत ठाकुर")
    hit = page.locator("li.hit h2 a", has_text="<script>")
    assert hit.inner_text() == HOSTILE_TITLE
    hit.hover()
    hit.click()
    assert page.inner_text("#title") == HOSTILE_TITLE
    page.hover("#title")
    assert "<img src=x onerror=alert(3)>" in page.inner_text("#text")
    assert page.locator("#text img, #text script, b[onmouseover]").count() == 0
    assert "<b onmouseover=alert(5)>" in page.inner_text("dl.facts")
    page.goto("/people?name=रमाकांत")
    page.wait_for_timeout(200)
    assert page.dialogs == []

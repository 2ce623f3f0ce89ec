"""Compare newsbot.extract with trafilatura on real Hindi pages and on the test fixtures.

    .venv/bin/python benchmarks/extract_eval.py [--real DIR] [--repeat N]

Real pages are read from /work/shared/fixtures/real (SOURCES.tsv says which are articles and
which listings) and never copied into the repository; the script says so and goes on when the
folder is absent. Per article page it prints: title (non-empty, and exact where an expected
title is known), published date, body token precision/recall/F1 against expected paragraphs
(Dainik Bhaskar's two .expected.json from Fundus, and the fixtures' own), known boilerplate
phrases that leaked into the body, and the time per page of each extractor (best of N runs).
Where no expected text exists, the page's own JSON-LD articleBody is a rough reference (marked
~: it can keep "यह भी पढ़ें" teasers and drop the lead). Listings must come out as not-articles,
also under an article-like URL. The totals line gives the speed ratio.
"""

from __future__ import annotations

import argparse
import csv
import html as htmllib
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

import lxml.html
import trafilatura

from newsbot.extract import extract
from newsbot.extract.jsonld import article_node, read_jsonld
from newsbot.text.display import normalise

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures" / "extract"
DEFAULT_REAL = Path("/work/shared/fixtures/real")
NEUTRAL_URL = "https://example.in/india/news/some-story-123456.html"
# Phrases of each page that belong to its furniture, not its story (found by reading the pages).
BOILERPLATE = {
    "bhaskar.com/article-mainpuri-road-accident-2024-09-03.html": [
        "कॉपी लिंक", "पढ़ें पूरी खबर", "QR स्कैन", "लॉगिन करें", "Husband And Wife", "कुछ ही क्षण पहले"],
    "bhaskar.com/article-samastipur-police-2024-09-04.html": [
        "कॉपी लिंक", "पढ़ें पूरी खबर", "QR स्कैन", "लॉगिन करें", "ASP संजय पांडे और थाना", "जानकारी देते एएसपी"],
    "hindi.oneindia.com/article-amp-aap-amit-shah-corona-wayback.html": [
        "Read more about", "टेलिग्राम चैनल", "English Summary", "वनइंडिया हिंदी", "Updated:"],
    "amarujala.com/article-entertainment-12th-fail-rendered-dom.html": ["विस्तार", "Hindi News ›", "Copied"],
    "jagran.com/article-world-trump-brics-rendered-dom.html": ["यह भी पढ़ें", "डिजिटल डेस्क", "हम नहीं छोड़ेंगे"],
    "tv9hindi.com/video-article-japan-politics-rendered-dom.html": ["TV9 Bharatvarsh", "Follow Us", "डाउनलोड"],
    "militarytoday.in/article-wordpress-tagdiv-covid-science.html": ["LEAVE A REPLY", "RELATED ARTICLES", "संबंधित समाचार विषय"],
    "aajtak.in/article-corona-live-updates-2020-10-08.html": ["6 दिन पहले", "नई दिल्ली | 08 अक्टूबर", "हाइलाइट्स", "फोटो-PTI"],
    "zeenews.india.com/article-hindi-india-covid-tally-2020.html": ["LIVE टीवी"],
    "wordpress_article.html": ["यह भी पढ़ें", "Related Articles", "Leave a Reply", "शेयर करें", "हाल के पोस्ट"],
    "publisher_article.html": ["ये भी पढ़ें", "यह भी पढ़ें", "ऐप डाउनलोड", "डिजिटल डेस्क", "ट्रेंडिंग"],
    "tagdiv_article.html": ["RELATED ARTICLES", "LEAVE A REPLY", "Advertisement", "Follow us", "देखते दर्शक"],
}
_TOKEN = re.compile(r"[\w\u0900-\u0963\u0966-\u097f]+")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--real", type=Path, default=DEFAULT_REAL, help="folder of real pages with SOURCES.tsv")
    parser.add_argument("--repeat", type=int, default=5, help="runs per page; the fastest counts")
    args = parser.parse_args(argv)

    articles, listings = _real_pages(args.real)
    fixtures = _fixture_pages()
    fixture_names = {name for name, *_ in fixtures}
    articles += fixtures
    totals = Counter()
    print(f"{'page':58} {'title':9} {'published':25} {'P':>5} {'R':>5} {'F1':>5} {'leaks':>5} {'ms':>6}")
    for name, html, url, expected in articles:
        nb, nb_ms = _timed(extract, args.repeat, html, url)
        tf, tf_ms = _timed(_trafilatura, args.repeat, html, url)
        totals.update(pages=1, nb_ms=nb_ms, tf_ms=tf_ms)
        if name not in fixture_names:
            totals.update(real=1, real_nb_ms=nb_ms, real_tf_ms=tf_ms)
        totals.update(nb_ok=bool(nb.is_article and nb.title and nb.text), tf_ok=bool(tf["title"] and tf["text"]))
        for who, title, published, text, ms in (
            ("newsbot", nb.title, nb.published.isoformat() if nb.published else None, nb.text, nb_ms),
            ("trafilatura", tf["title"], tf["date"], tf["text"], tf_ms),
        ):
            title_mark = _title_mark(title, expected)
            leaks = [p for p in BOILERPLATE.get(name, []) if normalise(p) in normalise(text or "")]
            scores = _prf(text, expected["paragraphs"]) if expected else None
            rough = bool(expected and expected.get("reference"))
            if scores:
                totals.update({f"{who}_{'ld' if rough else 'f1'}": scores[2], f"{who}_{'ld' if rough else ''}scored": 1})
            totals.update({f"{who}_leaks": len(leaks)})
            p, r, f = (f"{v:5.2f}" for v in scores) if scores else ("    -",) * 3
            label = name if who == "newsbot" else "  └ trafilatura"
            mark = "~" if rough else " "
            print(f"{label[:58]:58} {title_mark:9} {str(published):25}{mark}{p} {r} {f} {len(leaks):5} {ms:6.1f}")
            if leaks:
                print(f"{'':60}leaked: {', '.join(leaks)}")
        if not nb.is_article:
            print(f"{'':60}newsbot: NOT an article ({nb.reason})")

    for name, html, url in listings:
        result = extract(html, url)
        # The same page under an article-like URL: the verdict must come from the page, not the path.
        disguised = extract(html, NEUTRAL_URL)
        ok = not result.is_article and not disguised.is_article
        totals.update(listings=1, listings_ok=ok)
        status = "ok, not an article" if ok else "WRONG: classified as article"
        print(f"listing {name}: {status} (reason: {result.reason}; under an article-like URL: {disguised.reason})")

    if totals["pages"]:
        ratio = totals["tf_ms"] / totals["nb_ms"]
        print(
            f"\nTOTAL {totals['pages']} article pages: newsbot title+body {totals['nb_ok']}/{totals['pages']}, "
            f"trafilatura {totals['tf_ok']}/{totals['pages']}; mean F1 where expected text is known: "
            f"newsbot {_mean(totals, 'newsbot')}, trafilatura {_mean(totals, 'trafilatura')} "
            f"(~ vs JSON-LD articleBody: newsbot {_mean(totals, 'newsbot', 'ld')}, "
            f"trafilatura {_mean(totals, 'trafilatura', 'ld')}); boilerplate leaks: "
            f"newsbot {totals['newsbot_leaks']}, trafilatura {totals['trafilatura_leaks']}; "
            f"time per page: newsbot {totals['nb_ms'] / totals['pages']:.1f} ms, "
            f"trafilatura {totals['tf_ms'] / totals['pages']:.1f} ms (newsbot {ratio:.1f}x faster"
            + (f"; real pages only: {totals['real_nb_ms'] / totals['real']:.1f} vs {totals['real_tf_ms'] / totals['real']:.1f} ms, "
               f"{totals['real_tf_ms'] / totals['real_nb_ms']:.1f}x" if totals["real"] else "") + "); "
            f"listings not-article {totals['listings_ok']}/{totals['listings']}"
        )
    return 0 if totals["nb_ok"] == totals["pages"] and totals["listings_ok"] == totals["listings"] else 1


def _real_pages(folder: Path):
    sources = folder / "SOURCES.tsv"
    if not sources.is_file():
        print(f"(no real pages: {sources} not found; evaluating the test fixtures only)")
        return [], []
    articles, listings = [], []
    with open(sources, encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            path = folder / row["local_path"]
            html = path.read_bytes()
            if row["kind"] == "listing":
                listings.append((row["local_path"], html, row["original_url_if_known"]))
            elif row["kind"] == "article":
                expected_path = path.with_name(path.name.replace(".html", ".expected.json"))
                expected = _fundus_expected(expected_path) if expected_path.is_file() else _ld_reference(html)
                articles.append((row["local_path"], html, row["original_url_if_known"], expected))
    return articles, listings


def _fundus_expected(path: Path) -> dict:
    """Fundus keys its expectation by parser version; its body is sections of paragraphs."""
    version = next(iter(json.loads(path.read_text(encoding="utf-8")).values()))
    paragraphs = [p for s in version["body"]["sections"] for p in s["headline"] + s["paragraphs"]]
    return {"title": version["title"], "paragraphs": paragraphs}


def _ld_reference(html: bytes) -> dict | None:
    """The page's own JSON-LD articleBody as a rough reference: it may keep teasers and drop the lead."""
    doc = lxml.html.document_fromstring(html, parser=lxml.html.HTMLParser(encoding="utf-8"))
    node = article_node(read_jsonld(doc)) or {}
    body = node.get("articleBody") if isinstance(node.get("articleBody"), str) else ""
    if len(body) < 200:
        return None
    text = lxml.html.fragment_fromstring(htmllib.unescape(body), create_parent="div").text_content()
    return {"title": None, "paragraphs": [text], "reference": "JSON-LD articleBody"}


def _fixture_pages():
    pages = []
    for expected_path in sorted(FIXTURES.glob("*.expected.json")):
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        html_path = expected_path.with_name(expected_path.name.replace(".expected.json", ".html"))
        pages.append((html_path.name, html_path.read_bytes(), expected["url"], expected))
    return pages


def _trafilatura(html: bytes, url: str) -> dict:
    out = trafilatura.extract(html, url=url, with_metadata=True, output_format="json")
    data = json.loads(out) if out else {}
    return {"title": data.get("title"), "date": data.get("date"), "text": data.get("text") or ""}


def _timed(call, repeat: int, *args):
    best, result = float("inf"), None
    for _ in range(max(1, repeat)):
        start = time.perf_counter()
        result = call(*args)
        best = min(best, (time.perf_counter() - start) * 1000)
    return result, best


def _title_mark(title: str | None, expected: dict | None) -> str:
    if not title:
        return "EMPTY"
    if expected is None or expected["title"] is None:
        return "ok"
    return "exact" if normalise(title) == normalise(expected["title"]) else "differs"


def _prf(text: str | None, paragraphs: list[str]) -> tuple[float, float, float]:
    """Bag-of-tokens precision, recall and F1 (ROUGE-1 style) of the body against the expected paragraphs."""
    got = Counter(_TOKEN.findall(normalise(text or "")))
    want = Counter(_TOKEN.findall(normalise(" ".join(paragraphs))))
    common = sum((got & want).values())
    precision = common / max(1, sum(got.values()))
    recall = common / max(1, sum(want.values()))
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _mean(totals: Counter, who: str, kind: str = "f1") -> str:
    scored = totals[f"{who}_{'ld' if kind == 'ld' else ''}scored"]
    return f"{totals[f'{who}_{kind}'] / scored:.3f}" if scored else "-"


if __name__ == "__main__":
    sys.exit(main())

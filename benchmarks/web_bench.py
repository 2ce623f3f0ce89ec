"""`newsbot serve`: /api/search latency over real HTTP, on the demo archive and on 10,000 articles.

    python benchmarks/web_bench.py [--articles 10000] [--rounds 3]

The demo archive is made by `newsbot demo` (the bundled sites crawled on 127.0.0.1). The large
one is generated from the demo articles: paragraphs recombined, every person renamed from
invented name lists, dates spread over two years, so names and months vary as in a real
archive. Each archive is served by `newsbot serve` in a child process and asked a mix of
queries (words, names in Devanagari and Latin letters, phrases, filters, date sort), warm,
one at a time; then with facets. Peers in the same run: the same queries in-process through
one long-lived Searcher (no HTTP, no archive), and through a fresh `search()` per query (what
a web app that reopened the index each time would pay). Targets: p50 <= 50 ms, p95 <= 200 ms.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlencode

from newsbot.archive import Archive
from newsbot.demo.server import bundled_site_dirs, load_site
from newsbot.items import IST, Article
from newsbot.people.registry import analyse_pending
from newsbot.search.searcher import Searcher, search
from newsbot.search.sync import rebuild_index
from newsbot.text.romanise import romanise

# Invented names for the generated articles (no real text is copied into the repository).
GIVEN = ("अमित", "सुनील", "राजेश", "विनोद", "संदीप", "मनोज", "अनिल", "रविंद्र", "दिनेश", "प्रदीप", "आलोक",
         "नरेंद्र", "शिवम", "अभिषेक", "गौरव", "सुरेश", "महेश", "जितेंद्र", "इमरान", "फ़ैज़ल", "आरिफ़", "सलीम",
         "सुनीता", "रेखा", "ममता", "पूनम", "अंजलि", "नसरीन", "शबाना", "कविता", "रीना", "प्रियंका")
MIDDLE = ("", "", "", "कुमार", "प्रसाद", "चंद्र", "सिंह", "नाथ", "प्रताप", "देवी")
FAMILY = ("वर्मा", "यादव", "पांडेय", "तिवारी", "मिश्र", "गुप्ता", "सक्सेना", "चौहान", "राठौर", "कुशवाहा",
          "निषाद", "पासवान", "अंसारी", "क़ुरैशी", "सिद्दीक़ी", "त्रिपाठी", "दुबे", "शुक्ला", "मौर्य", "सैनी",
          "भारती", "चौधरी", "गौतम", "रावत", "बघेल")
WORDS = ("बैठक", "कार्यशाला", "जिलाध्यक्ष", "मंडल अध्यक्ष", "कोआर्डिनेटर", "सम्मेलन", "प्रशिक्षण", "नियुक्त",
         "कार्यकर्ता", "संगठन", "प्रदेश महासचिव", "युवा मोर्चा", "महिला मोर्चा", "ब्लॉक अध्यक्ष", "पंचायत")
SIZE = 10


def demo_articles() -> list[dict]:
    return [article for site_dir in bundled_site_dirs() for article in load_site(site_dir)["articles"]]


def invented_name(rng: random.Random) -> str:
    return " ".join(part for part in (rng.choice(GIVEN), rng.choice(MIDDLE), rng.choice(FAMILY)) if part)


def generated(count: int, seed: int = 12) -> list[Article]:
    """*count* articles made from the demo ones: people renamed, paragraphs recombined, redated."""
    rng = random.Random(seed)
    bases = demo_articles()
    from datetime import datetime

    articles = []
    for number in range(count):
        base = bases[number % len(bases)]
        names = {person: invented_name(rng) for person in base["people"]}
        paragraphs = [base["paragraphs"][0], *rng.sample(base["paragraphs"][1:], len(base["paragraphs"]) - 1)]
        extra = rng.choice(bases)["paragraphs"][-1]  # another report's closing lines
        text, title = "\n\n".join([*paragraphs, extra]), base["title"]
        for old, new in names.items():
            text, title = text.replace(old, new), title.replace(old, new)
        published = datetime(2026, 11, 30, 10, tzinfo=IST) - timedelta(days=rng.randrange(730), minutes=number)
        url = f"https://generated.example/{number // 1000}/{base['slug']}-{number}/"
        articles.append(Article(url=url, canonical_url=url, site=f"gen{number % 4}", title=title, text=text,
                                author=invented_name(rng), published=published, section=base.get("section"),
                                tags=list(base.get("tags") or ()), is_article=True))
    return articles


def build_generated(home: Path, count: int) -> None:
    with Archive(home / "data" / "archive.sqlite3") as archive:
        for article in generated(count):
            archive.upsert_article(article)
        analyse_pending(archive)
        rebuild_index(archive, home / "index", analysed=True)


def build_demo(home: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "newsbot.cli", "demo", "--data-dir", str(home / "data"),
                             "--index-dir", str(home / "index")], capture_output=True, text=True)
    if result.returncode:
        sys.exit(f"newsbot demo failed: {result.stderr}")


def queries(home: Path, rng: random.Random) -> list[dict]:
    """A mix of what researchers ask: words, names (Devanagari, Latin), phrases, filters, date sort."""
    with Archive(home / "data" / "archive.sqlite3", read_only=True) as archive:
        people = [row["name"] for row in archive.people_rows()]
        sites = list(archive.articles_per_site())
    names = rng.sample(people, min(20, len(people)))
    mix = [{"q": word} for word in WORDS]
    mix += [{"q": name} for name in names[:10]]
    mix += [{"q": romanise(name)} for name in names[10:20]]
    mix += [{"q": f'"{word}"'} for word in WORDS[:5]]
    mix += [{"q": word, "site": rng.choice(sites)} for word in WORDS[5:10]]
    mix += [{"q": word, "party": "BJP"} for word in WORDS[10:15]]
    mix += [{"q": word, "sort": "date"} for word in WORDS[:5]]
    return mix


def percentiles(samples: list[float]) -> tuple[float, float, float]:
    ordered = sorted(samples)
    return (statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))], ordered[-1])


def serve(home: Path) -> tuple[subprocess.Popen, str, int]:
    log = home / "serve.log"
    with open(log, "w") as stderr:
        process = subprocess.Popen([sys.executable, "-m", "newsbot.cli", "serve", "--port", "0",
                                    "--data-dir", str(home / "data"), "--index-dir", str(home / "index")],
                                   stderr=stderr, stdout=subprocess.DEVNULL)
    while "http://" not in log.read_text():
        if process.poll() is not None:
            sys.exit(f"newsbot serve failed: {log.read_text()}")
        time.sleep(0.05)
    host, port = log.read_text().split("http://", 1)[1].split("/", 1)[0].rsplit(":", 1)
    return process, host, int(port)


def http_latencies(host: str, port: int, mix: list[dict], rounds: int, facets: bool) -> tuple[list[float], int]:
    connection = http.client.HTTPConnection(host, port, timeout=60)
    samples, errors = [], 0
    for round_ in range(rounds + 1):  # the first round warms caches and is not counted
        for params in mix:
            path = "/api/search?" + urlencode({**params, "size": SIZE, **({"facets": "true"} if facets else {})})
            start = time.perf_counter()
            connection.request("GET", path)
            response = connection.getresponse()
            body = response.read()
            elapsed = (time.perf_counter() - start) * 1000
            if response.status != 200:
                errors += 1
                print(f"  {response.status} for {params}: {json.loads(body).get('error')}", file=sys.stderr)
            if round_:
                samples.append(elapsed)
    connection.close()
    return samples, errors


def in_process(index_dir: Path, mix: list[dict], rounds: int, fresh: bool) -> list[float]:
    samples = []
    with Searcher(index_dir) as searcher:
        for round_ in range(rounds + 1):
            for params in mix:
                query = params["q"] + (f" party:{params['party']}" if "party" in params else "")
                start = time.perf_counter()
                options = {"site": params.get("site"), "html": True, "sort": params.get("sort", "relevance")}
                if fresh:
                    search(index_dir, query, SIZE, **options)
                else:
                    searcher.search(query, SIZE, **options)
                if round_:
                    samples.append((time.perf_counter() - start) * 1000)
    return samples


def report(name: str, articles: int, figures: dict[str, list[float]]) -> None:
    print(f"\n{name}: {articles} articles")
    print(f"  {'what':<52}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}")
    for what, samples in figures.items():
        p50, p95, worst = percentiles(samples)
        print(f"  {what:<52}{p50:>9.1f}{p95:>9.1f}{worst:>9.1f}")
    p50, p95, _ = percentiles(figures["GET /api/search (HTTP, newsbot serve)"])
    peer50, _, _ = percentiles(figures["peer: Searcher.search in-process (no HTTP)"])
    verdict = "met" if p50 <= 50 and p95 <= 200 else "MISSED"
    print(f"  target p50 <= 50 ms, p95 <= 200 ms: {verdict}; HTTP + app cost {p50 / peer50:.2f}x the bare search")


def measure(name: str, home: Path, rounds: int) -> None:
    rng = random.Random(7)
    mix = queries(home, rng)
    with Archive(home / "data" / "archive.sqlite3", read_only=True) as archive:
        articles = archive.article_count()
    process, host, port = serve(home)
    try:
        plain, errors = http_latencies(host, port, mix, rounds, facets=False)
        faceted, more = http_latencies(host, port, mix, rounds, facets=True)
    finally:
        process.terminate()
        process.wait(timeout=10)
    report(f"{name} ({len(mix)} queries x {rounds} rounds, warm; {errors + more} non-200 answers)", articles, {
        "GET /api/search (HTTP, newsbot serve)": plain,
        "GET /api/search&facets=true (every match counted)": faceted,
        "peer: Searcher.search in-process (no HTTP)": in_process(home / "index", mix, rounds, fresh=False),
        "peer: search() opening the index per query": in_process(home / "index", mix, 1, fresh=True),
    })


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--keep", type=Path, metavar="DIR",
                        help="Make the archives in DIR and keep them; a later run with the same DIR reuses them.")
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores; Python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory(prefix="web-bench-") as temporary:
        root = args.keep or Path(temporary)
        demo, large = root / "demo", root / f"large-{args.articles}"
        if not (demo / "index").exists():
            build_demo(demo)
        measure("demo archive (newsbot demo)", demo, args.rounds)
        if not (large / "index").exists():
            start = time.perf_counter()
            build_generated(large, args.articles)
            print(f"\n(generated, analysed and indexed {args.articles} articles in {time.perf_counter() - start:.0f} s)")
        measure("generated archive", large, args.rounds)


if __name__ == "__main__":
    main()

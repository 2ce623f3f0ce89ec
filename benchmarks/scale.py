"""newsbot at 10k / 50k / 100k articles, beside its peers in the same run (issue 10).

    python benchmarks/scale.py [--sizes 10000 50000 100000] [--work DIR] [--crawl-articles 3000]
        [--write-articles 1500] [--redis-articles 1000]

One archive grows from the generated articles of benchmarks/scale_data.py (demo paragraphs
recombined with generated people and places) to each size in turn; at each size it measures:
- `newsbot reindex` in a child process: articles/s overall and per tenth (flat or not), CPU
  seconds, peak RSS; index size per article;
- the same texts indexed by SQLite FTS5 (unicode61), the speed to aim at;
- warm query latency (one Searcher kept open, snippets made) p50/p95/max for names, words,
  phrases, Latin-letter names and filtered queries, and FTS5 on the same queries (it finds
  nothing for Latin letters and splits Hindi words at every vowel sign, so its hit counts
  differ: it is the speed, not the answers, to compare);
- a cold `newsbot search` process, and an archive lookup by fetched URL;
and once: the crawl of a generated local site by newsbot (archive, analysis and index
included) and by a plain Scrapy + trafilatura spider writing JSON lines (scale_peers.py), and
the archive's write rate in PostgreSQL beside SQLite's, with one and two writers
(archive_write.py), and the crawl rate of one and two workers sharing a Redis frontier beside
the plain crawl (scale_redis.py).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import archive_write  # noqa: E402
import scale_redis  # noqa: E402
from scale_data import Generator  # noqa: E402
from scale_peers import crawl_rates, fts5_build, fts5_latency, timed_queries  # noqa: E402

from newsbot.archive import Archive  # noqa: E402
from newsbot.people.registry import analyse_pending  # noqa: E402
from newsbot.search.analysis import HindiAnalyzer  # noqa: E402
from newsbot.search.searcher import Searcher  # noqa: E402
from newsbot.search.store import live_dir  # noqa: E402
from newsbot.text.romanise import romanise  # noqa: E402

# The child that reindexes: prints {"seconds", "cpu", "marks": [[articles, seconds], ...]}.
REINDEX_CHILD = """
import json, sys, time
from newsbot.archive import Archive
from newsbot.search.sync import rebuild_index
marks, done, start = [], [0], time.perf_counter()
def progress(count):
    done[0] += count
    marks.append((done[0], time.perf_counter() - start))
with Archive.in_dir(sys.argv[1]) as archive:
    rebuild_index(archive, sys.argv[2], progress)
print(json.dumps({"seconds": time.perf_counter() - start, "cpu": time.process_time(), "marks": marks}))
"""
CLASSES = ("names", "words", "phrases", "Latin names", "filtered")


def grow(data_dir: Path, size: int) -> float:
    """Add generated articles until the archive holds *size*; analyse them. Returns seconds."""
    started = time.perf_counter()
    with Archive.in_dir(data_dir) as archive:
        have = archive.article_count()
        archive.db.execute("PRAGMA synchronous=OFF")  # a benchmark's archive, rebuilt at will
        for article in Generator().articles(size - have, start=have) if size > have else ():
            archive.upsert_article(article)
        analyse_pending(archive)
    return time.perf_counter() - started


def reindex(data_dir: Path, index_dir: Path) -> dict:
    child = subprocess.Popen([sys.executable, "-c", REINDEX_CHILD, str(data_dir), str(index_dir)],
                             stdout=subprocess.PIPE, text=True)
    output = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    if status:
        raise SystemExit(f"reindex failed with status {status}")
    report = json.loads(output)
    marks = report["marks"]
    total = marks[-1][0]
    tenths, last = [], (0, 0.0)
    for articles, seconds in marks:
        if articles >= last[0] + total / 10 or articles == total:
            tenths.append((articles - last[0]) / max(seconds - last[1], 1e-9))
            last = (articles, seconds)
    size = sum(path.stat().st_size for path in live_dir(index_dir).iterdir())
    return {"rate": total / report["seconds"], "seconds": report["seconds"], "cpu": report["cpu"],
            "rss_mb": usage.ru_maxrss / 1024, "tenths": tenths, "bytes_per_article": size / total}


def queries(data_dir: Path, per_class: int, seed: int = 11) -> dict[str, list[tuple[str, dict]]]:
    """(query, library options) per class, drawn from the archive."""
    rng = random.Random(seed)
    with Archive.in_dir(data_dir) as archive:
        names = [row[0] for row in archive.db.execute("SELECT name FROM people ORDER BY random() LIMIT ?",
                                                      (per_class * 3,)) if len(row[0].split()) >= 2]
        texts = [row[0] for row in archive.db.execute("SELECT text FROM articles ORDER BY random() LIMIT ?",
                                                      (per_class * 2,))]
    words = [word.strip("।,;:()\"'") for text in texts for word in text.split()]
    words = [word for word in words if len(word) >= 4 and not word.isdigit()]
    pairs = [" ".join(text.split()[i:i + 2]) for text in texts for i in range(0, 40, 7)]
    pairs = [pair.strip("।,;:()\"'") for pair in pairs if "।" not in pair and "," not in pair]
    pairs = [pair for pair in pairs if next(iter(HindiAnalyzer()(pair)), None)]  # not stop words only
    sites = ("gramin", "khabar", "kasba", "nagar", "anchal")
    return {
        "names": [(name, {}) for name in rng.sample(names, min(per_class, len(names)))],
        "words": [(word, {}) for word in rng.sample(words, per_class)],
        "phrases": [(f'"{pair}"', {}) for pair in rng.sample(pairs, min(per_class, len(pairs)))],
        "Latin names": [(romanise(name), {}) for name in rng.sample(names, min(per_class, len(names)))],
        "filtered": [(f"{word} site:{rng.choice(sites)}", {"date_from": "2024-06-01"})
                     for word in rng.sample(words, per_class)],
    }


def latency(index_dir: Path, asked: dict) -> tuple[dict, dict]:
    """Wall-clock and CPU milliseconds (p50, p95, max) per query class: on a shared machine the
    CPU time is the figure that does not move with the neighbours' load."""
    searcher = Searcher(index_dir)
    searcher.search("कार्यकर्ता")  # open once: warm, as a web app or a batch is
    return timed_queries(asked, lambda query, options: searcher.search(query, **options))


def cold_search(data_dir: Path, index_dir: Path, query: str, runs: int = 5) -> tuple[float, float]:
    """Median wall and CPU seconds of one `newsbot search` process."""
    env = {**os.environ, "NEWSBOT_DATA_DIR": str(data_dir), "NEWSBOT_INDEX_DIR": str(index_dir)}
    newsbot = Path(sys.executable).with_name("newsbot")
    walls, cpus = [], []
    for _ in range(runs):
        started = time.perf_counter()
        child = subprocess.Popen([str(newsbot), "search", query], env=env, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        if status:
            raise SystemExit(f"newsbot search failed with status {status}")
        walls.append(time.perf_counter() - started)
        cpus.append(usage.ru_utime + usage.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def lookup_ms(data_dir: Path, count: int = 2000) -> float:
    with Archive.in_dir(data_dir) as archive:
        urls = [row[0] for row in archive.db.execute("SELECT url FROM articles ORDER BY random() LIMIT ?", (count,))]
        started = time.perf_counter()
        for url in urls:
            archive.article_by_url(url.rstrip("/") + "/?p=0")  # not found as given: both columns looked up
            archive.article_by_url(url)
        return (time.perf_counter() - started) * 1000 / (2 * len(urls))


def _crawl_line(run: dict) -> str:
    return (f"{run['pages']} pages in {run['seconds']:.0f} s = {run['rate']:.1f} pages/s (CPU {run['cpu']:.0f} s, "
            f"peak RSS {run['rss_mb']:.0f} MB, load {run['load']:.1f} at the end)")


def load() -> str:
    """The 1, 5 and 15 minute load averages: how much the neighbours took of the machine."""
    return "/".join(f"{value:.1f}" for value in os.getloadavg())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 50_000, 100_000],
                        help="archive sizes to measure (none: only the crawl comparison)")
    parser.add_argument("--work", type=Path, help="where archives and indexes go (default: a temp dir)")
    parser.add_argument("--per-class", type=int, default=60, help="queries per class (5 classes)")
    parser.add_argument("--crawl-articles", type=int, default=3000, help="0 skips the crawl comparison")
    parser.add_argument("--write-articles", type=int, default=1500,
                        help="articles per archive write measurement, SQLite and PostgreSQL (0 skips it)")
    parser.add_argument("--redis-articles", type=int, default=1000,
                        help="articles on the site crawled by one and two workers on Redis (0 skips it)")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="newsbot-scale-"))
    data_dir = work / "data"
    print(f"work dir {work}; {os.cpu_count()} CPUs, load {load()}", flush=True)
    for size in sorted(args.sizes):
        grown = grow(data_dir, size)
        index_dir = work / f"index-{size}"
        ours = reindex(data_dir, index_dir)
        fts = fts5_build(data_dir / "archive.sqlite3", work / f"fts-{size}.sqlite3")
        asked = queries(data_dir, args.per_class)
        (lat, lat_cpu), (fts_lat, fts_cpu) = latency(index_dir, asked), fts5_latency(work / f"fts-{size}.sqlite3", asked)
        print(f"\n## {size:,} articles (archive grown and analysed in {grown:.0f} s; load {load()})", flush=True)
        print(f"reindex: {ours['rate']:.0f} articles/s ({ours['seconds']:.0f} s, CPU {ours['cpu']:.0f} s = "
              f"{size / ours['cpu']:.0f} articles per CPU-second), peak RSS {ours['rss_mb']:.0f} MB, "
              f"index {ours['bytes_per_article'] / 1024:.1f} KiB/article; "
              f"per tenth: {', '.join(f'{rate:.0f}' for rate in ours['tenths'])}")
        print(f"FTS5 (unicode61) build: {fts['rate']:.0f} articles/s (CPU {fts['cpu']:.1f} s), "
              f"{fts['bytes_per_article'] / 1024:.1f} KiB/article; newsbot/FTS5 CPU ratio "
              f"{ours['cpu'] / max(fts['cpu'], 1e-9):.0f}x")
        print("| queries | newsbot wall p50 / p95 / max ms | newsbot CPU p50 / p95 / max ms "
              "| FTS5 wall p50 / p95 / max ms | FTS5 CPU p50 / p95 / max ms |\n|---|---|---|---|---|")
        for name in (*CLASSES, "all"):
            print(f"| {name} | " + " | ".join(" / ".join(f"{v:.1f}" for v in figures[name])
                                            for figures in (lat, lat_cpu, fts_lat, fts_cpu)) + " |")
        wall, cpu = cold_search(data_dir, index_dir, asked["names"][0][0])
        print(f"cold `newsbot search`: {wall:.2f} s (CPU {cpu:.2f} s); "
              f"lookup by fetched URL: {lookup_ms(data_dir):.3f} ms; load {load()}", flush=True)
    if args.crawl_articles:
        # With --sizes, newsbot crawls the site a second time into a copy of the largest archive
        # and its index: the rate must not fall as the archive grows.
        into = (data_dir, work / f"index-{max(args.sizes)}") if args.sizes else None
        ours, peer, grown = crawl_rates(work / "crawl", args.crawl_articles, into)
        print(f"\n## crawl of a generated local site ({args.crawl_articles} articles, politeness off)")
        print(f"newsbot: {_crawl_line(ours)} (archive, analysis and index included)")
        if grown:
            print(f"newsbot into an archive of {grown['articles'] - ours['articles']:,} articles: {_crawl_line(grown)}")
        print(f"Scrapy + trafilatura, JSON lines: {_crawl_line(peer)}")
        print(f"newsbot / peer: {ours['rate'] / peer['rate']:.2f} (pages/s), "
              f"{(ours['cpu'] / ours['pages']) / (peer['cpu'] / peer['pages']):.2f} (CPU per page)")
    if args.write_articles:
        print(f"\n## archive write rate, SQLite and PostgreSQL ({args.write_articles} articles each)", flush=True)
        archive_write.main(["--articles", str(args.write_articles)])
    if args.redis_articles:
        if shutil.which("redis-server") is None:
            print("\n(shared frontier skipped: redis-server is not installed; apt-get install redis-server)")
        else:
            print(flush=True)
            scale_redis.main(["--articles", str(args.redis_articles), "--work", str(work / "redis")])
    return 0


if __name__ == "__main__":
    sys.exit(main())

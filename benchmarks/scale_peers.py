"""The peers of benchmarks/scale.py: SQLite FTS5 (unicode61) on the same texts and queries, and
a plain Scrapy + trafilatura crawler on the same generated site."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

from scale_data import write_site

from newsbot.demo.server import DemoServer

PEER_SPIDER = Path(__file__).resolve().parent / "scale_peer_spider.py"
# The same politeness-off settings for both crawlers.
CRAWL_SETTINGS = ("DOWNLOAD_DELAY=0", "AUTOTHROTTLE_ENABLED=False", "CONCURRENT_REQUESTS_PER_DOMAIN=8",
                  "ROBOTSTXT_OBEY=False")
CRAWL_ARGS = tuple(part for setting in CRAWL_SETTINGS for part in ("-s", setting))


def fts5_build(archive: Path, target: Path) -> dict:
    """An FTS5 table of the archive's titles and texts (site and date kept for filters)."""
    target.unlink(missing_ok=True)
    db = sqlite3.connect(target)
    db.execute(f"ATTACH DATABASE '{archive}' AS archive")
    db.execute("CREATE VIRTUAL TABLE fts USING fts5(title, text, site UNINDEXED, published UNINDEXED, "
               "tokenize='unicode61')")
    started, cpu = time.perf_counter(), time.process_time()
    count = db.execute("INSERT INTO fts (rowid, title, text, site, published) "
                       "SELECT id, title, text, site, published FROM archive.articles").rowcount
    db.commit()
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    db.execute("DETACH DATABASE archive")
    db.close()
    return {"rate": count / seconds, "cpu": cpu, "bytes_per_article": target.stat().st_size / count}


def _fts_query(query: str) -> tuple[str, str | None]:
    """newsbot's query as FTS5 MATCH syntax (words ANDed, "phrases" kept) and its site: filter."""
    site = None
    if " site:" in query:
        query, site = query.split(" site:")
    if query.startswith('"'):
        return query, site
    return " ".join('"' + word.replace('"', '""') + '"' for word in query.split()), site


def fts5_latency(path: Path, asked: dict) -> tuple[dict, dict]:
    """FTS5's wall and CPU milliseconds per query class (as ``timed_queries``)."""
    db = sqlite3.connect(path)

    def run(query: str, options: dict) -> None:
        match, site = _fts_query(query)
        sql = ("SELECT rowid, snippet(fts, 1, '«', '»', ' … ', 16) FROM fts WHERE fts MATCH ?"
               + (" AND site = ?" if site else "") + (" AND published >= ?" if options else "")
               + " ORDER BY rank LIMIT 10")
        db.execute(sql, [match, *([site] if site else []), *([options["date_from"]] if options else [])]).fetchall()

    return timed_queries(asked, run)


def timed_queries(asked: dict, run) -> tuple[dict, dict]:
    """Run each (query, options) of each class of *asked* with *run*; the (p50, p95, max) of
    wall-clock and of CPU milliseconds per class and for "all"."""
    walls, cpus = {}, {}
    for name, items in asked.items():
        wall, cpu = [], []
        for query, options in items:
            started, used = time.perf_counter(), time.process_time()
            run(query, options)
            wall.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - used) * 1000)
        walls[name], cpus[name] = wall, cpu
    every_wall = [value for samples in walls.values() for value in samples]
    every_cpu = [value for samples in cpus.values() for value in samples]
    return ({**{name: percentiles(v) for name, v in walls.items()}, "all": percentiles(every_wall)},
            {**{name: percentiles(v) for name, v in cpus.items()}, "all": percentiles(every_cpu)})


def percentiles(samples: list[float]) -> tuple[float, float, float]:
    """p50, p95 and max of *samples*."""
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[max(0, round(0.95 * len(ordered)) - 1)], ordered[-1]


def _timed(command: list[str], env: dict, cwd: Path) -> tuple[float, float, float]:
    """Run *command*; (wall seconds, CPU seconds, peak RSS MB) of the child."""
    started = time.perf_counter()
    child = subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    if status:
        raise SystemExit(f"{command[:3]} failed with status {status}")
    return time.perf_counter() - started, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def crawl_rates(work: Path, articles: int, into: tuple[Path, Path] | None = None) -> tuple[dict, dict, dict | None]:
    """newsbot's and the peer's crawl of a generated site of *articles*; with *into* (a data dir
    and its index dir), newsbot's crawl of the same site into a copy of that archive too."""
    site = write_site(work / "site", articles)
    with DemoServer([site]) as server:
        url = server.url("scale")
        ours = _newsbot_crawl(url, work / "data", work / "index", work)
        grown = None
        if into is not None:
            data, index = work / "grown-data", work / "grown-index"
            for source, copy in zip(into, (data, index), strict=True):
                shutil.rmtree(copy, ignore_errors=True)
                shutil.copytree(source, copy)
            grown = _newsbot_crawl(url, data, index, work)
        out = work / "peer.jsonl"
        out.unlink(missing_ok=True)
        seconds, cpu, rss = _timed([sys.executable, "-m", "scrapy", "runspider", str(PEER_SPIDER), "-a",
                                    f"start={url}", "-o", str(out), "-s", "LOG_LEVEL=WARNING", *CRAWL_ARGS],
                                   {name: value for name, value in os.environ.items() if name != "SCRAPY_SETTINGS_MODULE"},
                                   work)
        stats = json.loads((work / "peer-stats.json").read_text())
        pages = stats.get("response_received_count", 0)
        peer = {"pages": pages, "seconds": seconds, "rate": pages / seconds, "cpu": cpu, "rss_mb": rss,
                "load": os.getloadavg()[0]}
    return ours, peer, grown


def _newsbot_crawl(url: str, data: Path, index: Path, work: Path) -> dict:
    """`newsbot crawl` of *url* into *data* and *index*, politeness off: pages this run fetched,
    wall and CPU seconds, peak RSS, and the load average when it ended."""
    env = {**os.environ, "NEWSBOT_DATA_DIR": str(data), "NEWSBOT_INDEX_DIR": str(index)}
    newsbot = Path(sys.executable).with_name("newsbot")
    seconds, cpu, rss = _timed([str(newsbot), "crawl", "--url", url, "--max-pages", "1000000", *CRAWL_ARGS], env, work)
    db = sqlite3.connect(data / "archive.sqlite3")
    pages = db.execute("SELECT pages FROM crawls ORDER BY id DESC LIMIT 1").fetchone()[0]
    archived = db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    db.close()
    return {"pages": pages, "seconds": seconds, "rate": pages / seconds, "cpu": cpu, "rss_mb": rss,
            "articles": archived, "load": os.getloadavg()[0]}

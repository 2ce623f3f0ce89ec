"""Crawl rate of a shared Redis frontier: one and two `newsbot crawl --redis` workers beside the
plain crawl (no Redis) in the same run, on the same generated local site (issue 13).

    python benchmarks/scale_redis.py [--articles 2000] [--work DIR]

Each run crawls the site (benchmarks/scale_data.py, served by newsbot's demo server on
127.0.0.1) into a fresh archive with `--no-index` and the politeness-off settings of scale.py;
then one `newsbot index` indexes the two-worker archive (the follower's catch-up rate). Printed:
pages, wall seconds (first start to last exit), the span between the first and the last page
archived (without the workers' start-up and the idle timeout before they leave), pages/s on
that span, CPU seconds per page (all workers), archive, WARC and index bytes per article.
Needs redis-server (a private one is started on a free port).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scale_data import write_site  # noqa: E402
from scale_peers import CRAWL_SETTINGS  # noqa: E402

from newsbot.demo.server import DemoServer  # noqa: E402
from newsbot.search.store import live_dir  # noqa: E402

NEWSBOT = str(Path(sys.executable).with_name("newsbot"))
SHARED = ("NEWSBOT_REDIS_IDLE_TIMEOUT=2",)


def redis_server(directory: Path) -> tuple[subprocess.Popen, str]:
    binary = shutil.which("redis-server")
    if binary is None:
        raise SystemExit("redis-server is not installed: apt-get install redis-server")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--dir", str(directory),
                                "--save", "", "--appendonly", "no"], stdout=subprocess.DEVNULL)
    time.sleep(0.5)
    return process, f"redis://127.0.0.1:{port}/0"


def run(home: Path, commands: list[list[str]]) -> dict:
    """Start *commands* together (data and index under *home*); their wall and CPU seconds, and
    the largest peak RSS among them."""
    env = {**os.environ, "NEWSBOT_DATA_DIR": str(home / "data"), "NEWSBOT_INDEX_DIR": str(home / "index")}
    home.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    children = [subprocess.Popen(command, env=env, cwd=home, stdout=subprocess.DEVNULL) for command in commands]
    cpu, rss = 0.0, 0.0
    for child in children:
        _, status, usage = os.wait4(child.pid, 0)
        if status:
            raise SystemExit(f"{child.args[1:4]} failed with status {status}")
        cpu += usage.ru_utime + usage.ru_stime
        rss = max(rss, usage.ru_maxrss / 1024)
    return {"wall": time.perf_counter() - started, "cpu": cpu, "rss_mb": rss}


def archived(home: Path) -> dict:
    db = sqlite3.connect(home / "data" / "archive.sqlite3")
    pages, articles = (db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] for table in ("pages", "articles"))
    first, last = db.execute("SELECT MIN(fetched_at), MAX(fetched_at) FROM pages").fetchone()
    db.close()
    span = (datetime.fromisoformat(last) - datetime.fromisoformat(first)).total_seconds() + 1  # 1-s stamps
    warc = sum(path.stat().st_size for path in (home / "data" / "warc").glob("*"))
    archive = sum(path.stat().st_size for path in (home / "data").glob("archive.sqlite3*"))
    return {"pages": pages, "articles": articles, "span": span, "archive_bytes": archive, "warc_bytes": warc}


def crawl(work: Path, name: str, url: str, workers: int, redis_url: str | None) -> dict:
    home = work / name
    settings = [part for setting in (*CRAWL_SETTINGS, *SHARED) for part in ("-s", setting)]
    base = [NEWSBOT, "crawl", "--url", url, "--max-pages", "1000000", "--no-index", *settings]
    if redis_url is None:
        commands = [base]
    else:
        commands = [[*base, "--redis", redis_url]] + [[*base, "--redis", redis_url, "--join"]] * (workers - 1)
    timing = run(home, commands)
    figures = {**timing, **archived(home)}
    figures["rate"] = figures["pages"] / figures["span"]
    figures["cpu_per_page_ms"] = 1000 * figures["cpu"] / figures["pages"]
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000, help="articles on the generated site")
    parser.add_argument("--work", type=Path, help="working directory (default: a temporary one)")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="newsbot-scale-redis-"))
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    redis_process, redis_url = redis_server(work)
    results = {}
    try:
        site = write_site(work / "site", args.articles)
        with DemoServer([site]) as server:
            url = server.url("scale")
            results["plain"] = crawl(work, "plain", url, 1, None)
            results["redis-1"] = crawl(work, "redis-1", url, 1, redis_url)
            results["redis-2"] = crawl(work, "redis-2", url, 2, redis_url)
        home = work / "redis-2"
        indexing = run(home, [[NEWSBOT, "index"]])
        articles = results["redis-2"]["articles"]
        index_bytes = sum(path.stat().st_size for path in live_dir(home / "index").glob("*"))
        results["index"] = {**indexing, "articles": articles, "rate": articles / indexing["wall"],
                            "index_bytes": index_bytes}
    finally:
        redis_process.terminate()
        redis_process.wait()
    print(f"## shared frontier: crawl of a generated local site ({args.articles} articles, politeness off, "
          "--no-index)\n")
    print("| run | pages | articles | wall s | span s | pages/s (span) | CPU ms/page | peak RSS MB | "
          "archive KiB/article | WARC KiB/article |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name in ("plain", "redis-1", "redis-2"):
        r = results[name]
        print(f"| {name} | {r['pages']} | {r['articles']} | {r['wall']:.1f} | {r['span']:.0f} | {r['rate']:.1f} | "
              f"{r['cpu_per_page_ms']:.1f} | {r['rss_mb']:.0f} | {r['archive_bytes'] / 1024 / r['articles']:.1f} | "
              f"{r['warc_bytes'] / 1024 / r['articles']:.1f} |")
    base, two = results["redis-1"]["rate"], results["redis-2"]["rate"]
    print(f"\nredis-1 / plain: {base / results['plain']['rate']:.2f}x; redis-2 / redis-1: {two / base:.2f}x")
    i = results["index"]
    print(f"newsbot index (catch-up of the redis-2 archive): {i['articles']} articles in {i['wall']:.1f} s = "
          f"{i['rate']:.1f} articles/s, CPU {i['cpu']:.1f} s, index {i['index_bytes'] / 1024 / i['articles']:.1f} "
          "KiB/article")
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())

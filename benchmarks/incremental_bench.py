"""Incremental crawls: what a second crawl of an unchanged site costs against the first.

    .venv/bin/python benchmarks/incremental_bench.py [--rounds N]

The bundled demo sites are served on 127.0.0.1 (free ports). Each round crawls each site three
times into one fresh data dir (`newsbot crawl SITE --url ... -s DOWNLOAD_DELAY=0 --json`, a
child process per crawl as cron runs it): a first crawl, a second one of the unchanged site,
and one with `--refresh` (every archived page asked for again, conditionally). Printed per site
and crawl: HTTP requests (the crawl's own count) and pages archived, not fetched again and
answered 304, with wall time (median of the rounds), and the second crawl's requests and time
as a share of the first's.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newsbot.demo.server import DemoServer, bundled_site_dirs

CRAWLS = {"first": (), "second": (), "--refresh": ("--refresh",)}
FIELDS = ("requests", "pages", "articles_new", "not_refetched", "not_modified")


def crawl(home: Path, site: str, url: str, *options: str) -> tuple[dict, float]:
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "newsbot.cli", "crawl", site, "--url", url, "--json",
                             "-s", "DOWNLOAD_DELAY=0", *options, "--data-dir", str(home / "data"),
                             "--index-dir", str(home / "index")], check=True, capture_output=True, text=True)
    return json.loads(result.stdout.strip().splitlines()[-1]), time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    rounds = parser.parse_args().rounds
    server = DemoServer(bundled_site_dirs()).start()
    sites = dict(server.urls)
    runs: dict[tuple[str, str], list[tuple[dict, float]]] = {}
    try:
        for _ in range(rounds):
            for site, url in sites.items():
                with tempfile.TemporaryDirectory() as tmp:
                    for name, options in CRAWLS.items():
                        runs.setdefault((site, name), []).append(crawl(Path(tmp), site, url, *options))
    finally:
        server.stop()
    print(f"{'site':8} {'crawl':10} " + " ".join(f"{f:>13}" for f in FIELDS) + f" {'seconds':>8}")
    for (site, name), results in runs.items():
        summary = results[-1][0]
        seconds = statistics.median(s for _, s in results)
        print(f"{site:8} {name:10} " + " ".join(f"{summary[f]:>13}" for f in FIELDS) + f" {seconds:>8.2f}")
    for site in sites:
        first, second = (runs[site, name] for name in ("first", "second"))
        r1, r2 = first[-1][0]["requests"], second[-1][0]["requests"]
        t1, t2 = (statistics.median(s for _, s in results) for results in (first, second))
        print(f"{site}: second crawl {r2}/{r1} requests ({r2 / r1:.0%}), {t2:.2f}/{t1:.2f} s ({t2 / t1:.0%}) of the first")

if __name__ == "__main__":
    main()

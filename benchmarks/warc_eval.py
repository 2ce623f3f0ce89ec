"""WARC capture and import: what capture costs a crawl, and import-warc against crawling.

    .venv/bin/python benchmarks/warc_eval.py [--rounds N]

The bundled demo sites are served on 127.0.0.1 (free ports). Each round crawls both sites
(`newsbot crawl SITE --url ... -s DOWNLOAD_DELAY=0`, a child process per crawl as users run it)
into a fresh data dir with WARC capture on and off, then imports the WARC files into another
fresh data dir with `newsbot import-warc`. Printed: wall time per step (median of the rounds),
the capture's share of crawl time, import time against crawl time, and WARC bytes per page
against the archive's compressed raw pages.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newsbot.archive.warc import warc_files
from newsbot.demo.server import DemoServer, bundled_site_dirs


def newsbot(home: Path, *args: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "newsbot.cli", *args, "--data-dir", str(home / "data"),
                    "--index-dir", str(home / "index")], check=True, capture_output=True)
    return time.perf_counter() - started


def crawl_both(home: Path, urls: dict[str, str], warc: bool) -> float:
    return sum(newsbot(home, "crawl", site, "--url", url, "-s", "DOWNLOAD_DELAY=0",
                       "-s", f"NEWSBOT_WARC_ENABLED={warc}") for site, url in urls.items())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    rounds = parser.parse_args().rounds
    server = DemoServer(bundled_site_dirs()).start()
    times: dict[str, list[float]] = {"crawl, WARC off": [], "crawl, WARC on": [], "import-warc": []}
    try:
        for _ in range(rounds):
            with tempfile.TemporaryDirectory() as tmp:
                off, on, imported = (Path(tmp) / name for name in ("off", "on", "imported"))
                times["crawl, WARC off"].append(crawl_both(off, server.urls, warc=False))
                times["crawl, WARC on"].append(crawl_both(on, server.urls, warc=True))
                times["import-warc"].append(sum(
                    newsbot(imported, "import-warc", "--site", site, *map(str, files))
                    for site, files in by_site(on, server.urls).items()))
                db = sqlite3.connect(on / "data" / "archive.sqlite3")
                pages, raw_bytes = db.execute("SELECT COUNT(*), SUM(LENGTH(body)) FROM pages").fetchone()
                warc_bytes = sum(path.stat().st_size for path in warc_files(on / "data" / "warc"))
    finally:
        server.stop()
    median = {step: statistics.median(values) for step, values in times.items()}
    for step, seconds in median.items():
        print(f"{step:<18} {seconds:6.2f} s (median of {rounds})")
    print(f"capture's share of crawl time: {median['crawl, WARC on'] / median['crawl, WARC off'] - 1:+.1%}")
    print(f"import-warc / crawl (WARC on): {median['import-warc'] / median['crawl, WARC on']:.2f}")
    print(f"WARC bytes per page: {warc_bytes / pages:,.0f} (archive raw pages, zlib: {raw_bytes / pages:,.0f}; "
          f"the WARC also holds requests, robots.txt, sitemaps and feeds) over {pages} pages")


def by_site(home: Path, urls: dict[str, str]) -> dict[str, list[Path]]:
    from newsbot.archive.warc import read_responses

    files: dict[str, list[Path]] = {}
    for path in warc_files(home / "data" / "warc"):
        first = next(read_responses(path)).url
        site = next(site for site, url in urls.items() if first.startswith(url.rstrip("/")))
        files.setdefault(site, []).append(path)
    return files


if __name__ == "__main__":
    main()

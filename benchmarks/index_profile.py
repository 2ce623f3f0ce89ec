"""Where `newsbot reindex` and warm searches spend their CPU, by whose code runs: Whoosh,
newsbot, or the rest (Python's own library and C built-ins, each counted for the code that
called it). Issue 10 asks whether Whoosh itself is the limit: this is the profile that says.

    python benchmarks/index_profile.py [--articles 10000] [--per-class 30] [--work DIR]
    python benchmarks/index_profile.py --work SCALE_WORK_DIR --index SCALE_WORK_DIR/index-100000

A generated archive (scale.py's, grown to --articles in --work/data) is indexed from scratch under
cProfile, then the query classes of scale.py run on one warm Searcher under cProfile. With
--index, the searches run on that existing index of the archive and the reindex is not profiled. Printed for each: CPU seconds, the share
of Whoosh / newsbot / the rest, and the functions that cost most of their own time. cProfile
slows pure-Python code more than C, so read the shares, not the totals.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scale import CLASSES, grow, queries  # noqa: E402

from newsbot.archive import Archive  # noqa: E402
from newsbot.search.searcher import Searcher  # noqa: E402
from newsbot.search.sync import rebuild_index  # noqa: E402

TOP = 12


def owner(function: tuple[str, int, str]) -> str | None:
    """Whose code a profiled function is; None for a C built-in (counted for its callers)."""
    path = function[0]
    if path == "~" or path.startswith("<"):
        return None
    if "/whoosh/" in path:
        return "Whoosh"
    if "/newsbot/" in path:
        return "newsbot"
    return "the rest"


def shares(stats: pstats.Stats) -> Counter:
    """Own time per owner; a built-in's time goes to its callers in proportion to their calls
    of it (zlib and pickle called by Whoosh count as Whoosh)."""
    by_owner: Counter = Counter()
    for function, (_, _, own_time, _, callers) in stats.stats.items():
        who = owner(function)
        if who is not None or not callers:
            by_owner[who or "the rest"] += own_time
            continue
        total_calls = sum(edge[1] for edge in callers.values()) or 1
        for caller, edge in callers.items():
            by_owner[owner(caller) or "the rest"] += own_time * edge[1] / total_calls
    return by_owner


def report(title: str, profile: cProfile.Profile, cpu: float) -> None:
    stats = pstats.Stats(profile)
    by_owner = shares(stats)
    total = sum(by_owner.values()) or 1e-9
    print(f"\n## {title}: {cpu:.1f} CPU-s (unprofiled figures: scale.py)")
    print("  " + ", ".join(f"{who} {100 * seconds / total:.0f}%" for who, seconds in by_owner.most_common()))
    print(f"  {'own s':>7} {'share':>6}  function")
    ranked = sorted(stats.stats.items(), key=lambda item: item[1][2], reverse=True)[:TOP]
    for (path, line, name), (_, _, own_time, _, _) in ranked:
        where = "built-in" if path == "~" else f"{'/'.join(Path(path).parts[-3:])}:{line}"
        print(f"  {own_time:7.2f} {100 * own_time / total:5.1f}%  {name} ({where})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--per-class", type=int, default=30, help="queries per class")
    parser.add_argument("--work", type=Path, help="where the archive and index go (default: a temp dir)")
    parser.add_argument("--index", type=Path, help="profile searches on this existing index of --work's archive")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="newsbot-profile-"))
    print(f"work dir {work}")
    if args.index:
        index_dir = args.index
        with Archive.in_dir(work / "data") as archive:
            args.articles = archive.article_count()
    else:
        grow(work / "data", args.articles)
        index_dir = work / "index"
        profile, started = cProfile.Profile(), time.process_time()
        with Archive.in_dir(work / "data") as archive:
            profile.runcall(rebuild_index, archive, index_dir)
        report(f"reindex of {args.articles:,} articles", profile, time.process_time() - started)

    asked = queries(work / "data", args.per_class)
    with Searcher(index_dir) as searcher:
        searcher.search("कार्यकर्ता")  # warm, as scale.py measures
        for name in CLASSES:
            profile, started = cProfile.Profile(), time.process_time()
            for query, options in asked[name]:
                profile.runcall(searcher.search, query, **options)
            report(f"{len(asked[name])} warm '{name}' queries at {args.articles:,}", profile,
                   time.process_time() - started)
    return 0


if __name__ == "__main__":
    sys.exit(main())

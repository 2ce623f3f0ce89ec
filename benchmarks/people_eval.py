"""Measure `newsbot analyze` against annotated articles kept outside the repository.

    .venv/bin/python benchmarks/people_eval.py [DIR] [--verbose] [--check]

DIR (default ../shared/eval-dev beside the repository) holds ``gold.jsonl`` and
``articles/NNN.txt`` (line 1 the source, line 2 the title, a blank line, the body); the
annotation rules are in its README. Without it the benchmark says so and exits 0.

Printed: precision, recall and F1 for names, (name, role) pairs, appointments (pairs marked
appointed), parties and event types; `political` accuracy; analysis speed in articles per
second on one core. Names compare on their registry key (match form, variants folded, spaces
removed); a role matches when one role key contains the other. Also printed: on the bundled
demo sites, how many names found are not among the article's listed people (invented) and how
many listed people were found. ``--check`` exits 1 when a figure is below the issue's bar.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from newsbot.people import analyse, analysis_text  # noqa: E402
from newsbot.people.vocab import name_key, role_key  # noqa: E402

DEFAULT_DIR = REPO.parent / "shared" / "eval-dev"
DEMO_SITES = REPO / "newsbot" / "demo" / "sites"
BARS = {"names": 0.90, "name+role": 0.80, "appointments": 0.85, "parties": 0.95}
MIN_POLITICAL_ACCURACY = 1.0
MIN_SPEED = 200.0
SPEED_SECONDS = 2.0


class Score:
    def __init__(self):
        self.tp = self.fp = self.fn = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp, self.fp, self.fn = self.tp + tp, self.fp + fp, self.fn + fn

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def read_article(path: Path) -> str:
    lines = path.read_text(encoding="utf-8").split("\n")
    return analysis_text(lines[1].strip() or None, "\n".join(lines[3:]).strip())


def pairs(people: list[dict], appointed_only: bool, flag: str) -> list[tuple[str, str]]:
    return [(name_key(p["name"]), role_key(r["role"])) for p in people for r in p["roles"]
            if r[flag] or not appointed_only]


def match_pairs(found: list[tuple[str, str]], gold: list[tuple[str, str]]) -> tuple[int, int, int]:
    unmatched = list(gold)
    tp = 0
    for name, role in found:
        hit = next((g for g in unmatched if g[0] == name and (role in g[1] or g[1] in role)), None)
        if hit is not None:
            unmatched.remove(hit)
            tp += 1
    return tp, len(found) - tp, len(unmatched)


def compare_sets(found: set, gold: set) -> tuple[int, int, int]:
    return len(found & gold), len(found - gold), len(gold - found)


def evaluate(directory: Path, verbose: bool) -> tuple[dict[str, Score], float, list[str]]:
    scores = {name: Score() for name in ("names", "name+role", "appointments", "parties", "events")}
    right = 0
    texts = []
    golds = [json.loads(line) for line in (directory / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line]
    for gold in golds:
        text = read_article(directory / "articles" / f"{gold['id']}.txt")
        texts.append(text)
        result = analyse(text).to_json()
        right += result["political"] == gold["political"]
        found_names = {name_key(p["name"]) for p in result["people"]}
        gold_names = {name_key(p["name"]) for p in gold["people"]}
        scores["names"].add(*compare_sets(found_names, gold_names))
        scores["name+role"].add(*match_pairs(pairs(result["people"], False, "appointed"),
                                             pairs(gold["people"], False, "appointed_here")))
        scores["appointments"].add(*match_pairs(pairs(result["people"], True, "appointed"),
                                                pairs(gold["people"], True, "appointed_here")))
        scores["parties"].add(*compare_sets(set(result["parties"]), set(gold["parties"])))
        scores["events"].add(*compare_sets(set(result["event_types"]), set(gold["event_types"])))
        if verbose:
            report_article(gold, result)
    return scores, right / len(golds), texts


def report_article(gold: dict, result: dict) -> None:
    found = {(p["name"], r["role"], r["appointed"]) for p in result["people"] for r in p["roles"]}
    wanted = {(p["name"], r["role"], r["appointed_here"]) for p in gold["people"] for r in p["roles"]}
    print(f"--- {gold['id']} political={result['political']} parties={result['parties']} "
          f"(gold {gold['parties']}) events={result['event_types']} (gold {gold['event_types']})")
    for item in sorted(found - wanted):
        print(f"  + {item}")
    for item in sorted(wanted - found):
        print(f"  - {item}")


def speed(texts: list[str]) -> float:
    done, started = 0, time.perf_counter()
    while time.perf_counter() - started < SPEED_SECONDS:
        for text in texts:
            analyse(text)
        done += len(texts)
    return done / (time.perf_counter() - started)


def demo_check(verbose: bool) -> tuple[int, int, int, int]:
    """(names found, of them not listed, listed people, listed people found) on the demo sites."""
    found = invented = listed = hits = 0
    for site in sorted(DEMO_SITES.glob("*/site.json")):
        for article in json.loads(site.read_text(encoding="utf-8"))["articles"]:
            text = analysis_text(article["title"], "\n\n".join(article["paragraphs"]))
            names = {name_key(p.name): p.name for p in analyse(text, article["author"]).people}
            people = {name_key(name) for name in article["people"]}
            extra = set(names) - people
            found, invented = found + len(names), invented + len(extra)
            listed, hits = listed + len(people), hits + len(people & set(names))
            if verbose and extra:
                print(f"  demo {article['id']}: not listed: {sorted(names[k] for k in extra)}")
    return found, invented, listed, hits


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("-v", "--verbose", action="store_true", help="print each article's misses")
    parser.add_argument("--check", action="store_true", help="exit 1 below the required figures")
    args = parser.parse_args(argv)
    if not (args.directory / "gold.jsonl").exists():
        print(f"people_eval: no annotated set at {args.directory} (gold.jsonl); skipped")
        return 0
    scores, accuracy, texts = evaluate(args.directory, args.verbose)
    rate = speed(texts)
    print(f"{'':<14}{'P':>7}{'R':>7}{'F1':>7}   ({len(texts)} articles in {args.directory})")
    for name, score in scores.items():
        p, r, f = score.prf()
        print(f"{name:<14}{p:7.3f}{r:7.3f}{f:7.3f}")
    print(f"{'political':<14}{'accuracy':>14}{accuracy:7.3f}")
    print(f"speed: {rate:.0f} articles/s (one core)")
    found, invented, listed, hits = demo_check(args.verbose)
    print(f"demo sites: {found} names found, {invented} not among the listed people; "
          f"{hits}/{listed} listed people found (the lists include people with no role)")
    failed = [name for name, bar in BARS.items() if scores[name].prf()[2] < bar]
    failed += ["political"] if accuracy < MIN_POLITICAL_ACCURACY else []
    failed += ["speed"] if rate < MIN_SPEED else []
    if args.check and failed:
        print(f"below the bar: {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Site health: whether a site's layout seems to have changed, judged from its run records
(newsbot.runs), and the per-site figures `newsbot health` and the web app's health page show.

A crawl fetches article candidates: pages its discovery (sitemaps, feeds, listings, links) gave
as articles. When a site changes its layout (a new theme, an app shell that renders the story
with JavaScript), those pages still answer 200, but extraction finds no article in them ("no
article body", "no article signal", "extraction failed"): the crawl ends "finished" with nothing
new. So a run is flagged when

- it archived no article while some candidates failed extraction that way, or
- the share of candidates failing that way jumped: at least JUMP above the median share of the
  site's recent runs (HISTORY; those flagged already left out) and at least half of this
  run's candidates (MIN_CANDIDATES or more).

Interrupted and failed runs are not judged (they say nothing about the layout).
"""

from __future__ import annotations

from datetime import datetime
from statistics import median

from newsbot.runs import BOUND, FINISHED

# Why an article candidate was not an article, when a changed layout is the likely cause.
LAYOUT_REASONS = frozenset({"no article body", "no article signal", "extraction failed"})
HISTORY = 10  # recent runs of a site a run is compared with
MIN_CANDIDATES = 5  # fewer candidates than this make no share worth comparing
JUMP = 0.3  # rise of the failing share (0..1) over the recent median that flags a run
JUDGED = (FINISHED, BOUND)


def failing_share(record: dict) -> float | None:
    """The share of a run's article candidates that extraction found no article in, or None
    when the run had too few candidates to say."""
    candidates = record.get("candidates") or 0
    if candidates < MIN_CANDIDATES:
        return None
    return (record.get("candidates_failed") or 0) / candidates


def layout_warning(record: dict, history: list[dict]) -> str | None:
    """A one-line warning naming the site when `record` (a finished run) looks like its layout
    changed, judged against `history` (the site's earlier runs, newest first); else None."""
    if record["status"] not in JUDGED:
        return None
    site, failed = record["site"], record.get("candidates_failed") or 0
    if record["articles"] == 0 and failed:
        return (f"site {site}: layout changed? no article found in {failed} article pages "
                f"({_reasons(record)}); check its profile (exit 4)")
    share = failing_share(record)
    # The site's normal share: its recent judged runs, less those flagged already.
    normal = (r for r in history if r["status"] in JUDGED and not r.get("health"))
    before = [s for s in map(failing_share, normal) if s is not None]
    if share is None or not before or share < 0.5 or share - median(before) < JUMP:
        return None
    return (f"site {site}: layout changed? {share:.0%} of article pages had no article "
            f"(recent runs: {median(before):.0%}; {_reasons(record)}); check its profile (exit 4)")


def _reasons(record: dict) -> str:
    reasons = {k: v for k, v in (record.get("skip_reasons") or {}).items() if k in LAYOUT_REASONS}
    return ", ".join(f"{count} {reason}" for reason, count in reasons.items()) or "extraction"


def site_health(runs: list[dict]) -> list[dict]:
    """Per site (crawl runs only, newest first as `Archive.runs` gives them): its last run and
    last good run (finished or stopped at a bound, with articles and no warning), articles per
    day over its recent runs, extraction success rate over them, and its state: "ok",
    "layout changed" (the last judged run warned), "failing" (the last run failed) or
    "interrupted"."""
    by_site: dict[str, list[dict]] = {}
    for run in runs:
        if run.get("kind", "crawl") == "crawl" and run.get("site"):
            by_site.setdefault(run["site"], []).append(run)
    return [_one_site(site, site_runs[:HISTORY], site_runs) for site, site_runs in sorted(by_site.items())]


def _one_site(site: str, recent: list[dict], every: list[dict]) -> dict:
    good = next((r for r in every if r["status"] in JUDGED and r["articles"] and not r.get("health")), None)
    judged = next((r for r in recent if r["status"] in JUDGED), None)
    last = recent[0]
    if last["status"] == "failed":
        state = "failing"
    elif judged is not None and judged.get("health"):
        state = "layout changed"
    else:
        state = "ok" if judged is not None else last["status"]
    candidates = sum(r.get("candidates") or 0 for r in recent)
    failed = sum(r.get("candidates_failed") or 0 for r in recent)
    return {
        "site": site, "state": state, "warning": judged.get("health") if judged else None,
        "last_run": last["finished_at"] or last["started_at"], "last_status": last["status"],
        "last_good_run": good["finished_at"] if good else None,
        "runs": len(recent), "articles_new": sum(r["articles_new"] for r in recent),
        "articles_per_day": round(sum(r["articles_new"] for r in recent) / _days(recent), 1),
        "extraction_success": round(1 - failed / candidates, 3) if candidates else None,
    }


def _days(runs: list[dict]) -> float:
    """Days the runs span, from the first start to the last end; at least one day."""
    first = datetime.fromisoformat(runs[-1]["started_at"])
    last = datetime.fromisoformat(runs[0]["finished_at"] or runs[0]["started_at"])
    return max((last - first).total_seconds() / 86400, 1.0)

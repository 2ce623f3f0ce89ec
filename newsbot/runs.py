"""Run records: what one crawl of one site (or one WARC import) did, as the archive's `crawls`
table keeps it, `newsbot crawl --json` prints it and `newsbot runs` lists it.

A record is a plain dict of JSON-ready values, built once from the crawl's stats (so the crawl
that prints it and the archive that stores it hold the same thing):

- id, kind ("crawl" or "import-warc"), site, target, started_at, finished_at, seconds;
- status: finished, interrupted (SIGINT/SIGTERM), failed (no page fetched, or storing failed),
  stopped at bound (a bound of README "Bounds" held pages back), or running (not ended yet;
  the next crawl marks a run whose process was killed outright as failed, "abandoned");
- counts: pages, articles (articles_new, articles_updated, articles_unchanged), skipped, errors,
  and what was refused (disallowed, robots_5xx, robots_unreachable, offsite, too_large),
  retried, storage_errors, indexed;
- discovery_errors: robots.txt, sitemaps and feeds that failed (a 5xx, a timeout; not a 404);
- candidates, candidates_failed: pages discovery gave as articles that were articles or that
  extraction found none in (newsbot.health judges the site's layout by them);
- skip_reasons and error_reasons: {reason: pages}, e.g. {"listing": 12, "no article body": 3},
  {"HTTP 404": 2, "timeout": 1};
- finish_reason, signal, bound, held_back, storage_failure; health: the site-health warning
  (newsbot.health), or None.

A good run (is_good) is one `crawl --since last` may start from: finished, and nothing missed.
"""

from __future__ import annotations

FINISHED, INTERRUPTED, FAILED, BOUND, RUNNING = "finished", "interrupted", "failed", "stopped at bound", "running"
STORAGE_FAILED = "storage failed"
ABANDONED = "abandoned"  # the finish reason of a run whose process died without ending it
# The crawls table's own columns; the rest of a record is kept as JSON in its `details`.
COUNT_COLUMNS = ("pages", "articles_new", "articles_updated", "articles_unchanged", "skipped", "errors")
# Counts read from the stats (newsbot/NAME) besides the columns, in the order the summary names them.
OTHER_COUNTS = ("disallowed", "robots_5xx", "robots_unreachable", "offsite", "too_large", "storage_errors",
                "indexed", "candidates", "candidates_failed", "not_refetched", "not_modified", "discovery_errors")
BOUNDS = ("max_pages", "max_depth", "path_repeats")
SIGNAL_EXIT = {"SIGINT": 130, "SIGTERM": 143}  # 128 + signal number, as shells report
EXIT_FAILED, EXIT_HEALTH = 1, 4
# Exit code of a command that crawled several sites: the worst of theirs, in this order. A signal
# stopped every site; a site that failed (nothing fetched, nothing stored) is worse than one whose
# layout changed (exit 4: pages fetched, articles not found), which is worse than success.
EXIT_PRECEDENCE = (143, 130, EXIT_FAILED, EXIT_HEALTH, 0)


# Failures a later try would meet again: the site said the page is gone.
GONE = ("HTTP 404", "HTTP 410")


def reason_key(reason: str | None) -> str:
    """The reason a page was skipped or failed, without its particulars: "not HTML (image/png)"
    and "not HTML (no content type)" both count as "not HTML"."""
    return (reason or "unknown").split(" (", 1)[0].strip() or "unknown"


def status_of(finish_reason: str, pages: int, bound: str | None) -> str:
    if finish_reason in ("interrupted", "shutdown"):
        return INTERRUPTED
    if finish_reason != "finished" or pages == 0:
        return FAILED
    return BOUND if bound else FINISHED


def from_stats(stats: dict, *, site: str, target: str, reason: str) -> dict:
    """The record of a crawl from its Scrapy stats (newsbot/* values) and the reason it closed;
    id, started_at, finished_at and seconds are the archive's to fill."""
    failure = stats.get("newsbot/storage_failure")
    interrupted = reason == "shutdown" or stats.get("newsbot/signal")
    finish_reason = STORAGE_FAILED if failure else (INTERRUPTED if interrupted else reason)
    record = {"id": None, "kind": "crawl", "site": site, "target": target, "started_at": None,
              "finished_at": None, "seconds": 0.0}
    record |= {name: int(stats.get(f"newsbot/{name}", 0)) for name in COUNT_COLUMNS}
    record["articles"] = record["articles_new"] + record["articles_updated"] + record["articles_unchanged"]
    record |= {name: int(stats.get(f"newsbot/{name}", 0)) for name in OTHER_COUNTS}
    record["retried"] = int(stats.get("retry/count", 0))
    record["requests"] = int(stats.get("downloader/request_count", 0))
    record["skip_reasons"] = _prefixed(stats, "newsbot/skip_reasons/")
    record["error_reasons"] = _prefixed(stats, "newsbot/error_reasons/")
    record["bound"] = stats.get("newsbot/bound")
    record["held_back"] = {name: int(stats[f"newsbot/held_back/{name}"]) for name in BOUNDS
                           if stats.get(f"newsbot/held_back/{name}")}
    record["finish_reason"] = finish_reason
    record["signal"] = stats.get("newsbot/signal")
    record["storage_failure"] = failure
    # An incremental run that found every archived page unchanged fetched what it needed.
    fetched = record["pages"] + record["not_refetched"] + record["not_modified"]
    record["status"] = status_of(finish_reason, fetched, record["bound"])
    record["health"] = None
    return record


def is_good(record: dict) -> bool:
    """Whether `crawl --since last` may start from this run: it finished (not interrupted,
    failed or stopped at a bound), gave no layout warning, and no page failed for a reason a
    later try may not meet (a timeout, a refused connection, a 5xx answer, a robots.txt that could
    not be read, a sitemap or feed that failed): the next cut-off would drop what it missed. Pages answering 404/410 are gone,
    so they do not count against it, unless it archived nothing at all while pages failed."""
    if record["status"] != FINISHED or record.get("health"):
        return False
    gone = sum(record["error_reasons"].get(reason, 0) for reason in GONE)
    missed = record["errors"] - gone + sum(record.get(name) or 0 for name in ("robots_5xx", "robots_unreachable",
                                                                              "discovery_errors"))
    kept = record["articles"] + (record.get("not_refetched") or 0) + (record.get("not_modified") or 0)
    return missed == 0 and (kept > 0 or record["errors"] == 0)


def _prefixed(stats: dict, prefix: str) -> dict[str, int]:
    found = {key[len(prefix):]: int(value) for key, value in stats.items() if key.startswith(prefix)}
    return dict(sorted(found.items(), key=lambda item: (-item[1], item[0])))


def exit_code(record: dict) -> int:
    """130/143 when a signal stopped the run, 1 when it failed, 4 when its site's layout seems
    to have changed (newsbot.health), else 0."""
    if record.get("signal"):
        return SIGNAL_EXIT[record["signal"]]
    if record["status"] == FAILED:
        return EXIT_FAILED
    return EXIT_HEALTH if record.get("health") else 0


def worst_exit(codes: list[int]) -> int:
    """The exit code of several runs: the first of EXIT_PRECEDENCE among them."""
    return next((code for code in EXIT_PRECEDENCE if code in codes), max(codes, default=0))


def summary_line(record: dict) -> str:
    """The one-line summary of a run (`crawl SITE: N pages, ...`), skip reasons included."""
    refused = "".join(f", {record[name]} {label}" for name, label in REFUSED.items() if record.get(name))
    reason = record["finish_reason"] or record["status"]
    if record["status"] == FAILED and reason == "finished":
        reason = "failed: no page fetched"
    if record.get("bound"):
        reason += f"; stopped at bound {record['bound']}: {sum(record['held_back'].values())} pages held back"
    skipped = f"{record['skipped']} skipped"
    if record.get("skip_reasons"):
        skipped += " (" + ", ".join(f"{count} {name}" for name, count in record["skip_reasons"].items()) + ")"
    errors = f"{record['errors']} errors"
    if record.get("error_reasons"):
        errors += " (" + ", ".join(f"{count} {name}" for name, count in record["error_reasons"].items()) + ")"
    return (
        f"crawl {record['target']}: {record['pages']} pages, {record['articles']} articles "
        f"({record['articles_new']} new, {record['articles_updated']} updated, "
        f"{record['articles_unchanged']} unchanged), {skipped}, {errors}, "
        f"{record['disallowed']} disallowed by robots.txt{refused}; {incremental(record)}"
        f"{record['indexed']} indexed; {record['seconds']:.1f} s ({reason})"
    )


def incremental(record: dict) -> str:
    """What an incremental crawl left alone, when it left anything ("" on a first crawl)."""
    if not (record.get("not_refetched") or record.get("not_modified")):
        return ""
    return (f"{record['not_refetched']} archived pages not fetched again (unchanged), "
            f"{record['not_modified']} not modified (304); {record.get('requests', 0)} requests; ")


# Pages not fetched, and why: named in the summary line only when there were some.
REFUSED = {"robots_5xx": "robots.txt 5xx", "robots_unreachable": "robots.txt unreachable",
           "offsite": "offsite", "too_large": "too large", "storage_errors": "not stored",
           "discovery_errors": "discovery pages failed"}
TOTALLED = (*COUNT_COLUMNS, "articles", *OTHER_COUNTS, "retried")


def total(records: list[dict]) -> dict:
    """The counts of several runs added up, with the exit code they give together."""
    sums = {name: sum(record.get(name) or 0 for record in records) for name in TOTALLED}
    return {"total": True, "sites": len(records), **sums,
            "seconds": max((record["seconds"] for record in records), default=0.0),
            "exit_code": worst_exit([exit_code(record) for record in records])}


def total_line(summary: dict) -> str:
    return (f"total: {summary['sites']} sites, {summary['pages']} pages, {summary['articles']} articles "
            f"({summary['articles_new']} new, {summary['articles_updated']} updated, "
            f"{summary['articles_unchanged']} unchanged), {summary['skipped']} skipped, {summary['errors']} errors; "
            f"{summary['indexed']} indexed; {summary['seconds']:.1f} s (exit {summary['exit_code']})")

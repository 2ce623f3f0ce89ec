"""The archive's run history: one row of `crawls` per run (a crawl of one site, or a WARC
import), read and written as the records newsbot.runs describes."""

from __future__ import annotations

import json
from datetime import datetime

from newsbot.archive import sql
from newsbot.items import IST
from newsbot.runs import ABANDONED, COUNT_COLUMNS, FAILED, RUNNING, is_good, status_of

# Run fields added for the run history (issue 11): kind "crawl" or "import-warc", the site
# profile, the status, {reason: pages} as JSON, the health warning, and the rest of the record
# (newsbot.runs) as JSON.
ADDED_CRAWL_COLUMNS = {"kind": "TEXT NOT NULL DEFAULT 'crawl'", "site": "TEXT", "status": "TEXT",
                       "skip_reasons": "TEXT", "error_reasons": "TEXT", "health": "TEXT", "details": "TEXT"}
# A finished run; one recorded before runs had a status says so by its finish reason.
FINISHED = "(status = 'finished' OR (status IS NULL AND finish_reason = 'finished'))"
# The crawls of one site (given twice); one recorded before runs had a site (site NULL) is the
# site's when its target, then the profile's name, names it.
SITE_CRAWLS = "kind = 'crawl' AND (site = ? OR (site IS NULL AND target = ?))"


class RunStore:
    """The Archive's methods over the crawls table (mixed into Archive; uses ``self.db``)."""

    db: object  # sqlite3.Connection or sql.PgConnection

    def start_crawl(self, target: str, site: str | None = None, kind: str = "crawl") -> int:
        """Record a run as started (status "running"); returns its id."""
        with self.db:
            return sql.insert_id(self.db, "INSERT INTO crawls (target, site, kind, status, started_at)"
                                 " VALUES (?, ?, ?, ?, ?)", (target, site, kind, RUNNING, _now()))

    def finish_crawl(self, crawl_id: int, record: dict, finish_reason: str) -> dict:
        """Record a run as ended: its counts (COUNT_COLUMNS), status (from `finish_reason`
        unless the record has one), reasons, health and any other field of `record`; returns
        the run's record as `runs` gives it."""
        columns = {name: record.get(name, 0) for name in COUNT_COLUMNS}
        status = record.get("status") or status_of(finish_reason, columns["pages"], record.get("bound"))
        own = {*COUNT_COLUMNS, *ADDED_CRAWL_COLUMNS, "id", "started_at", "finished_at", "finish_reason"}
        details = {key: value for key, value in record.items() if key not in own}
        with self.db:
            self.db.execute(
                f"""UPDATE crawls SET finished_at = ?, finish_reason = ?, status = ?, skip_reasons = ?,
                    error_reasons = ?, health = ?, details = ?, {", ".join(f"{c} = ?" for c in columns)}
                    WHERE id = ?""",
                (_now(), finish_reason, status, _json(record.get("skip_reasons") or {}),
                 _json(record.get("error_reasons") or {}), record.get("health"), _json(details),
                 *columns.values(), crawl_id),
            )
        return self.run(crawl_id)

    def end_abandoned_runs(self) -> int:
        """Mark the runs never ended as failed (finish reason "abandoned"): their process died
        without a word (SIGKILL, a power cut). Call it holding the crawl lock, when no other run
        can still be going on; returns how many there were."""
        with self.db:
            cursor = self.db.execute("UPDATE crawls SET status = ?, finish_reason = ? WHERE finished_at IS NULL",
                                     (FAILED, ABANDONED))
        return cursor.rowcount

    def last_run(self, site: str) -> dict | None:
        """The latest crawl of `site` (as runs record it: a profile's name, or the host of a
        generic crawl), finished or not."""
        row = self.db.execute(f"SELECT * FROM crawls WHERE {SITE_CRAWLS} ORDER BY id DESC LIMIT 1",
                              (site, site)).fetchone()
        return _run_record(row) if row is not None else None

    def last_good_run(self, site: str) -> dict | None:
        """The latest crawl of `site` that `--since last` may start from (newsbot.runs.is_good):
        never another site's, an interrupted, failed or bounded one, nor one that missed pages."""
        cursor = self.db.execute(f"SELECT * FROM crawls WHERE {SITE_CRAWLS} AND {FINISHED} ORDER BY id DESC",
                                 (site, site))
        try:
            while rows := cursor.fetchmany(50):
                for record in map(_run_record, rows):
                    if is_good(record):
                        return record
            return None
        finally:
            cursor.close()

    def last_crawl(self) -> dict | None:
        row = self.db.execute(
            "SELECT * FROM crawls WHERE finished_at IS NOT NULL ORDER BY id DESC LIMIT 1"
        ).fetchone()
        return dict(row) if row is not None else None

    def recent_crawls(self, limit: int = 20) -> list[dict]:
        """The latest runs, newest first (unfinished ones too), as records (newsbot.runs)."""
        return self.runs(limit=limit)

    def runs(self, site: str | None = None, kind: str | None = None, limit: int | None = None,
             before: int | None = None) -> list[dict]:
        """Run records, newest first: of one site, of one kind, only those before run id `before`."""
        where, params = [], []
        for clause, value in (("site = ?", site), ("kind = ?", kind), ("id < ?", before)):
            if value is not None:
                where.append(clause)
                params.append(value)
        sql = "SELECT * FROM crawls" + (f" WHERE {' AND '.join(where)}" if where else "") + " ORDER BY id DESC"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [_run_record(row) for row in self.db.execute(sql, params)]

    def run(self, crawl_id: int) -> dict:
        return _run_record(self.db.execute("SELECT * FROM crawls WHERE id = ?", (crawl_id,)).fetchone())


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def _run_record(row) -> dict:
    """A crawls row as the record newsbot.runs describes (rows from before the run history
    lack the newer fields: their status follows from the finish reason)."""
    data = dict(row)
    details = json.loads(data.pop("details") or "{}")
    for key in ("skip_reasons", "error_reasons"):
        data[key] = json.loads(data[key] or "{}")
    if data["status"] is None:
        data["status"] = status_of(data["finish_reason"], data["pages"], None) if data["finished_at"] else RUNNING
    data["articles"] = data["articles_new"] + data["articles_updated"] + data["articles_unchanged"]
    if "seconds" not in details and data["finished_at"]:
        elapsed = datetime.fromisoformat(data["finished_at"]) - datetime.fromisoformat(data["started_at"])
        details["seconds"] = elapsed.total_seconds()
    return {**data, **details}


def _now() -> str:
    return datetime.now(IST).replace(microsecond=0).isoformat()

"""What the analysis (newsbot.people) found in archived articles, and the people registry.

Tables:
- analyses: one row per analysed article: the content hash and rules version it was made
  from (so a changed article or improved rules get it redone), political, event types,
  parties and counts.
- people: the registry, one row per person, keyed by the match form of the name.
- mentions: each (person, role) an article states, with its evidence sentence and offsets into
  the analysed text (title, blank line, body).

An archive made before these tables existed gains them when opened; a column added here later
is added to an older archive by ALTER TABLE (``COLUMNS``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from newsbot.archive import sql
from newsbot.archive.migrate import add_missing_columns
from newsbot.urls import canonical_url

SCHEMA = """
CREATE TABLE IF NOT EXISTS analyses (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    content_hash TEXT NOT NULL,
    rules_version TEXT NOT NULL,
    analysed_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS people (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS mentions (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people(id),
    name TEXT NOT NULL,
    role TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS mentions_person ON mentions(person_id);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article_id);
"""
# Every column beyond the first few of each table: added by ALTER TABLE to an archive that
# lacks it, so new fields never need a fresh archive.
COLUMNS = {
    "analyses": {"political": "INTEGER NOT NULL DEFAULT 0", "event_types": "TEXT NOT NULL DEFAULT '[]'",
                 "parties": "TEXT NOT NULL DEFAULT '[]'", "counts": "TEXT NOT NULL DEFAULT '[]'"},
    "mentions": {"org": "TEXT", "party": "TEXT", "jurisdiction": "TEXT",
                 "appointed": "INTEGER NOT NULL DEFAULT 0", "evidence": "TEXT NOT NULL DEFAULT ''",
                 "start_char": "INTEGER NOT NULL DEFAULT 0", "end_char": "INTEGER NOT NULL DEFAULT 0",
                 # The canonical post (newsbot.people.posts); NULL in an archive analysed before
                 # they existed, until the analysis is redone (the rules version changed with them).
                 "role_normalized": "TEXT", "post": "TEXT", "level": "TEXT", "wing": "TEXT",
                 "former": "INTEGER NOT NULL DEFAULT 0"},
}
MENTION_FIELDS = ("name", "role", "org", "party", "jurisdiction", "appointed", "evidence",
                  "start_char", "end_char", "role_normalized", "post", "level", "wing", "former")
_JSON_FIELDS = ("event_types", "parties", "counts")


def upgrade(db) -> None:
    """Create the analysis tables, and add any column an older archive lacks."""
    db.executescript(SCHEMA)
    for table, columns in COLUMNS.items():
        add_missing_columns(db, table, columns)
    db.commit()


class AnalysisStore:
    """The Archive's methods over the analysis tables (mixed into Archive; uses ``self.db``)."""

    db: object  # sqlite3.Connection or newsbot.archive.sql.PgConnection

    @sql.retried
    def save_analyses(self, analyses: list[tuple[int, str, dict, list[dict]]], rules_version: str,
                      analysed_at: str) -> int:
        """Replace the analyses of articles, each given as (article_id, content_hash, summary,
        mentions); mentions carry ``key`` (the person's registry key) and MENTION_FIELDS.

        One transaction and one statement per table for the lot (a reprocess writes thousands).
        An article whose people or parties changed is marked for re-indexing; returns how many.
        Two analysers of the same articles at once (two crawl workers, a crawl and ``index
        --follow``) write one after the other: the second replaces the first's mentions."""
        ids = [article_id for article_id, *_ in analyses]
        with self.db:
            self._claim(ids)
            before = self._indexed_views(ids)
            old_people = {row[0] for row in self._batched(
                "SELECT DISTINCT person_id FROM mentions WHERE article_id IN ({})", ids)}
            for start in range(0, len(ids), 500):
                chunk = ids[start:start + 500]
                self.db.execute(f"DELETE FROM mentions WHERE article_id IN ({', '.join('?' * len(chunk))})",
                                chunk)
            mentions = [(article_id, mention) for article_id, _, _, found in analyses for mention in found]
            # In key order: PostgreSQL workers adding the same people then wait for each other
            # instead of deadlocking.
            self.db.executemany("INSERT INTO people (key, name) VALUES (?, ?) ON CONFLICT(key) DO NOTHING",
                                sorted({mention["key"]: mention["name"] for _, mention in mentions}.items()))
            self.db.executemany(
                f"""INSERT INTO mentions (article_id, person_id, {", ".join(MENTION_FIELDS)})
                    SELECT ?, id, {", ".join("?" * len(MENTION_FIELDS))} FROM people WHERE key = ?""",
                [(article_id, *(mention[field] for field in MENTION_FIELDS), mention["key"])
                 for article_id, mention in mentions])
            self.db.executemany(
                """INSERT INTO analyses (article_id, content_hash, rules_version, analysed_at, political,
                                         event_types, parties, counts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT(article_id) DO UPDATE SET content_hash = excluded.content_hash,
                     rules_version = excluded.rules_version, analysed_at = excluded.analysed_at,
                     political = excluded.political, event_types = excluded.event_types,
                     parties = excluded.parties, counts = excluded.counts""",
                [(article_id, digest, rules_version, analysed_at, int(summary["political"]),
                  *(json.dumps(summary[field], ensure_ascii=False) for field in _JSON_FIELDS))
                 for article_id, digest, summary, _ in analyses])
            self._forget_people(old_people)
            after = self._indexed_views(ids)
            changed = [(article_id,) for article_id in ids if after[article_id] != before[article_id]]
            # '': the index holds an older analysis of it. Still counted as indexed (unlike
            # NULL), so the next sync rewrites these documents instead of rebuilding the index.
            self.db.executemany("UPDATE articles SET indexed_hash = CASE WHEN indexed_hash IS NULL"
                                " THEN NULL ELSE '' END WHERE id = ?", changed)
        return len(changed)

    def _claim(self, ids: list[int]) -> None:
        """Lock the articles *ids* until this transaction ends (in id order, so two claims
        never deadlock). Without it, PostgreSQL let a second analyser delete the mentions the
        first had not committed yet (none, to it) and add its own: every mention twice. A write,
        not SELECT ... FOR UPDATE, as SQLite's one writer must be taken before the reads too."""
        self.db.executemany("UPDATE articles SET indexed_hash = indexed_hash WHERE id = ?",
                            [(article_id,) for article_id in sorted(ids)])

    def _indexed_views(self, ids: list[int]) -> dict[int, tuple]:
        """Article id -> (people, parties): what the index shows of its analysis."""
        people, parties = self.people_of(ids), self.parties_of(ids)
        return {article_id: (tuple(people.get(article_id, ())), tuple(parties.get(article_id, ())))
                for article_id in ids}

    def _forget_people(self, ids: Iterable[int]) -> None:
        """Drop registry entries no mention links to any more."""
        self.db.executemany("DELETE FROM people WHERE id = ? AND NOT EXISTS "
                            "(SELECT 1 FROM mentions WHERE person_id = ?)",
                            [(person_id, person_id) for person_id in ids])

    def article_ids_to_analyse(self, rules_version: str, every: bool = False,
                               among: list[int] | None = None) -> list[int]:
        """Articles with no analysis of their current content by these rules (all with *every*);
        *among*: of these ids only (a crawl's batch: no pass over the whole archive)."""
        stale = "(a.article_id IS NULL OR a.content_hash != articles.content_hash OR a.rules_version != ?)"
        select = "SELECT articles.id FROM articles LEFT JOIN analyses a ON a.article_id = articles.id"
        if among is not None:
            rows = self._batched(f"{select} WHERE articles.id IN ({{}}) AND {stale}", among, (rules_version,))
            return sorted(row[0] for row in rows)
        where = "" if every else f" WHERE {stale}"
        rows = self.db.execute(f"{select}{where} ORDER BY articles.id", () if every else (rules_version,))
        return [row[0] for row in rows]

    def analysis_of(self, article_id: int) -> dict | None:
        row = self.db.execute("SELECT * FROM analyses WHERE article_id = ?", (article_id,)).fetchone()
        if row is None:
            return None
        data = dict(row)
        for field in _JSON_FIELDS:
            data[field] = json.loads(data[field])
        data["political"] = bool(data["political"])
        return data

    def mentions_of(self, article_id: int) -> list[dict]:
        rows = self.db.execute(
            """SELECT mentions.*, people.key AS key, people.name AS person FROM mentions
               JOIN people ON people.id = mentions.person_id WHERE article_id = ? ORDER BY mentions.id""",
            (article_id,))
        return [_mention(row) for row in rows]

    def people_of(self, ids: list[int]) -> dict[int, list[str]]:
        """Article id -> the registry names of the people it mentions, in order of mention."""
        found: dict[int, list[str]] = {}
        for article_id, name in self._batched(
                "SELECT m.article_id, p.name FROM mentions m JOIN people p ON p.id = m.person_id "
                "WHERE m.article_id IN ({}) ORDER BY m.id", ids):
            names = found.setdefault(article_id, [])
            if name not in names:
                names.append(name)
        return found

    def parties_of(self, ids: list[int]) -> dict[int, list[str]]:
        return {article_id: json.loads(parties) for article_id, parties in self._batched(
            "SELECT article_id, parties FROM analyses WHERE article_id IN ({})", ids)}

    def _batched(self, sql: str, ids: list[int], params: tuple = ()):
        """Rows of *sql* with its ``{}`` filled by *ids*, 500 at a time; *params* follow the ids."""
        for start in range(0, len(ids), 500):  # SQLite caps the number of parameters
            chunk = ids[start:start + 500]
            yield from self.db.execute(sql.format(", ".join("?" * len(chunk))), [*chunk, *params])

    def people_rows(self) -> list[dict]:
        """Every person in the registry with how often, where and when they are mentioned."""
        rows = self.db.execute(
            """SELECT p.id, p.key, p.name, COUNT(*) AS mentions, COUNT(DISTINCT m.article_id) AS articles,
                      SUM(m.appointed) AS appointments,
                      MIN(COALESCE(a.published, a.first_seen)) AS first_date,
                      MAX(COALESCE(a.published, a.first_seen)) AS last_date
               FROM people p JOIN mentions m ON m.person_id = p.id JOIN articles a ON a.id = m.article_id
               GROUP BY p.id ORDER BY p.name""")
        return [dict(row) for row in rows]

    def mention_rows(self, where: str = "", params: tuple = ()) -> list[dict]:
        """Mentions joined with their person and article (*where*: extra SQL conditions on
        m (mentions), p (people), a (articles), n (analyses))."""
        rows = self.db.execute(
            f"""SELECT m.*, p.key AS key, p.name AS person, a.canonical_url AS article_url, a.site,
                       a.title, a.published, a.first_seen, n.event_types
                FROM mentions m JOIN people p ON p.id = m.person_id JOIN articles a ON a.id = m.article_id
                LEFT JOIN analyses n ON n.article_id = a.id
                {"WHERE " + where if where else ""}
                ORDER BY COALESCE(a.published, a.first_seen), a.id, m.id""", params)
        return [_mention(row) for row in rows]

    def analysed_articles(self, where: str = "", params: tuple = ()) -> list[dict]:
        """Articles with their analysis (a = articles, n = analyses), oldest first."""
        rows = self.db.execute(
            f"""SELECT a.id, a.canonical_url, a.site, a.title, a.author, a.published, a.first_seen,
                       n.political, n.event_types, n.parties, n.counts,
                       (SELECT COUNT(*) FROM mentions m WHERE m.article_id = a.id AND m.appointed != 0)
                         AS appointments
                FROM articles a JOIN analyses n ON n.article_id = a.id
                {"WHERE " + where if where else ""}
                ORDER BY COALESCE(a.published, a.first_seen), a.id""", params)
        result = []
        for row in rows:
            data = dict(row)
            for field in _JSON_FIELDS:
                data[field] = json.loads(data[field])
            data["political"] = bool(data["political"])
            result.append(data)
        return result

    def summaries(self, urls: list[str]) -> list[dict]:
        """Per canonical URL: id, url, site, published, parties, event_types (what search facets
        count); URLs not in the archive are left out."""
        rows = self._batched(
            "SELECT a.id, a.canonical_url AS url, a.site, a.published, n.parties, n.event_types FROM articles a"
            " LEFT JOIN analyses n ON n.article_id = a.id WHERE a.canonical_url IN ({})", urls)
        return [{**dict(row), "parties": json.loads(row["parties"] or "[]"),
                 "event_types": json.loads(row["event_types"] or "[]")} for row in rows]

    def article_by_url(self, url: str) -> dict | None:
        """The archived article at *url*, in any form a person may paste: canonical or as
        fetched, readable Devanagari or percent-encoded in either case, with tracking
        parameters or a fragment; a trailing slash is optional."""
        variants = {form for raw in (url.strip(), canonical_url(url))
                    for form in (raw, raw.rstrip("/"), raw.rstrip("/") + "/")}
        marks = ", ".join("?" * len(variants))
        row = self.db.execute(f"SELECT id FROM articles WHERE canonical_url IN ({marks}) OR url IN ({marks})"
                              " ORDER BY id LIMIT 1", (*variants, *variants)).fetchone()
        return self.articles_by_ids([row[0]])[0] if row else None


def _mention(row) -> dict:
    data = dict(row)
    data["appointed"] = bool(data["appointed"])
    data["former"] = bool(data["former"])
    if "event_types" in data:
        data["event_types"] = json.loads(data["event_types"] or "[]")
    return data

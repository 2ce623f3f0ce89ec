"""The analysis of archived articles, stored, and the registry of people across them.

Every mention links to a person record keyed by ``name_key`` (match form, spelling variants
folded, honorifics already stripped), so "श्री अभिनव प्रताप सिंह" in one article and "अभिनव
प्रताप सिंह" in another are one person with all their roles over time. The archive is the
source of truth: ``reprocess`` redoes every article's analysis from its stored text, and an
article whose analysis was made by other rules (``rules_version``) is redone by
``analyse_pending`` (which the index sync runs before writing).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass
from functools import cache

from newsbot.archive import Archive
from newsbot.archive.db import now
from newsbot.people.extract import Analysis, analyse, analysis_text
from newsbot.people.vocab import DATA, name_key, without_honorifics
from newsbot.text.romanise import phonetic_fold, romanise

# Bump when the grammar (the code) changes what it finds; the data files count by themselves.
GRAMMAR_VERSION = "10"


@cache
def rules_version() -> str:
    """The grammar version and a digest of the vocabulary files."""
    digest = hashlib.sha256(GRAMMAR_VERSION.encode())
    for path in sorted(DATA.glob("*.tsv")):
        digest.update(path.name.encode() + path.read_bytes())
    return f"{GRAMMAR_VERSION}-{digest.hexdigest()[:12]}"


def analyse_row(row: dict) -> Analysis:
    """Analyse an archived article (a row of ``Archive.articles_by_ids``)."""
    return analyse(analysis_text(row["title"], row["text"]), author=row["author"])


def _record(row: dict, analysis: Analysis) -> tuple[int, str, dict, list[dict]]:
    """What ``Archive.save_analyses`` stores of *analysis*, the analysis of archived *row*."""
    mentions = [
        {"key": person.key, "name": person.name, "role": role.role, "org": role.org,
         "jurisdiction": role.jurisdiction, "appointed": role.appointed,
         "evidence": role.evidence, "start_char": role.start, "end_char": role.end,
         **asdict(role.canonical())}  # role_normalized, post, level, wing, party, former
        for person in analysis.people for role in person.roles
    ]
    summary = {"political": analysis.political, "event_types": analysis.event_types,
               "parties": analysis.parties, "counts": analysis.counts}
    return row["id"], row["content_hash"], summary, mentions


def analyse_articles(archive: Archive, ids: list[int]) -> int:
    """Analyse and store the articles *ids*; returns how many changed what the index shows.

    One transaction per batch: the registry's writes are what made big reprocesses slow."""
    changed = 0
    for start in range(0, len(ids), 200):
        records = [_record(row, analyse_row(row)) for row in archive.articles_by_ids(ids[start:start + 200])]
        changed += archive.save_analyses(records, rules_version(), now().isoformat())
    return changed


def analyse_pending(archive: Archive) -> int:
    """Analyse the articles with no analysis of their current text by the current rules."""
    ids = archive.article_ids_to_analyse(rules_version())
    analyse_articles(archive, ids)
    return len(ids)


@dataclass
class Reprocessed:
    articles: int
    changed: int  # articles whose people or parties changed (their index documents are redone)
    people: int


def reprocess(archive: Archive) -> Reprocessed:
    """Redo the analysis of every archived article from its stored text."""
    ids = archive.article_ids_to_analyse(rules_version(), every=True)
    changed = analyse_articles(archive, ids)
    return Reprocessed(len(ids), changed, len(archive.people_rows()))


def find_people(archive: Archive, query: str) -> list[dict]:
    """People whose name matches *query* on the match form, honorifics aside: the exact name
    if registered, else every name containing it ("आनंद" finds "संजीव आनंद"). A query in Latin
    letters ("sanjeev anand") matches by sound, word by word, as search does."""
    people = archive.people_rows()
    if _LATIN_QUERY.fullmatch(query):
        wanted = [phonetic_fold(word) for word in query.split()]
        return [person for person in people
                if _contains_words(_sound_keys(person["name"]), wanted)]
    key = name_key(without_honorifics(query))
    exact = [person for person in people if person["key"] == key]
    return exact or [person for person in people if key and key in person["key"]]


_LATIN_QUERY = re.compile(r"[A-Za-z .'-]+")


def _sound_keys(name: str) -> list[str]:
    return [phonetic_fold(word) for word in romanise(name).split()]


def _contains_words(name_keys: list[str], wanted: list[str]) -> bool:
    """Whether the name's words include the wanted words, consecutively and in order."""
    width = len(wanted)
    return any(name_keys[start:start + width] == wanted for start in range(len(name_keys) - width + 1))

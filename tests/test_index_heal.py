"""The index heals: deleted or truncated index files, a killed rebuild, searches during a
rebuild. Each fault ends in one line and a defined exit code, and after `newsbot verify
--repair` (or the next sync, which every crawl ends with) archive and index agree, with no
article lost or doubled."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest
from conftest import archive_env, run_newsbot

from newsbot.archive import Archive
from newsbot.items import IST, Article
from newsbot.search.index import document_count
from newsbot.search.searcher import Searcher
from newsbot.search.store import live_dir
from newsbot.search.sync import sync_index

PLACES = ("रामगढ़ कलां", "सोनपुर", "बेलवा", "नवगढ़", "सरायपुर", "ज़हीराबाद", "क़ुतुबपुर")
NAMES = ("अभिनव प्रताप सिंह", "शबनम अख़्तर", "कमलेश पाल सैनी", "तौसीफ़ अहमद खान", "पूजा सिंह राठौर")


def _article(number: int) -> Article:
    place, name = PLACES[number % len(PLACES)], NAMES[number % len(NAMES)]
    url = f"http://127.0.0.1:9/khabar/{number}/"
    text = (f"{place}। युवा कांग्रेस की कार्यशाला में {name} को मंडल कोऑर्डिनेटर नियुक्त किया गया। "
            f"बैठक में ज़िले के {number} कार्यकर्ता पहुँचे और सदस्यता अभियान पर चर्चा हुई।\n\n"
            f"क्‍़षेत्र के किसानों ने धान ख़रीद में देरी की शिकायत की; अंक {number}।")
    return Article(url=url, canonical_url=url, site="khabar", title=f"{place} में कार्यशाला, {name} बने कोऑर्डिनेटर",
                   text=text, author="नसरीन बानो", published=datetime(2026, 10, 1 + number % 28, tzinfo=IST),
                   is_article=True)


def _home(tmp_path: Path, count: int) -> Path:
    with Archive.in_dir(tmp_path / "data") as archive:
        for number in range(count):
            archive.upsert_article(_article(number))
        sync_index(archive, tmp_path / "index")
    return tmp_path


def _agrees(home: Path, count: int) -> None:
    result = run_newsbot("verify", home=home)
    assert (result.returncode, result.stdout.strip()) == (
        0, f"verify: archive ok ({count} articles, 0 pages); index agrees ({count} documents)")
    assert document_count(home / "index") == count


def _one_line_failure(result: subprocess.CompletedProcess, code: int, *words: str) -> None:
    assert result.returncode == code, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in result.stderr


def _files(home: Path, pattern: str) -> list[Path]:
    return sorted(live_dir(home / "index").glob(pattern))


@pytest.fixture
def home(tmp_path):
    return _home(tmp_path, 12)


def test_deleted_table_of_contents_is_rebuilt_by_the_next_sync(home):
    for toc in _files(home, "*.toc"):
        toc.unlink()
    _one_line_failure(run_newsbot("search", "कोऑर्डिनेटर", home=home), 1, "no index")
    _one_line_failure(run_newsbot("verify", home=home), 1, "12 missing")
    # A crawl ends with this sync: the archive says all 12 are indexed, the index has none.
    with Archive.in_dir(home / "data") as archive:
        assert sync_index(archive, home / "index") == 12
    _agrees(home, 12)
    assert "12 results" in run_newsbot("search", "कोऑर्डिनेटर", home=home).stdout


def test_truncated_table_of_contents_fails_in_one_line_and_reindex_rebuilds(home):
    for toc in _files(home, "*.toc"):
        toc.write_bytes(toc.read_bytes()[:40])
    _one_line_failure(run_newsbot("search", "कार्यशाला", home=home), 1, "damaged", "verify --repair")
    _one_line_failure(run_newsbot("verify", home=home), 1, "damaged")
    assert run_newsbot("reindex", home=home).returncode == 0
    _agrees(home, 12)


def test_truncated_segment_is_repaired_by_verify(home):
    [segment] = _files(home, "*.seg")
    segment.write_bytes(segment.read_bytes()[: segment.stat().st_size // 3])
    _one_line_failure(run_newsbot("search", "शबनम", home=home), 1, "damaged")
    _one_line_failure(run_newsbot("verify", home=home), 1, "index")
    repaired = run_newsbot("verify", "--repair", home=home)
    assert repaired.returncode == 0, repaired.stderr
    _agrees(home, 12)


def test_verify_finds_missing_stale_and_doubled_documents(home):
    with Archive.in_dir(home / "data") as archive:
        archive.upsert_article(_article(100))  # archived, never indexed
        archive.upsert_article(Article(**{**_article(3).__dict__, "text": "संशोधित समाचार २०२६"}))
    result = run_newsbot("verify", home=home)
    _one_line_failure(result, 1, "1 missing, 0 extra, 1 stale of 12 documents")
    assert run_newsbot("verify", "--repair", home=home).returncode == 0
    _agrees(home, 13)


def test_searches_keep_answering_while_reindex_runs_and_a_killed_one_changes_nothing(tmp_path):
    home = _home(tmp_path, 400)
    env = {**os.environ, "NEWSBOT_DATA_DIR": str(home / "data"), "NEWSBOT_INDEX_DIR": str(home / "index"),
           **archive_env(home / "data")}
    live = live_dir(home / "index")

    def reindex() -> subprocess.Popen:
        return subprocess.Popen([sys.executable, "-m", "newsbot.cli", "reindex"], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def building() -> bool:
        return any(path != live and path.name.startswith("gen-") for path in (home / "index").iterdir())

    # kill -9 half-way: the live index is untouched and still agrees with the archive.
    child = reindex()
    while not building() and child.poll() is None:
        time.sleep(0.01)
    time.sleep(0.05)  # a rebuild of 400 articles can finish within 0.3 s now
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert live_dir(home / "index") == live
    _agrees(home, 400)

    # A full rebuild while one long-lived searcher and fresh ones keep searching.
    searcher = Searcher(home / "index")
    answers = 0
    child = reindex()
    while child.poll() is None:
        assert searcher.search("कोऑर्डिनेटर", count=True).total == 400
        assert Searcher(home / "index").search("सोनपुर").total > 0
        answers += 1
    assert child.returncode == 0, child.stderr.read()
    assert answers > 0
    assert live_dir(home / "index") != live
    assert searcher.search("कोऑर्डिनेटर", count=True).total == 400  # now from the new index
    searcher.close()
    # The killed run's stray directory went with the swap; the replaced one stays one round.
    assert len([path for path in (home / "index").iterdir() if path.name.startswith("gen-")]) == 2
    _agrees(home, 400)


def test_reindex_waits_for_no_crawl(home):
    from newsbot.crawl import crawl_lock

    with crawl_lock(home / "data"):
        _one_line_failure(run_newsbot("reindex", home=home), 3, "another crawl is running")

"""Operating newsbot: schedule lines that cron can run as printed, the run's log in a file,
waiting for another crawl's lock, and an online backup of the archive."""

from __future__ import annotations

import itertools
import json
import os
import shlex
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import archive_db, archive_env, run_newsbot

from newsbot.crawl import crawl_lock
from newsbot.schedule import Schedule

CLEAN_ENV = {k: v for k, v in os.environ.items() if not k.startswith("NEWSBOT_")}


def crontab_line(output: str, site: str) -> str:
    lines = output.splitlines()
    return lines[lines.index(f"# {site}: crontab line (crontab -e)") + 1]


def as_cron_runs_it(line: str, cwd: Path) -> subprocess.CompletedProcess:
    """The command part of a crontab line, run by sh as cron would: `\\%` means `%`."""
    command = line.split(" ", 5)[5].replace("\\%", "%")
    return subprocess.run(["sh", "-c", command], cwd=cwd, env=CLEAN_ENV, capture_output=True, text=True,
                          timeout=300)


def test_the_printed_crontab_line_crawls_into_the_same_archive_from_anywhere(site_server, tmp_path):
    (tmp_path / "project").mkdir()
    (tmp_path / "elsewhere").mkdir()
    # Relative dirs, as a user types them in the project directory: the line makes them absolute.
    result = run_newsbot("schedule", "gramin", "--every", "1h", "--url", site_server.url("gramin"),
                         "-s", "DOWNLOAD_DELAY=0", "-v", "--data-dir", "data", "--index-dir", "index",
                         home=tmp_path / "project")
    assert result.returncode == 0, result.stderr
    line = crontab_line(result.stdout, "gramin")
    minute, hour, *_ = line.split(" ", 5)
    assert (int(minute) in range(60), hour) == (True, "*")
    # (after any NAME=value the line sets, as NEWSBOT_DB_URL on the PostgreSQL pass)
    words = list(itertools.dropwhile(lambda word: "=" in word.split("/")[0], shlex.split(line.split(" ", 5)[5])))
    assert Path(words[0]).is_absolute() and Path(words[0]).exists()
    data, index = tmp_path / "project" / "data", tmp_path / "project" / "index"
    log = data / "logs" / "crawl-gramin.log"
    assert [words[words.index(option) + 1] for option in ("--data-dir", "--index-dir", "--log-file")] == [
        str(data), str(index), str(log)]
    assert "[Service]" in result.stdout and "OnCalendar=*-*-* *:" in result.stdout

    for _ in range(2):
        run = as_cron_runs_it(line, tmp_path / "elsewhere")
        assert run.returncode == 0 and run.stdout == run.stderr == "", run
    assert not (tmp_path / "elsewhere" / "data").exists()
    stats = json.loads(run_newsbot("stats", "--json", "--data-dir", str(data), "--index-dir", str(index),
                                   home=tmp_path, env=archive_env(data)).stdout)
    assert stats["articles"] > 20 and stats["index_documents"] == stats["articles"]
    logged = log.read_text(encoding="utf-8")
    summaries = [line for line in logged.splitlines() if line.startswith("crawl gramin ")]
    assert len(summaries) == 2 and "0 new, 0 updated, 0 unchanged" in summaries[1]
    assert "archived pages not fetched again (unchanged)" in summaries[1]  # the second run is incremental
    assert "[scrapy.core.engine] INFO: Spider opened" in logged  # -v went to the crawl, its log to the file


def test_schedule_lines_for_other_intervals_and_odd_characters(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSBOT_CONTACT", "mailto:shodh@example.in")
    plan = Schedule("6h", tmp_path / "डेटा", tmp_path / "index", None,
                    ["--url", "http://127.0.0.1:9/%E0%A4%97/"], {"NEWSBOT_CONTACT": "mailto:shodh@example.in"})
    line = plan.crontab_line("khabar")
    assert line.startswith("24 */6 * * * NEWSBOT_CONTACT=mailto:shodh@example.in ")
    assert "\\%E0\\%A4\\%97" in line and "--wait 3600" in line and str(tmp_path / "डेटा" / "logs") in line
    service = plan.systemd_service("khabar")
    assert "%%E0%%A4%%97" in service and "Environment=NEWSBOT_CONTACT=mailto:shodh@example.in" in service
    daily = Schedule("1d").systemd_timer("gramin")
    assert "OnCalendar=*-*-* 04:34:00" in daily and "Persistent=true" in daily
    assert Schedule("1h").command("gramin")[-2:] == ["--wait", "1800"]
    bad = run_newsbot("schedule", "nosuchsite", "--every", "1h", home=tmp_path)
    assert bad.returncode == 2 and "unknown site 'nosuchsite'" in bad.stderr
    bad = run_newsbot("schedule", "gramin", "--every", "1h", "--since", "kal", home=tmp_path)
    assert bad.returncode == 2 and len(bad.stderr.splitlines()) == 1


def crawl(site_server, home: Path, *options: str) -> subprocess.Popen:
    env = {**CLEAN_ENV, "NEWSBOT_DATA_DIR": str(home / "data"), "NEWSBOT_INDEX_DIR": str(home / "index"),
           **archive_env(home / "data")}
    return subprocess.Popen([sys.executable, "-m", "newsbot.cli", "crawl", "--url", site_server.url("kasba"),
                             "-s", "DOWNLOAD_DELAY=0", *options], cwd=home, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_wait_for_a_running_crawl_instead_of_exiting_3(site_server, tmp_path):
    with crawl_lock(tmp_path / "data"):
        gives_up = crawl(site_server, tmp_path, "--wait", "1")
        waits = crawl(site_server, tmp_path, "--wait", "120", "-s", "LOG_FILE=run.log", "-s", "LOG_LEVEL=INFO")
        out, err = gives_up.communicate(timeout=60)
        assert gives_up.returncode == 3 and "another crawl is running" in err
        time.sleep(2)
        assert waits.poll() is None  # still waiting for the lock
    out, err = waits.communicate(timeout=120)
    assert waits.returncode == 0, err
    assert out.startswith("crawl generic ") and err == ""
    assert "INFO: Spider opened" in (tmp_path / "run.log").read_text(encoding="utf-8")  # -s LOG_FILE is honoured


@pytest.mark.sqlite_only("SQLite's online backup of the archive file")
def test_backup_copies_the_archive_online_and_restores(site_server, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    assert run_newsbot("crawl", "--url", site_server.url("kasba"), "-s", "DOWNLOAD_DELAY=0", home=home).returncode == 0
    live = archive_db(home / "data")
    live.execute("BEGIN IMMEDIATE")  # a writer holds the database mid-transaction
    result = run_newsbot("backup", str(tmp_path / "kopi.sqlite3"), home=home)
    live.rollback()
    assert result.returncode == 0, result.stderr
    assert "backed up to" in result.stdout
    again = run_newsbot("backup", str(tmp_path / "kopi.sqlite3"), home=home)
    assert again.returncode == 1 and "--force" in again.stderr
    restored = tmp_path / "restored"
    (restored / "data").mkdir(parents=True)
    (tmp_path / "kopi.sqlite3").rename(restored / "data" / "archive.sqlite3")
    assert run_newsbot("reindex", home=restored).returncode == 0
    before = run_newsbot("search", "बेलनपुर", "--json", home=home).stdout
    assert before and run_newsbot("search", "बेलनपुर", "--json", home=restored).stdout == before

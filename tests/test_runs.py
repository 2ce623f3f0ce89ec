"""Run history and site health (issue 11, items 2-4): real crawls over 127.0.0.1 into a real
SQLite archive, read back with `newsbot runs` and `newsbot health`.

The sites are fault sites (tests/faultsite.py) whose pages the tests write: a sitemap names the
articles (so discovery offers them as article candidates), and an article can turn into a
JavaScript app shell, the page a site serves after moving to a client-rendered layout.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import REPO, archive_env, run_newsbot, wait_for
from faultsite import FaultSite, Reply, article, links_page

FAST = ("-s", "DOWNLOAD_DELAY=0")
STORIES = 6
PARAGRAPHS = (
    "सिंघाड़ा मंडी (संवाददाता)। ज़िला पंचायत सभागार में बुधवार को ग्राम प्रधानों की बैठक हुई, जिसमें "
    "नहर की सफ़ाई और पेयजल की किल्लत पर चर्चा की गई।",
    "बैठक की अध्यक्षता कर रहीं प्रधान संघ की अध्यक्ष कुसुमलता यादव ने कहा कि गाँवों में हैंडपंप महीनों से "
    "ख़राब पड़े हैं और शिकायतों पर सुनवाई नहीं हो रही।",
    "खंड विकास अधिकारी अनिरुद्ध शुक्ल ने भरोसा दिलाया कि १५ दिन में मरम्मत का काम शुरू होगा, और "
    "हर पंचायत में एक जल मित्र नियुक्त किया जाएगा।",
    "बैठक में आसपास की चौंतीस पंचायतों के प्रधान, सचिव और महिला मंगल दल की सदस्य मौजूद रहीं।",
)
# What a site serves once it renders stories in the browser: a shell, no article text at all.
APP_SHELL = ('<!DOCTYPE html><html lang="hi"><head><meta charset="utf-8"><title>सिंघाड़ा समाचार</title>'
             '<script src="/static/app.9f3c.js" defer></script></head><body><div id="root"></div>'
             "<noscript>यह साइट देखने के लिए जावास्क्रिप्ट चालू करें।</noscript></body></html>").encode()


class NewsSite(FaultSite):
    """A news site whose sitemap (named in robots.txt) lists the stories of the current batch,
    its only way in: the home page is a shell of its own. `shells` says which stories (by
    number) answer with the app shell instead of the article; those numbered `held_from` or
    more are answered once `hold` is set, when there is one."""

    def __init__(self, delay: float = 0.0):
        super().__init__({"/": Reply(body=links_page())}, fallback=self.page)
        self.batch, self.shells, self.delay = 0, set(), delay
        self.hold: threading.Event | None = None
        self.held_from = 0
        self.routes["/robots.txt"] = lambda n: Reply(body=f"User-agent: *\nAllow: /\nSitemap: {self.url('/sitemap.xml')}\n"
                                                     .encode(), content_type="text/plain")
        self.routes["/sitemap.xml"] = lambda n: Reply(body=self.sitemap(), content_type="application/xml")

    def paths(self) -> list[str]:
        return [f"/samachar/{self.batch}/{i}" for i in range(STORIES)]

    def sitemap(self) -> bytes:
        entries = "".join(f"<url><loc>{self.url(path)}</loc></url>" for path in self.paths())
        return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>'.encode()

    def page(self, path: str) -> Reply | None:
        parts = path.strip("/").split("/")
        if parts[0] != "samachar" or len(parts) != 3:
            return None
        hold = self.hold if int(parts[2]) >= self.held_from else None
        if int(parts[2]) in self.shells:
            return Reply(body=APP_SHELL, delay=self.delay, hold=hold)
        title = f"सिंघाड़ा मंडी: पंचायत बैठक, खंड {parts[1]} की ख़बर {int(parts[2]) + 1}"
        return Reply(body=article(title, paragraphs=PARAGRAPHS), delay=self.delay, hold=hold)

    def next_batch(self, shells: set[int] = frozenset()) -> None:
        """New stories (a crawl fetches them whatever it knows of the old ones), `shells` among them."""
        self.batch += 1
        self.shells = set(shells)


def crawl(site: FaultSite, home: Path, *options: str):
    result = run_newsbot("crawl", "--url", site.url("/"), *FAST, "--json", *options, home=home)
    assert "Traceback" not in result.stderr, result.stderr
    return result, json.loads(result.stdout.strip().splitlines()[-1])


def crawling(site: NewsSite, home: Path, stories: int, *options: str) -> subprocess.Popen:
    """A crawl of the site in a child process, once it has asked for `stories` of this batch and
    recorded its run as running. The batch's other stories are held (site.hold) until the test
    sets site.hold, so the crawl cannot have ended by then, however loaded the machine."""
    site.hold, site.held_from = threading.Event(), stories
    env = {**os.environ, "NEWSBOT_DATA_DIR": str(home / "data"), "NEWSBOT_INDEX_DIR": str(home / "index"),
           **archive_env(home / "data")}
    process = subprocess.Popen([sys.executable, "-m", "newsbot.cli", "crawl", "--url", site.url("/"), *FAST, *options],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO, env=env)
    prefix = f"/samachar/{site.batch}/"
    try:
        wait_for(lambda: sum(path.startswith(prefix) for path, _ in site.hits) >= stories
                 and [run["status"] for run in runs(home)][:1] == ["running"], process)
    except BaseException:
        process.kill()
        site.hold.set()
        raise
    return process


def runs(home: Path, *options: str) -> list[dict]:
    result = run_newsbot("runs", "--json", *options, home=home)
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_runs_lists_a_finished_an_interrupted_and_a_bounded_run(tmp_path):
    with NewsSite(delay=0.3) as site:
        first, record = crawl(site, tmp_path)
        assert first.returncode == 0 and record["status"] == "finished" and record["articles_new"] == STORIES

        site.next_batch()
        log = tmp_path / "crawl.log"
        process = crawling(site, tmp_path, 2, "-v", "--log-file", str(log))
        process.send_signal(signal.SIGINT)
        try:  # the held stories are answered once the crawl is stopping
            wait_for(lambda: "Closing spider (shutdown)" in log.read_text(), process)
        finally:
            site.hold.set()
        stdout, stderr = process.communicate(timeout=120)
        assert process.returncode == 130 and "Traceback" not in stderr
        assert "(interrupted)" in stdout

        site.next_batch()
        third, bounded = crawl(site, tmp_path, "--max-pages", "3")
        assert third.returncode == 0

    listed = runs(tmp_path)
    assert [run["status"] for run in listed] == ["stopped at bound", "interrupted", "finished"]
    assert listed[0] == bounded  # `crawl --json` prints the record the archive keeps
    assert listed[1]["signal"] == "SIGINT" and listed[1]["finished_at"] and listed[1]["finish_reason"] == "interrupted"
    assert listed[2]["articles_new"] == STORIES and listed[2]["skip_reasons"] == {"listing": 1}
    assert bounded["held_back"] == {"max_pages": bounded["held_back"]["max_pages"]} and bounded["bound"] == "max_pages"
    for run in listed:
        assert run["site"] == site.base.removeprefix("http://") and run["kind"] == "crawl"
        assert run["started_at"] <= run["finished_at"] and run["started_at"].endswith("+05:30")
        assert sum(run["skip_reasons"].values()) == run["skipped"]
    assert runs(tmp_path, "--site", "elsewhere.example") == []

    text = run_newsbot("runs", home=tmp_path).stdout.splitlines()
    assert len(text) == 3 and "interrupted" in text[1] and "(1 listing)" in text[2]


def test_a_killed_crawl_stays_running_until_the_next_crawl_marks_it_abandoned(tmp_path):
    with NewsSite(delay=0.5) as site:
        process = crawling(site, tmp_path, 1)
        process.kill()  # SIGKILL: no chance to record anything
        process.communicate(timeout=60)
        site.hold.set()
        assert [run["status"] for run in runs(tmp_path)] == ["running"]
        site.next_batch()
        assert crawl(site, tmp_path)[0].returncode == 0
    assert [(run["status"], run["finish_reason"]) for run in runs(tmp_path)] == \
        [("finished", "finished"), ("failed", "abandoned")]


def test_skip_and_error_reasons_are_counted_in_the_summary(tmp_path):
    routes = {"/": Reply(body=links_page("/khabar/1", "/gum", "/tuta")),
              "/khabar/1": Reply(body=article("कस्बे की ख़बर: मेले में उमड़ी भीड़", paragraphs=PARAGRAPHS)),
              "/gum": Reply(status=404), "/tuta": Reply(body=b"", content_type="text/html")}
    with FaultSite(routes) as site:
        result = run_newsbot("crawl", "--url", site.url("/"), *FAST, home=tmp_path)
    line = result.stdout.strip()
    assert result.returncode == 0, result.stderr
    assert "2 skipped (1 empty page, 1 listing)" in line and "1 errors (1 HTTP 404)" in line


def test_app_shell_pages_exit_4_and_health_names_the_site(tmp_path):
    with NewsSite() as site:
        name = site.base.removeprefix("http://")
        good, _ = crawl(site, tmp_path)
        assert good.returncode == 0

        site.next_batch(shells={0, 1, 2, 3})  # most stories of the day now come as an app shell
        partly, record = crawl(site, tmp_path)
        assert partly.returncode == 4 and record["articles_new"] == 2
        assert record["candidates"] == STORIES and record["candidates_failed"] == 4
        warning = [line for line in partly.stderr.splitlines() if line.startswith("newsbot: warning: ")]
        assert len(warning) == 1 and f"site {name}" in warning[0] and "67%" in warning[0]

        site.next_batch(shells=set(range(STORIES)))  # then every one
        shell, record = crawl(site, tmp_path)
        assert shell.returncode == 4 and record["articles"] == 0 and record["status"] == "finished"
        assert record["health"].startswith(f"site {name}: layout changed?")
        assert record["skip_reasons"]["no article body"] == STORIES  # the stories

    health = run_newsbot("health", "--json", home=tmp_path)
    assert health.returncode == 4
    (entry,) = [json.loads(line) for line in health.stdout.splitlines()]
    first = runs(tmp_path)[-1]
    assert (entry["site"], entry["state"], entry["last_good_run"]) == (name, "layout changed", first["finished_at"])
    assert entry["extraction_success"] == round(8 / 18, 3) and entry["runs"] == 3
    text = run_newsbot("health", home=tmp_path)
    assert text.returncode == 4 and text.stdout.startswith(f"{name}: layout changed")


# --- several sites, one command -------------------------------------------------------------------

@pytest.fixture
def demo_sites():
    """The bundled demo sites on the ports their profiles name (a crawl by site name, with no
    --url, goes there)."""
    from newsbot.demo.server import DemoServer, bundled_site_dirs
    from newsbot.sites.demo import DEMO_PORTS

    dirs = bundled_site_dirs()
    try:
        server = DemoServer(dirs, ports=[DEMO_PORTS[d.name] for d in dirs]).start()
    except OSError:
        pytest.skip("the demo sites' ports are taken on this machine")
    yield server
    server.stop()


def test_crawl_of_two_sites_gives_a_record_each_and_a_total(demo_sites, tmp_path):
    result = run_newsbot("crawl", "gramin", "khabar", *FAST, "--json", home=tmp_path)
    assert result.returncode == 0, result.stderr
    *records, together = [json.loads(line) for line in result.stdout.splitlines()]
    assert [record["site"] for record in records] == ["gramin", "khabar"]
    assert all(record["status"] == "finished" and record["articles_new"] > 0 for record in records)
    assert together["total"] is True and together["sites"] == 2 and together["exit_code"] == 0
    for name in ("pages", "articles_new", "skipped", "errors", "indexed"):
        assert together[name] == sum(record[name] for record in records)
    assert [run["id"] for run in runs(tmp_path)] == [records[1]["id"], records[0]["id"]]


def test_crawl_all_crawls_every_configured_site_under_one_lock(demo_sites, tmp_path):
    """--all: the demo sites and every publisher. The publishers are reached through a proxy
    on 127.0.0.1 that refuses them (no test leaves this machine); they fail, and the command
    exits with the worst of the sites' codes, 1."""
    from newsbot.sites.registry import configured_sites

    with FaultSite({}) as proxy:
        env = {"http_proxy": proxy.url("/"), "https_proxy": proxy.url("/"), "no_proxy": "127.0.0.1"}
        result = run_newsbot("crawl", "--all", *FAST, "-s", "RETRY_TIMES=0", home=tmp_path, env=env)
    lines = result.stdout.strip().splitlines()
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert [line.split(":")[0] for line in lines] == [f"crawl {name}" for name in configured_sites()] + ["total"]
    by_site = dict(zip(configured_sites(), lines, strict=False))
    assert "gramin" in by_site and "khabar" in by_site and len(by_site) >= 12
    for name, line in by_site.items():
        assert ("(finished)" in line) == (name in ("gramin", "khabar")), line
    total = lines[-1]
    assert total.startswith(f"total: {len(by_site)} sites, ") and total.endswith("(exit 1)")
    assert {run["site"] for run in runs(tmp_path)} == set(configured_sites())


# --- progress on a terminal -----------------------------------------------------------------------

def crawl_on_a_terminal(site: FaultSite, home: Path, *options: str) -> tuple[int, str, str]:
    """`newsbot crawl` with its stderr on a pseudo-terminal (as in an interactive shell):
    (exit code, stdout, what the terminal showed)."""
    import fcntl
    import pty
    import struct
    import termios

    master, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a 100-column terminal
    env = {**os.environ, "NEWSBOT_DATA_DIR": str(home / "data"), "NEWSBOT_INDEX_DIR": str(home / "index"),
           **archive_env(home / "data")}
    process = subprocess.Popen([sys.executable, "-m", "newsbot.cli", "crawl", "--url", site.url("/"), *FAST, *options],
                               stdout=subprocess.PIPE, stderr=terminal, cwd=REPO, env=env)
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the crawl closed the terminal's last descriptor
            break
        if not chunk:
            break
        shown += chunk
    os.close(master)
    stdout = process.stdout.read().decode()
    return process.wait(timeout=120), stdout, shown.decode(errors="replace")


def test_progress_bar_only_on_a_terminal_and_never_with_json(tmp_path):
    with NewsSite(delay=0.4) as site:
        code, stdout, shown = crawl_on_a_terminal(site, tmp_path)
        assert code == 0 and stdout.startswith("crawl generic") and len(stdout.splitlines()) == 1
        assert f"{STORIES} articles, 0 errors" in shown and "pages" in shown and "\r" in shown

        site.next_batch()
        code, stdout, shown = crawl_on_a_terminal(site, tmp_path, "--json")
        assert code == 0 and json.loads(stdout)["articles_new"] == STORIES
        assert "articles," not in shown and "\r" not in shown

        site.next_batch()
        piped, record = crawl(site, tmp_path)  # stderr a pipe, as under cron
        assert piped.returncode == 0 and record["articles_new"] == STORIES and piped.stderr == ""

"""Shared fixtures: the demo/test sites served over real HTTP on 127.0.0.1."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
TEST_SITES = Path(__file__).resolve().parent / "sites"
BUNDLED_SITES = REPO / "newsbot" / "demo" / "sites"


class SiteServer:
    """`python -m newsbot.demo.server` in a child process; one base URL per site."""

    def __init__(self, site_dirs: list[Path]):
        self.process = subprocess.Popen(
            [sys.executable, "-u", "-m", "newsbot.demo.server", *map(str, site_dirs)],
            stdout=subprocess.PIPE, text=True, cwd=REPO,
        )
        self.urls: dict[str, str] = {}
        for _ in site_dirs:
            line = self.process.stdout.readline().split()
            if len(line) != 2:
                self.stop()
                raise RuntimeError(f"demo server did not start: {line!r}")
            self.urls[line[0]] = line[1].rstrip("/")

    def url(self, site: str, path: str = "/") -> str:
        return self.urls[site] + path

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture(scope="session")
def site_server():
    server = SiteServer([TEST_SITES / "kasba", BUNDLED_SITES / "gramin", BUNDLED_SITES / "khabar"])
    yield server
    server.stop()


def run_newsbot(*args: str, home: Path, timeout: float = 300) -> subprocess.CompletedProcess:
    """Run `newsbot ARGS` in a child process (Scrapy's reactor runs once per process), with
    its data and index under `home` through NEWSBOT_DATA_DIR / NEWSBOT_INDEX_DIR."""
    env = {**os.environ, "NEWSBOT_DATA_DIR": str(home / "data"), "NEWSBOT_INDEX_DIR": str(home / "index")}
    return subprocess.run([sys.executable, "-m", "newsbot.cli", *args], capture_output=True,
                          text=True, timeout=timeout, cwd=home, env=env)

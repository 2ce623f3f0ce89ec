"""Crontab lines and systemd units that run `newsbot crawl` on a schedule.

Everything in them is absolute (program, data and index dirs, log file), so they work from
whatever directory cron or systemd starts them in. Each site gets its own line or unit pair, at
a minute of the hour derived from its name (sites scheduled together do not all start at :00),
and `--wait` so that a run which finds another still going waits for it instead of giving up.

    >>> Schedule("1h").cron_time("gramin")
    '34 * * * *'
"""

from __future__ import annotations

import shlex
import sys
import zlib
from dataclasses import dataclass, field
from pathlib import Path

# --every: hours between runs.
EVERY = {"1h": 1, "6h": 6, "1d": 24}
MAX_WAIT = 3600  # seconds a run waits for the one before it: half the interval, at most an hour


def program() -> list[str]:
    """The command that runs this newsbot: the console script beside this interpreter (in
    its virtualenv), else the interpreter with `-m newsbot.cli`."""
    interpreter = Path(sys.executable).absolute()  # not resolved: a venv's python is a symlink
    script = interpreter.with_name("newsbot")
    return [str(script)] if script.exists() else [str(interpreter), "-m", "newsbot.cli"]


@dataclass
class Schedule:
    every: str
    data_dir: Path = Path("data")
    index_dir: Path = Path("index")
    log_file: Path | None = None  # default: <data dir>/logs/crawl-SITE.log
    crawl_args: list[str] = field(default_factory=list)  # further `newsbot crawl` options
    environment: dict[str, str] = field(default_factory=dict)  # e.g. NEWSBOT_CONTACT

    def log_for(self, site: str) -> Path:
        return (self.log_file or self.data_dir / "logs" / f"crawl-{site}.log").absolute()

    def command(self, site: str) -> list[str]:
        wait = min(EVERY[self.every] * 3600 // 2, MAX_WAIT)
        return [*program(), "crawl", site, *self.crawl_args,
                "--data-dir", str(self.data_dir.absolute()), "--index-dir", str(self.index_dir.absolute()),
                "--log-file", str(self.log_for(site)), "--wait", str(wait)]

    def minute(self, site: str) -> int:
        return zlib.crc32(site.encode()) % 60

    def cron_time(self, site: str) -> str:
        hours = EVERY[self.every]
        hour = "*" if hours == 1 else f"*/{hours}" if hours < 24 else str(zlib.crc32(site.encode()) % 6)
        return f"{self.minute(site)} {hour} * * *"

    def crontab_line(self, site: str) -> str:
        # NAME='value': the shell takes a quoted whole 'NAME=value' for a command, not an assignment
        env = " ".join(f"{k}={shlex.quote(v)}" for k, v in self.environment.items())
        log = shlex.quote(str(self.log_for(site)))
        command = f"{env + ' ' if env else ''}{shlex.join(self.command(site))} >> {log} 2>&1"
        return f"{self.cron_time(site)} {command.replace('%', chr(92) + '%')}"  # cron reads % as newline

    def unit_name(self, site: str) -> str:
        return f"newsbot-crawl-{site}"

    def systemd_service(self, site: str) -> str:
        log = self.log_for(site)
        lines = ["[Unit]", f"Description=newsbot crawl {site}", "Wants=network-online.target",
                 "After=network-online.target", "", "[Service]", "Type=oneshot", "Nice=10"]
        lines += [f"Environment={_systemd_escape(shlex.quote(f'{k}={v}'))}" for k, v in self.environment.items()]
        lines += [f"ExecStart={_systemd_escape(shlex.join(self.command(site)))}",
                  f"StandardOutput=append:{log}", f"StandardError=append:{log}"]
        return "\n".join(lines) + "\n"

    def systemd_timer(self, site: str) -> str:
        hours = EVERY[self.every]
        hour = "*" if hours == 1 else f"00/{hours}" if hours < 24 else f"{zlib.crc32(site.encode()) % 6:02d}"
        return "\n".join([
            "[Unit]", f"Description=newsbot crawl {site} every {self.every}", "",
            "[Timer]", f"OnCalendar=*-*-* {hour}:{self.minute(site):02d}:00",
            "Persistent=true",  # a run missed while the machine was off happens at boot
            "", "[Install]", "WantedBy=timers.target", ""])


def _systemd_escape(value: str) -> str:
    return value.replace("%", "%%")  # systemd reads %x as a specifier

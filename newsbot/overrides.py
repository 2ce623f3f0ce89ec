"""Check `-s NAME=VALUE` crawl settings before Scrapy reads them.

Scrapy converts a setting only when a component asks for it (`getint`, `getfloat`...), deep in
the crawl, so `-s DOWNLOAD_DELAY=soon` would end as a traceback after the crawl began. A value
is checked against the type of the setting's default (newsbot's, else Scrapy's); a name that
neither knows is reported, since no component will read it (a typo, most often).
"""

from __future__ import annotations

import json
import logging
from types import ModuleType


class BadSetting(ValueError):
    """A `-s` value the setting cannot take."""


def known_settings() -> dict[str, object]:
    from scrapy.settings import default_settings

    from newsbot import settings as newsbot_settings

    return {**_upper(default_settings), **_upper(newsbot_settings)}


def check_overrides(overrides: dict[str, str]) -> list[str]:
    """Raise BadSetting for a value of the wrong type; return the names no setting has."""
    known = known_settings()
    unknown = []
    for name, value in overrides.items():
        if name not in known:
            unknown.append(name)
            continue
        problem = _problem(name, value, known[name])
        if problem:
            raise BadSetting(f"{name}={value}: {problem}")
    return unknown


def _problem(name: str, value: str, default: object) -> str | None:
    if name == "LOG_LEVEL":
        return None if isinstance(logging.getLevelName(value.upper()), int) else "not a log level (DEBUG, INFO, WARNING, ERROR)"
    if isinstance(default, bool):  # before int: bool is an int
        return None if value.lower() in ("0", "1", "true", "false") else "expected true/false or 1/0"
    converters = {int: (int, "a whole number"), float: (float, "a number")}
    if type(default) in converters:
        convert, expected = converters[type(default)]
        try:
            number = convert(value)
        except ValueError:
            return f"expected {expected}"
        return "must not be negative" if name.startswith("NEWSBOT_") and number < 0 else None
    if isinstance(default, dict):
        try:
            return None if isinstance(json.loads(value), dict) else "expected a JSON object"
        except ValueError:
            return "expected a JSON object"
    return None


def _upper(module: ModuleType) -> dict[str, object]:
    return {name: getattr(module, name) for name in dir(module) if name.isupper()}

"""newsbot: crawl regional Hindi news, extract and normalise articles, archive them and search them.

The Python API for notebooks (docs/api.md) is importable from here, e.g. ``from newsbot import
open_archive, search_articles, analyse``; each name is loaded on first use (PEP 562), so
``import newsbot`` stays cheap for the command line.
"""

from importlib import import_module

__version__ = "0.1.0"

_API = {
    "Archive": "newsbot.archive",
    "analyse": "newsbot.people",
    "Filters": "newsbot.export",
    **{name: "newsbot.records" for name in ("open_archive", "search_articles", "article", "person",
                                            "list_people", "appointments", "stats")},
}
__all__ = ["__version__", *_API]


def __getattr__(name: str):
    if name not in _API:
        raise AttributeError(f"module 'newsbot' has no attribute {name!r}")
    value = getattr(import_module(_API[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_API))

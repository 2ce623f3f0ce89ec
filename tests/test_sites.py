"""Every site profile, every layout version, against a page written in that site's structure.

tests/sites/<slug>/<slug>.json holds, per layout version, the fixture page's file, the URL and
crawl time it stands for, the expected extraction, written from the same text as the page
(never copied from the extractor's output), and phrases of the page's furniture that must not
reach the text (benchmarks/extract_eval.py counts them for trafilatura too). Text is
original; all people are invented.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from newsbot.extract import extract
from newsbot.sites.base import ARTICLE_KINDS
from newsbot.sites.registry import FAMILIES, PROFILES, family_for
from newsbot.text.display import normalise

SITES = Path(__file__).resolve().parent / "sites"
# Pinned elsewhere: the generic profile by tests/test_extract.py, the demo sites' profiles by
# the crawl tests over those sites (tests/test_crawl_e2e.py, tests/test_spider_crawl.py).
PINNED_ELSEWHERE = {"generic", "gramin", "khabar"}


def fixtures() -> list[tuple[str, str, dict]]:
    found = []
    for path in sorted(SITES.glob("*/*.json")):
        if path.stem == path.parent.name:
            found += [(path.stem, version, spec) for version, spec in json.loads(path.read_text("utf-8")).items()]
    return found


def test_every_profile_and_layout_version_has_a_fixture():
    have = {(slug, version) for slug, version, _ in fixtures()}
    want = {(p.name, layout.version) for p in PROFILES.values() if p.name not in PINNED_ELSEWHERE for layout in p.layouts}
    assert not want - have, f"layouts without a fixture page: {sorted(want - have)}"
    assert not have - want, f"fixtures of no profile layout: {sorted(have - want)}"


@pytest.mark.parametrize("slug, version, spec", fixtures(), ids=lambda v: v if isinstance(v, str) else "")
def test_profile_reads_its_fixture(slug, version, spec):
    profile = PROFILES[slug]
    crawled_at = datetime.fromisoformat(spec["crawled_at"])
    assert profile.layout_for(crawled_at.date()).version == version, "the crawl date picks this layout"
    html = (SITES / slug / spec["html"]).read_bytes()
    # A site's profile is chosen by its domain; a family's by its markup, so give it none.
    article = extract(html, spec["url"], profile if profile.domains else None, crawled_at=crawled_at)
    if not profile.domains:
        assert family_for(html) is profile
    want = spec["expected"]
    got = {key: getattr(article, key) for key in want if key != "paragraphs"}
    got["published"] = article.published.isoformat() if article.published else None
    got["modified"] = article.modified.isoformat() if article.modified else None
    text_fields = ("title", "author", "byline_org", "section")
    assert got == {k: normalise(v) if k in text_fields and v else v for k, v in want.items() if k != "paragraphs"}
    assert article.text.split("\n\n") == [normalise(p) for p in want["paragraphs"]]
    assert article.is_article and article.kind in ARTICLE_KINDS
    assert not [phrase for phrase in spec["boilerplate"] if normalise(phrase) in article.text], "boilerplate leaked"


def test_families_are_detected_in_order():
    """A tagDiv site that also runs Yoast is read as tagDiv: the theme knows its markup best."""
    assert [f.name for f in FAMILIES][:3] == ["wordpress-tagdiv", "wordpress-jnews", "wordpress-yoast"]
    assert family_for(b'<div class="td-post-content"><script class="yoast-schema-graph">').name == "wordpress-tagdiv"
    assert family_for(b"<html><body><p>no markers</p></body></html>") is None


def test_scrapy_list_names_every_profile():
    import subprocess
    import sys

    listed = subprocess.run([sys.executable, "-m", "scrapy", "list"], capture_output=True, text=True,
                            cwd=SITES.parent.parent, timeout=120)
    assert listed.returncode == 0, listed.stderr
    assert set(listed.stdout.split()) == set(PROFILES)


def test_docs_name_every_profile_and_its_sections():
    docs = (SITES.parent.parent / "docs" / "sites.md").read_text(encoding="utf-8")
    for profile in PROFILES.values():
        if profile.name != "generic":
            assert f"`{profile.name}`" in docs, profile.name
        if profile.sections:
            assert f"- `{profile.name}`: {', '.join(profile.sections)}\n" in docs, profile.name

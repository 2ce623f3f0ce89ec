"""newsbot.urls: one canonical address per article, readable Devanagari for people."""

from datetime import date

import pytest

from newsbot.urls import (
    canonical_url,
    day_in_url,
    display_url,
    is_listing_url,
    is_site_page,
    month_in_url,
    same_site,
    site_of,
)

SLUG = "गाँव-की-सड़क"
UPPER = "%E0%A4%97%E0%A4%BE%E0%A4%81%E0%A4%B5-%E0%A4%95%E0%A5%80-%E0%A4%B8%E0%A4%A1%E0%A4%BC%E0%A4%95"


@pytest.mark.parametrize(
    "url, expected",
    [
        # tracking parameters and fragments go, other parameters stay in order
        ("https://x.in/a-1.html?utm_source=tw&utm_medium=s&id=4#top", "https://x.in/a-1.html?id=4"),
        ("https://x.in/a-1.html?fbclid=AB&gclid=C&ref=home&src=rcmd", "https://x.in/a-1.html"),
        ("https://x.in/a?b=2&a=1", "https://x.in/a?b=2&a=1"),
        # scheme and host lower case, default port dropped, empty path is /
        ("HTTPS://WWW.X.IN:443", "https://www.x.in/"),
        ("http://127.0.0.1:8702/a/", "http://127.0.0.1:8702/a/"),
        # AMP copies: /amp/ and /amphtml/ segments, trailing /amp, amp_ pages, .amp suffixes, parameters, cache
        ("https://x.in/amp/rajya/news/a-7.html", "https://x.in/rajya/news/a-7.html"),
        ("https://hindi.x.com/amphtml/news/india/a-5.html", "https://hindi.x.com/news/india/a-5.html"),
        ("https://x.in/hindi/india/a/762471/amp", "https://x.in/hindi/india/a/762471"),
        ("https://x.in/2026/11/20/a/amp/", "https://x.in/2026/11/20/a/"),
        ("https://nbt.x.com/india/a/amp_articleshow/123.cms", "https://nbt.x.com/india/a/articleshow/123.cms"),
        ("https://x.in/story-1.amp.html", "https://x.in/story-1.html"),
        ("https://x.in/a/?amp=1", "https://x.in/a/"),
        ("https://www-x-in.cdn.ampproject.org/c/s/www.x.in/amp/a-1.html", "https://www.x.in/a-1.html"),
        # a slug that only contains "amp" is not AMP
        ("https://x.in/champion-camp-1.html", "https://x.in/champion-camp-1.html"),
        # one percent-encoding: upper-case hex (WordPress prints lower), raw Devanagari encoded,
        # unreserved characters decoded, reserved escapes kept
        (f"https://x.in/{UPPER.lower()}/", f"https://x.in/{UPPER}/"),
        (f"https://x.in/{SLUG}/", f"https://x.in/{UPPER}/"),
        ("https://x.in/%7Euser/%41b%2Fc", "https://x.in/~user/Ab%2Fc"),
        # a Wayback capture names the original
        ("https://web.archive.org/web/20220721143833/https://x.in/a-1.html", "https://x.in/a-1.html"),
    ],
)
def test_canonical_url(url, expected):
    assert canonical_url(url) == expected
    assert canonical_url(expected) == expected  # idempotent


def test_relative_urls_and_keeping_amp_for_fetching():
    assert canonical_url("../b/?utm_campaign=x", base="https://x.in/a/c/") == "https://x.in/a/b/"
    assert canonical_url("https://x.in/amp/a-1.html?amp=1&utm_source=x", strip_amp=False) == \
        "https://x.in/amp/a-1.html?amp=1"


def test_display_url_shows_devanagari_but_keeps_ascii_escapes():
    assert display_url(f"https://x.in/{UPPER}/") == f"https://x.in/{SLUG}/"
    assert display_url("https://x.in/a%20b%2Fc/%E0%A4%97") == "https://x.in/a%20b%2Fc/ग"
    assert display_url("https://x.in/%E0%A4") == "https://x.in/%E0%A4"  # a cut sequence stays escaped
    assert canonical_url(display_url(f"https://x.in/{UPPER}/")) == f"https://x.in/{UPPER}/"


def test_page_shapes_and_dates_in_addresses():
    assert is_listing_url("https://x.in/") and is_listing_url("https://x.in/category/rajneeti/page/2/")
    assert is_listing_url("https://x.in/?s=गाँव") and not is_listing_url("https://x.in/2026/11/20/a/")
    assert is_site_page("https://x.in/about-us/") and not is_site_page("https://x.in/about-sanjay/")
    assert day_in_url("https://x.in/2026/11/20/a/") == date(2026, 11, 20)
    assert day_in_url("https://www.amarujala.com/x/y-2025-09-23") == date(2025, 9, 23)
    assert day_in_url("https://x.in/sitemap-2024-09.xml") is None
    assert month_in_url("https://x.in/sitemap-2024-09.xml") == (2024, 9)
    assert day_in_url("https://x.in/news/a-133585351.html") is None


def test_site_is_the_registered_domain_or_the_host_and_port():
    assert site_of("https://www.bhaskar.com/a") == site_of("https://m.bhaskar.com/b") == "bhaskar.com"
    assert site_of("https://news.gaon.co.in/x") == "gaon.co.in"  # a two-label public suffix
    assert site_of("http://127.0.0.1:8701/a") == "127.0.0.1:8701"  # no registered domain: host and port
    assert same_site("https://www.bhaskar.com/a", "https://bhaskar.com/b")
    assert not same_site("https://gaon.co.in/a", "https://shahar.co.in/b")
    assert not same_site("http://127.0.0.1:1/a", "http://127.0.0.1:2/a")
    assert same_site("https://gaon.co.in/a", "https://gaon-cdn.example/b", hosts=("gaon-cdn.example",))

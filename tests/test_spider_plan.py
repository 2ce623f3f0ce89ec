"""CrawlPlan: which sources a crawl uses under --via / --section, and what --since cuts."""

from datetime import date, datetime

import pytest

from newsbot.discovery import Link
from newsbot.items import IST
from newsbot.sites.demo import GRAMIN, KHABAR
from newsbot.sites.generic import GENERIC
from newsbot.spiders.plan import CrawlPlan, parse_since


def test_default_plan_uses_the_profiles_sources_and_robots():
    plan = CrawlPlan.make(KHABAR)
    assert plan.via == {"sitemap", "feed", "listing"}
    assert plan.robots and plan.start_pages
    assert plan.sources == KHABAR.sources


def test_a_site_without_sources_is_crawled_every_way():
    plan = CrawlPlan.make(GENERIC)
    assert plan.via == {"sitemap", "feed", "listing", "links"} and plan.sources == ()


@pytest.mark.parametrize("via, kinds, robots", [
    ("sitemap", {"sitemap"}, True), ("feed", {"feed"}, False), ("listing", {"listing"}, False),
    (["feed", "listing"], {"feed", "listing"}, False),
])
def test_via_picks_one_kind_of_source(via, kinds, robots):
    plan = CrawlPlan.make(GRAMIN, via=via)
    assert {s.kind for s in plan.sources} == kinds and plan.robots == robots


def test_sections_replace_the_site_wide_sources():
    plan = CrawlPlan.make(KHABAR, sections="politics,state")
    assert [s.url for s in plan.sources] == ["/politics/", "/rss/politics.xml", "/state/", "/rss/state.xml"]
    assert not plan.robots and not plan.start_pages
    assert [s.url for s in CrawlPlan.make(KHABAR, via="feed", sections=["politics"]).sources] == ["/rss/politics.xml"]


@pytest.mark.parametrize("kwargs, message", [
    ({"via": "email"}, "unknown --via 'email'"),
    ({"sections": "cricket"}, "has no section 'cricket' (its sections: politics, state"),
    ({"since": "26/11/2026"}, "--since: not a date"),
])
def test_bad_choices_name_the_valid_ones(kwargs, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(")):
        CrawlPlan.make(KHABAR, **kwargs)


def test_since_is_ist_midnight_or_the_given_moment():
    assert parse_since("2026-11-10") == datetime(2026, 11, 10, tzinfo=IST)
    assert parse_since(date(2026, 11, 10)) == datetime(2026, 11, 10, tzinfo=IST)
    assert parse_since("2026-11-10T12:00:00+00:00").utcoffset().total_seconds() == 0
    assert parse_since("") is None


def test_too_old_entries_and_sitemaps():
    plan = CrawlPlan.make(GRAMIN, since="2026-11-10")
    assert plan.too_old(Link("https://x.in/a/", datetime(2026, 11, 9, 23, 59, tzinfo=IST)))
    assert not plan.too_old(Link("https://x.in/a/", datetime(2026, 11, 10, tzinfo=IST)))
    assert not plan.too_old(Link("https://x.in/a/"))  # undated: cannot tell, so kept
    assert plan.too_old(Link("https://x.in/sitemap-2026-10.xml", follow="sitemap"))
    assert not plan.too_old(Link("https://x.in/sitemap-2026-11.xml", follow="sitemap"))
    assert not CrawlPlan.make(GRAMIN).too_old(Link("https://x.in/a/", datetime(1999, 1, 1, tzinfo=IST)))


def test_listings_page_on_until_their_last_dated_article_is_older():
    plan = CrawlPlan.make(GRAMIN, since="2026-11-10")
    new, old = datetime(2026, 11, 20, tzinfo=IST), datetime(2026, 11, 1, tzinfo=IST)
    assert plan.pages_on([Link("a", old), Link("b", new), Link("c"), Link("next", follow="listing")])  # pinned old story first
    assert not plan.pages_on([Link("a", new), Link("b", old), Link("c")])
    assert plan.pages_on([Link("a"), Link("b")])  # nothing dated: keep going


def test_spider_arguments_override_settings():
    """`newsbot crawl` passes --via/--section/--since as NEWSBOT_* settings; `scrapy crawl -a` wins over them."""
    from scrapy.utils.test import get_crawler

    from newsbot.spiders import spider_class

    cls = spider_class("khabar")
    from_settings = cls.from_crawler(get_crawler(cls, {"NEWSBOT_VIA": "feed", "NEWSBOT_SINCE": "2026-11-01"}))
    assert from_settings.plan.via == {"feed"} and from_settings.plan.since == datetime(2026, 11, 1, tzinfo=IST)
    argued = cls.from_crawler(get_crawler(cls, {"NEWSBOT_VIA": "feed"}), via="listing", section="politics")
    assert argued.plan.via == {"listing"} and [s.url for s in argued.plan.sources] == ["/politics/"]

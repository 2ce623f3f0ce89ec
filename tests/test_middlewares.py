"""Downloader middlewares, built from settings as a crawl builds them (no network)."""

from __future__ import annotations

import logging

import pytest
from scrapy import Request
from scrapy.utils.test import get_crawler

from newsbot import settings as project_settings
from newsbot.middlewares import ContactUserAgentMiddleware, is_loopback
from newsbot.spiders import spider_class


def user_agent_middleware(**settings) -> ContactUserAgentMiddleware:
    crawler = get_crawler(spider_class("gramin"), {"USER_AGENT": project_settings.USER_AGENT, **settings})
    return ContactUserAgentMiddleware.from_crawler(crawler)


def sent_user_agent(middleware, url: str) -> str:
    request = Request(url)
    middleware.process_request(request)
    return request.headers[b"User-Agent"].decode()


@pytest.fixture(autouse=True)
def no_contact_in_environment(monkeypatch):
    monkeypatch.delenv("NEWSBOT_CONTACT", raising=False)


def test_the_default_contact_warns_once_for_a_real_site_and_never_for_this_machine(caplog):
    middleware = user_agent_middleware()
    with caplog.at_level(logging.WARNING, logger="newsbot.middlewares"):
        for url in ("http://127.0.0.1:8701/", "http://localhost/feed/", "http://[::1]:80/"):
            assert sent_user_agent(middleware, url) == project_settings.USER_AGENT
        assert caplog.records == []
        for url in ("https://www.example-samachar.in/", "https://www.example-samachar.in/rajya/",
                    "https://other.example.in/"):
            sent_user_agent(middleware, url)
    [warning] = caplog.records
    assert "www.example-samachar.in" in warning.getMessage() and "NEWSBOT_CONTACT" in warning.getMessage()


@pytest.mark.parametrize("source", ["setting", "environment"])
def test_the_operators_contact_goes_into_the_user_agent_and_silences_the_warning(source, monkeypatch, caplog):
    contact = "mailto:shodh@example-vishwavidyalaya.in"
    if source == "environment":
        monkeypatch.setenv("NEWSBOT_CONTACT", contact)
        middleware = user_agent_middleware()
    else:
        middleware = user_agent_middleware(NEWSBOT_CONTACT=contact)
    with caplog.at_level(logging.WARNING, logger="newsbot.middlewares"):
        sent = sent_user_agent(middleware, "https://www.example-samachar.in/")
    assert sent == f"newsbot/0.1 (+{contact}; Hindi news research archive)"
    assert caplog.records == []


def test_a_user_agent_of_ones_own_is_left_alone():
    middleware = user_agent_middleware(USER_AGENT="shodh-bot/2 (+https://example.in/bot)", NEWSBOT_CONTACT="x")
    assert sent_user_agent(middleware, "https://www.example-samachar.in/") == "shodh-bot/2 (+https://example.in/bot)"


def test_loopback_hosts():
    assert is_loopback("http://127.0.0.2:9/") and is_loopback("http://LOCALHOST:80/")
    assert not is_loopback("http://10.0.0.1/") and not is_loopback("https://127.0.0.1.example.in/")



def test_the_project_settings_install_newsbots_middlewares_in_place_of_scrapys(tmp_path):
    from scrapy.exceptions import NotConfigured
    from scrapy.settings import Settings
    from scrapy.utils.conf import build_component_list

    from newsbot.middlewares import WarcCaptureMiddleware

    settings = Settings()
    settings.setmodule(project_settings, priority="project")
    installed = build_component_list(settings.getwithbase("DOWNLOADER_MIDDLEWARES"))
    assert "newsbot.middlewares.ContactUserAgentMiddleware" in installed
    assert "scrapy.downloadermiddlewares.useragent.UserAgentMiddleware" not in installed  # it would go first
    # Last in the list: its process_response is the first to see what came over the wire.
    assert installed[-1] == "newsbot.middlewares.WarcCaptureMiddleware"
    off = get_crawler(spider_class("gramin"), {"NEWSBOT_WARC_ENABLED": False, "NEWSBOT_DATA_DIR": str(tmp_path)})
    with pytest.raises(NotConfigured):
        WarcCaptureMiddleware.from_crawler(off)

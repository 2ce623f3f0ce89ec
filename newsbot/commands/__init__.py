"""Scrapy commands newsbot overrides (COMMANDS_MODULE): `scrapy crawl` checks its -a arguments."""

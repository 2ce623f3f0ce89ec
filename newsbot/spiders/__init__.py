"""One spider per configured site profile, so `scrapy list` and `scrapy crawl SITE` work.

The classes are made from the profile registry: a profile is data, the spider code is shared.
"""

from newsbot.sites.registry import PROFILES
from newsbot.spiders.news import NewsSpider


def spider_class(profile_name: str) -> type[NewsSpider]:
    """The spider class for the profile called `profile_name`."""
    return SPIDERS[profile_name]


SPIDERS: dict[str, type[NewsSpider]] = {NewsSpider.name: NewsSpider}
SPIDERS.update({
    profile.name: type(f"{profile.name.title().replace('-', '')}Spider", (NewsSpider,),
                       {"name": profile.name, "profile": profile, "__module__": __name__})
    for profile in PROFILES.values() if profile.name != NewsSpider.name
})
globals().update({cls.__name__: cls for cls in SPIDERS.values()})

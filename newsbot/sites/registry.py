"""All configured site profiles, by name; and the profile a URL belongs to."""

from __future__ import annotations

from newsbot.sites.aajtak import AAJTAK
from newsbot.sites.amarujala import AMARUJALA
from newsbot.sites.base import SiteProfile
from newsbot.sites.bhaskar import BHASKAR
from newsbot.sites.blogger import BLOGGER
from newsbot.sites.demo import DEMO_PROFILES
from newsbot.sites.generic import GENERIC
from newsbot.sites.jagran import JAGRAN
from newsbot.sites.livehindustan import LIVEHINDUSTAN
from newsbot.sites.navbharattimes import NAVBHARATTIMES
from newsbot.sites.oneindia import ONEINDIA
from newsbot.sites.patrika import PATRIKA
from newsbot.sites.tv9bharatvarsh import TV9BHARATVARSH
from newsbot.sites.wordpress import WORDPRESS_FAMILIES
from newsbot.sites.zeenews import ZEENEWS

PUBLISHERS = (BHASKAR, AMARUJALA, JAGRAN, LIVEHINDUSTAN, NAVBHARATTIMES, PATRIKA, AAJTAK, ZEENEWS, TV9BHARATVARSH,
              ONEINDIA)
# Families have no domains: extraction picks one by its `detect` markers, first match first,
# so a theme's own profile comes before the plugin markup it shares with others.
FAMILIES: tuple[SiteProfile, ...] = (*WORDPRESS_FAMILIES, BLOGGER)
PROFILES: dict[str, SiteProfile] = {p.name: p for p in (GENERIC, *DEMO_PROFILES, *PUBLISHERS, *FAMILIES)}


def configured_sites() -> tuple[str, ...]:
    """The sites `newsbot crawl --all` crawls: every profile with start URLs of its own (the
    publishers and the demo sites; not the generic profile or the WordPress/Blogger families,
    which need a --url)."""
    return tuple(name for name, profile in PROFILES.items() if profile.start_urls)


def get_profile(name: str) -> SiteProfile:
    """The profile called `name`; KeyError with the known names when there is none."""
    try:
        return PROFILES[name]
    except KeyError:
        known = ", ".join(sorted(PROFILES))
        raise KeyError(f"no site profile {name!r} (known: {known})") from None


def family_for(html: bytes) -> SiteProfile | None:
    """The WordPress theme or Blogger profile whose markers the page source (UTF-8) carries, if any."""
    return next((family for family in FAMILIES if family.marks(html)), None)


def profile_for_url(url: str) -> SiteProfile:
    """The profile whose domains hold `url`, else the generic one."""
    for profile in PROFILES.values():
        if profile.domains and profile.matches_host(url):
            return profile
    return GENERIC

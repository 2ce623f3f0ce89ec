"""All configured site profiles, by name; and the profile a URL belongs to."""

from __future__ import annotations

from newsbot.sites.base import SiteProfile
from newsbot.sites.demo import DEMO_PROFILES
from newsbot.sites.generic import GENERIC

PROFILES: dict[str, SiteProfile] = {p.name: p for p in (GENERIC, *DEMO_PROFILES)}


def get_profile(name: str) -> SiteProfile:
    """The profile called `name`; KeyError with the known names when there is none."""
    try:
        return PROFILES[name]
    except KeyError:
        known = ", ".join(sorted(PROFILES))
        raise KeyError(f"no site profile {name!r} (known: {known})") from None


def profile_for_url(url: str) -> SiteProfile:
    """The profile whose domains hold `url`, else the generic one."""
    for profile in PROFILES.values():
        if profile.domains and profile.matches_host(url):
            return profile
    return GENERIC

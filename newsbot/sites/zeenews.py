"""Zee News Hindi (zeenews.india.com/hindi/): state pages such as /hindi/india/up-uttarakhand.

Two layouts. V1 is the Drupal site, checked against a real page (fixtures/real, 2020-10):
"Written By:" and "Updated:" blocks beside the headline, the body in Drupal's body field, a
"LIVE टीवी" line after it. V2 is the Next.js site that replaced it (article_content__hash
classes); the switch date below is approximate: before it, V1's selectors apply, and either
way JSON-LD and meta are read first.
"""

from datetime import date

from newsbot.sites.base import Layout, SiteProfile, feed, listing, sitemap

V1 = Layout(
    version="V1",
    valid_until=date(2022, 12, 31),
    title="h1.article-heading",
    body=".field-name-body .field-item",
    author=".write-block .vm",
    drop=(".special-head", ".article-tag-link", ".next-story-content", ".comment-box"),
    drop_lines=(r"^LIVE\s+(टीवी|TV)$",),
)
V2 = V1.but(
    version="V2",
    valid_until=date.max,
    title="h1",
    body='div[class*="article_content"]',
    author='[class*="author_name"] a, [class*="writtenBy"] a',
    drop=('[class*="alsoRead"]', '[class*="trendingNews"]', '[class*="tagList"]'),
)

STATES = {"up-uttarakhand": "/hindi/india/up-uttarakhand", "bihar-jharkhand": "/hindi/india/bihar-jharkhand",
          "madhya-pradesh-chhattisgarh": "/hindi/india/madhya-pradesh-chhattisgarh",
          "rajasthan": "/hindi/india/rajasthan", "delhi-ncr-haryana": "/hindi/india/delhi-ncr-haryana"}

ZEENEWS = SiteProfile(
    name="zeenews",
    title="ज़ी न्यूज़ हिंदी (Zee News Hindi)",
    domains=("zeenews.india.com",),
    start_urls=("https://zeenews.india.com/hindi",),
    # /hindi/india/india-covid-19-tally-crosses-69-lakh-mark.../762471
    article_url_pattern=r"/hindi/.+/\d{6,}$",
    follow_deny_pattern=r"(/amp$|/amp/|/photos/|/video/|/web-stories/|^https?://zeenews\.india\.com/(?!hindi))",
    layouts=(V1, V2),
    publisher_names=("ज़ी न्यूज़", "Zee News", "Zee News Hindi", "ज़ी न्यूज़ डेस्क", "Zee News Desk", "ज़ी मीडिया ब्यूरो"),
    sources=(sitemap("https://zeenews.india.com/hindi/sitemap.xml"), feed("/hindi/rss/india-national-news.xml")),
    sections={name: (listing(path),) for name, path in STATES.items()},
)

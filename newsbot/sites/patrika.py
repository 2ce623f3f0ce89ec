"""Patrika (patrika.com): Rajasthan Patrika, strong in Rajasthan, MP and Chhattisgarh.

Its robots.txt disallows the RSS path (DESIGN), so the profile names no feed: discovery is the
Google-News sitemap and city listing pages. Not checked against a real page here; the layout
follows the Next.js story page (CSS-module classes such as story_story_section__hash, hence
the [class*=] selectors) and is pinned by the fixture in tests/sites/patrika.
"""

from newsbot.sites.base import Layout, SiteProfile, listing, sitemap

CITIES = {"jaipur": "/jaipur-news", "rajasthan": "/rajasthan-news", "bhopal": "/bhopal-news",
          "madhya-pradesh": "/madhya-pradesh-news", "raipur": "/raipur-news", "jodhpur": "/jodhpur-news",
          "indore": "/indore-news", "politics": "/political-news"}

PATRIKA = SiteProfile(
    name="patrika",
    title="पत्रिका (Rajasthan Patrika)",
    domains=("www.patrika.com", "patrika.com"),
    start_urls=("https://www.patrika.com/",),
    # /jaipur-news/some-slug-19123456
    article_url_pattern=r"patrika\.com/[a-z0-9-]+-news/[a-z0-9-]+-\d{5,}/?$",
    follow_deny_pattern=r"(/amp/|/videos?/|/photo-gallery/|/rss/|/horoscope|/web-stories/)",
    layouts=(Layout(
        body='div[class*="story_story_section"], div[class*="storyContent"]',
        author='[class*="story_author"] a, [class*="authorName"]',
        drop=('[class*="alsoRead"]', '[class*="relatedStory"]', '[class*="tagsSection"]'),
    ),),
    publisher_names=("पत्रिका", "Patrika", "राजस्थान पत्रिका", "Rajasthan Patrika", "Patrika Desk", "पत्रिका डेस्क"),
    sources=(sitemap("https://www.patrika.com/google-news-sitemap-v1.xml"), sitemap("https://www.patrika.com/sitemap.xml")),
    sections={name: (listing(path, next_page="?page={n}"),) for name, path in CITIES.items()},
)

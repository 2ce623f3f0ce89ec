"""Live Hindustan (livehindustan.com): the Hindustan daily, strong in UP, Bihar and Jharkhand,
with district pages and a feed per state.

Not checked against a real page here (none in fixtures/real): the layout follows the site's
markup as known from public pages (2024–25) and is pinned by the fixture in
tests/sites/livehindustan. Local stories carry a desk byline ("हिन्दुस्तान टीम, गोरखपुर"
or "Newswrap हिन्दुस्तान, ...") and often no person at all.
"""

from newsbot.sites.base import Layout, SiteProfile, feed, listing, sitemap

STATES = {"uttar-pradesh": "/uttar-pradesh", "bihar": "/bihar", "jharkhand": "/jharkhand",
          "uttarakhand": "/uttarakhand", "national": "/national"}

LIVEHINDUSTAN = SiteProfile(
    name="livehindustan",
    title="लाइव हिन्दुस्तान (Live Hindustan)",
    domains=("www.livehindustan.com", "livehindustan.com"),
    start_urls=("https://www.livehindustan.com/",),
    # /uttar-pradesh/gorakhpur/story-...-201732562418976.html
    article_url_pattern=r"/story-[^/]+-\d{9,}\.html$",
    follow_deny_pattern=r"(/amp/|/videos?/|/photos?/|/web-stories/|/astrology/)",
    layouts=(Layout(
        body="div.stry-dtl-cntnt, div#storyMainDiv, div.story-content",
        author=".author-name, .stry-dtl-auth a",
        drop=(".also-read", ".alsoRead", ".tag-container", ".share-story"),
        drop_lines=(r"^(हिन्दुस्तान|Hindustan) (हिंदी )?(न्यूज़|News) ऐप",),
    ),),
    publisher_names=("लाइव हिन्दुस्तान", "हिन्दुस्तान", "Live Hindustan", "Hindustan", "हिन्दुस्तान टीम",
                     "लाइव हिन्दुस्तान टीम", "Newswrap हिन्दुस्तान"),
    sources=(sitemap("https://www.livehindustan.com/news-sitemap.xml"),
             *(feed(f"/rss/{name}") for name in STATES)),
    sections={name: (listing(path), feed(f"/rss/{name}")) for name, path in STATES.items()},
)

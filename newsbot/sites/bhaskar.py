"""Dainik Bhaskar (bhaskar.com): the largest Hindi daily; city pages under /local/<state>/<city>/.

Checked against two real pages (fixtures/real, 2024-09). The page is a Next.js app whose class
names are hashes that change with every build, so the layout names none: JSON-LD gives title,
dates and section, the story is the page's one <article>, and the app promos that interrupt it
are dropped by their text. JSON-LD names the paper itself as author ("दैनिक भास्कर"):
byline_org, never a person.
"""

from newsbot.sites.base import Layout, SiteProfile, listing, sitemap

CITY_SECTIONS = {
    "uttar-pradesh": "/local/uttar-pradesh/", "madhya-pradesh": "/local/madhya-pradesh/",
    "rajasthan": "/local/rajasthan/", "bihar": "/local/bihar/", "haryana": "/local/haryana/",
    "chhattisgarh": "/local/chhattisgarh/", "jharkhand": "/local/jharkhand/", "national": "/national/",
}

BHASKAR = SiteProfile(
    name="bhaskar",
    title="दैनिक भास्कर (Dainik Bhaskar)",
    domains=("www.bhaskar.com", "bhaskar.com"),
    start_urls=("https://www.bhaskar.com/",),
    # /local/bihar/samastipur/news/samastipur-police-caught-2-miscreants-133589711.html
    article_url_pattern=r"/news/[^/]+-\d{6,}\.html$",
    follow_deny_pattern=r"(/amp/|/videos?/|/photos?/|/rashifal/|/login|[?&]ref=)",
    layouts=(Layout(
        body="article",
        drop_lines=(r"पढ़िए पूरा|पढ़ें पूरी खबर|QR स्कैन|^ऐप खोलें$|लॉगिन करें|^कॉपी लिंक$|^अधूरा नहीं",),
    ),),
    publisher_names=("दैनिक भास्कर", "Dainik Bhaskar", "भास्कर न्यूज"),
    # A Google-News sitemap index (DESIGN: the site's own discovery source); city pages list
    # the latest stories and load more by script, so they have no next page to follow.
    sources=(sitemap("https://www.bhaskar.com/sitemaps-v1--sitemap-google-news-index.xml"),
             *(listing(path) for path in CITY_SECTIONS.values())),
    sections={name: (listing(path),) for name, path in CITY_SECTIONS.items()},
)

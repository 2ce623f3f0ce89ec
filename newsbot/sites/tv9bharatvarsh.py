"""TV9 Bharatvarsh (tv9hindi.com): a news channel's site on WordPress, with a feed per category.

Checked against a real video story page (fixtures/real, 2025-09): under a JW Player block and
"More Videos" cards the page has a short description and one paragraph; "Related Video",
"Special For You" and "Latest Videos" teasers follow. The byline is the channel itself.
"""

from newsbot.sites.base import Layout, SiteProfile, feed, listing, sitemap

STATES = {"uttar-pradesh": "/state/uttar-pradesh", "bihar": "/state/bihar", "madhya-pradesh": "/state/madhya-pradesh",
          "rajasthan": "/state/rajasthan", "india": "/india", "elections": "/elections"}

TV9BHARATVARSH = SiteProfile(
    name="tv9bharatvarsh",
    title="टीवी9 भारतवर्ष (TV9 Bharatvarsh)",
    domains=("www.tv9hindi.com", "tv9hindi.com"),
    start_urls=("https://www.tv9hindi.com/",),
    # /state/uttar-pradesh/some-slug-3474112.html, /videos/some-slug-3474112.html
    article_url_pattern=r"-\d{6,}\.html$",
    follow_deny_pattern=r"(/amp$|/photo-gallery/|/web-stories/|/feed/?$|/gn$)",
    layouts=(Layout(
        title="h1.article-HD, h1",
        body="div.ArticleBodyCont, div.detailBody",
        author=".author-name a, .authorBox a",
        drop=(".jw-wrapper", ".jwplayer", ".relatedNews_Widget", ".tv9common-heading", ".sharebox", ".tagsBox",
              ".followUs"),
    ),),
    publisher_names=("TV9 Bharatvarsh", "TV9 Hindi", "टीवी9 भारतवर्ष", "TV9 भारतवर्ष"),
    sources=(sitemap("https://www.tv9hindi.com/sitemap.xml"), feed("/feed"),
             *(feed(f"{path}/feed") for path in STATES.values())),
    sections={name: (listing(f"{path}/", next_page="page/{n}/"), feed(f"{path}/feed")) for name, path in STATES.items()},
    kinds=(("video", r"/videos/"),),
)

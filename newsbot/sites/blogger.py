"""Blogger (blogspot.com) sites: many one-person local Hindi news blogs run on it.

A family like the WordPress themes: picked by markup. Every Blogger blog has the same
addresses: posts at /YYYY/MM/slug.html, the Atom feed at /feeds/posts/default, a sitemap,
and label pages at /search/label/NAME.
"""

from newsbot.sites.base import Layout, SiteProfile, feed, listing, sitemap

BLOGGER = SiteProfile(
    name="blogger",
    title="Blogger (blogspot) sites",
    article_url_pattern=r"/\d{4}/\d{2}/[^/]+\.html$",
    # Mobile copies (?m=1) and comment links repeat the post.
    follow_deny_pattern=r"([?&]m=1|[?&]showComment=|/feeds/\d+/comments/|#comment)",
    layouts=(Layout(
        title="h3.post-title, h1.post-title",
        body=".post-body",
        author=".post-author .fn, .post-author-name, .g-profile",
        published="abbr.published, time.published",  # machine-readable: title= and datetime=
        tags=".post-labels a",
        drop=(".post-share-buttons", ".post-footer", ".blog-pager", "#comments", ".related-posts", ".adsbygoogle"),
    ),),
    sources=(feed("/feeds/posts/default?max-results=150"), sitemap("/sitemap.xml"), listing("/")),
    detect=("content='blogger'", 'content="blogger"', "www.blogger.com/static/", "blogblog.com"),
)

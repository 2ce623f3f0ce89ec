"""WordPress news themes, the layouts most small Hindi local sites run on.

These are families, not sites: they have no domains, and extraction picks one for an unknown
site by its markup (`detect`), theme first (tagDiv Newspaper, JNews), then Yoast's JSON-LD
graph, then the plain theme layout ("by AUTHOR", "Related Articles", "Leave a Comment").
`newsbot crawl wordpress --url https://site.example/` crawls a site with their sources: the
feed, WordPress's own sitemap and Yoast's, and the home page paged as /page/N/.
"""

from newsbot.sites.base import Layout, SiteProfile, feed, listing, sitemap

SOURCES = (feed("/feed/"), sitemap("/wp-sitemap.xml"), sitemap("/sitemap_index.xml"),
           listing("/", next_page="page/{n}/"))
# Never articles: admin, login, comment and share links, feeds, AMP and attachment pages.
DENY = (r"(/wp-admin/|/wp-login|/wp-json/|/xmlrpc\.php|[?&]replytocom=|[?&]share=|/comment-page-|#respond|"
        r"/feed/?$|/amp/?$|/attachment/)")
# Boilerplate every theme prints: share bars, Jetpack related posts, tag lists, comments, ads.
COMMON_DROP = (".sharedaddy", ".jp-relatedposts", ".post-tags", ".tags-links", "#comments", ".comments-area",
               ".code-block", ".adsbygoogle")

TAGDIV = SiteProfile(
    name="wordpress-tagdiv",
    title="WordPress sites on tagDiv's Newspaper theme (td-post-content)",
    follow_deny_pattern=DENY,
    layouts=(Layout(
        title="h1.entry-title, h1.tdb-title-text",
        body=".td-post-content, .tdb_single_content .tdb-block-inner",
        author=".td-post-author-name a, .tdb-author-name",
        published=".td-post-date time, .tdb_single_date time",
        section=".td-category a, .tdb-category a",
        drop=(*COMMON_DROP, ".td-post-sharing", ".td_block_related_posts", ".td-post-source-tags", ".td-a-rec",
              ".td-post-next-prev", ".author-box-wrap"),
    ),),
    sources=SOURCES,
    detect=("td-post-content", "tdb_single_content", "td-theme-wrap"),
)

JNEWS = SiteProfile(
    name="wordpress-jnews",
    title="WordPress sites on the JNews theme (jeg_ classes)",
    follow_deny_pattern=DENY,
    layouts=(Layout(
        title="h1.jeg_post_title",
        body=".jeg_post_content .content-inner, .entry-content .content-inner",
        author=".jeg_meta_author a",
        published=".jeg_meta_date a, .jeg_meta_date",
        section=".jeg_meta_category a",
        tags=".jeg_post_tags a",
        drop=(*COMMON_DROP, ".jeg_share_button", ".jeg_share_top_container", ".jnews_related_post_container",
              ".jnews_inline_related_post", ".jeg_post_tags", ".jeg_ad", ".jnews_prev_next_container",
              ".jnews_author_box_container"),
    ),),
    sources=SOURCES,
    detect=("jeg_post_content", "jeg_main"),
)

YOAST = SiteProfile(
    name="wordpress-yoast",
    title="WordPress sites whose SEO plugin is Yoast (JSON-LD @graph with @id references)",
    follow_deny_pattern=DENY,
    # The graph gives title, author, dates, section, tags and image; only the body needs markup.
    layouts=(Layout(body=".entry-content, .post-content", drop=COMMON_DROP),),
    sources=SOURCES,
    detect=("yoast-schema-graph",),
)

PLAIN = SiteProfile(
    name="wordpress",
    title='WordPress sites on plain themes ("by AUTHOR", Related Articles, Leave a Comment)',
    follow_deny_pattern=DENY,
    layouts=(Layout(
        title="h1.entry-title",
        body=".entry-content, .post-content, .single-content",
        author=".byline .author a, .author.vcard a, .entry-meta a[rel=author], .post-author a",
        drop=(*COMMON_DROP, ".related-posts", ".crp_related", ".yarpp-related", ".post-navigation", ".author-bio",
              ".share-buttons", ".entry-footer"),
        drop_lines=(r"^(Related Articles|Related Posts|Leave a Comment|Leave a Reply)$",),
    ),),
    sources=SOURCES,
    detect=('content="WordPress', "content='WordPress", "/wp-content/", "/wp-includes/", "https://api.w.org/"),
)

WORDPRESS_FAMILIES = (TAGDIV, JNEWS, YOAST, PLAIN)

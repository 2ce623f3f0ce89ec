"""The same WordPress site engine on a tagDiv "Newspaper"-like theme with Yoast SEO.

This is the layout newsbot has never seen: td-* classes instead of entry-*, undated /<slug>/
article URLs, the WordPress locale's month names ("नवम्बर 20, 2026"), a sub-title holding the
summary inside the post header, and Yoast's JSON-LD @graph (Article → Person by @id).
Only WordPressSite's theme hooks are overridden.
"""

from __future__ import annotations

import hashlib
from datetime import datetime

from newsbot.demo.render_common import HINDI_MONTHS_WP_LOCALE, Post, esc, json_ld, paragraphs_html, slugify
from newsbot.demo.render_wordpress import WordPressSite


class NewspaperSite(WordPressSite):
    # Undated article URLs share the /<slug>/ space with pages, so the fixed routes come first.
    ROUTES = tuple(r for r in WordPressSite.ROUTES if r[1] != "article") + ((r"/(?P<slug>[^/]+)/", "article"),)
    comment_title = "कोई जवाब दें"
    comment_button = "Post Comment"

    def article_path(self, post: Post) -> str:
        return f"/{post.slug}/"

    def routed_path(self, slug: str, date: dict[str, str]) -> str:
        return f"/{slug}/"

    def date_text(self, dt: datetime) -> str:
        return f"{HINDI_MONTHS_WP_LOCALE[dt.month - 1]} {dt.day}, {dt.year}"

    def article_head(self, post: Post) -> str:
        return self.og_meta(post) + "\n" + json_ld(self.yoast_graph(post))

    def article_main(self, post: Post) -> str:
        url = self.absolute(self.article_path(post))
        author_href = self.author_href(post.author)
        return "\n".join([
            f'<article id="post-{post.id}" class="post-{post.id} post type-post status-publish td-post-template-default">',
            '<div class="td-post-header"><ul class="td-category"><li class="entry-category">'
            f'<a href="{self.link(f"/category/{post.section_slug}/")}">{esc(post.section)}</a></li></ul>',
            f'<header class="td-post-title"><h1 class="entry-title">{esc(post.title)}</h1>',
            f'<p class="td-post-sub-title">{esc(post.summary)}</p>',
            '<div class="td-module-meta-info"><div class="td-post-author-name"><div class="td-author-by">By</div> '
            f'<a class="td-author-name" href="{author_href}">{esc(post.author)}</a><div class="td-author-line"> - '
            f'</div></div><span class="td-post-date"><time class="entry-date updated td-module-date" datetime="'
            f'{post.published.isoformat()}">{self.date_text(post.published)}</time></span>'
            f'<div class="td-post-views"><span class="td-nr-views-{post.id}">{post.id * 37 % 5000 + 120}</span></div>'
            "</div></header></div>",
            self.share_buttons(url, post.title, "td-post-sharing td-post-sharing-top"),
            '<div class="td-post-content tagdiv-type">', *paragraphs_html(post.paragraphs),
            '<div class="td-a-rec td-a-rec-id-content_bottom"></div></div>',
            '<footer><div class="td-post-source-tags"><ul class="td-tags td-post-small-box clearfix">'
            "<li><span>TAGS</span></li>" + "".join(
                f'<li><a href="{self.link(f"/tag/{slugify(t)}/")}">{esc(t)}</a></li>' for t in post.tags) + "</ul></div>",
            self.share_buttons(url, post.title, "td-post-sharing td-post-sharing-bottom"),
            f'<div class="td-author-name vcard author"><a href="{author_href}">{esc(post.author)}</a></div>',
            "</footer></article>",
            self.related_block(post, "td_block_wrap td_block_related_posts", "संबंधित लेख"),
            self.comment_form(post),
        ])

    def listing_item(self, post: Post) -> str:
        href = self.link(self.article_path(post))
        return (f'<div class="td_module_10 td_module_wrap td-animation-stack"><div class="item-details">'
                f'<h3 class="entry-title td-module-title"><a href="{href}" rel="bookmark" title="{esc(post.title)}">'
                f'{esc(post.title)}</a></h3><div class="td-module-meta-info"><span class="td-post-author-name">'
                f'<a href="{self.author_href(post.author)}">{esc(post.author)}</a> - </span><span class="td-post-date">'
                f'<time class="entry-date updated td-module-date" datetime="{post.published.isoformat()}">'
                f'{self.date_text(post.published)}</time></span></div><div class="td-excerpt">{esc(post.summary)}</div>'
                "</div></div>")

    def yoast_graph(self, post: Post) -> dict:
        base = self.base_url
        url = self.absolute(self.article_path(post))
        # Yoast keys a Person by a hash of the user; any stable hash does here.
        person_id = f"{base}/#/schema/person/{hashlib.md5(post.author.encode()).hexdigest()}"
        dates = {"datePublished": post.published.isoformat(), "dateModified": post.updated.isoformat()}
        return {"@context": "https://schema.org", "@graph": [
            {"@type": "Article", "@id": f"{url}#article", "isPartOf": {"@id": url},
             "author": {"name": post.author, "@id": person_id}, "headline": post.title, **dates,
             "mainEntityOfPage": {"@id": url}, "wordCount": sum(len(p.split()) for p in post.paragraphs),
             "publisher": {"@id": f"{base}/#organization"}, "keywords": list(post.tags),
             "articleSection": [post.section], "inLanguage": "hi-IN"},
            {"@type": "WebPage", "@id": url, "url": url, "name": f"{post.title} - {self.site.title}",
             "isPartOf": {"@id": f"{base}/#website"}, **dates, "description": post.summary,
             "breadcrumb": {"@id": f"{url}#breadcrumb"}, "inLanguage": "hi-IN"},
            {"@type": "BreadcrumbList", "@id": f"{url}#breadcrumb", "itemListElement": [
                {"@type": "ListItem", "position": 1, "name": "Home", "item": f"{base}/"},
                {"@type": "ListItem", "position": 2, "name": post.title}]},
            {"@type": "WebSite", "@id": f"{base}/#website", "url": f"{base}/", "name": self.site.title,
             "description": self.site.tagline, "publisher": {"@id": f"{base}/#organization"}, "inLanguage": "hi-IN"},
            {"@type": "Organization", "@id": f"{base}/#organization", "name": self.site.title, "url": f"{base}/"},
            {"@type": "Person", "@id": person_id, "name": post.author,
             "url": self.absolute(f"/author/{slugify(post.author)}/")},
        ]}

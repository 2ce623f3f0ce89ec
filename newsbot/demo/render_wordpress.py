"""A small local news site on a classic WordPress theme (kind "wordpress"), as many Hindi district sites are.

No JSON-LD, as on many small sites: readers must go by meta tags and the theme's markup.
Article URLs are /YYYY/MM/DD/<slug>/; listings paginate as /page/N/; Devanagari slugs are
percent-encoded in lower-case hex as WordPress prints them. The tagDiv variant in
render_newspaper.py overrides only the hook methods marked "theme hook".
"""

from __future__ import annotations

from datetime import datetime
from urllib.parse import quote

from newsbot.demo.render_common import (
    HINDI_MONTHS,
    Post,
    Response,
    SiteRenderer,
    document,
    esc,
    hindi_date,
    meta_tags,
    page_of,
    paragraphs_html,
    quote_path,
    redirect,
    slugify,
    xml_response,
)
from newsbot.demo.render_feeds import FeedItem, rss, urlset

LANG = "hi-IN"
STYLE = "<style>body{font-family:sans-serif;max-width:64em;margin:auto}#secondary{float:right;width:30%}</style>"


class WordPressSite(SiteRenderer):
    ROUTES = (
        (r"/(?:page/(?P<page>\d+)/)?", "home"),
        (r"/category/(?P<slug>[^/]+)/(?:page/(?P<page>\d+)/)?", "category"),
        (r"/tag/(?P<slug>[^/]+)/(?:page/(?P<page>\d+)/)?", "tag"),
        (r"/author/(?P<slug>[^/]+)/(?:page/(?P<page>\d+)/)?", "author"),
        (r"/feed/", "feed"),
        (r"/sitemap\.xml", "sitemap"),
        (r"/robots\.txt", "robots"),
        (r"/about/", "about"),
        (r"/contact/", "contact"),
        (r"/(?P<y>\d{4})/(?P<m>\d{2})/(?P<d>\d{2})/(?P<slug>[^/]+)/", "article"),
    )
    comment_title = "Leave a Comment"
    comment_button = "कमेंट करें"

    # --- theme hooks -------------------------------------------------------------------------
    def article_path(self, post: Post) -> str:
        return f"/{post.published:%Y/%m/%d}/{post.slug}/"

    def date_text(self, dt: datetime) -> str:
        return hindi_date(dt, HINDI_MONTHS)

    def article_head(self, post: Post) -> str:
        return self.og_meta(post)

    def article_main(self, post: Post) -> str:
        url = self.absolute(self.article_path(post))
        return "\n".join([
            f'<nav class="breadcrumb"><a href="/">होम</a> » <a href="{self.link(f"/category/{post.section_slug}/")}">'
            f"{esc(post.section)}</a> » <span>{esc(post.title)}</span></nav>",
            f'<article id="post-{post.id}" class="post-{post.id} post type-post status-publish hentry '
            f'category-{esc(post.section_slug)}">',
            f'<header class="entry-header"><h1 class="entry-title">{esc(post.title)}</h1>',
            f'<div class="entry-meta"><span class="byline"> by <span class="author vcard"><a class="url fn n" '
            f'href="{self.author_href(post.author)}">{esc(post.author)}</a></span></span> '
            f'<span class="posted-on">{self.time_tags(post)}</span></div></header>',
            '<div class="entry-content">', *paragraphs_html(post.paragraphs), "</div>",
            self.share_buttons(url, post.title, "sharedaddy sd-sharing-enabled"),
            f'<footer class="entry-footer"><span class="cat-links">श्रेणी: <a href="'
            f'{self.link(f"/category/{post.section_slug}/")}" rel="category tag">{esc(post.section)}</a></span> '
            f'<span class="tags-links">टैग: {self.tag_links(post)}</span></footer>',
            "</article>",
            self.related_block(post, "related-posts", "Related Articles"),
            self.comment_form(post),
        ])

    def listing_item(self, post: Post) -> str:
        href = self.link(self.article_path(post))
        return (f'<article class="post-{post.id} post type-post hentry"><header class="entry-header">'
                f'<h2 class="entry-title"><a href="{href}" rel="bookmark">{esc(post.title)}</a></h2>'
                f'<div class="entry-meta">{self.time_tags(post)} by {esc(post.author)}</div></header>'
                f'<div class="entry-summary"><p>{esc(post.summary)} […]</p></div>'
                f'<a class="more-link" href="{href}">और पढ़ें</a></article>')

    # --- shared markup -----------------------------------------------------------------------
    def link(self, path: str) -> str:
        return quote_path(path, lower_hex=True)

    def author_href(self, author: str) -> str:
        return self.link(f"/author/{slugify(author)}/")

    def tag_links(self, post: Post) -> str:
        return ", ".join(f'<a href="{self.link(f"/tag/{slugify(t)}/")}" rel="tag">{esc(t)}</a>' for t in post.tags)

    def time_tags(self, post: Post) -> str:
        return (f'<time class="entry-date published" datetime="{post.published.isoformat()}">'
                f'{self.date_text(post.published)}</time><time class="updated" datetime="'
                f'{post.updated.isoformat()}">{self.date_text(post.updated)}</time>')

    def og_meta(self, post: Post) -> str:
        url = self.absolute(self.article_path(post))
        return "\n".join([f'<link rel="canonical" href="{esc(url)}">',
                          f'<link rel="shortlink" href="{esc(self.base_url)}/?p={post.id}">',
                          meta_tags([
                              ("name", "description", post.summary), ("property", "og:locale", "hi_IN"),
                              ("property", "og:type", "article"), ("property", "og:title", post.title),
                              ("property", "og:description", post.summary), ("property", "og:url", url),
                              ("property", "og:site_name", self.site.title),
                              ("property", "article:section", post.section),
                              *[("property", "article:tag", t) for t in post.tags],
                              ("property", "article:published_time", post.published.isoformat()),
                              ("property", "article:modified_time", post.updated.isoformat()),
                          ])])

    def share_buttons(self, url: str, title: str, css_class: str) -> str:
        u, t = quote(url, safe=""), quote(f"{title} {url}", safe="")
        return (f'<div class="{css_class}"><h3 class="sd-title">शेयर करें:</h3><ul>'
                f'<li><a class="share-facebook" href="https://www.facebook.com/sharer/sharer.php?u={u}">Facebook</a></li>'
                f'<li><a class="share-whatsapp" href="https://api.whatsapp.com/send?text={t}">WhatsApp</a></li>'
                f'<li><a class="share-twitter" href="https://twitter.com/intent/tweet?url={u}">Twitter</a></li>'
                "</ul></div>")

    def related_block(self, post: Post, css_class: str, heading: str) -> str:
        items = "".join(f'<li><a href="{self.link(self.article_path(p))}">{esc(p.title)}</a> '
                        f"<span>{self.date_text(p.published)}</span></li>" for p in self.site.related(post))
        return f'<div class="{css_class}"><h3>{esc(heading)}</h3><ul>{items}</ul></div>'

    def comment_form(self, post: Post) -> str:
        return (f'<div id="comments" class="comments-area"><div id="respond" class="comment-respond">'
                f'<h3 id="reply-title" class="comment-reply-title">{esc(self.comment_title)}</h3>'
                '<form action="/wp-comments-post.php" method="post" id="commentform" class="comment-form">'
                '<p class="comment-notes">आपका ईमेल पता प्रकाशित नहीं किया जाएगा।</p>'
                '<p class="comment-form-comment"><label for="comment">टिप्पणी</label>'
                '<textarea id="comment" name="comment" cols="45" rows="8" required></textarea></p>'
                '<p><label for="author">नाम</label><input id="author" name="author" type="text"></p>'
                '<p><label for="email">ईमेल</label><input id="email" name="email" type="email"></p>'
                f'<input type="hidden" name="comment_post_ID" value="{post.id}">'
                f'<p class="form-submit"><input type="submit" class="submit" value="{esc(self.comment_button)}"></p>'
                "</form></div></div>")

    def header(self) -> str:
        menu = [("/", "होम"), *((f"/category/{s}/", n) for s, n in self.site.sections.items()),
                ("/about/", "हमारे बारे में"), ("/contact/", "संपर्क")]
        items = "".join(f'<li class="menu-item"><a href="{self.link(p)}">{esc(n)}</a></li>' for p, n in menu)
        return (f'<header id="masthead" class="site-header"><div class="site-branding">'
                f'<p class="site-title"><a href="/" rel="home">{esc(self.site.title)}</a></p>'
                f'<p class="site-description">{esc(self.site.tagline)}</p></div>'
                f'<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu">{items}</ul>'
                "</nav></header>")

    def sidebar(self) -> str:
        recent = "".join(f'<li><a href="{self.link(self.article_path(p))}">{esc(p.title)}</a></li>'
                         for p in self.site.posts[:5])
        cats = "".join(f'<li class="cat-item"><a href="{self.link(f"/category/{s}/")}">{esc(n)}</a> '
                       f"({len(self.site.in_section(s))})</li>" for s, n in self.site.sections.items())
        return (f'<aside id="secondary" class="widget-area"><section class="widget widget_recent_entries">'
                f'<h2 class="widget-title">हाल के पोस्ट</h2><ul>{recent}</ul></section>'
                f'<section class="widget widget_categories"><h2 class="widget-title">श्रेणियाँ</h2><ul>{cats}</ul>'
                "</section></aside>")

    def footer(self) -> str:
        year = self.site.last_updated.year if self.site.last_updated else 2026
        return (f'<footer id="colophon" class="site-footer"><div class="site-info">© {year} '
                f'{esc(self.site.title)} | <a href="/about/">हमारे बारे में</a> | <a href="/contact/">संपर्क</a> | '
                "Proudly powered by WordPress</div></footer>")

    def page(self, title: str, main: str, head: str = "", status: int = 200, body_class: str = "") -> Response:
        full_head = "\n".join([
            '<meta name="generator" content="WordPress 6.6.2">',
            f'<link rel="alternate" type="application/rss+xml" title="{esc(self.site.title)} &raquo; फ़ीड" '
            'href="/feed/">', STYLE, head])
        body = (f'<div id="page" class="site">{self.header()}<div id="content" class="site-content">'
                f'<main id="primary" class="site-main">{main}</main>{self.sidebar()}</div>{self.footer()}</div>')
        full_title = f"{title} – {self.site.title}" if title else f"{self.site.title} – {self.site.tagline}"
        return Response(status=status, body=document(LANG, full_title, full_head, body, body_class))

    def listing(self, heading: str, posts: list[Post], page: str | None, base: str, extra: str = "") -> Response | None:
        if page == "1":  # WordPress sends /page/1/ to the listing's first page
            return redirect(self.link(base))
        found = page_of(posts, int(page or 1))
        if found is None:
            return None
        shown, pages = found
        n = int(page or 1)
        nav = []
        if n < pages:
            nav.append(f'<div class="nav-previous"><a href="{self.link(f"{base}page/{n + 1}/")}">पुराने पोस्ट</a></div>')
        if n > 1:
            newer = base if n == 2 else f"{base}page/{n - 1}/"
            nav.append(f'<div class="nav-next"><a href="{self.link(newer)}">नए पोस्ट</a></div>')
        head = f'<link rel="canonical" href="{esc(self.absolute(base if n == 1 else f"{base}page/{n}/"))}">'
        if n < pages:
            head += f'\n<link rel="next" href="{esc(self.absolute(f"{base}page/{n + 1}/"))}">'
        title_html = f'<header class="page-header"><h1 class="page-title">{esc(heading)}</h1></header>' if heading else ""
        main = (title_html + "\n".join(self.listing_item(p) for p in shown) + extra +
                f'<nav class="navigation posts-navigation"><div class="nav-links">{"".join(nav)}</div></nav>')
        return self.page(heading, main, head, body_class="archive" if heading else "home blog")

    # --- routes ------------------------------------------------------------------------------
    def home(self, query: dict[str, str], page: str | None = None) -> Response | None:
        if "p" in query and query["p"].isdigit():  # the ?p=ID shortlink WordPress prints in <head>
            post = self.site.by_id.get(int(query["p"]))
            return redirect(self.link(self.article_path(post))) if post else None
        return self.listing("", self.site.posts, page, "/", self.fault_links_block() if not page else "")

    def fault_links_block(self) -> str:
        if not self.site.fault_links:
            return ""
        items = "".join(f'<li><a href="{esc(u)}">{esc(u)}</a></li>' for u in self.site.fault_links)
        return f'<section class="widget archive-links"><h2 class="widget-title">पुराना संग्रह</h2><ul>{items}</ul></section>'

    def category(self, query: dict[str, str], slug: str, page: str | None = None) -> Response | None:
        if slug not in self.site.sections:
            return None
        return self.listing(f"श्रेणी: {self.site.sections[slug]}", self.site.in_section(slug), page, f"/category/{slug}/")

    def tag(self, query: dict[str, str], slug: str, page: str | None = None) -> Response | None:
        if slug not in self.site.tags:
            return None
        return self.listing(f"टैग: {self.site.tags[slug]}", self.site.with_tag(slug), page, f"/tag/{slug}/")

    def author(self, query: dict[str, str], slug: str, page: str | None = None) -> Response | None:
        if slug not in self.site.authors:
            return None
        return self.listing(f"लेखक: {self.site.authors[slug]}", self.site.by_author(slug), page, f"/author/{slug}/")

    def article(self, query: dict[str, str], slug: str, **date: str) -> Response | None:
        post = self.site.by_slug.get(slug)
        if post is None or self.article_path(post) != self.routed_path(slug, date):
            return None
        response = self.page(post.title, self.article_main(post), self.article_head(post),
                             body_class=f"post-template-default single single-post postid-{post.id}")
        response.last_modified = post.updated
        return response

    def routed_path(self, slug: str, date: dict[str, str]) -> str:
        return f"/{date['y']}/{date['m']}/{date['d']}/{slug}/"

    def about(self, query: dict[str, str]) -> Response:
        text = [f"{self.site.title} {self.site.tagline}", "हम ज़िले और आसपास के गाँवों की ख़बरें आप तक पहुँचाते हैं। "
                "किसी ख़बर या सुझाव के लिए संपर्क पेज पर हमें लिखें।"]
        main = ('<article class="page type-page"><header class="entry-header"><h1 class="entry-title">हमारे बारे में'
                '</h1></header><div class="entry-content">' + "".join(paragraphs_html(text)) + "</div></article>")
        return self.page("हमारे बारे में", main, f'<link rel="canonical" href="{esc(self.absolute("/about/"))}">')

    def contact(self, query: dict[str, str]) -> Response:
        main = ('<article class="page type-page"><h1 class="entry-title">संपर्क करें</h1><div class="entry-content">'
                '<form class="wpcf7-form" action="/contact/" method="post"><p><label>आपका नाम <input name="your-name">'
                '</label></p><p><label>ईमेल <input type="email" name="your-email"></label></p><p><label>संदेश '
                '<textarea name="your-message"></textarea></label></p><p><input type="submit" value="भेजें"></p>'
                "</form></div></article>")
        return self.page("संपर्क", main, f'<link rel="canonical" href="{esc(self.absolute("/contact/"))}">')

    def not_found(self) -> Response:
        main = ('<section class="error-404 not-found"><header class="page-header"><h1 class="page-title">'
                "उफ़! यह पेज नहीं मिला।</h1></header><p>लगता है इस पते पर कुछ नहीं है। ऊपर मेन्यू से ख़बरें देखें।</p></section>")
        return self.page("पेज नहीं मिला", main, status=404, body_class="error404")

    def robots(self, query: dict[str, str]) -> Response:
        text = (f"User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n\n"
                f"Sitemap: {self.base_url}/sitemap.xml\n")
        return Response(body=text, content_type="text/plain; charset=utf-8")

    def feed(self, query: dict[str, str]) -> Response:
        items = [FeedItem(title=p.title, link=self.absolute(self.article_path(p)), guid=f"{self.base_url}/?p={p.id}",
                          published=p.published, author=p.author, categories=(p.section, *p.tags),
                          description=p.summary, content_html="\n".join(paragraphs_html(p.paragraphs)))
                 for p in self.site.posts]
        text = rss(self.site.title, self.base_url + "/", self.site.tagline, self.base_url + "/feed/", items)
        return xml_response(text, "application/rss+xml; charset=utf-8")

    def sitemap(self, query: dict[str, str]) -> Response:
        pages = [(self.base_url + "/", self.site.last_updated), (self.absolute("/about/"), None),
                 (self.absolute("/contact/"), None)]
        posts = [(self.absolute(self.article_path(p)), p.updated) for p in self.site.posts]
        faults = [(self.base_url + u, None) for u in self.site.fault_links]
        return xml_response(urlset(pages + posts + faults))

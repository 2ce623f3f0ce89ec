"""A large Hindi publisher's site (kind "publisher"): JSON-LD everywhere, news sitemaps, section feeds.

Article URLs are /<section_slug>/news/<slug>-<id>.html (the id decides; a wrong slug or section
301s to the canonical URL, as publishers do). The article body carries an in-body "ये भी पढ़ें"
teaser after paragraph 2 and an app promo before the last paragraph, which extractors must drop.
Section listings paginate with ?page=N. /search is disallowed in robots.txt and tags link there.
"""

from __future__ import annotations

from urllib.parse import quote

from newsbot.demo.render_common import (
    Post,
    Response,
    SiteRenderer,
    document,
    esc,
    hindi_datetime_ist,
    json_ld,
    meta_tags,
    page_of,
    paragraphs_html,
    redirect,
    xml_response,
)
from newsbot.demo.render_feeds import FeedItem, news_urlset, rss, sitemap_index, urlset

LANG = "hi"
STYLE = "<style>body{font-family:sans-serif}.container{display:flex}.main-col{flex:3}.sidebar{flex:1}</style>"
PROMO = "<p><strong>{title} ऐप डाउनलोड करें</strong> और पाएं हर खबर सबसे पहले</p>"
# Byline words that make it an organisation (a desk, bureau or news agency), never a person.
DESK_WORDS = frozenset({"डेस्क", "desk", "ब्यूरो", "bureau", "एजेंसी", "agency", "पीटीआई", "pti", "आईएएनएस", "ians", "भाषा"})


class PublisherSite(SiteRenderer):
    ROUTES = (
        (r"/", "home"),
        (r"/robots\.txt", "robots"),
        (r"/sitemap\.xml", "sitemap"),
        (r"/sitemap/news\.xml", "news_sitemap"),
        (r"/sitemap/articles\.xml", "articles_sitemap"),
        (r"/rss/(?P<section>[^/]+)\.xml", "section_feed"),
        (r"/about-us/", "about"),
        (r"/privacy-policy/", "privacy"),
        (r"/search", "search"),
        (r"/static/img/(?P<name>[\w-]+)\.png", "placeholder_image"),
        (r"/amp/(?P<section>[^/]+)/news/(?P<slug>.+)-(?P<id>\d+)\.html", "amp_article"),
        (r"/(?P<section>[^/]+)/news/(?P<slug>.+)-(?P<id>\d+)\.html", "article"),
        (r"/(?P<section>[^/]+)/", "section"),
    )

    def article_path(self, post: Post) -> str:
        return f"/{post.section_slug}/news/{post.slug}-{post.id}.html"

    def is_desk(self, author: str) -> bool:
        """A desk or the publisher's own name is an Organization byline, not a person."""
        return self.site.title in author or not DESK_WORDS.isdisjoint(author.lower().split())

    # --- layout ------------------------------------------------------------------------------
    def page(self, title: str, main: str, head: str = "", status: int = 200, page_type: str = "other") -> Response:
        feeds = "".join(f'<link rel="alternate" type="application/rss+xml" title="{esc(n)}" href="/rss/{esc(s)}.xml">'
                        for s, n in self.site.sections.items())
        # Analytics bootstrap as on real publisher pages: script text extractors must ignore.
        script = f'<script>window.dataLayer=window.dataLayer||[];dataLayer.push({{"pageType":"{page_type}"}});</script>'
        nav = "".join(f'<li><a href="{self.link(f"/{s}/")}">{esc(n)}</a></li>' for s, n in self.site.sections.items())
        ticker = "".join(f'<li><a href="{self.link(self.article_path(p))}">{esc(p.title)}</a></li>'
                         for p in self.site.posts[:5])
        trending = "".join(f'<li><a href="{self.link(self.article_path(p))}">{esc(p.title)}</a></li>'
                           for p in self.site.posts[:6])
        footer_sections = "".join(f'<a href="{self.link(f"/{s}/")}">{esc(n)}</a> ' for s, n in self.site.sections.items())
        body = (f'<header class="site-header"><a class="logo" href="/">{esc(self.site.title)}</a>'
                f'<nav class="main-nav"><ul><li><a href="/">होम</a></li>{nav}</ul></nav>'
                f'<div class="breaking-news"><span class="label">ब्रेकिंग न्यूज़</span><ul class="ticker">{ticker}</ul></div>'
                f'</header><div class="container"><main class="main-col">{main}</main>'
                f'<aside class="sidebar"><div class="trending"><h3>और पढ़ें</h3><ol>{trending}</ol></div>'
                '<div class="ad-slot" id="div-gpt-ad-sidebar">विज्ञापन</div></aside></div>'
                f'<footer class="site-footer"><div class="footer-sections">{footer_sections}</div>'
                '<ul class="footer-links"><li><a href="/about-us/">हमारे बारे में</a></li>'
                '<li><a href="/privacy-policy/">प्राइवेसी पॉलिसी</a></li></ul>'
                f'<p class="copyright">© 2026 {esc(self.site.title)}. सर्वाधिकार सुरक्षित।</p></footer>')
        return Response(status=status, body=document(LANG, title, "\n".join([STYLE, feeds, script, head]), body))

    def card(self, post: Post) -> str:
        href = self.link(self.article_path(post))
        return (f'<div class="story-card"><a href="{href}"><img src="/static/img/{post.id}.png" alt="">'
                f'<h3 class="story-title">{esc(post.title)}</h3></a><p class="story-summary">{esc(post.summary)}</p>'
                f'<span class="story-time">{hindi_datetime_ist(post.updated)}</span></div>')

    # --- article -----------------------------------------------------------------------------
    def article(self, query: dict[str, str], section: str, slug: str, id: str) -> Response | None:
        post = self.site.by_id.get(int(id))
        if post is None:
            return None
        if (section, slug) != (post.section_slug, post.slug):
            return redirect(self.link(self.article_path(post)))
        url = self.absolute(self.article_path(post))
        image = self.absolute(f"/static/img/{post.id}.png")
        head = "\n".join([
            f'<link rel="canonical" href="{esc(url)}">',
            f'<link rel="amphtml" href="{esc(self.absolute("/amp" + self.article_path(post)))}">',
            meta_tags([("name", "description", post.summary), ("name", "keywords", ", ".join(post.tags)),
                       ("name", "robots", "max-image-preview:large"),
                       ("property", "og:type", "article"), ("property", "og:title", post.title),
                       ("property", "og:description", post.summary), ("property", "og:url", url),
                       ("property", "og:image", image), ("property", "og:site_name", self.site.title),
                       ("property", "article:published_time", post.published.isoformat()),
                       ("property", "article:modified_time", post.updated.isoformat()),
                       ("property", "article:section", post.section),
                       ("name", "twitter:card", "summary_large_image"), ("name", "twitter:title", post.title),
                       ("name", "twitter:description", post.summary), ("name", "twitter:image", image)]),
            json_ld(self.news_article_ld(post, url, image)),
            json_ld(self.breadcrumb_ld(post, url)),
        ])
        tags = "".join(f'<a href="/search?q={quote(t)}">{esc(t)}</a>' for t in post.tags)
        main = "\n".join([
            f'<nav class="breadcrumb"><a href="/">होम</a> &gt; <a href="{self.link(f"/{post.section_slug}/")}">'
            f"{esc(post.section)}</a> &gt; <span>{esc(post.title)}</span></nav>",
            f'<article class="article-page"><h1 class="article-title">{esc(post.title)}</h1>',
            f'<h2 class="synopsis">{esc(post.summary)}</h2>',
            f'<div class="byline"><span class="author-name">{esc(post.author)}</span> <span class="sep">|</span> '
            f'<span class="updated-time">अपडेटेड: {hindi_datetime_ist(post.updated)}</span></div>',
            f'<figure class="lead-image"><img src="/static/img/{post.id}.png" alt="{esc(post.title)}"></figure>',
            '<div class="article-body" itemprop="articleBody">', *self.body_parts(post), "</div>",
            f'<div class="tags-block"><span>टैग्स:</span> {tags}</div>',
            '<div class="share"><span>शेयर करें:</span> <a href="https://www.facebook.com/sharer/sharer.php?u='
            f'{quote(url, safe="")}">Facebook</a> <a href="https://api.whatsapp.com/send?text={quote(url, safe="")}">'
            "WhatsApp</a></div></article>",
        ])
        response = self.page(f"{post.title} | {self.site.title}", main, head, page_type="article")
        response.last_modified = post.updated
        return response

    def body_parts(self, post: Post) -> list[str]:
        parts = paragraphs_html(post.paragraphs)
        other = self.site.related(post, 1)
        if other:
            teaser = (f'<div class="also-read"><strong>ये भी पढ़ें</strong> '
                      f'<a href="{self.link(self.article_path(other[0]))}">{esc(other[0].title)}</a></div>')
            parts.insert(min(2, len(parts)), teaser)
        promo = PROMO.format(title=esc(self.site.title))
        parts.insert(len(parts) - 1 if len(post.paragraphs) >= 3 else len(parts), promo)
        return parts

    def news_article_ld(self, post: Post, url: str, image: str) -> dict:
        author_type = "Organization" if self.is_desk(post.author) else "Person"
        return {"@context": "https://schema.org", "@type": "NewsArticle",
                "mainEntityOfPage": {"@type": "WebPage", "@id": url}, "headline": post.title,
                "description": post.summary, "datePublished": post.published.isoformat(),
                "dateModified": post.updated.isoformat(), "author": {"@type": author_type, "name": post.author},
                "publisher": {"@type": "Organization", "name": self.site.title,
                              "logo": {"@type": "ImageObject", "url": self.absolute("/static/img/logo.png")}},
                "articleSection": post.section, "keywords": ", ".join(post.tags), "inLanguage": "hi",
                "image": {"@type": "ImageObject", "url": image, "width": 1200, "height": 675}}

    def breadcrumb_ld(self, post: Post, url: str) -> dict:
        crumbs = [("होम", self.base_url + "/"), (post.section, self.absolute(f"/{post.section_slug}/")), (post.title, url)]
        return {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": [
            {"@type": "ListItem", "position": i, "name": name, "item": item} for i, (name, item) in enumerate(crumbs, 1)]}

    def amp_article(self, query: dict[str, str], section: str, slug: str, id: str) -> Response | None:
        post = self.site.by_id.get(int(id))
        if post is None or (section, slug) != (post.section_slug, post.slug):
            return None
        head = (f'<link rel="canonical" href="{esc(self.absolute(self.article_path(post)))}">'
                '<script async src="https://cdn.ampproject.org/v0.js"></script>')
        body = (f'<h1>{esc(post.title)}</h1><p class="byline">{esc(post.author)} | '
                f'{hindi_datetime_ist(post.updated)}</p>' + "".join(paragraphs_html(post.paragraphs)))
        return Response(body=document(LANG, post.title, head, body, html_attrs=" amp"))

    # --- listings ----------------------------------------------------------------------------
    def home(self, query: dict[str, str]) -> Response:
        posts = self.site.posts
        blocks = []
        for slug, name in self.site.sections.items():
            cards = "".join(self.card(p) for p in self.site.in_section(slug)[:4])
            blocks.append(f'<section class="section-block"><h2><a href="{self.link(f"/{slug}/")}">{esc(name)}</a></h2>'
                          f'{cards}<a class="more" href="{self.link(f"/{slug}/")}">और देखें</a></section>')
        lead = f'<div class="lead-story">{self.card(posts[0])}</div>' if posts else ""
        latest = "".join(self.card(p) for p in posts[1:10])
        main = f'{lead}<section class="latest"><h2>ताज़ा ख़बरें</h2>{latest}</section>{"".join(blocks)}'
        head = f'<link rel="canonical" href="{esc(self.base_url)}/">'
        return self.page(f"{self.site.title}: {self.site.tagline}", main, head, page_type="home")

    def section(self, query: dict[str, str], section: str) -> Response | None:
        if section not in self.site.sections or not query.get("page", "1").isdigit():
            return None
        n = int(query.get("page", "1"))
        found = page_of(self.site.in_section(section), n)
        if found is None:
            return None
        shown, pages = found
        base = self.link(f"/{section}/")
        numbers = "".join(f'<a href="{base}?page={i}">{i}</a>' if i != n else f"<span>{i}</span>"
                          for i in range(1, pages + 1))
        nxt = f'<a class="next" href="{base}?page={n + 1}">अगला पेज</a>' if n < pages else ""
        name = self.site.sections[section]
        main = (f'<h1 class="section-title">{esc(name)}</h1><div class="listing">'
                + "".join(self.card(p) for p in shown) + f'</div><div class="pagination">{numbers}{nxt}</div>')
        head = f'<link rel="canonical" href="{esc(self.base_url + base)}{f"?page={n}" if n > 1 else ""}">'
        if n < pages:
            head += f'\n<link rel="next" href="{esc(self.base_url + base)}?page={n + 1}">'
        return self.page(f"{name} समाचार | {self.site.title}", main, head, page_type="section")

    def search(self, query: dict[str, str]) -> Response:
        q = query.get("q", "").strip()
        hits = [p for p in self.site.posts if q and (q in p.title or q in p.summary or any(q in x for x in p.paragraphs))]
        found = "".join(self.card(p) for p in hits) or "<p>कोई परिणाम नहीं मिला।</p>"
        main = f'<h1>खोज परिणाम: {esc(q)}</h1><div class="search-results">{found if q else "<p>खोज शब्द लिखें।</p>"}</div>'
        return self.page(f"{q} - खोज | {self.site.title}", main, '<meta name="robots" content="noindex, follow">',
                         page_type="search")

    def static_page(self, heading: str, paragraphs: list[str], path: str) -> Response:
        main = f'<div class="static-page"><h1>{esc(heading)}</h1>{"".join(paragraphs_html(paragraphs))}</div>'
        return self.page(f"{heading} | {self.site.title}", main, f'<link rel="canonical" href="{esc(self.absolute(path))}">')

    def about(self, query: dict[str, str]) -> Response:
        return self.static_page("हमारे बारे में", [f"{self.site.title} {self.site.tagline}",
                                "हमारी टीम देश और प्रदेश की हर बड़ी ख़बर सबसे पहले आप तक पहुँचाती है।"], "/about-us/")

    def privacy(self, query: dict[str, str]) -> Response:
        return self.static_page("प्राइवेसी पॉलिसी", ["हम आपकी निजी जानकारी किसी तीसरे पक्ष को नहीं बेचते।",
                                "यह वेबसाइट अनुभव बेहतर बनाने के लिए कुकीज़ का इस्तेमाल करती है।"], "/privacy-policy/")

    def not_found(self) -> Response:
        main = '<div class="error-page"><h1>404</h1><p>माफ़ कीजिए, यह पेज उपलब्ध नहीं है।</p><a href="/">होम पेज पर जाएं</a></div>'
        return self.page(f"पेज नहीं मिला | {self.site.title}", main, status=404, page_type="404")

    # --- discovery ---------------------------------------------------------------------------
    def robots(self, query: dict[str, str]) -> Response:
        text = (f"User-agent: *\nDisallow: /search\n\n"
                f"Sitemap: {self.base_url}/sitemap.xml\nSitemap: {self.base_url}/sitemap/news.xml\n")
        return Response(body=text, content_type="text/plain; charset=utf-8")

    def sitemap(self, query: dict[str, str]) -> Response:
        last = self.site.last_updated
        return xml_response(sitemap_index([(f"{self.base_url}/sitemap/news.xml", last),
                                           (f"{self.base_url}/sitemap/articles.xml", last)]))

    def news_sitemap(self, query: dict[str, str]) -> Response:
        return xml_response(news_urlset(self.site.title, [(self.absolute(self.article_path(p)), p.published, p.title)
                                                          for p in self.site.posts]))

    def articles_sitemap(self, query: dict[str, str]) -> Response:
        return xml_response(urlset([(self.absolute(self.article_path(p)), p.updated) for p in self.site.posts]))

    def section_feed(self, query: dict[str, str], section: str) -> Response | None:
        if section not in self.site.sections:
            return None
        items = [FeedItem(title=p.title, link=self.absolute(self.article_path(p)), guid=self.absolute(self.article_path(p)),
                          published=p.published, author=p.author, categories=(p.section,), description=p.summary)
                 for p in self.site.in_section(section)]
        text = rss(f"{self.site.sections[section]} - {self.site.title}", self.absolute(f"/{section}/"),
                   self.site.tagline, self.absolute(f"/rss/{section}.xml"), items)
        return xml_response(text, "application/rss+xml; charset=utf-8")

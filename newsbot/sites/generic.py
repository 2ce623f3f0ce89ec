"""The generic profile: any site, crawled from the start URLs it is given, within their hosts.

Extraction then relies on JSON-LD, meta tags and the generic body locator alone.
"""

from newsbot.sites.base import SiteProfile

GENERIC = SiteProfile(
    name="generic",
    title="Any site: crawl the given URLs within their hosts",
    # Links that never lead to articles, on WordPress and most CMSs.
    follow_deny_pattern=(
        r"(/wp-admin/|/wp-login|/wp-json/|/xmlrpc\.php|/cart/|/login|/signup|/search\b|[?&]s=|"
        r"[?&]replytocom=|[?&]share=|/comment-page-|#respond|/feed/?$|/amp/?$|[?&]amp\b)"
    ),
)

"""Boilerplate removal: elements dropped from the tree, then lines dropped from the body text.

Element rules follow Readability's "unlikely candidate" idea: a class or id that names page
furniture (share, related, comments, ads, ...) marks boilerplate unless it also names content
("main-content has-sidebar" stays). Line rules catch what markup does not mark: Hindi and
English teasers ("ये भी पढ़ें"), promo lines, bylines and printed dates. They match the folded
text (nukta-free, lower case), so "पढ़ें" with or without nukta, precomposed or not, is one word.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsbot.extract.dates import fold, is_date_line

# Never body text. <header> holds the h1 and byline (read before cleaning); <figure> holds captions.
DROP_TAGS = (
    "script", "style", "noscript", "template", "iframe", "object", "embed", "form", "button", "input", "select",
    "textarea", "label", "svg", "canvas", "nav", "aside", "footer", "header", "figure", "figcaption", "picture",
    "img", "video", "audio", "dialog", "menu",
    "amp-ad", "amp-embed", "amp-sticky-ad", "amp-sidebar", "amp-iframe", "amp-social-share",
)
_NEGATIVE = re.compile(
    r"share|sharing|social|related|also-?read|read-?also|read-?more|recommend|trending|newsletter|subscri|"
    r"comment|respond|disqus|advert|(?:^|[-_ ])ads?(?:$|[-_\d])|adslot|sponsor|promo|app-?download|breadcrumb|"
    r"(?:^|[-_ ])tags?(?:$|[-_ ])|tag-?list|byline|author|meta(?:$|[-_ ])|sidebar|widget|popup|modal|login|signin|"
    r"signup|cookie|banner|outbrain|taboola|pagination|pager|(?:^|[-_ ])nav|menu|footer|header|caption|"
    r"video|hidden|d-none|sr-only|screen-reader",
    re.I,
)
_POSITIVE = re.compile(r"article|body|column|content|main|story|entry", re.I)
_HOLDS_BODY = './/*[@itemprop="articleBody"]'
_MAX_FURNITURE_SHARE = 0.4  # furniture never holds this share of the page's text
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)

_LINE_PATTERNS = [re.compile(p, re.I) for p in (
    # Teasers linking to other stories.
    r"^(ये|यह|इसे|इन्हें)\s+भी\s+(पढें|पढे|देखें|देखे)|^(also|read)\s+(read|also|more|see|watch)\b|"
    r"^(और|अन्य)\s+(पढें|खबरें)|^(पढें|देखें)\s*[:\-–]",
    # Related-story and comment blocks.
    r"^(related|more)\s+(articles?|news|posts|stories)\b|^संबंधित\s+(खबरें|खबर|समाचार|लेख)|"
    r"leave\s+a\s+(reply|comment)|post\s+comment|your\s+email\s+address\s+will\s+not|"
    r"(टिप्पणी|कमेंट)\s+(करें|लिखें)",
    # App-download, follow and newsletter promos.
    r"(ऐप|app)\s*(डाउनलोड\s*कर(ें|े)|पर\s*पढ(ें|े))|डाउनलोड\s*कर(ें|े)\s.{0,30}(ऐप|app)|ऐप\s*डाउनलोड\s*करने\s*के\s*लिए|"
    r"ऐप\s+पर\s*$|download\s+(the\s+|our\s+)?app|google\s+play|app\s+store|qr\s+(कोड\s+)?स्कैन|scan\s+(the\s+)?qr|"
    r"(टेलीग्राम|टेलिग्राम|telegram|whatsapp|व्हाट्सएप|यूट्यूब|youtube)\s+(चैनल|channel|ग्रुप|group)|"
    r"(फॉलो|follow)\s+(करें|us)|हमें\s.{0,40}(फॉलो|ज्वाइन|जॉइन|सब्सक्राइब)|newsletter|न्यूजलेटर|सब्सक्राइब\s+करें|"
    r"subscribe\s+(to|now)",
    # Share bars and advertisement labels.
    r"^(share|शेयर)(\s+(this|on|करें))?\s*[:\-]?\s*$|^(कॉपी\s+लिंक|copy\s+link)$|^(advertisement|विज्ञापन|sponsored)$|"
    r"^live\s+(टीवी|tv)$|^(विस्तार|हाइलाइट्स|highlights)$",
)]
_PROMO_MAX = 200  # promo lines are short; a longer line is prose that mentions an app
_BYLINE = re.compile(
    r"^(by|written\s+by|reported\s+by|posted\s+by|edited\s+by|लेखक|द्वारा|रिपोर्ट|रिपोर्टर|संवाददाता)\s*[:\-–]?\s+\S",
    re.I,
)
_DESK_LINE = re.compile(r"(डेस्क|desk|एजेंसी|agency|ब्यूरो|bureau)\s*([,|।:\-–]|$)", re.I)
# "डिजिटल डेस्क, नई दिल्ली।" opening the first paragraph: a byline with dateline, not text.
_DESK_PREFIX = re.compile(r"^([^।|:.!?]{0,30}(?:डेस्क|desk|ब्यूरो|bureau|एजेंसी|संवाददाता))\s*,\s*[^।|:,]{1,30}[।|:]\s*", re.I)
# A rights notice ends the story: what follows it on the page (a copied source's footer, its
# related links) is furniture even inside the same <p>. A bare "©" is not enough: photo credits use it.
_RIGHTS = re.compile(r"सर्वाधिकार\s+सुरक्षित|सभी\s+अधिकार\s+सुरक्षित|all\s+rights\s+reserved|copyright\s+\d{4}", re.I)
_SENTENCE_START = re.compile(r".*[।॥.!?]\s", re.S)


def drop_boilerplate(root, extra_selectors=()) -> None:
    """Remove furniture from `root` in place: tags that never hold body text and marked elements.

    A marked element that holds the article (an <article>, <main> or articleBody inside it, or
    much of the page's text) stays: "theiaStickySidebar" wraps the whole story on Amar Ujala.
    """
    for el in list(root.iter(*DROP_TAGS)):
        el.drop_tree()
    holders = [*root.iter("article", "main"), *root.xpath(_HOLDS_BODY)]
    protected = {ancestor for el in holders for ancestor in el.iterancestors()}
    page_chars = len(root.text_content())
    doomed = [
        el for el in root.iter()
        if el not in protected and el.tag not in ("html", "body", "main", "article") and _is_furniture(el)
    ]
    doomed = [el for el in doomed if len(el.text_content()) < _MAX_FURNITURE_SHARE * page_chars]
    for selector in extra_selectors:
        doomed.extend(selector(root))
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()  # keeps the tail text, which belongs to the parent


def _is_furniture(el) -> bool:
    negative, positive = _marks(el.get("class")) if el.get("class") else (False, False)
    if el.get("id"):
        id_negative, id_positive = _marks(el.get("id"))
        negative, positive = negative or id_negative, positive or id_positive
    if negative and not positive:
        return True
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    style = el.get("style")
    return bool(style) and _HIDDEN_STYLE.search(style) is not None


@lru_cache(maxsize=8192)
def _marks(names: str) -> tuple[bool, bool]:
    """(names furniture, names content) for a class or id value; pages repeat the same classes."""
    return _NEGATIVE.search(names) is not None, _POSITIVE.search(names) is not None


def strip_desk_prefix(text: str) -> tuple[str, str | None]:
    """(`text` without an opening "डिजिटल डेस्क, नई दिल्ली।", the desk it named)."""
    m = _DESK_PREFIX.match(text)
    return (text[m.end():], m.group(1).strip()) if m else (text, None)


def end_at_rights_notice(paragraphs: list[str]) -> list[str]:
    """The paragraphs before a rights notice, the one holding it cut where the notice begins
    (at a "©" shortly before it, else at the start of its sentence)."""
    for i, text in enumerate(paragraphs):
        m = _RIGHTS.search(text)
        if m is None:
            continue
        before = text[: m.start()]
        sign = before.rfind("©", max(0, m.start() - 80))
        sentence = _SENTENCE_START.match(before)
        cut = sign if sign >= 0 else (sentence.end() if sentence else 0)
        head = text[:cut].strip()
        return paragraphs[:i] + ([head] if head else [])
    return paragraphs


def is_boilerplate_line(text: str, extra: tuple[re.Pattern, ...] = ()) -> bool:
    """True for teaser, promo, share, byline and printed-date lines."""
    if any(p.search(text) for p in extra):
        return True
    if len(text) > _PROMO_MAX:
        return False
    folded = fold(text)
    if any(p.search(folded) for p in _LINE_PATTERNS):
        return True
    if len(text) <= 80 and (_BYLINE.search(folded) or _DESK_LINE.search(folded)):
        return True
    return is_date_line(text)

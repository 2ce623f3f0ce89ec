"""Generated Hindi news articles for the scale benchmark (benchmarks/scale.py).

Articles recombine the paragraphs of the bundled demo sites (original text) with generated
people, places and numbers, so that the vocabulary keeps growing with the archive as it does
in real life (new names and villages every day), instead of 100,000 copies of 44 articles.
Everything is seeded: the same count gives the same articles.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

from newsbot.demo.server import bundled_site_dirs, load_site
from newsbot.items import IST, Article

FIRST = ("अभिनव", "अंकित", "सौरभ", "कमलेश", "प्रमोद", "नीरज", "तौसीफ़", "सलमान", "पूजा", "कमला",
         "विनीता", "गौरव", "मोहित", "ऊषा", "रवि", "शबनम", "नसरीन", "दिनेश", "राजेश", "सुनीता",
         "हरिओम", "ज़ुबैर", "इंद्रजीत", "कुसुम", "भूपेंद्र", "रुख़सार", "जगदीश", "मीनाक्षी", "ओमवीर",
         "चंद्रप्रकाश", "शिवांगी", "फ़रहाना", "योगेश", "प्रियंका", "धर्मेंद्र", "आँचल", "रघुवीर", "इमरान")
MIDDLE = ("", "", "कुमार", "प्रताप", "राज", "पाल", "शंकर", "देवी", "नारायण", "चंद्र", "लाल")
LAST = ("सिंह", "यादव", "वर्मा", "गौतम", "मिश्रा", "त्रिपाठी", "चौरसिया", "राठौर", "सैनी", "जैन",
        "बंसल", "गुप्ता", "पांडेय", "खान", "अंसारी", "कुशवाहा", "निषाद", "भारद्वाज", "तिवारी",
        "शुक्ला", "मौर्य", "प्रजापति", "क़ुरैशी", "रावत", "बघेल", "सोनकर", "ठाकुर", "दीक्षित")
# Place names are made from syllables, so each new article may name a village no other does.
ONSETS = ("राम", "सोन", "बेल", "नव", "सर", "कर", "धन", "मह", "भीम", "चंद", "खज", "गोप", "हर",
          "कुंड", "शिव", "बड़", "पीप", "जम", "लख", "मझ", "सिक", "अम", "दौल", "फ़त", "कौश")
MIDS = ("", "", "ा", "ि", "ौ", "ना", "री", "ला", "वा", "गा", "हा", "ड़ी")
ENDS = ("पुर", "गढ़", "नगर", "गंज", "खेड़ा", "पुरा", "बाद", "वाँ", "ली", "टोला", " कलां", " खुर्द")
PARTIES = ("कांग्रेस", "भाजपा", "सपा", "बसपा", "युवा कांग्रेस", "भाजयुमो", "राष्ट्रीय लोकदल")
ROLES = ("ज़िला कोऑर्डिनेटर", "मंडल अध्यक्ष", "ब्लॉक अध्यक्ष", "ज़िला सचिव", "प्रदेश महासचिव",
         "नगर अध्यक्ष", "महिला मोर्चा की ज़िलाध्यक्ष", "बूथ प्रभारी", "विधानसभा संयोजक")
EVENTS = ("कार्यशाला", "बैठक", "सम्मेलन", "प्रशिक्षण शिविर", "जनसभा", "संगोष्ठी", "पदयात्रा")
TITLES = (
    "{place} में {party} की {event}, {name} बने {role}",
    "{name} को {party} ने {role} मनोनीत किया, {place} में स्वागत",
    "{place}: {event} में {number} कार्यकर्ताओं ने ली सदस्यता",
    "{party} {event} में बूथ स्तर तक संगठन मज़बूत करने पर ज़ोर, {name} ने दिया संदेश",
    "{place} के पंचायत भवन में {event}, ग्रामीणों ने रखीं समस्याएँ",
)
SENTENCES = (
    "{place} ({district})। {party} की ओर से {day} को {place} में {event} का आयोजन किया गया, "
    "जिसमें आसपास के {number} गाँवों से कार्यकर्ता पहुँचे।",
    "मुख्य अतिथि {name} ने कहा कि {place} और {place2} के हर बूथ पर दस सक्रिय कार्यकर्ता तैयार "
    "किए जाएँगे।",
    "इस अवसर पर {name} को {role} और {name2} को सह-संयोजक नियुक्त किया गया।",
    "कार्यक्रम का संचालन {name2} ने किया और आभार {name} ने जताया।",
    "{place} में धान ख़रीद केंद्र पर {number} क्विंटल की तौल हुई, किसानों ने भुगतान में देरी की शिकायत की।",
    "ग्राम प्रधान {name} ने बताया कि {place2} की सड़क का काम {digits} दिन में पूरा होगा।",
)
DAYS = ("सोमवार", "मंगलवार", "बुधवार", "गुरुवार", "शुक्रवार", "शनिवार", "रविवार")
DEVANAGARI_DIGITS = str.maketrans("0123456789", "०१२३४५६७८९")
SITES = ("gramin", "khabar", "kasba", "nagar", "anchal")


def _demo() -> tuple[list[str], list[str]]:
    """The demo sites' paragraphs, and the names of the people in them (to be replaced)."""
    paragraphs, names = [], set()
    for site_dir in bundled_site_dirs():
        for article in load_site(site_dir)["articles"]:
            paragraphs.extend(article["paragraphs"])
            names.update(article.get("people") or ())
    return paragraphs, sorted(names, key=len, reverse=True)


class Generator:
    """``articles(count)`` yields *count* distinct articles, the same ones for the same seed."""

    def __init__(self, seed: int = 20261204):
        self.random = random.Random(seed)
        self.paragraphs, names = _demo()
        self.name_pattern = re.compile("|".join(map(re.escape, names))) if names else None

    def name(self) -> str:
        pick = self.random.choice
        return " ".join(part for part in (pick(FIRST), pick(MIDDLE), pick(LAST)) if part)

    def place(self) -> str:
        pick = self.random.choice
        return pick(ONSETS) + pick(MIDS) + pick(ENDS)

    def _fill(self, template: str) -> str:
        number = self.random.randint(2, 400)
        return template.format(
            name=self.name(), name2=self.name(), place=self.place(), place2=self.place(),
            district=self.place(), party=self.random.choice(PARTIES), role=self.random.choice(ROLES),
            event=self.random.choice(EVENTS), day=self.random.choice(DAYS), number=number,
            digits=str(number).translate(DEVANAGARI_DIGITS))

    def _paragraph(self) -> str:
        if self.paragraphs and self.random.random() < 0.6:
            text = self.random.choice(self.paragraphs)
            return self.name_pattern.sub(lambda _: self.name(), text) if self.name_pattern else text
        return " ".join(self._fill(self.random.choice(SENTENCES)) for _ in range(self.random.randint(2, 4)))

    def article(self, number: int) -> Article:
        site = SITES[number % len(SITES)]
        published = datetime(2024, 1, 1, 9, tzinfo=IST) + timedelta(minutes=37 * number)
        url = f"http://{site}.example.in/news/{published:%Y/%m}/{number}/"
        body = "\n\n".join(self._paragraph() for _ in range(self.random.randint(3, 7)))
        return Article(url=url, canonical_url=url, site=site, title=self._fill(self.random.choice(TITLES)),
                       text=body, author=self.name(), published=published,
                       section=self.random.choice(("राजनीति", "ज़िला", "गाँव-शहर")),
                       tags=[self.random.choice(PARTIES), self.random.choice(EVENTS)], is_article=True)

    def articles(self, count: int, start: int = 0) -> Iterator[Article]:
        for number in range(start, start + count):
            yield self.article(number)


def write_site(directory: Path, count: int, seed: int = 20261205) -> Path:
    """A demo-server site (site.json) of *count* generated articles, for the crawl benchmark."""
    generator = Generator(seed)
    articles = []
    for number in range(count):
        article = generator.article(number)
        section = "politics" if number % 2 else "district"
        articles.append({
            "id": 100_000 + number, "slug": f"khabar-{number}", "title": article.title,
            "author": article.author, "published": article.published.isoformat(),
            "section": "राजनीति" if section == "politics" else "ज़िला", "section_slug": section,
            "tags": article.tags, "paragraphs": article.text.split("\n\n"),
        })
    directory.mkdir(parents=True, exist_ok=True)
    raw = {"site": {"name": "scale", "title": "पैमाना समाचार", "kind": "wordpress"}, "articles": articles}
    (directory / "site.json").write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    return directory

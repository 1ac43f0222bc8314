"""The article on a partner's page, without the site around it.

A readability-like density score: the text blocks (paragraphs, text-bearing divs) give
points to their parent and grandparent by their length and commas; classes and ids
that name content raise a container, those that name navigation, ads, comments, share
bars, related lists and "Baca Juga" boxes lower it or remove it outright; the link
density of a container lowers its score. The best container and its siblings of
similar worth are the article; inside it, blocks made of links ("Baca Juga: …"),
notices and site furniture are dropped. Pages of one article are joined, repeated
blocks kept once. No network: it reads the HTML it is given.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from lxml import etree

from .labels import find_label
from .metadata import page_title, published_date, label_texts
from .pagination import parse

REMOVE_TAGS = ("script", "style", "noscript", "iframe", "svg", "button", "select", "template",
               "nav", "footer", "aside", "input", "textarea", "object", "embed", "video", "audio", "canvas", "ins")
UNLIKELY = re.compile(
    r"comment|komentar|disqus|share|sharing|social|sosmed|related|terkait|baca-?juga|bacajuga|readmore|read-also|"
    r"sidebar|widget|banner|advert|iklan|\bads?\b|ads-|-ads|adsbygoogle|sponsor-box|promo|popular|populer|terpopuler|"
    r"trending|newsletter|subscribe|menu|navbar|breadcrumb|footer|masthead|header|topbar|cookie|modal|popup|"
    r"pagination|paging|tags?\b|tagline|author-box|rekomendasi|recommend|outbrain|taboola|more-news|berita-lain|"
    r"lainnya|also|\bnav\b|skip|print|jump|login|signup|search", re.I)
MAYBE = re.compile(r"(?:^|[-_\s])(?:article|artikel|content|konten|entry|post|story|detail|body|isi|main|text|news)",
                   re.I)
POSITIVE = re.compile(r"article|artikel|content|konten|entry|post|story|detail|body|isi-?berita|read|text|news-?text|main", re.I)
NEGATIVE = UNLIKELY
STRONG = re.compile(r"comment|komentar|disqus|related|terkait|share|sharing|sharedaddy|baca-?juga|bacajuga|"
                    r"sidebar|widget|footer|colophon|navigation|newsletter|popular|populer|advert|adsbygoogle|"
                    r"outbrain|taboola|rekomendasi|recommend", re.I)
CONTENT_NAME = re.compile(r"(?:^|[-_])(?:content|body|text|isi|article|artikel|entry|story|detail)(?:[-_]|$)", re.I)
CONTAINERS = {"p", "div", "section", "article", "main", "table", "tr", "td", "th", "tbody", "ul", "ol", "li", "dl",
              "blockquote", "pre", "figure", "header", "h1", "h2", "h3", "h4", "h5", "h6", "form", "center"}
KEEP_TAGS = ("html", "body", "article", "main")
BLOCKS = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
          "blockquote", "pre", "table", "tr", "td", "th", "dl", "dt", "dd", "figure", "figcaption", "header",
          "br", "hr", "center"}
INSERT = re.compile(
    r"^\W*(?:baca\s+(?:juga|pula|selengkapnya)|lihat\s+juga|simak\s+(?:juga|video)|tonton\s+juga|berita\s+terkait|"
    r"artikel\s+terkait|advertisement|scroll\s+to\s+(?:continue|resume)|gulir\s+untuk|lanjut\s+baca|"
    r"ikuti\s+(?:kami|berita)|dapatkan\s+(?:update|berita)|download\s+aplikasi|editor\s*:|penulis\s*:|reporter\s*:|"
    r"pewarta\s*:|sumber\s*:|copyright|hak\s+cipta|©|halaman\s*:?\s*\d|halaman\s+(?:selanjutnya|berikutnya)|"
    r"selanjutnya\s*$|berikutnya\s*$|bagikan|share\s*:|tags?\s*:|topik\s*:|follow\s+(?:us|berita)|"
    r"klik\s+(?:di\s*)?sini|\d+\s*komentar|tulis\s+komentar)", re.I)
MIN_BLOCK = 25


@dataclass(frozen=True)
class Article:
    title: str
    paragraphs: tuple[str, ...]
    published: date | None
    published_from: str | None
    label: str | None

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    def as_dict(self) -> dict:
        return {"title": self.title, "paragraphs": list(self.paragraphs),
                "published": self.published.isoformat() if self.published else None,
                "published_from": self.published_from, "label": self.label}


def _squash(text: str) -> str:
    return " ".join((text or "").split())


def _class_id(element) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''} {element.get('role') or ''}"


def _holds_title(element) -> bool:
    return next(element.iter("h1"), None) is not None


def _strong(marks: str) -> bool:
    """A class or id that names clutter outright ("comment-content", "related-posts"), unless
    another of the element's names is a content name without it ("post-content share-on")."""
    names = marks.split()
    if not any(STRONG.search(name) for name in names):
        return False
    return not any(CONTENT_NAME.search(name) and not STRONG.search(name) for name in names)


def _clean(root) -> None:
    """Take out what is never the article: scripts, navigation, ads, comment and share boxes.
    A box named like one of them is kept when it holds the page's ``<h1>`` (a wrapper
    such as ``main-with-sidebar``) or, for the milder names, also names content."""
    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    for element in list(root.iter(*REMOVE_TAGS)):
        if element.getparent() is not None:
            element.drop_tree()
    for element in list(root.iter()):
        if not isinstance(element.tag, str) or element.tag in KEEP_TAGS or element.getparent() is None:
            continue
        if element.tag == "header" and not element.xpath(".//p"):
            element.drop_tree()
            continue
        if element.tag == "form" and not _holds_title(element) and len(element.findall(".//p")) < 3:
            element.drop_tree()
            continue
        marks = _class_id(element)
        hidden = element.get("hidden") is not None or "display:none" in (element.get("style") or "").replace(" ", "")
        if hidden or (marks.strip() and UNLIKELY.search(marks) and not _holds_title(element)
                      and (_strong(marks) or not MAYBE.search(marks))):
            element.drop_tree()


def _teaser_list(element) -> bool:
    """Rows or items that each open with a headline link: other stories with their excerpts."""
    items = element.findall(".//tr") if element.tag == "table" else [c for c in element if isinstance(c.tag, str)]
    if len(items) < 2:
        return False
    headed = 0
    for item in items:
        link = next(item.iter("a"), None)
        if link is not None and len(_squash(link.text_content()).split()) >= 4:
            before = _squash(item.text or "")
            if len(before) < 20:
                headed += 1
    return headed >= 2 and headed * 2 >= len(items)


def _clean_inside(container) -> None:
    """Inside the article: lists, tables and boxes made mostly of links (teasers of other
    stories, tag clouds, "Baca Juga" boxes) go."""
    for element in list(container.iter("table", "ul", "ol", "div", "section", "dl", "figure")):
        if element is container or element.getparent() is None:
            continue
        links = sum(1 for _ in element.iter("a"))
        if links >= 2 and (_teaser_list(element) or _link_density(element) > 0.2 and _weight(element) < 25):
            element.drop_tree()
        elif links >= 1 and _link_density(element) > 0.5:
            element.drop_tree()


def _link_density(element) -> float:
    text = len(_squash(element.text_content()))
    if not text:
        return 0.0
    links = sum(len(_squash(a.text_content())) for a in element.iter("a"))
    return links / text


def _weight(element) -> float:
    marks = _class_id(element)
    weight = 0.0
    if NEGATIVE.search(marks):
        weight -= 25
    if POSITIVE.search(marks):
        weight += 25
    return weight


def _own_text(element) -> tuple[str, int]:
    """The text of ``element`` outside its nested blocks, and how many line-broken pieces
    it is in (a page writing paragraphs with ``<br>``)."""
    pieces = [element.text or ""]
    breaks = 0

    def walk(node):
        nonlocal breaks
        for child in node:
            if not isinstance(child.tag, str):
                pieces.append(child.tail or "")
                continue
            if child.tag == "br":
                breaks += 1
            elif child.tag not in CONTAINERS:
                pieces.append(child.text or "")
                walk(child)
            pieces.append(child.tail or "")

    walk(element)
    return _squash(" ".join(pieces)), breaks // 2 + 1


def _top_candidate(root):
    """The element holding most of the article's text by the density score, and every score."""
    scores: dict = {}

    def credit(element, points: float, level: int):
        if element is None or not isinstance(element.tag, str):
            return
        if element not in scores:
            base = {"article": 10, "main": 5, "div": 5, "section": 3, "td": 3, "blockquote": 3}.get(element.tag, 0)
            scores[element] = base + _weight(element)
        scores[element] += points / level

    for element in root.iter("p", "pre", "td", "blockquote", "div", "section", "font", "span"):
        mixed = element.tag != "p" and any(isinstance(c.tag, str) and c.tag in CONTAINERS for c in element)
        if element.tag in ("font", "span") or mixed:
            text, chunks = _own_text(element)
            if len(text) < MIN_BLOCK * chunks or (element.tag in ("font", "span") and chunks < 2):
                continue
            points = chunks + text.count(",") + min(len(text) / 100, 3 * chunks)
            ancestors = [element, element.getparent()]
        else:
            text = _squash(element.text_content())
            if len(text) < MIN_BLOCK:
                continue
            points = 1 + text.count(",") + min(len(text) / 100, 3)
            parent = element.getparent()
            ancestors = [parent, parent.getparent() if parent is not None else None]
            if ancestors[1] is not None:
                ancestors.append(ancestors[1].getparent())
        for level, ancestor in enumerate(ancestors, 1):
            credit(ancestor, points, level)
    if not scores:
        return None, {}
    for element in scores:
        scores[element] *= 1 - _link_density(element)
    top = max(scores, key=scores.get)
    return top, scores


def _containers(root) -> list:
    top, scores = _top_candidate(root)
    if top is None:
        body = root.find("body")
        return [body if body is not None else root]
    parent = top.getparent()
    if parent is None:
        return [top]
    threshold = max(10.0, scores[top] * 0.2)
    chosen = []
    for sibling in parent:
        if sibling is top:
            chosen.append(sibling)
        elif sibling in scores and scores[sibling] >= threshold:
            chosen.append(sibling)
        elif sibling.tag == "p" and len(_squash(sibling.text_content())) > 80 and _link_density(sibling) < 0.25:
            chosen.append(sibling)
    return chosen


def _blocks(element, out: list[list]) -> None:
    """Each block's text, split at block elements and line breaks, with its link text."""
    def flush():
        if out and (out[-1][0] or out[-1][1]):
            out.append(["", 0])
        elif not out:
            out.append(["", 0])

    def walk(node, in_link: bool):
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in BLOCKS:
            flush()
        if node.text and tag:
            out[-1][0] += node.text
            if in_link or tag == "a":
                out[-1][1] += len(node.text.strip())
        for child in node:
            walk(child, in_link or tag == "a")
        if tag in BLOCKS:
            flush()
        if node.tail:
            out[-1][0] += node.tail
            if in_link:
                out[-1][1] += len(node.tail.strip())

    if not out:
        out.append(["", 0])
    walk(element, False)


def _paragraphs(containers) -> tuple[list[str], list[str]]:
    """The article's paragraphs, and the short lines left out (where a closing "(Adv)" stands)."""
    raw: list[list] = []
    for container in containers:
        _clean_inside(container)
        _blocks(container, raw)
    paragraphs, short = [], []
    for text, linked in raw:
        text = _squash(text)
        if not text or INSERT.match(text):
            continue
        if linked / len(text) > 0.5:
            continue
        if len(text.split()) < 4 and not text.endswith((".", "!", "?", "”", '"')):
            short.append(text)
            continue
        paragraphs.append(text)
    return paragraphs, short


def extract_page(html: str) -> Article:
    root = parse(html)
    if root is None:
        return Article("", (), None, None, None)
    title = page_title(root)
    published, published_from = published_date(root)
    pieces, small = label_texts(root)
    _clean(root)
    paragraphs, short = _paragraphs(_containers(root))
    body = [p for p in paragraphs if p != title]
    label = find_label([title, *pieces, *body, *short], small + short + [p for p in body if len(p) <= 60])
    return Article(title, tuple(body), published, published_from, label)


def extract(html_pages: Iterable) -> Article:
    """One article from its pages (strings, or ``Page`` values with ``html``)."""
    articles = [extract_page(page if isinstance(page, str) else page.html) for page in html_pages]
    if not articles:
        return Article("", (), None, None, None)
    first = articles[0]
    seen: set[str] = set()
    paragraphs: list[str] = []
    for article in articles:
        for paragraph in article.paragraphs:
            if paragraph not in seen:
                seen.add(paragraph)
                paragraphs.append(paragraph)
    published = next(((a.published, a.published_from) for a in articles if a.published), (None, None))
    label = next((a.label for a in articles if a.label), None)
    return Article(first.title or next((a.title for a in articles if a.title), ""), tuple(paragraphs),
                   published[0], published[1], label)

"""What a news page says about its article besides the text: the title, the publication
date (``article:published_time`` and its kin, JSON-LD ``datePublished``, ``<time
datetime>``, or an Indonesian date in the byline or the dateline) and the texts where
an advertorial label may stand (the section and tags, a kicker or badge by the title)."""
from __future__ import annotations

import json
import re
from datetime import date, datetime

from press.dates import wall_time
from press.notes.dates import find_dates

DATE_META = ("article:published_time", "og:published_time", "published_time", "pubdate", "publishdate",
             "publish-date", "publish_date", "date", "dc.date", "dc.date.issued", "dcterms.created",
             "content_pubdate", "sailthru.date", "parsely-pub-date")
LABEL_META = ("article:section", "article:tag", "keywords", "news_keywords", "og:title", "twitter:title",
              "content_category")
SMALL = re.compile(r"label|kicker|kategori|category|rubri[kc]|badge|tag|adv|sponsor|pariwara|channel|section|"
                   r"flag|ribbon|type|jenis", re.I)
NOT_ARTICLE = re.compile(r"\bads?\b|ads-|-ads|advert|iklan|banner|widget|sidebar|related|terkait|menu|nav|"
                         r"footer|comment|komentar|popular|populer|trending|recommend|rekomendasi", re.I)
BYLINE = re.compile(r"date|time|tanggal|waktu|publish|terbit|byline|meta|info|author|penulis", re.I)
TITLE_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|–—-]{2,60}$")


def _squash(text: str) -> str:
    return " ".join((text or "").split())


def _meta(root, names) -> list[str]:
    found = []
    for element in root.iter("meta"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "").lower()
        if key in names and element.get("content"):
            found.append(_squash(element.get("content")))
    return found


def page_title(root) -> str:
    for h1 in root.iter("h1"):
        text = _squash(h1.text_content())
        if len(text) >= 10:
            return text
    for value in _meta(root, ("og:title", "twitter:title")):
        return value
    title = root.find(".//title")
    text = _squash(title.text_content()) if title is not None else ""
    return TITLE_SUFFIX.sub("", text)


def _iso_day(value: str) -> date | None:
    value = value.strip()
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00").replace(" ", "T", 1))
    except ValueError:
        match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
        if not match:
            return None
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    return wall_time(moment).date()


def _json_ld_dates(root) -> list[str]:
    found = []

    def visit(node):
        if isinstance(node, dict):
            value = node.get("datePublished")
            if isinstance(value, str):
                found.append(value)
            for child in node.values():
                if isinstance(child, (dict, list)):
                    visit(child)
        elif isinstance(node, list):
            for child in node:
                visit(child)

    for script in root.iter("script"):
        if (script.get("type") or "").lower().strip() != "application/ld+json" or not script.text:
            continue
        try:
            visit(json.loads(script.text))
        except (ValueError, RecursionError):
            continue
    return found


def _text_date(texts) -> date | None:
    for text in texts:
        for found in find_dates(text[:400]):
            if not found.date.startswith("--"):
                try:
                    return date.fromisoformat(found.date)
                except ValueError:
                    continue
    return None


def published_date(root) -> tuple[date | None, str | None]:
    """The article's publication day in the office's zone and where it was read."""
    for value in _meta(root, DATE_META):
        day = _iso_day(value)
        if day:
            return day, "meta"
    for value in _json_ld_dates(root):
        day = _iso_day(value)
        if day:
            return day, "json-ld"
    for element in root.iter("time"):
        day = _iso_day(element.get("datetime") or "")
        if day:
            return day, "time"
    bylines = [_squash(e.text_content()) for e in root.iter("div", "span", "p", "time", "small")
               if BYLINE.search(f"{e.get('class') or ''} {e.get('id') or ''}") and not _outside_article(e)]
    paragraphs = [_squash(p.text_content()) for p in root.iter("p")][:3]
    day = _text_date([t for t in bylines if t] + paragraphs)
    return (day, "text") if day else (None, None)


def _outside_article(element) -> bool:
    node = element
    while node is not None:
        if isinstance(node.tag, str) and (node.tag in ("nav", "footer", "aside")
                                          or NOT_ARTICLE.search(f"{node.get('class') or ''} {node.get('id') or ''}")):
            return True
        node = node.getparent()
    return False


def label_texts(root) -> tuple[list[str], list[str]]:
    """Texts where a label counts in brackets or as a distinct word (the section, tags,
    titles of the page), and small elements by the article that count when they are a
    label alone."""
    pieces = _meta(root, LABEL_META)
    small: list[str] = []
    scopes = list(root.iter("article"))
    for h1 in root.iter("h1"):
        parent = h1.getparent()
        if parent is not None:
            scopes.append(parent.getparent() if parent.getparent() is not None else parent)
    seen = set()
    for scope in scopes:
        for element in scope.iter():
            if element in seen or not isinstance(element.tag, str) or element.tag in ("script", "style"):
                continue
            seen.add(element)
            marks = f"{element.get('class') or ''} {element.get('id') or ''}"
            text = _squash(element.text_content())
            if not text or len(text) > 60 or _outside_article(element):
                continue
            if SMALL.search(marks) or element.tag in ("span", "a", "strong", "b", "em", "small", "p", "div", "h4", "h5", "h6"):
                small.append(text)
    return pieces, small

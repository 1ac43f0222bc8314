"""What a news page says about its article besides the text: the title, the publication
date (``article:published_time`` and its kin, JSON-LD ``datePublished``, ``<time
datetime>``, or an Indonesian date in a byline: a short element, those named like a date
first) and the texts where an advertorial label may stand (the section and tags, a
kicker or badge by the title).

The dateline of the article's first paragraph ("SLEMAN, Senin (30/11/2026) –") is never
the publication date: it is the activity's day, copied from the release, and a page
published a week late carries it too."""
from __future__ import annotations

import json
import re
from datetime import date, datetime

from press.dates import wall_time
from press.notes.dates import find_dates

DATE_META = ("date", "dc.date", "dc.date.issued", "dcterms.created", "dcterms.issued", "sailthru.date")
DATE_META_ENDINGS = ("publishedtime", "publishdate", "publisheddate", "pubdate", "datepublished", "publishtime",
                     "originalpublicationdate")
LABEL_META = ("article:section", "article:tag", "keywords", "news_keywords", "og:title", "twitter:title",
              "content_category")
SMALL = re.compile(r"label|kicker|kategori|category|rubri[kc]|badge|tag|adv|sponsor|pariwara|channel|section|"
                   r"flag|ribbon|type|jenis", re.I)
NOT_ARTICLE = re.compile(r"\bads?\b|ads-|-ads|advert|iklan|banner|widget|sidebar|related|terkait|menu|nav|"
                         r"footer|comment|komentar|popular|populer|trending|recommend|rekomendasi", re.I)
BYLINE = re.compile(r"date|time|tanggal|waktu|publish|terbit|byline|meta|info|author|penulis", re.I)
BYLINE_LENGTH = 120
YEAR = re.compile(r"(?:19|20)\d\d|/\d\d\b")
DATELINE = re.compile(r"^[A-Z][A-Z .'’/-]{1,40}(?:\s*,\s*[^–—]{0,40})?\s*(?:–|—|--|-)\s")
TITLE_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|–—-]{2,60}$")


def _squash(text: str) -> str:
    return " ".join((text or "").split())


def _meta(root, names=(), endings=()) -> list[str]:
    """The contents of the ``<meta>`` elements named ``names``, or whose name, letters and
    digits only, ends with one of ``endings`` (``dtk:publishdate``, ``content_PublishedDate``)."""
    found = []
    for element in root.iter("meta"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "").lower()
        if not element.get("content"):
            continue
        if key in names or (endings and re.sub(r"[^a-z0-9]", "", key).endswith(endings)):
            found.append(_squash(element.get("content")))
    return found


def page_title(root) -> str:
    """The article's headline: the ``<h1>`` that the page's ``og:title`` or ``<title>``
    names (a site that puts its logo in an ``<h1>`` too), else that title without the
    site's name, else the first ``<h1>``."""
    headings = [text for text in (_squash(h1.text_content()) for h1 in root.iter("h1")) if len(text) >= 10]
    title = root.find(".//title")
    named = _meta(root, ("og:title", "twitter:title")) + [
        TITLE_SUFFIX.sub("", _squash(title.text_content())) if title is not None else ""]
    for reference in (n.casefold() for n in named if n):
        for heading in headings:
            if heading.casefold() in reference or reference in heading.casefold():
                return heading
    if headings:
        return headings[0]
    return next((n for n in named if n), "")


def _iso_day(value: str) -> date | None:
    value = value.strip()
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00").replace(" ", "T", 1))
    except ValueError:
        match = re.match(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", value)
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
        if not YEAR.search(text):
            continue
        for found in find_dates(text[:400]):
            if not found.date.startswith("--"):
                try:
                    return date.fromisoformat(found.date)
                except ValueError:
                    continue
    return None


def published_date(root) -> tuple[date | None, str | None]:
    """The article's publication day in the office's zone and where it was read."""
    for value in _meta(root, endings=DATE_META_ENDINGS) + _meta(root, DATE_META):
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
    bylines = []
    for element in root.iter("div", "span", "p", "time", "small", "li", "em", "strong", "b", "font"):
        text = _squash(element.text_content())
        if not text or len(text) > BYLINE_LENGTH or not YEAR.search(text) or _outside_article(element):
            continue
        marked = BYLINE.search(f"{element.get('class') or ''} {element.get('id') or ''}")
        if DATELINE.match(text) or (element.tag == "p" and not marked):
            continue
        bylines.append((0 if marked else 1, text))
    day = _text_date([text for _rank, text in sorted(bylines, key=lambda b: b[0])])
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
    pieces += [_squash(title.text_content()) for title in root.iter("title")]
    small: list[str] = []
    scopes = list(root.iter("article"))
    for h1 in root.iter("h1"):
        around = [a for a in (h1.getparent(), h1.getparent().getparent() if h1.getparent() is not None else None)
                  if a is not None and a.tag not in ("body", "html")]
        if around:
            scopes.append(around[-1])
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

"""The next page of an article split over several: ``rel=next``, a "Halaman 2",
"Selanjutnya" or "Berikutnya" link, a ``?page=2`` link, or the number 2 in the
article's page list; only when the link stays in the same article (same host, the same
path with a page parameter, or the path with a page number after it), so "Berita
selanjutnya" to another story is not followed."""
from __future__ import annotations

import re
from urllib.parse import parse_qsl, urljoin, urlsplit

import lxml.html
from lxml import etree

PAGE_PARAMS = ("page", "halaman", "hal", "p", "pg", "paged")
NEXT_WORDS = re.compile(r"^\s*(?:selanjutnya|berikutnya|halaman\s+(?:selanjutnya|berikutnya)|next|lanjut|»|›|>)\s*[»›>]?\s*$", re.I)
PAGE_WORDS = re.compile(r"^\s*(?:halaman|hal\.?|page)?\s*(\d{1,2})\s*$", re.I)
PATH_PAGE = re.compile(r"^(?P<base>.*?)(?:/|-|_)(?:page|halaman|hal|all)?-?(?P<n>\d{1,2})/?(?:\.html?)?$", re.I)


PARSER = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)


def parse(html: str):
    """The page as an lxml tree (the text was decoded by the fetch: handed over as UTF-8)."""
    try:
        return lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=PARSER)
    except (etree.ParserError, ValueError):
        return None


def _stem(path: str) -> str:
    path = re.sub(r"\.html?$", "", path.rstrip("/"), flags=re.I)
    match = PATH_PAGE.match(path)
    return match["base"] if match and int(match["n"]) < 50 else path


def page_number(url: str, article: str) -> int | None:
    """The page of ``article`` that ``url`` is (1 for the article itself), or None when
    it is another address."""
    here, there = urlsplit(article), urlsplit(url)
    if here.hostname != there.hostname:
        return None
    base = _stem(here.path)
    query = dict(parse_qsl(there.query))
    for name in PAGE_PARAMS:
        if name in query and query[name].isdigit():
            return int(query[name]) if _stem(there.path) == base or there.path == here.path else None
    if there.path.rstrip("/") == here.path.rstrip("/"):
        return 1
    path = re.sub(r"\.html?$", "", there.path.rstrip("/"), flags=re.I)
    match = PATH_PAGE.match(path)
    if match and match["base"] == base:
        return int(match["n"])
    return None


def _same_article(target: str, article: str) -> bool:
    here, there = urlsplit(article), urlsplit(target)
    return here.hostname == there.hostname and _stem(there.path) == _stem(here.path)


def _tree(page):
    return parse(page) if isinstance(page, str) else page


def whole_article(page, url: str, seen: set[str]) -> str | None:
    """The address of the article on one page, when the site offers it ("?page=all",
    "?single=1": "Tampilkan semua", "Show all"), or None. ``page``: the HTML or its tree."""
    root = _tree(page)
    if root is None:
        return None
    for element in root.iter("a", "link"):
        href = element.get("href")
        if not href:
            continue
        target = urljoin(url, href.strip()).split("#")[0]
        if target in seen or not _same_article(target, url):
            continue
        query = {k.lower(): v.lower() for k, v in parse_qsl(urlsplit(target).query)}
        if any(query.get(name) in ("all", "semua") for name in PAGE_PARAMS) or query.get("single") == "1":
            return target
    return None


def next_page(page, url: str, wanted: int, seen: set[str]) -> str | None:
    """The address of page ``wanted`` of the article at ``url``, or None. ``page``: the
    HTML or its tree."""
    root = _tree(page)
    if root is None:
        return None
    candidates: list[tuple[int, str]] = []
    for element in root.iter("a", "link"):
        href = element.get("href")
        if not href or href.startswith(("#", "javascript:", "mailto:")):
            continue
        target = urljoin(url, href.strip()).split("#")[0]
        if target in seen:
            continue
        number = page_number(target, url)
        if number is None or number <= 1:
            continue
        rel = (element.get("rel") or "").lower().split()
        text = " ".join(element.text_content().split()) if element.tag == "a" else ""
        by_number = PAGE_WORDS.match(text)
        if "next" in rel:
            candidates.append((0, target))
        elif NEXT_WORDS.match(text) or (by_number and int(by_number[1]) == wanted):
            candidates.append((1, target))
        elif number == wanted:
            candidates.append((2, target))
    if not candidates:
        return None
    return min(candidates)[1]

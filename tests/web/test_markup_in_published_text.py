"""A published release whose title and body hold markup: the page, its JSON-LD and the feeds
keep it as text (a writer may quote HTML, and a hostile one may try to break the page)."""
from __future__ import annotations

import html
import json
import xml.etree.ElementTree as ET

import feedparser
import html5lib
import pytest
from sqlalchemy import select

from press.extensions import db
from press.models import Release

TITLE = "Uji <!--<script> judul </script> ]]> & <b>tebal</b>"
BODY = (
    "Paragraf pembuka <!--<script> alert(1) </script> ]]> & <b>bukan tebal</b> <script>x()</script>.\n"
    "Paragraf penutup tetap tampil setelah blok JSON-LD."
)


@pytest.fixture
def release(app) -> Release:
    with app.app_context():
        item = db.session.scalars(select(Release).where(Release.state == "published")).one()
        item.title, item.body = TITLE, BODY
        db.session.commit()
        db.session.refresh(item)
        _ = item.unit
        db.session.expunge(item)
    return item


def parse_html(page: bytes) -> ET.Element:
    """The page as a browser's HTML parser builds it (html5lib follows the WHATWG tokenizer)."""
    return html5lib.parse(page, namespaceHTMLElements=False)


def text_of(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def test_markup_in_title_and_body_keeps_the_whole_release_page(client, release):
    answer = client.get(f"/siaran/{release.slug}")
    assert answer.status_code == 200
    document = parse_html(answer.get_data())
    [ld] = [s for s in document.iter("script") if s.get("type") == "application/ld+json"]
    article = json.loads(ld.text)
    assert article["headline"] == TITLE
    assert "<!--<script>" in article["description"] and "</script>" in article["description"]
    body = document.find("body")
    assert body is not None, "the page after the JSON-LD block was swallowed"
    [headline] = [h for h in body.iter("h1") if h.get("class") == "headline"]
    assert text_of(headline) == " ".join(TITLE.split())
    article_text = text_of(body.find(".//article"))
    assert "Paragraf penutup tetap tampil setelah blok JSON-LD." in article_text
    assert "<!--<script> alert(1) </script> ]]> & <b>bukan tebal</b>" in article_text
    assert body.find(".//footer") is not None and "Peta situs" in text_of(body.find(".//footer"))
    # no script but the JSON-LD block and the site's own files (static/copy.js, empty elements)
    assert [s for s in document.iter("script") if s.get("type") != "application/ld+json"
            and not (s.get("src", "").startswith("/static/") and not (s.text or "").strip())] == []


def literal_text(value: str) -> str:
    """What a feed reader shows for an HTML value that holds no markup."""
    assert "<" not in value, f"markup reached the reader: {value!r}"
    return html.unescape(value)


def test_markup_in_a_summary_reaches_rss_readers_as_text(app, client, release):
    app.config["OFFICE_NAME"] = "Humas <b>Kota</b> & Protokol"
    summary = " ".join(BODY.split())
    for path in ("/feed.xml", f"/unit/{release.unit.slug}/feed.xml"):
        raw = client.get(path).get_data()
        ET.fromstring(raw)
        feed = feedparser.parse(raw)
        assert not feed.bozo, feed.get("bozo_exception")
        [entry] = feed.entries
        assert entry.summary_detail.type == "text/html"
        assert literal_text(entry.summary) == summary
        assert literal_text(feed.feed.subtitle) == "Siaran pers Humas <b>Kota</b> & Protokol"


def test_markup_in_title_and_summary_reaches_atom_readers_as_text(client, release):
    raw = client.get("/atom.xml").get_data()
    ET.fromstring(raw)
    feed = feedparser.parse(raw)
    assert not feed.bozo, feed.get("bozo_exception")
    [entry] = feed.entries
    assert entry.title_detail.type == entry.summary_detail.type == entry.content[0].type == "text/plain"
    assert entry.title == TITLE
    assert entry.summary == " ".join(BODY.split())
    assert entry.content[0].value.endswith(BODY)

"""The article's next page is followed, another story's link is not."""
from __future__ import annotations

import pytest

from press.proofs.pagination import next_page, whole_article

URL = "https://kabar.example/berita/2026/12/01/pemkab-resmikan-jembatan"


def page(links: str) -> str:
    return f"<html><head></head><body><article><p>Isi berita.</p>{links}</article></body></html>"


@pytest.mark.parametrize(("links", "expected"), [
    ('<link rel="next" href="?page=2">', URL + "?page=2"),
    ('<a href="/berita/2026/12/01/pemkab-resmikan-jembatan/2">Halaman 2</a>', URL + "/2"),
    ('<a href="/berita/2026/12/01/pemkab-resmikan-jembatan?halaman=2">Selanjutnya »</a>', URL + "?halaman=2"),
    ('<div class="paging"><a href="?page=2">2</a> <a href="?page=3">3</a></div>', URL + "?page=2"),
    ('<a href="/berita/2026/12/01/pemkab-resmikan-jembatan?page=2&amp;utm=x">Berikutnya</a>',
     URL + "?page=2&utm=x"),
])
def test_the_articles_next_page_is_found(links, expected):
    assert next_page(page(links), URL, 2, {URL}) == expected


@pytest.mark.parametrize("links", [
    '<a href="/berita/2026/12/01/festival-kopi-merapi">Berita selanjutnya</a>',
    '<a href="https://lain.example/berita/2026/12/01/pemkab-resmikan-jembatan?page=2">Selanjutnya</a>',
    '<a href="/indeks?page=2">Selanjutnya</a>',
    '<a href="?page=1">1</a>',
    '<a href="javascript:next()">Selanjutnya</a>',
])
def test_links_out_of_the_article_are_not_followed(links):
    assert next_page(page(links), URL, 2, {URL}) is None


def test_a_page_already_read_is_not_read_again():
    html = page('<a href="?page=2">Selanjutnya</a>')
    assert next_page(html, URL + "?page=2", 3, {URL, URL + "?page=2"}) is None


@pytest.mark.parametrize(("links", "expected"), [
    ('<a href="?page=all">Show All</a>', URL + "?page=all"),
    ('<a href="/berita/2026/12/01/pemkab-resmikan-jembatan?single=1">Tampilkan semua</a>', URL + "?single=1"),
    ('<a href="/indeks?page=all">Semua berita</a>', None),
    ('<a href="?page=2">2</a>', None),
])
def test_the_whole_article_link(links, expected):
    assert whole_article(page(links), URL, {URL}) == expected

"""What the extraction reads from a page: the article's paragraphs without the site's
furniture, the publication day and the advertorial label (and not a label that is not one)."""
from __future__ import annotations

from datetime import date

import pytest

from press.proofs import extract

BODY = ("<p>Pemerintah Kabupaten Sleman membuka pendaftaran beasiswa bagi 500 mahasiswa dari keluarga kurang mampu "
        "tahun ini, kata Kepala Dinas Pendidikan.</p><p>Pendaftaran dibuka hingga akhir bulan melalui laman resmi "
        "pemkab, dengan syarat kartu keluarga dan surat keterangan dari kalurahan.</p>")


def wrap(article: str, head: str = "", around: str = "") -> str:
    return (f"<html><head><title>Beasiswa - Kabar</title>{head}</head><body><nav class='menu'><a href='/adv'>"
            f"Advertorial</a> <a href='/iklan'>Iklan</a></nav>{around}<div class='content'>{article}</div>"
            f"<footer>Hak cipta 2026</footer></body></html>")


@pytest.mark.parametrize(("head", "article", "expected", "source"), [
    ('<script type="application/ld+json">[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":'
     '"2026-12-02T23:30:00Z"}]</script>', "", date(2026, 12, 3), "json-ld"),
    ("", '<time datetime="2026-12-01T08:00:00+07:00">Selasa pagi</time>', date(2026, 12, 1), "time"),
    ("", '<div class="post-date">Kamis, 3 Desember 2026 | 14:20 WIB</div>', date(2026, 12, 3), "text"),
    ("", "<span>Redaksi</span> <span>Jumat, 04/12/2026 09:12 WIB</span>", date(2026, 12, 4), "text"),
    ('<meta name="pubdate" content="2026-11-30">', "", date(2026, 11, 30), "meta"),
    ('<meta name="dtk:publishdate" content="2026/12/03 10:15:00">', "", date(2026, 12, 3), "meta"),
    ('<meta name="content_PublishedDate" content="2026-12-03 23:15:00">', "", date(2026, 12, 3), "meta"),
    ("", '<div class="read__time">Kompas.com - 03/12/2026, 10:15 WIB</div>', date(2026, 12, 3), "text"),
    ("", '<div class="detail__date">Kamis, 03 Des 2026 10:15 WIB</div>', date(2026, 12, 3), "text"),
])
def test_the_publication_day_is_read_where_the_page_puts_it(head, article, expected, source):
    found = extract([wrap(f"<article><h1>Pemkab Buka Pendaftaran Beasiswa</h1>{article}{BODY}</article>", head)])
    assert (found.published, found.published_from) == (expected, source)


def test_the_datelines_activity_day_is_not_the_publication_day():
    """The release's dateline is on every copy, published on time or a week late."""
    found = extract([wrap("<article><h1>Pemkab Buka Pendaftaran Beasiswa</h1><p>SLEMAN, Jumat (4/12/2026) – Pemkab "
                          "membuka pendaftaran beasiswa bagi 500 mahasiswa dari keluarga kurang mampu.</p>"
                          f"{BODY}</article>")])
    assert found.published is None


def test_a_page_without_a_date_has_none():
    found = extract([wrap(f"<article><h1>Pemkab Buka Pendaftaran Beasiswa</h1>{BODY}</article>")])
    assert found.published is None


@pytest.mark.parametrize(("article", "head", "label"), [
    ('<span class="kicker">Konten Kerja Sama</span>', "", "Konten Kerja Sama"),
    ('<div class="badge">ADV</div>', "", "ADV"),
    ("<p>(Adv)</p>", "", "(Adv)"),
    ("<p>[Iklan]</p>", "", "[Iklan]"),
    ("<p>Advertorial ini kerja sama Pemkab Sleman dan Kabar Merapi.</p>", "", "Advertorial"),
    ("", '<meta property="article:section" content="Advertorial">', "Advertorial"),
    ("", '<meta property="article:tag" content="Sponsored">', "Sponsored"),
    ("", "<title>Pemkab Buka Pendaftaran Beasiswa | Advertorial | Kabar Merapi</title>", "Advertorial"),
    ("<p>Artikel ini merupakan kerja sama Kabar Merapi dengan Pemerintah Kabupaten Sleman.</p>", "",
     "Artikel ini merupakan kerja sama"),
])
def test_the_advertorial_label_is_found(article, head, label):
    found = extract([wrap(f"<article><h1>Pemkab Buka Pendaftaran Beasiswa</h1>{article}{BODY}</article>", head)])
    assert found.label == label


def test_a_menu_beside_a_bare_headline_is_not_a_label():
    found = extract([f'<html><body><ul id="topbar"><li><a href="/iklan">Iklan</a></li><li><a href="/">Beranda</a></li>'
                     f'</ul><h1>Pemkab Buka Pendaftaran Beasiswa</h1>{BODY}</body></html>'])
    assert found.label is None


def test_a_title_opening_with_the_label_carries_it():
    found = extract([wrap(f"<article><h1>ADV: Pemkab Buka Pendaftaran Beasiswa</h1>{BODY}</article>")])
    assert found.label == "ADV"


@pytest.mark.parametrize("article", [
    "<p>Program ini kerja sama pemkab dengan tiga universitas negeri di Yogyakarta untuk lima tahun ke depan.</p>",
    '<div class="ads"><span>Iklan</span><img src="/b.jpg"></div>',
    '<div class="adsbygoogle">Advertisement</div>',
    "<p>Pemkab juga menertibkan papan iklan liar di sepanjang Jalan Magelang, kata Kasatpol PP.</p>",
    "<p>Program beasiswa (kerja sama pemkab dan Bank Indonesia) dibuka untuk 500 mahasiswa tahun ini.</p>",
])
def test_words_that_are_not_a_label_are_not_one(article):
    found = extract([wrap(f"<article><h1>Pemkab Buka Pendaftaran Beasiswa</h1>{BODY}{article}</article>")])
    assert found.label is None


def test_the_headline_is_the_h1_the_page_title_names_not_the_logo():
    found = extract(['<html><head><title>Pemkab Buka Pendaftaran Beasiswa - Kabar Merapi</title></head><body>'
                     '<h1 class="logo"><a href="/">Kabar Merapi Online</a></h1>'
                     f'<article><h1>Pemkab Buka Pendaftaran Beasiswa</h1>{BODY}</article></body></html>'])
    assert found.title == "Pemkab Buka Pendaftaran Beasiswa"


def test_inserts_share_bars_and_comments_are_left_out():
    article = ('<article><h1>Pemkab Buka Pendaftaran Beasiswa</h1><div class="share">Bagikan: Facebook Twitter</div>'
               '<p>Pemerintah Kabupaten Sleman membuka pendaftaran beasiswa bagi 500 mahasiswa, kata Kepala Dinas.</p>'
               "<p>Baca juga: Pemkab Sleman Gelar Pasar Murah di 17 Kapanewon Jelang Natal</p>"
               '<p>SCROLL TO CONTINUE WITH CONTENT</p>'
               '<p>Pendaftaran dibuka hingga akhir bulan melalui laman resmi pemkab dan kantor kalurahan.</p>'
               '<ul class="related"><li><a href="/x">Berita lain tentang beasiswa tahun lalu yang ramai</a></li></ul>'
               '<p>Editor: Budi</p></article>'
               '<div id="disqus_thread"><p>Komentar pembaca yang panjang sekali, dengan koma, dan titik.</p></div>')
    found = extract([wrap(article)])
    assert found.paragraphs == (
        "Pemerintah Kabupaten Sleman membuka pendaftaran beasiswa bagi 500 mahasiswa, kata Kepala Dinas.",
        "Pendaftaran dibuka hingga akhir bulan melalui laman resmi pemkab dan kantor kalurahan.")
    assert found.title == "Pemkab Buka Pendaftaran Beasiswa"


def test_a_content_box_also_named_for_its_share_buttons_is_kept():
    found = extract([wrap('<div class="post-content share-enabled"><p>Pemerintah Kabupaten Sleman membuka '
                          'pendaftaran beasiswa bagi 500 mahasiswa, kata Kepala Dinas Pendidikan.</p></div>'
                          '<div class="comment-content"><p>Komentar pembaca yang panjang, dengan koma, dan titik.</p></div>')])
    assert found.paragraphs == ("Pemerintah Kabupaten Sleman membuka pendaftaran beasiswa bagi 500 mahasiswa, kata "
                                "Kepala Dinas Pendidikan.",)


def test_a_page_wrapped_whole_in_a_form_still_gives_its_article():
    """ASP.NET pages put everything inside one <form>; a search form alone is dropped."""
    found = extract([f'<html><body><form id="aspnetForm"><div class="menu visible-lg"><a href="/">Beranda</a></div>'
                     f'<form class="cari"><input name="q"> Cari berita di situs ini sekarang juga</form>'
                     f'<h1>Pemkab Buka Pendaftaran Beasiswa</h1>{BODY}<p>Kuota tahun ini naik dua kali lipat '
                     f'dibanding tahun lalu, kata kepala dinas.</p></form></body></html>'])
    assert len(found.paragraphs) == 3
    assert "Cari berita" not in found.text and "Beranda" not in found.text


def test_paragraphs_written_with_line_breaks_are_split():
    found = extract([wrap("<h1>Pemkab Buka Pendaftaran Beasiswa</h1><div class='isi'>Kalimat pertama yang cukup "
                          "panjang, dengan koma.<br><br>Kalimat kedua yang juga cukup panjang, dengan koma.</div>")])
    assert found.paragraphs == ("Kalimat pertama yang cukup panjang, dengan koma.",
                                "Kalimat kedua yang juga cukup panjang, dengan koma.")


@pytest.mark.parametrize("html", ["", "   ", "<html></html>", "\x00\x01", "<p>" * 5000, "<?xml version='1.0'?><a/>"])
def test_odd_pages_give_an_empty_or_partial_article_not_an_error(html):
    found = extract([html])
    assert found.label is None

"""News pages in five site layouts around articles modelled on real releases
(``tests/notes/real*/``): a semantic theme, a portal of nested divs, an old table
layout with ``<br>`` paragraphs, a WordPress blog, a mobile page of text divs. Around
each article: menus, ads, share bars, "Baca Juga" inserts, teasers of other stories
written as full sentences, comments and a footer paragraph — what extraction must
leave out. Used by the extraction-quality test and ``bench/proofs.py``."""
from __future__ import annotations

import html
import re
from functools import lru_cache
from pathlib import Path

NOTES = Path(__file__).resolve().parents[1] / "notes"
COMMENTS = [
    "Semoga program ini benar-benar sampai ke warga desa, jangan hanya bagus di berita saja, terima kasih.",
    "Jalan di kampung kami sudah rusak bertahun-tahun, Pak, kapan diperbaiki, mohon perhatiannya.",
    "Mantap, lanjutkan terus, pemerintah daerah harus hadir untuk rakyat kecil, bukan hanya saat kampanye.",
    "Admin, apakah pendaftarannya bisa lewat daring atau harus datang ke kantor kecamatan, mohon info.",
]
FOOTER = ("Kabar Nusantara adalah media daring yang terverifikasi Dewan Pers, menyajikan berita daerah, politik, "
          "ekonomi dan budaya sejak 2015, dengan redaksi di Jalan Merdeka Nomor 10.")


@lru_cache(maxsize=1)
def corpus() -> list[tuple[str, list[str]]]:
    """(title, paragraphs) of each note modelled on a real release: the title is its first
    line, the paragraphs its blocks of eight words or more (bylines left out)."""
    articles = []
    for path in sorted(NOTES.glob("real*/*.txt")):
        blocks = [" ".join(b.split()) for b in re.split(r"\n\s*\n", path.read_text(encoding="utf-8"))]
        blocks = [b for b in blocks if b and not b.startswith("# ")]
        if len(blocks) < 3:
            continue
        paragraphs = [b for b in blocks[1:] if len(b.split()) >= 8 and not re.match(r"baca juga", b, re.I)]
        if len(paragraphs) >= 2:
            articles.append((blocks[0], paragraphs))
    return articles


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def _teasers(others) -> list[tuple[str, str]]:
    return [(title, paragraphs[0]) for title, paragraphs in others]


def _with_inserts(paragraphs, others, make_p, make_insert) -> str:
    out = []
    for n, paragraph in enumerate(paragraphs):
        out.append(make_p(paragraph))
        if n == 1 and others:
            out.append(make_insert(others[0][0]))
        if n == 3 and len(others) > 1:
            out.append(make_insert(others[1][0]))
    return "".join(out)


def semantic(title, paragraphs, others) -> str:
    teasers = "".join(f'<li><a href="/b/{n}">{_e(t)}</a><p class="excerpt">{_e(s)}</p></li>'
                      for n, (t, s) in enumerate(_teasers(others)))
    body = _with_inserts(paragraphs, others, lambda p: f"<p>{_e(p)}</p>",
                         lambda t: f'<p><strong>Baca Juga:</strong> <a href="/x">{_e(t)}</a></p>')
    return (f'<html><head><title>{_e(title)} | Kabar</title></head><body><header><nav><a href="/">Beranda</a> '
            f'<a href="/daerah">Daerah</a> <a href="/adv">Advertorial</a></nav></header>'
            f'<main><article><h1>{_e(title)}</h1><div class="share">Bagikan: Facebook Twitter WhatsApp</div>'
            f'<div class="article-body">{body}</div></article>'
            f'<section class="related"><h2>Berita Terkait</h2><ul>{teasers}</ul></section>'
            f'<section class="comments">{"".join(f"<p>{_e(c)}</p>" for c in COMMENTS)}</section></main>'
            f'<aside><div class="ads">Iklan</div></aside><footer><p>{_e(FOOTER)}</p></footer></body></html>')


def portal(title, paragraphs, others) -> str:
    teasers = "".join(f'<div class="media"><div class="media__title"><a href="/r/{n}">{_e(t)}</a></div>'
                      f'<div class="media__desc">{_e(s)}</div></div>' for n, (t, s) in enumerate(_teasers(others)))
    body = _with_inserts(paragraphs, others, lambda p: f"<p>{_e(p)}</p>",
                         lambda t: f'<table class="linksisip"><tr><td><div class="lihatjg"><strong>Baca juga:</strong>'
                                   f'<a href="/y">{_e(t)}</a></div></td></tr></table>'
                                   f'<div class="parallaxindetail"><div class="ads-box">ADVERTISEMENT</div></div>')
    return (f'<html><head><title>{_e(title)}</title><meta property="og:title" content="{_e(title)}"></head><body>'
            f'<div id="wrap"><div class="header"><div class="topnav"><a href="/">News</a> <a href="/finance">Finance</a>'
            f'</div></div><div class="container"><div class="row"><div class="column-8">'
            f'<div class="detail"><div class="detail__header"><h1 class="detail__title">{_e(title)}</h1>'
            f'<div class="detail__author">Tim Redaksi</div></div><div class="detail__body itp_bodycontent_wrapper">'
            f'<div class="detail__body-text itp_bodycontent">{body}</div></div>'
            f'<div class="detail__body-tag">Tag: pemkab daerah</div></div>'
            f'<div class="list-content">{teasers}</div><div class="fb-comments">'
            f'{"".join(f"<div class=komentar-isi>{_e(c)}</div>" for c in COMMENTS)}</div></div>'
            f'<div class="column-4"><div class="box-populer">{teasers}</div></div></div></div>'
            f'<div class="footer"><div class="footer__about">{_e(FOOTER)}</div></div></div></body></html>')


def table(title, paragraphs, others) -> str:
    teasers = "".join(f'<tr><td><a href="/l/{n}"><b>{_e(t)}</b></a><br>{_e(s)}</td></tr>'
                      for n, (t, s) in enumerate(_teasers(others)))
    body = "<br><br>".join(_e(p) for p in paragraphs)
    return (f'<html><head><title>{_e(title)}</title></head><body><table width="100%"><tr><td colspan="2">'
            f'<a href="/">HOME</a> | <a href="/berita">BERITA</a> | <a href="/galeri">GALERI</a></td></tr>'
            f'<tr><td width="70%" valign="top"><font size="4"><b>{_e(title)}</b></font><br>'
            f'<font size="2">Dibaca 1.204 kali</font><br><br><font size="3">{body}</font><br><br>'
            f'<b>Berita Lainnya:</b><table>{teasers}</table></td>'
            f'<td width="30%" valign="top"><table><tr><td>{_e(COMMENTS[0])}</td></tr>'
            f'<tr><td>{_e(COMMENTS[1])}</td></tr></table></td></tr>'
            f'<tr><td colspan="2"><center>{_e(FOOTER)}</center></td></tr></table></body></html>')


def blog(title, paragraphs, others) -> str:
    related = "".join(f'<div class="jp-relatedposts-post"><h4><a href="/p/{n}">{_e(t)}</a></h4><p>{_e(s)}</p></div>'
                      for n, (t, s) in enumerate(_teasers(others)))
    comments = "".join(f'<li class="comment"><div class="comment-author">Pembaca {n}</div>'
                       f'<div class="comment-content"><p>{_e(c)}</p></div></li>' for n, c in enumerate(COMMENTS))
    body = _with_inserts(paragraphs, others, lambda p: f"<p>{_e(p)}</p>",
                         lambda t: f'<p>Baca juga: <a href="/z">{_e(t)}</a></p>')
    return (f'<html><head><title>{_e(title)} &#8211; Blog Berita</title></head><body class="single">'
            f'<div id="page"><div id="masthead"><div class="site-branding">Blog Berita</div>'
            f'<div class="main-navigation"><ul><li><a href="/">Home</a></li><li><a href="/kerja-sama">Kerja Sama</a>'
            f'</li></ul></div></div><div id="content"><div id="primary"><div class="post type-post hentry">'
            f'<h1 class="entry-title">{_e(title)}</h1><div class="entry-meta">Diposting oleh admin</div>'
            f'<div class="entry-content">{body}<div class="sharedaddy sd-sharing"><h3>Bagikan ini:</h3>'
            f'<a href="#">Facebook</a></div><div id="jp-relatedposts">{related}</div></div></div>'
            f'<div id="comments" class="comments-area"><ol class="comment-list">{comments}</ol></div></div>'
            f'<div id="secondary" class="widget-area"><div class="widget"><p>{_e(FOOTER)}</p></div></div></div>'
            f'<div id="colophon">Proudly powered by WordPress</div></div></body></html>')


def mobile(title, paragraphs, others) -> str:
    teasers = "".join(f'<a class="card" href="/m/{n}"><div class="card-title">{_e(t)}</div>'
                      f'<div class="card-text">{_e(s)}</div></a>' for n, (t, s) in enumerate(_teasers(others)))
    body = _with_inserts(paragraphs, others, lambda p: f'<div class="paragraph">{_e(p)}</div>',
                         lambda t: f'<div class="inline-related"><span>BACA JUGA</span><a href="/q">{_e(t)}</a></div>')
    return (f'<html><head><title>{_e(title)}</title></head><body><div class="app"><div class="top-bar">'
            f'<a href="/">☰</a> Kabar Mobile</div><main><h1 class="read__title">{_e(title)}</h1>'
            f'<div class="read__time">Kompas - 12/12/2025</div><div class="read__content">{body}</div>'
            f'<div class="read__more">{teasers}</div><div class="ad-slot">Iklan</div></main>'
            f'<div class="bottom">{_e(FOOTER)}</div></div></body></html>')


LAYOUTS = {"semantic": semantic, "portal": portal, "table": table, "blog": blog, "mobile": mobile}


def pages():
    """(layout, title, paragraphs, html) for every article in every layout; the clutter of
    each page is the next articles' titles and first sentences."""
    articles = corpus()
    for n, (title, paragraphs) in enumerate(articles):
        others = [articles[(n + k) % len(articles)] for k in (1, 2, 3)]
        for name, layout in LAYOUTS.items():
            yield name, title, paragraphs, layout(title, paragraphs, others)


def sentence_quality(extracted_paragraphs, own_paragraphs, split, normalise) -> tuple[int, int, int, int]:
    """(own sentences recovered, own sentences, extracted sentences that are the
    article's, extracted sentences): recall and precision of one page's extraction."""
    own = [normalise(s) for p in own_paragraphs for s in split(p)]
    got = [normalise(s) for p in extracted_paragraphs for s in split(p)]
    text = " " + " ".join(normalise(p) for p in extracted_paragraphs) + " "
    whole = " " + " ".join(own) + " "
    return (sum(1 for s in own if f" {s} " in text), len(own),
            sum(1 for s in got if f" {s} " in whole), len(got))

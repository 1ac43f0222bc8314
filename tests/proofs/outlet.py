"""An outlet-like site for the proof tests and the benchmark: the release as a partner
publishes it, inside site navigation, ads, a sidebar and comments, and its variants
(a paragraph cut, no label, a week late, another article, over two pages, with "Baca
Juga" inserts), served by a real HTTP server on 127.0.0.1 in a thread."""
from __future__ import annotations

import gzip
import html
import http.server
import threading
import time
from datetime import date, timedelta

DUE = date(2026, 11, 30)
TITLE = "Pemkab Sleman Resmikan Jembatan Gantung Sukamaju"
PARAGRAPHS = [
    "SLEMAN – Bupati Sleman, Drs. Harda Kiswaya, meresmikan jembatan gantung di Padukuhan Sukamaju, "
    "Kalurahan Sendangsari, Senin (30/11/2026). Jembatan sepanjang 48 meter itu menghubungkan dua padukuhan "
    "yang selama ini terpisah Kali Progo.",
    "Pembangunan jembatan dibiayai APBD Kabupaten Sleman tahun 2026 sebesar Rp 2,4 miliar. Pekerjaan dimulai "
    "pada Juli dan selesai tiga pekan lebih cepat dari jadwal.",
    "“Warga tidak perlu lagi memutar sejauh tujuh kilometer untuk ke pasar dan sekolah,” kata Bupati dalam "
    "sambutannya. Ia meminta warga ikut merawat jembatan tersebut.",
    "Kepala Dinas Pekerjaan Umum, Ir. Taufiq Wahyudi, M.T., menjelaskan jembatan dirancang untuk pejalan kaki "
    "dan sepeda motor dengan beban hingga 500 kilogram. Rambu batas muatan dipasang di kedua ujung jembatan.",
    "Peresmian ditandai dengan pengguntingan pita dan penandatanganan prasasti. Acara dihadiri Forkopimda, "
    "camat, lurah, serta ratusan warga dari dua padukuhan.",
    "Pemkab Sleman menargetkan pembangunan lima jembatan gantung lagi hingga 2028 di wilayah yang masih "
    "terisolasi saat musim hujan.",
]
OTHER_TITLE = "Harga Cabai Rawit di Pasar Beringharjo Naik Jelang Akhir Tahun"
OTHER = [
    "YOGYAKARTA – Harga cabai rawit merah di Pasar Beringharjo naik menjadi Rp 80.000 per kilogram pada Senin "
    "(30/11/2026). Pedagang menyebut pasokan dari petani berkurang karena hujan.",
    "“Sepekan lalu masih Rp 55.000, sekarang naik terus,” kata Sumarni, pedagang di los sayur.",
    "Dinas Perdagangan menyiapkan operasi pasar bila kenaikan berlanjut hingga pekan depan, ujar kepala "
    "bidang stabilisasi harga.",
]


def _article_html(title: str, paragraphs: list[str], *, label: bool = True, inserts: bool = False,
                  pager: str = "") -> str:
    parts = []
    for n, paragraph in enumerate(paragraphs):
        parts.append(f"<p>{html.escape(paragraph)}</p>")
        if n == 0:
            parts.append('<div class="ads ads-inarticle"><span class="ads-label">Iklan</span>'
                         '<a href="https://iklan.example/klik"><img src="/banner.jpg" alt="Promo kredit motor"></a></div>')
        if inserts and n in (1, 3):
            parts.append('<p><strong>Baca Juga:</strong> <a href="/berita/lain-1">Pemkab Sleman Gelar Pasar '
                         'Murah di 17 Kapanewon Jelang Natal</a></p>')
            parts.append('<div class="baca-juga"><span>Baca juga</span><ul><li><a href="/berita/lain-2">Dinas '
                         'PU Perbaiki 12 Ruas Jalan Kabupaten Rusak Akibat Banjir</a></li></ul></div>')
    if label:
        parts.append("<p>(Adv Humas Pemkab Sleman)</p>")
    kicker = '<span class="kategori">Advertorial</span>' if label else '<span class="kategori">Daerah</span>'
    return (f'<article class="post-article"><div class="breadcrumb"><a href="/">Beranda</a> › '
            f'<a href="/daerah">Daerah</a></div>{kicker}<h1 class="post-title">{html.escape(title)}</h1>'
            f'<div class="post-meta"><span class="author">Redaksi</span></div>'
            f'<div class="share-bar"><a href="#">Bagikan ke Facebook</a> <a href="#">Twitter</a> <a href="#">WhatsApp</a></div>'
            f'<div class="post-content">{"".join(parts)}{pager}</div>'
            f'<div class="tags">Tag: <a href="/tag/sleman">Sleman</a> <a href="/tag/jembatan">jembatan</a></div>'
            f'</article>')


def page(title: str, paragraphs: list[str], *, published: date = DUE, label: bool = True, inserts: bool = False,
         pager: str = "", date_in: str = "meta", extra_head: str = "") -> bytes:
    """A news page of the outlet around the article."""
    moment = f"{published.isoformat()}T10:15:00+07:00"
    head = {"meta": f'<meta property="article:published_time" content="{moment}">',
            "json-ld": f'<script type="application/ld+json">{{"@context":"https://schema.org","@graph":[{{"@type":'
                       f'"NewsArticle","headline":"x","datePublished":"{moment}"}}]}}</script>',
            "text": ""}[date_in]
    body = _article_html(title, paragraphs, label=label, inserts=inserts, pager=pager)
    if date_in == "text":
        body = body.replace('<span class="author">Redaksi</span>',
                            f'<span class="author">Redaksi</span> <span class="date">{published.day} '
                            f'{["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"][published.month - 1]} '
                            f'{published.year}, 10:15 WIB</span>')
    return f"""<!doctype html><html lang="id"><head><meta charset="utf-8">
<title>{html.escape(title)} - Kabar Merapi</title>{head}{extra_head}
<style>.ads{{margin:1em}}</style><script>window.dataLayer=[];</script></head><body>
<header class="site-header"><div class="logo"><a href="/">Kabar Merapi</a></div>
<nav class="menu"><ul><li><a href="/">Beranda</a></li><li><a href="/daerah">Daerah</a></li>
<li><a href="/politik">Politik</a></li><li><a href="/advertorial">Advertorial</a></li>
<li><a href="/iklan">Iklan</a></li><li><a href="/kerja-sama">Kerja Sama</a></li></ul></nav></header>
<div class="ads ads-top"><span>ADVERTISEMENT</span><img src="/leaderboard.jpg" alt=""></div>
<div class="container"><main class="main-column">{body}
<section class="related-posts"><h3>Berita Terkait</h3><ul>
<li><a href="/berita/lain-3">Bupati Sleman Tinjau Progres Pembangunan Jalan Tol Yogyakarta–Solo di Kalasan</a></li>
<li><a href="/berita/lain-4">Kali Progo Meluap, Warga Sendangsari Diminta Waspada Saat Hujan Deras Malam Hari</a></li>
</ul></section>
<section id="comments" class="comment-area"><h3>3 Komentar</h3>
<div class="comment"><p>Alhamdulillah, akhirnya jembatan jadi juga. Terima kasih Pak Bupati, semoga awet dan bermanfaat bagi warga, amin.</p></div>
<div class="comment"><p>Kapan jembatan di padukuhan kami dibangun juga, Pak? Kami sudah menunggu bertahun-tahun, mohon diperhatikan.</p></div>
</section></main>
<aside class="sidebar"><div class="widget popular"><h3>Terpopuler</h3><ol>
<li><a href="/berita/p1">Lima Kuliner Malam Legendaris di Yogyakarta yang Wajib Dicoba Wisatawan</a></li>
<li><a href="/berita/p2">Jadwal Pemadaman Listrik di Sleman dan Bantul Pekan Ini, Cek Wilayah Anda</a></li>
</ol></div><div class="ads ads-sidebar"><img src="/sky.jpg" alt="Iklan"></div></aside></div>
<footer class="site-footer"><p>Kabar Merapi — Jl. Magelang Km 5, Sleman. Hak cipta © 2026. Seluruh isi dilindungi undang-undang.</p>
<p><a href="/redaksi">Redaksi</a> · <a href="/pedoman">Pedoman Media Siber</a> · <a href="/kontak">Kontak</a></p></footer>
</body></html>""".encode("utf-8")


def two_pages() -> tuple[bytes, bytes]:
    first = page(TITLE, PARAGRAPHS[:3], label=False,
                 pager='<div class="pagination">Halaman: <b>1</b> <a href="/berita/bersambung?page=2">2</a> '
                       '<a href="/berita/bersambung?page=2">Selanjutnya »</a></div>'
                       '<p class="next-article"><a href="/berita/lain-5">Berita selanjutnya: Festival Kopi '
                       'Merapi Digelar Akhir Pekan Ini di Lapangan Pakem</a></p>')
    second = page(TITLE, PARAGRAPHS[3:], label=True,
                  pager='<div class="pagination">Halaman: <a href="/berita/bersambung">1</a> <b>2</b></div>')
    return first, second


def week_late() -> date:
    return DUE + timedelta(days=7)


PAGES = {
    "/berita/adv-jembatan": lambda: page(TITLE, PARAGRAPHS),
    "/berita/dipotong": lambda: page(TITLE, PARAGRAPHS[:3] + PARAGRAPHS[4:]),
    "/berita/tanpa-label": lambda: page(TITLE, PARAGRAPHS, label=False),
    "/berita/terlambat": lambda: page(TITLE, PARAGRAPHS, published=week_late()),
    "/berita/lain": lambda: page(OTHER_TITLE, OTHER, label=False),
    "/berita/baca-juga": lambda: page(TITLE, PARAGRAPHS, inserts=True),
    "/berita/json-ld": lambda: page(TITLE, PARAGRAPHS, date_in="json-ld"),
    "/berita/tanggal-teks": lambda: page(TITLE, PARAGRAPHS, date_in="text", published=week_late()),
    "/berita/jembatan%20gantung-%E2%80%93-sleman": lambda: page(TITLE, PARAGRAPHS),
    "/berita/semua": lambda: page(TITLE, PARAGRAPHS[:2], label=False, pager=(
        '<div class="paging"><a href="/berita/semua?page=2">2</a> <a href="/berita/semua?page=3">3</a> '
        '<a class="paging__link--show" href="/berita/semua?page=all">Tampilkan semua</a></div>')),
    "/berita/semua?page=all": lambda: page(TITLE, PARAGRAPHS),
    "/berita/bersambung": lambda: two_pages()[0],
    "/berita/bersambung?page=2": lambda: two_pages()[1],
}


class Outlet(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "KabarMerapi/1.0"
    stop = threading.Event()
    hosts: list[str] = []
    header_lines = 0

    def log_message(self, *args):
        pass

    def _send(self, status: int, body: bytes, headers: dict | None = None):
        self.send_response(status)
        for key, value in {"Content-Type": "text/html; charset=utf-8", "Content-Length": str(len(body)),
                           "Connection": "close", **(headers or {})}.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: C901 - one route table
        self.hosts.append(self.headers.get("Host", ""))
        path = self.path
        port = self.server.server_address[1]
        if path in PAGES:
            return self._send(200, PAGES[path]())
        if path.startswith("/berita/panjang"):
            number = int(path.partition("?page=")[2] or 1)
            pager = f'<div class="pagination"><a href="/berita/panjang?page={number + 1}">Selanjutnya</a></div>'
            return self._send(200, page(TITLE, [PARAGRAPHS[(number - 1) % len(PARAGRAPHS)]], pager=pager,
                                        label=number == 1))
        if path in ("/latin", "/latin-http-equiv"):
            head = ('<meta charset="windows-1252">' if path == "/latin" else
                    '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">')
            body = f"<html><head>{head}</head><body><h1>Café Kopi Merapi Diresmikan Bupati</h1></body></html>"
            return self._send(200, body.encode("cp1252"), {"Content-Type": "text/html"})
        if path == "/lambat":
            self.stop.wait(30)
            return None
        if path == "/tetes":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            while not self.stop.is_set():
                try:
                    self.wfile.write(b"<p>")
                    self.wfile.flush()
                except OSError:
                    return None
                time.sleep(0.05)
            return None
        if path == "/tetes-kepala":
            self.wfile.write(b"HTTP/1.1 200 OK\r\n")
            for n in range(400):
                if self.stop.is_set():
                    return None
                try:
                    self.wfile.write(b"X-Tunggu-%d: ya\r\n" % n)
                    self.wfile.flush()
                    Outlet.header_lines = n + 1
                except OSError:
                    return None
                time.sleep(0.05)
            return None
        if path == "/besar":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
            self.end_headers()
            chunk = b"<p>" + b"x" * 65_530 + b"</p>"
            try:
                for _ in range(50_000_000 // len(chunk) + 1):
                    self.wfile.write(chunk)
            except OSError:
                pass
            return None
        if path == "/besar-diumumkan":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "50000000")
            self.end_headers()
            return None
        if path == "/bom":
            body = gzip.compress(b"<p>" + b"a" * 20_000_000 + b"</p>")
            return self._send(200, body, {"Content-Encoding": "gzip"})
        if path == "/alih":
            return self._send(302, b"", {"Location": "/berita/adv-jembatan"})
        if path.startswith("/alih-ke/"):
            return self._send(302, b"", {"Location": path[len("/alih-ke/"):].replace("PORT", str(port))})
        if path == "/putar":
            return self._send(302, b"", {"Location": "/putar"})
        if path == "/pdf":
            return self._send(200, b"%PDF-1.4", {"Content-Type": "application/pdf"})
        return self._send(404, b"<html><body><h1>Halaman tidak ditemukan</h1></body></html>")


class Server:
    """The outlet on 127.0.0.1, a free port, in a thread; ``allow`` lets the fetch reach it."""

    def __init__(self):
        Outlet.stop.clear()
        Outlet.hosts = []
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Outlet)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def allow(self) -> str:
        return f"127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def close(self):
        Outlet.stop.set()
        self.httpd.shutdown()
        self.httpd.server_close()

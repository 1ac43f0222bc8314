"""Benchmark of the search core against SQLite FTS5, plus the stemming choice measured.

    python bench/search.py [--docs 100000] [--rounds 5] [--root DIR] [--keep]

Generates Indonesian Humas documents (releases, photo captions, notes, activities),
rebuilds both indexes through ``SearchIndex.rebuild``, times queries through
``SearchIndex.search`` (the function the pages call: top 10 with highlights), measures
how long one new document takes to become searchable, repeats the queries on an FTS5
table over the same documents, and prints precision/recall of stemmed vs unstemmed
search over the annotated set in ``bench/search_relevance.json``. Prints tables; asserts
nothing.
"""
from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.support.relevance import annotated, documents, score  # noqa: E402
from press.search import Document, SearchIndex, upsert  # noqa: E402

HERE = Path(__file__).resolve().parent

TITLES = ["Wali Kota", "Wakil Wali Kota", "Bupati", "Wakil Bupati", "Sekda", "Kepala Dinas", "Camat",
          "Lurah", "Kabag Humas", "Asda I", "Kapolres", "Dandim 0709", "Ketua DPRD", "Kadis Kominfo"]
FIRST = ["Tri", "Sajekti", "Lukita", "Diah", "Muhammad", "Indra", "Ahmad", "Siti", "Budi", "Dewi", "Agus",
         "Rina", "Hendra", "Yuliana", "Bambang", "Nurul", "Eko", "Fitri", "Rudi", "Sri", "Andi", "Made",
         "Wayan", "Putu", "Ketut", "Asep", "Ujang", "Dadang", "Euis", "Teguh", "Wahyu", "Ratna", "Joko"]
LAST = ["Adhianto", "Rubiyah", "Harjana", "Setiyawati", "Muchlis", "Subhan", "Santoso", "Rahayu",
        "Wibowo", "Lestari", "Saputra", "Kurniawan", "Hidayat", "Pratama", "Susanti", "Nugroho",
        "Permana", "Sembiring", "Siregar", "Nasution", "Pangaribuan", "Manurung", "Suryadi", "Halim"]
REGIONS = ["Bekasi", "Subang", "Kediri", "Bandung", "Bogor", "Depok", "Karawang", "Purwakarta", "Garut",
           "Sukabumi", "Cirebon", "Tegal", "Blitar", "Madiun", "Malang", "Jember", "Sleman", "Bantul",
           "Magelang", "Semarang", "Surabaya", "Sidoarjo", "Gresik", "Lamongan", "Pekalongan", "Kendal"]
DISTRICTS = ["Rawalumbu", "Jatiasih", "Bantargebang", "Mustikajaya", "Medansatria", "Pondokgede",
             "Jatisampurna", "Bekasi Timur", "Bekasi Utara", "Pondok Melati", "Rawasari", "Sukamaju",
             "Margahayu", "Harapan Jaya", "Kaliabang", "Cimuning", "Sumurbatu", "Jakamulya"]
UNITS = ["Bagian Humas", "Diskominfostandi", "Dinas Kesehatan", "Dinas Pendidikan", "Dinas Sosial", "BPBD",
         "Satpol PP", "Bappeda", "DPUPR", "Dishub", "Disdukcapil", "BPKAD", "Bapenda", "DLH", "RSUD",
         "Kesbangpol", "Inspektorat", "DPMPTSP", "Dinas Perdagangan", "Dinas Pertanian"]
HEADLINES_BY_KIND = {
    "kunjungan kerja": ("{who} Terima Kunjungan Kerja {guest}", ["menerima kunjungan kerja", "berkunjung",
                        "mengunjungi", "kunjungan", "studi banding", "bertukar informasi", "penerimaan tamu"]),
    "rapat koordinasi": ("{who} Pimpin Rakor {topic}", ["memimpin rapat koordinasi", "rakor",
                         "mengoordinasikan", "berkoordinasi", "membahas", "pembahasan", "evaluasi"]),
    "peresmian": ("{who} Resmikan {facility}", ["meresmikan", "peresmian", "diresmikan", "menggunting pita",
                  "menandatangani prasasti", "pembangunan", "dibangun"]),
    "sosialisasi": ("{unit} Gelar Sosialisasi {topic}", ["menggelar sosialisasi", "mensosialisasikan",
                    "sosialisasi", "memberikan pemahaman", "penyuluhan", "narasumber"]),
    "penyerahan bantuan": ("{who} Serahkan Bantuan {aid} kepada {recipients}", ["menyerahkan bantuan",
                           "penyerahan", "diserahkan", "menyalurkan", "penyaluran", "disalurkan", "penerima"]),
    "upacara": ("Upacara {occasion} Berlangsung Khidmat", ["upacara", "inspektur upacara", "mengheningkan cipta",
                "pengibaran bendera", "khidmat", "peserta upacara"]),
    "penandatanganan MoU": ("{unit} dan {partner} Teken MoU {topic}", ["penandatanganan", "menandatangani",
                            "nota kesepahaman", "kerja sama", "bekerja sama", "kesepakatan"]),
    "pelantikan": ("{who} Lantik {n} Pejabat {level}", ["melantik", "pelantikan", "dilantik", "sumpah jabatan",
                   "mengambil sumpah", "pejabat administrator"]),
    "audiensi": ("{who} Terima Audiensi {group}", ["menerima audiensi", "beraudiensi", "menyampaikan aspirasi",
                 "menanggapi", "aspirasi warga"]),
    "bakti sosial": ("{unit} Gelar Bakti Sosial di {place}", ["bakti sosial", "pengobatan gratis",
                     "pemeriksaan kesehatan", "membagikan sembako", "pelayanan kesehatan"]),
}
TOPICS = ["Penanganan Banjir", "Pelayanan Informasi Publik", "Percepatan Penurunan Stunting", "Pengelolaan Sampah",
          "Keterbukaan Informasi", "Pajak Daerah", "Smart City", "Ketahanan Pangan", "Pencegahan DBD",
          "Penataan PKL", "Kependudukan", "Perizinan Online", "Inflasi Daerah", "Pilkada Damai", "Vaksinasi"]
FACILITIES = ["Puskesmas {d}", "Jembatan {d}", "Pasar {d}", "Gedung Sekolah SDN {n} {d}", "Taman Kota {d}",
              "Posyandu {d}", "Jalan Lingkungan {d}", "Rumah Sakit Tipe D {d}", "Kantor Kelurahan {d}"]
AIDS = ["Sembako", "Alat Bantu Dengar", "Kursi Roda", "Beasiswa", "Bibit Tanaman", "Seragam Sekolah", "Modal Usaha"]
RECIPIENTS = ["Warga Terdampak Banjir", "Lansia", "Penyandang Disabilitas", "Pelajar Berprestasi", "UMKM", "Petani"]
OCCASIONS = ["HUT RI ke-78", "Hari Kesaktian Pancasila", "Hari Sumpah Pemuda", "Hari Pahlawan", "HUT Kota ke-26",
             "Hari Kesadaran Nasional", "Hari Bela Negara", "Hari Ibu ke-95"]
FILLER = [
    "Turut hadir dalam kegiatan tersebut {t1} {p1}, {t2} {p2} serta jajaran.",
    "Kegiatan ini diharapkan dapat meningkatkan pelayanan kepada masyarakat {r}.",
    "\"Kami berharap sinergi antarperangkat daerah terus terjaga,\" ujar {p1}.",
    "Menurut {p2}, program tersebut sudah berjalan sejak awal tahun dengan anggaran Rp{n}.{n2} juta.",
    "Pemerintah Kota {r} berkomitmen memperkuat koordinasi lintas sektor.",
    "Masyarakat dapat menyampaikan pengaduan melalui SP4N Lapor atau Call Center 112 dan 1500-444.",
    "Dalam sambutannya {t1} {p1} mengatakan bahwa partisipasi warga sangat menentukan keberhasilan program.",
    "Acara dilanjutkan dengan sesi tanya jawab dan foto bersama.",
    "Ia menambahkan, evaluasi akan dilakukan setiap triwulan bersama OPD terkait.",
    "\"Terima kasih atas dukungan semua pihak,\" tutur {p2}.",
    "Kegiatan berlangsung di Aula {d}, Kecamatan {d2}, {day} ({date}).",
    "Pihaknya juga mengajak seluruh lapisan masyarakat untuk menjaga kebersihan lingkungan.",
    "Sebanyak {n} peserta mengikuti kegiatan hingga selesai.",
    "Data yang dihimpun menunjukkan peningkatan capaian sebesar {n} persen dibanding tahun sebelumnya.",
]
DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
RARE = [f"{a}{b}" for a in ["ka", "ri", "su", "ma", "te", "bo", "lu", "pe", "ni", "go"]
        for b in ["ndra", "wati", "rjo", "nto", "yani", "ptra", "kmal", "sdi", "rman", "lina"]]


def _person(rnd):
    return f"{rnd.choice(FIRST)} {rnd.choice(LAST)}"


def generate(n: int, seed: int = 7):
    """``n`` realistic documents: 40% releases, 35% photos, 15% notes, 10% activities."""
    rnd = random.Random(seed)
    start = datetime(2019, 1, 1)
    for i in range(n):
        kind_name = rnd.choice(list(HEADLINES_BY_KIND))
        headline, phrases = HEADLINES_BY_KIND[kind_name]
        region, district, district2 = rnd.choice(REGIONS), rnd.choice(DISTRICTS), rnd.choice(DISTRICTS)
        unit = rnd.choice(UNITS)
        people = tuple(_person(rnd) for _ in range(rnd.randint(1, 3)))
        date = start + timedelta(days=rnd.randint(0, 6 * 365), hours=rnd.randint(7, 17))
        fill = dict(
            who=rnd.choice(TITLES), guest=f"Pemkab {rnd.choice(REGIONS)}", topic=rnd.choice(TOPICS),
            facility=rnd.choice(FACILITIES).format(d=district, n=rnd.randint(1, 40)), unit=unit,
            aid=rnd.choice(AIDS), recipients=rnd.choice(RECIPIENTS), occasion=rnd.choice(OCCASIONS),
            partner=f"Universitas {rnd.choice(REGIONS)}", n=rnd.randint(2, 60), level=rnd.choice(["Eselon III", "Eselon IV", "Fungsional"]),
            group=f"Forum {rnd.choice(['Pemuda', 'RT/RW', 'Guru Honorer', 'Pedagang', 'Ojek Online'])}", place=district,
        )
        title = headline.format(**fill)
        date_text = f"{date.day}/{date.month}/{date.year}"
        lead = (f"{region.upper()} – {fill['who']} {_person(rnd)} {rnd.choice(phrases)} di Kecamatan {district}, "
                f"{DAYS[date.weekday()]} ({date_text}).")

        def sentence():
            text = rnd.choice(FILLER).format(
                t1=rnd.choice(TITLES), p1=people[0], t2=rnd.choice(TITLES), p2=people[-1], r=region,
                n=rnd.randint(2, 500), n2=rnd.randint(100, 999), d=district, d2=district2,
                day=DAYS[date.weekday()], date=date_text)
            if rnd.random() < 0.5:
                text += f" Selain itu, {rnd.choice(phrases)} {rnd.choice(RARE)} {rnd.choice(TOPICS).lower()}."
            return text

        r = rnd.random()
        if r < 0.40:
            kind, body = "release", " ".join([lead] + [sentence() for _ in range(rnd.randint(10, 18))]) + " (Adv Humas)"
            status = rnd.choices(["published", "draft", "in_review", "approved", "retracted"], [70, 12, 8, 5, 5])[0]
        elif r < 0.75:
            kind, status = "photo", rnd.choices(["public", "private"], [60, 40])[0]
            body = f"{kind_name.upper()} - {lead} Foto: Dok. Humas Pemkot {region}."
        elif r < 0.90:
            kind, status = "note", ""
            body = " ".join([lead] + [sentence() for _ in range(rnd.randint(3, 8))])
        else:
            kind, status = "activity", ""
            body = f"{kind_name} {title}. {sentence()}"
        yield Document(
            kind=kind, id=i, title=title, body=body, people=people, organisations=(unit, f"Pemkot {region}"),
            places=(region, district), unit=unit, activity_kind=kind_name,
            tags=tuple(rnd.sample([t.lower() for t in TOPICS], 2)), date=date, status=status,
            url=f"/{kind}/{i}", thumbnail_key=f"{i:06x}"[:2] + f"/{i:06x}" if kind == "photo" else "",
            payload={"n": i},
        )


QUERIES = {
    "single word": ["puskesmas", "kunjungan", "bantuan", "banjir", "pelantikan", "sosialisasi", "sampah",
                    "upacara", "stunting", "jembatan", "peresmian", "audiensi", "lansia", "vaksinasi"],
    "two words": ["bantuan banjir", "rapat koordinasi", "wali kota", "pelayanan informasi", "pajak daerah",
                  "kunjungan kerja", "sumpah jabatan", "pengobatan gratis", "ketahanan pangan", "kerja sama"],
    "phrase": ['"wali kota"', '"rapat koordinasi"', '"bakti sosial"', '"penanganan banjir"', '"smart city"',
               '"kunjungan kerja"', '"nota kesepahaman"', '"inspektur upacara"'],
    "prefix": ["puskes*", "kunj*", "resm*", "sosiali*", "banj*", "pelant*", "stunt*", "jemb*"],
    "word + date range": ["banjir 2021-09", "puskesmas 2022", "kunjungan 2020-01-01..2020-03-31",
                          "sosialisasi tanggal:2023", "bantuan 2019-06", "upacara 2021-08-01..2021-08-31"],
    "facet count": ["puskesmas", "banjir", "kunjungan", "pelantikan", "bantuan"],
}


def _fts_query(q: str) -> tuple[str, tuple | None]:
    words, dates = [], None
    for part in q.split():
        if part[:1].isdigit() or part.startswith("tanggal:"):
            value = part.split(":", 1)[-1]
            lo, _, hi = value.partition("..")
            hi = hi or lo
            lo_full = (lo + "-01-01")[:10] if len(lo) == 4 else (lo + "-01")[:10]
            hi_full = (hi + "-12-31")[:10] if len(hi) == 4 else (hi + "-31")[:10]
            dates = (lo_full, hi_full + "T23:59:59")
        else:
            words.append(part)
    return " ".join(words), dates


def fts_build(path: str, docs) -> float:
    con = sqlite3.connect(path)
    con.execute("CREATE VIRTUAL TABLE docs USING fts5(kind UNINDEXED, title, body, people, places, unit, tags, "
                "date UNINDEXED, tokenize='unicode61')")
    t = time.perf_counter()
    con.executemany("INSERT INTO docs VALUES (?,?,?,?,?,?,?,?)", (
        (d.kind, d.title, d.body, "\n".join(d.people), "\n".join(d.places), d.unit, "\n".join(d.tags),
         d.date.isoformat()) for d in docs))
    con.commit()
    elapsed = time.perf_counter() - t
    con.close()
    return elapsed


def fts_search(con, q: str, facets: bool):
    match, dates = _fts_query(q)
    sql = ("SELECT rowid, title, snippet(docs, 2, '<mark>', '</mark>', '…', 32) FROM docs WHERE docs MATCH ?"
           + (" AND date BETWEEN ? AND ?" if dates else "") + " ORDER BY rank LIMIT 10")
    args = (match, *dates) if dates else (match,)
    rows = con.execute(sql, args).fetchall()
    where = "docs MATCH ?" + (" AND date BETWEEN ? AND ?" if dates else "")
    total = con.execute(f"SELECT count(*) FROM docs WHERE {where}", args).fetchone()[0]
    if facets:
        for column in ("kind", "unit", "substr(date, 1, 4)"):
            con.execute(f"SELECT {column}, count(*) FROM docs WHERE {where} GROUP BY 1 ORDER BY 2 DESC LIMIT 10", args).fetchall()
    return rows, total


def percentile(values, p):
    values = sorted(values)
    k = (len(values) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def time_queries(fn, queries, rounds):
    for q in queries:
        fn(q)
    samples = []
    for _ in range(rounds):
        for q in queries:
            t = time.perf_counter()
            fn(q)
            samples.append((time.perf_counter() - t) * 1000)
    return percentile(samples, 50), percentile(samples, 95)


def du(path: str) -> int:
    return sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file())


def relevance(root: str) -> list[tuple]:
    data = annotated()
    index = SearchIndex(root)
    index.rebuild(documents(data))
    rows = []
    for stemming in (True, False):
        result = score(index, data, stemming=stemming)
        rows.append(("stemmed (Sastrawi + exact)" if stemming else "unstemmed (exact only)",
                     result.precision, result.recall, result.f1))
    return rows, len(data["queries"]), len(data["documents"])


def machine() -> str:
    model = next((line.split(":", 1)[1].strip() for line in
                  subprocess.run(["lscpu"], capture_output=True, text=True).stdout.splitlines()
                  if line.startswith("Model name")), platform.processor())
    return f"{os.cpu_count()} CPUs (nproc {subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()}), {model}, Python {platform.python_version()}"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--rounds", type=int, default=5, help="passes over each query list")
    ap.add_argument("--root", default=None, help="folder for the indexes (default: a temporary one)")
    ap.add_argument("--keep", action="store_true", help="keep the index folder")
    args = ap.parse_args(argv)
    root = args.root or tempfile.mkdtemp(prefix="siaran-bench-")
    os.makedirs(root, exist_ok=True)
    print(f"machine: {machine()}")
    print(f"documents: {args.docs}; index root: {root}")

    t = time.perf_counter()
    docs = list(generate(args.docs))
    print(f"generated in {time.perf_counter() - t:.1f} s; public: {sum(d.is_public for d in docs)}")

    index = SearchIndex(os.path.join(root, "whoosh"))
    t = time.perf_counter()
    index.rebuild(docs, progress=lambda n: print(f"\r  indexed {n}", end="", file=sys.stderr, flush=True))
    build_s = time.perf_counter() - t
    print(file=sys.stderr)
    gen = os.path.realpath(os.path.join(index.root, "current"))
    sizes = {name: du(os.path.join(gen, name)) for name in ("staff", "public")}

    fts_path = os.path.join(root, "fts5.sqlite")
    if os.path.exists(fts_path):
        os.unlink(fts_path)
    fts_s = fts_build(fts_path, docs)
    con = sqlite3.connect(fts_path)

    rows = [("rebuild (both indexes)", f"{args.docs / build_s:,.0f} docs/s", f"{build_s:.1f} s",
             f"FTS5 insert {args.docs / fts_s:,.0f} docs/s", f"{build_s / fts_s:.1f}×")]
    rows.append(("index size", f"staff {sizes['staff'] / 2**20:.0f} MiB, public {sizes['public'] / 2**20:.0f} MiB", "",
                 f"FTS5 {os.path.getsize(fts_path) / 2**20:.0f} MiB", ""))

    index.search("pemanasan", public=False)
    opens_before = index.searcher_opens
    for name, queries in QUERIES.items():
        facets = name == "facet count"
        p50, p95 = time_queries(lambda q: index.search(q, public=False, per_page=10, facets=facets), queries, args.rounds)
        fp50, fp95 = time_queries(lambda q: fts_search(con, q, facets), queries, args.rounds)
        rows.append((f"query: {name}", f"p50 {p50:.1f} ms", f"p95 {p95:.1f} ms",
                     f"FTS5 p50 {fp50:.1f} / p95 {fp95:.1f} ms", f"{p50 / fp50:.1f}× / {p95 / fp95:.1f}×"))
    p50, p95 = time_queries(lambda q: index.search(q, public=False, per_page=10, facets=True),
                            [q for qs in QUERIES.values() for q in qs], 1)
    rows.append(("query: any kind, facets on", f"p50 {p50:.1f} ms", f"p95 {p95:.1f} ms", "", ""))
    searches = args.rounds * sum(len(q) for q in QUERIES.values()) * 2 + sum(len(q) for q in QUERIES.values()) * 3
    rows.append(("searchers opened during queries", f"{index.searcher_opens - opens_before}", f"of ~{searches} searches", "", ""))

    latencies = []
    for k in range(5):
        word = f"baruunik{k}x{random.randrange(10**6)}"
        t = time.perf_counter()
        index.apply([upsert(Document(kind="release", id=f"new-{k}", title=f"Siaran {word}", body=f"Isi {word}.",
                                     status="published", date=datetime.now()))])
        while index.search(word, public=True, facets=False).total == 0:
            pass
        latencies.append((time.perf_counter() - t) * 1000)
    rows.append(("new document → searchable", f"median {statistics.median(latencies):.0f} ms",
                 f"max {max(latencies):.0f} ms", "", ""))

    print()
    print(f"| measure (whoosh, {args.docs:,} docs) | value | | SQLite FTS5 | whoosh/FTS5 |")
    print("| --- | --- | --- | --- | --- |")
    for row in rows:
        print("| " + " | ".join(row) + " |")

    rel_rows, nq, nd = relevance(os.path.join(root, "relevance"))
    print()
    print(f"Relevance over {nq} annotated queries, {nd} documents (macro average):")
    print("| search | precision | recall | F1 |")
    print("| --- | --- | --- | --- |")
    for name, p, r, f1 in rel_rows:
        print(f"| {name} | {p:.2f} | {r:.2f} | {f1:.2f} |")
    con.close()
    index.close()
    if not args.keep and not args.root:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()

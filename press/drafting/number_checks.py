"""Numbers as EYD V writes them (the times are ``time_checks``'):
``Rp5.000``, ``1.000.000``, ``2,5 persen``, ``50%``, ``ke-3``, ``1990-an``.

``check_numbers`` (code ``number_format``): "Rp" with a full stop or a space, the ",-"
tail, "5 Juta Rupiah" and "Rp 5 Jt", commas for thousands, a full stop for decimals before
a unit, "50 %", "ke 3" (after a noun of rank or "tahun": "peringkat ke 3", "tahun ke 4"), "2021an",
"300.000 rupiah" (Rp before the figure), "Rp1000" (the thousands stop after Rp), "Rp5-100 ribu" (a
range with a hyphen and its unit once: Rp5 ribu–Rp100 ribu), "senilai 6.518.055.000" (a figure of
money without Rp after a word of money) and "mendapatkan 500 ribu." (an amount in words without Rp
in a sentence about money, no counted noun after it), "sebesar 1.200.000 untuk" (since round 12, after
"sebesar" in a sentence about money); and two hints without a replacement, which need the
writer: a sentence that starts with a figure, and a number of one or two words in prose
("3 orang": EYD V writes it with letters, except in a list of figures).

Numbers inside names, URLs, e-mail addresses, regulation numbers ("Nomor 5 Tahun 2021"),
dates, phone numbers, plates and NIP/NIK are never touched: the rules only read figures in
the shapes above, and ``protected`` spans (names) and URLs are skipped.
"""
from __future__ import annotations

import re
from functools import lru_cache

from press.errors import N_

from .finding import Finding, finding_at, line_at

def digit_first(pattern: str, flags: int = 0) -> re.Pattern:
    """A pattern whose every match starts with a figure, behind a look-ahead for one: the scan
    then passes over the letters fast (two to four times faster on a release's text)."""
    return re.compile(rf"(?=\d)(?:{pattern})", flags)


URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|\b[\w-]+\.(?:go\.id|co\.id|com|id|net|org)(?:/\S*)?", re.I)

RUPIAH = re.compile(r"\b(?:Rp[.,]\s*|Rp\s+|IDR\s*|RP\.?\s*|rp\.?\s*)(?=\d)")
DASH_TAIL = re.compile(r"(?:Rp|IDR)[.,]?\s*([\d.]+(?:,\d+)?)(,-+)")
UNITS = {"rb": "ribu", "ribu": "ribu", "jt": "juta", "juta": "juta", "miliar": "miliar", "milyar": "miliar",
         "triliun": "triliun"}
RUPIAH_WORDS = re.compile(r"(?<![\w.,])(?:(Rp\.?\s*)?(\d+(?:,\d+)?)\s+(Rb|rb|Ribu|ribu|Jt|jt|Juta|juta|Miliar|miliar|Milyar|"
                          r"milyar|Triliun|triliun)\.?"
                          r"(\s+[Rr]upiah)?|(Rp)(\d+(?:,\d+)?)\s+(ribu|juta|miliar|triliun)\s+[Rr]upiah)\b")
#: The low end of a range of money written with a hyphen before "40 juta rupiah" ("30-40 juta rupiah").
RANGE_START = re.compile(r"(?<![\w.,])(\d+(?:,\d+)?) ?- ?$")
#: The words that name money, read by every rule below that asks whether an amount is money. Each
#: rule names the words it leaves out: the rules were written with lists of their own, and the words
#: one of them did not read ("Pagu 2 miliar", "hibah itu sebesar 400 juta") stay out of it until a
#: round measures what reading them finds.
MONEY_WORDS = ("uang", "dana", "anggaran", "senilai", "seharga", "harga", "biaya", "tarif", "iuran", "pagu", "hibah",
               "hadiah", "insentif", "honor", "gaji", "upah")


def money_words(*left_out: str) -> str:
    """The words of ``MONEY_WORDS`` but ``left_out``, as alternatives of a pattern."""
    return "|".join(word for word in MONEY_WORDS if word not in left_out)


#: An amount of money without "Rp" after a word that names money ("uang 100 juta", "senilai 2,5 miliar").
MONEY_WITHOUT_RP = re.compile(rf"(?<![\w-])(?:{money_words('seharga', 'harga', 'tarif', 'iuran', 'pagu', 'hadiah')}) "
                              r"(\d+(?:[.,]\d+)?) (ribu|juta|miliar|triliun)\b")
#: A figure of money with its thousands but no "Rp" after a word that names money ("senilai
#: 6.518.055.000"): a million or more, no counted noun after it.
MONEY_FIGURE_WITHOUT_RP = re.compile(rf"(?<![\w-])(?:{money_words('harga', 'hadiah')}) "
                                     r"(\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?)(?![\d.,]?\d)"
                                     r"(?!\s*(?:%|persen|[A-Za-z]))")
#: "Rp" before a figure of four digits or more without the thousands stop ("Rp1000").
RUPIAH_BARE = re.compile(r"(?<=Rp)([1-9]\d{3,})(?![\d.]|,\d{3})")
#: A range of money with a hyphen and its unit written once ("Rp5-100 ribu"): EYD V marks a range with
#: an en dash; the fix writes each end whole ("Rp5 ribu–Rp100 ribu"). With the en dash ("Rp30–40 juta")
#: the writer chose the range's mark, and the unit once is left.
RUPIAH_RANGE = re.compile(r"Rp(\d+(?:,\d+)?) ?- ?(?:Rp)?(\d+(?:,\d+)?) (ribu|juta|miliar|triliun)\b")
#: An amount in words without "Rp" ("mendapatkan 500 ribu.") in a sentence about money (an amount in
#: Rp or a word of money before it), where no counted noun follows it.
AMOUNT_WITHOUT_RP = re.compile(r"(?<![\w.,–-])(\d{1,3}(?:,\d+)?) (ribu|juta|miliar)(?=[.,;)]|\s+(?:di[a-z]{3,}|per|untuk|"
                               r"setiap|tiap|sedangkan|hingga|sampai)\b)")
MONEY_BEFORE = re.compile(rf"Rp\d|\b(?:{money_words('hibah', 'pagu')}|membayar|dibayar)\b", re.I)
#: An amount after "sebesar" with no Rp ("sebesar 1.200.000 untuk", "sebesar 400 juta dari"): a figure of a
#: million or more, or a figure with juta/miliar/triliun, with nothing after it but a stop or a word that
#: joins ("sebesar 1.200.000 jiwa" counts people), in a sentence about money (a word of money before it).
SEBESAR_WITHOUT_RP = re.compile(r"(?<![\w-])sebesar (\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?|\d{1,3}(?:,\d+)? (?:juta|miliar|triliun))"
                                r"(?=[.,;)]|\s+(?:dari|untuk|per|setiap|tiap|kepada|bagi|yang|dan|pada|namun|sedangkan|"
                                r"atau|dengan)\b)")
SEBESAR_MONEY = re.compile(rf"\b(?:bantuan|tunai|modal|pinjaman|kredit|pendapatan|belanja|APBD|APBN|alokasi|"
                           rf"total|nilai|retribusi|pajak|tunjangan|{money_words('hibah')})\b", re.I)
#: An amount in figures with "rupiah" written after it ("300.000 rupiah"): EYD V writes Rp before the figure.
RUPIAH_AFTER = re.compile(r"(?<![\w.,])(\d{1,3}(?:\.\d{3})+(?:,\d+)?) [Rr]upiah\b")
COMMA_THOUSANDS = digit_first(r"(?<![\d.,])\d{1,3}(?:,\d{3}){2,}(?![\d,])|(?:(?<=Rp)|(?<=Rp\.)|(?<=Rp )|(?<=Rp\. ))"
                             r"\d{1,3},\d{3}(?![\d,])(?!\s*(?:ribu|juta|miliar|triliun)\b)")
DOT_DECIMAL = digit_first(r"(?<![\d.,])(\d+)\.(\d{1,2})(?=\s*(?:%|persen\b|juta\b|miliar\b|triliun\b|ribu\b|km\b|"
                         r"kilometer\b|meter\b|ton\b|hektare\b|kg\b))")
PERCENT = re.compile(r"(?<=\d)(\s+)%")
SPACED_DECIMAL = re.compile(r"(?<![\d.,])(\d+),\s+(\d{1,3})(?=\s*(?:%|(?:persen|ton|kg|km|ha|hektare|meter|liter|juta|"
                            r"miliar|triliun)\b))")
BARE_DECIMAL = digit_first(r"(?<![\d.,:/-])(\d{1,3})\.(\d{1,2})(?![\d.,:/-]?\d|\.\w)")
TIME_WORDS = re.compile(r"(?:pukul|jam|pkl|hingga|sampai|s\.d\.?|[-–—])\s*$", re.I)
GLUED_METRE = re.compile(r"(?<![\w.,])(\d+(?:,\d+)?)M\b")
DIMENSION_BEFORE = re.compile(r"(?:lebar|panjang|tinggi|dalam|jarak|radius|luas|tebal)\s+$", re.I)
LEADING_ZERO_DAY = re.compile(r"(?<![\d/.-])0([1-9])(\s+(?:Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|"
                              r"September|Oktober|November|Desember)\b)")
ORDINAL = re.compile(r"(?<![\w-])([Kk]e)(?:\s*[-–]\s+|\s+[-–]\s*|\s+)(\d{1,3})(?![\d.,]\d)")
ORDINAL_AFTER = re.compile(r"(?:HUT|[Uu]lang [Tt]ahun|[Pp]eringatan|[Hh]ari [Jj]adi|[Dd]ies [Nn]atalis|[Aa]ngkatan|"
                           r"[Pp]eriode|[Tt]ahap|[Gg]elombang|yang|[Pp]eringkat|[Jj]uara|[Uu]rutan|[Ee]disi|[Ss]esi|"
                           r"[Bb]abak|[Pp]utaran|[Gg]enerasi|[Pp]ekan|[Mm]inggu|[Hh]ari|[Tt]ahun|[Pp]utra|[Pp]utri|[Aa]nak|[Cc]ucu)\s+$")
#: An anniversary with its name between ("HUT Mimika ke 29", "Hari Jadi Kota Tidore ke 917").
NAMED_ANNIVERSARY = re.compile(r"(?:HUT|[Uu]lang [Tt]ahun|[Hh]ari [Jj]adi|[Dd]ies [Nn]atalis)(?:\s+[A-Z][\w.]*){1,3}\s+$")
#: A year written with a thousands stop after "tahun" ("tahun 1.446 H"), before its era or a stop.
STOPPED_YEAR = re.compile(r"(?<![\w.,])([Tt]ahun\s+)([12])\.(\d{3})(?=\s*(?:H|M|SM|Hijriah|Hijriyah|Masehi|Saka)\b|[,.;:)](?:\s|$))")
#: What follows an ordinal ("bupati ke 15 sejak", "paripurna ke 18 DPRD"), where "ke 15" is no
#: preposition before a counted noun ("ke 15 kecamatan").
ORDINAL_BEFORE = re.compile(r"\s*(?:[,.;:)\n]|$|(?:tahun|kali|kalinya|dari|sejak|pada|di|dalam|ini|itu|yang|dan|atau|"
                            r"untuk|bagi|dengan|selama|setelah|sebelum|sepanjang|tingkat|seorang|sebuah|milik)\b|[A-Z]{2,}\b)")
CAPITAL_ORDINAL = re.compile(r"(?<![\w-])Ke-(\d{1,3})(?![\d.,]\d)")  # "HUT RI Ke-78" inside a sentence
DECADE = digit_first(r"(?<![\w.,-])(\d{1,3}(?:\.\d{3})+|\d{2,4})\s?s?an\b")  # "1990an", "200 an", "200 san" (the spoken form)
SENTENCE_FIGURE = digit_first(r"(?:^|(?<=[a-z]{3}[.!?]\s)|(?<=[\d)”\"][.!?]\s))(\d[\d.,]*)(?=\s+[a-z])", re.M)
SMALL = {1: "satu", 2: "dua", 3: "tiga", 4: "empat", 5: "lima", 6: "enam", 7: "tujuh", 8: "delapan",
         9: "sembilan", 10: "sepuluh", 11: "sebelas", 100: "seratus", 1000: "seribu"}
COUNTED = re.compile(r"(?<![\w.,/-])(\d{1,4})\s+([a-z]+)\b")
#: Units of measure, after which EYD V keeps the figure ("3 kuintal", "5 hektare"): never asked in words.
MEASURES = frozenset("persen jam menit detik km m cm mm dm meter kilometer sentimeter milimeter hektometer mil inci kg g "
                     "gram kilogram miligram ons kuintal kwintal ton kilo hektare hektar ha are liter l ml mililiter "
                     "kiloliter kubik derajat watt kilowatt megawatt volt ampere kalori kilokalori knot karat".split())
NOT_COUNTED = MEASURES | frozenset("ribu juta miliar triliun".split())
SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")
BARE_THOUSANDS = digit_first(r"(?<![\w.,/:+-])([1-9]\d{3,6})(?![\w.,/:-]?\d|[/-]\w|\.\w)")
NOT_AN_AMOUNT = re.compile(r"(?:tahun|thn|nomor|no|nip|nik|npwp|kode|pasal|ayat|telp|telepon|tel|hp|wa|hotline|"
                           r"rt|rw|km|kav|blok|seri|register|reg|nrp|nuptk|nisn|nis|npsn|kodepos|pos|ext|januari|"
                           r"februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember)\.?\s*:?\s*$",
                           re.I)
#: A unit symbol in capitals ("5 Kg"), or in small letters glued to its figure ("40cm").
UNIT_SYMBOL = re.compile(r"(?<=\d)(\s?)(Kg|KG|Km|KM|Cm|CM|Mm|MM|Ml|ML|Ha|HA|Ton|TON|Liter|LITER|Ltr|LTR|Gr|Meter|"
                         r"(?:(?<=[\s(]\d)|(?<=[\s(]\d\d)|(?<=[\s(]\d\d\d)|(?<=,\d)|(?<=,\d\d))(?:kg|km|cm|mm|ml))\b")
UNIT_STANDARD = {"kg": "kg", "km": "km", "cm": "cm", "mm": "mm", "ml": "ml", "ha": "ha", "ton": "ton", "liter": "liter",
                 "ltr": "liter", "gr": "g", "meter": "meter"}
COUNTED_AFTER = re.compile(r"\s+(?:KK|orang|jiwa|anak|peserta|warga|unit|rumah|ekor|buah|paket|lembar|penerima|siswa|"
                           r"pelajar|mahasiswa|pasien|ton|kg|hektare|ha|meter|liter|keluarga|balita|porsi|dosis|"
                           r"pengunjung|pedagang|pelaku|lapak|titik|pohon|bibit|batang|kendaraan|personel|relawan)\b")
YEAR_BEFORE = re.compile(r"(?:pada|sejak|hingga|sampai|awal|akhir|pertengahan|medio|periode|musim|era|s\.d\.)\s+$", re.I)
YEAR_AFTER = re.compile(r"\s*(?:H|M|SM|Hijriah|Hijriyah|Masehi|Saka)\b")
AMOUNT_WORD = re.compile(r"(?<=\d)(\s+)(Ribu|Juta|Miliar|Milyar|Triliun)\b")
FIGURE_CONTEXT = frozenset("nomor no pasal ayat huruf tahun pukul ke rt rw km lantai kelas ruang jalur tahap "
                           "periode angkatan edisi halaman gelombang blok kav tipe seri".split())


def in_words(number: int) -> str | None:
    """The number in letters when that takes one or two words ("tiga", "delapan puluh",
    "dua ratus"), else None."""
    if number in SMALL:
        return SMALL[number]
    if 12 <= number <= 19:
        return f"{SMALL[number - 10]} belas"
    for unit, word in ((10, "puluh"), (100, "ratus"), (1000, "ribu")):
        if number % unit == 0 and 2 <= number // unit <= 9:
            return f"{SMALL[number // unit]} {word}"
    return None


@lru_cache(maxsize=8)
def url_spans(body: str) -> tuple[tuple[int, int], ...]:
    """Where URLs and e-mail addresses stand in ``body`` (read once per text by every check)."""
    return tuple(m.span() for m in URL.finditer(body))


def overlaps(spans, start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def check_numbers(body: str, protected=()) -> list[Finding]:
    skip = list(protected) + list(url_spans(body))
    found = []

    def add(span, message, hint, standard=None, params=None, replace=True):
        if not overlaps(skip, *span) and not any(overlaps([f.span], *span) for f in found):
            found.append(finding_at(body, "number_format", span, message, hint, params,
                                    {"standard": standard or "", **(params or {})}, standard if replace else None))

    for match in RUPIAH_WORDS.finditer(body):
        number = match.group(2) or match.group(6)
        unit = UNITS[(match.group(3) or match.group(7)).lower()]
        if not (match.group(1) or match.group(4) or match.group(5)):
            continue
        standard, span = f"Rp{number} {unit}", match.span()
        if match.group(4) and not match.group(1):
            standard = f"{number} {unit} rupiah"  # EYD V: an amount partly in words may take "rupiah" after it
            low = RANGE_START.search(body, max(0, span[0] - 12), span[0])
            if low:  # "30-40 juta rupiah": the range takes the en dash
                standard, span = f"{low.group(1)}–{standard}", (low.start(), span[1])
        if standard == body[span[0]:span[1]] or standard.lower() == match.group().lower() and _title_cased(line_at(body, *match.span())):
            continue  # "Rp2,7 Miliar" in a headline, whose words keep their capitals
        add(span, N_("Jumlah uang ditulis “%(standard)s”."),
            N_("Ganti dengan “%(standard)s” (EYD V: satuan dan kata rupiah ditulis dengan huruf kecil).")
            if match.group(4) and not match.group(1) else
            N_("Ganti dengan “%(standard)s” (EYD V: Rp rapat dengan angkanya, satuannya huruf kecil)."),
            standard, {"standard": standard})
    for match in MONEY_WITHOUT_RP.finditer(body):
        standard = f"Rp{match.group(1)} {match.group(2)}"
        add(match.span(1)[:1] + match.span(2)[1:], N_("Jumlah uang ditulis “%(standard)s”."),
            N_("Ganti dengan “%(standard)s” (EYD V: Rp rapat dengan angkanya, satuannya huruf kecil)."),
            standard, {"standard": standard})
    _money_shapes(body, add)
    for match in RUPIAH_AFTER.finditer(body):
        standard = f"Rp{match.group(1)}"
        add(match.span(), N_("Jumlah uang ditulis “%(standard)s”."),
            N_("Ganti dengan “%(standard)s” (EYD V: Rp rapat dengan angkanya, satuannya huruf kecil)."),
            standard, {"standard": standard})
    for match in RUPIAH.finditer(body):
        add(match.span(), N_("“Rp” ditulis rapat dengan angkanya, tanpa titik dan spasi (Rp1.000.000)."),
            N_("Ganti dengan “Rp” yang langsung diikuti angka."), "Rp")
    for match in DASH_TAIL.finditer(body):
        add(match.span(2), N_("Jumlah uang tidak diakhiri “,-”."), N_("Hapus “,-” (EYD V: Rp5.000 atau Rp5.000,00)."), "")
    for match in COMMA_THOUSANDS.finditer(body):
        standard = match.group().replace(",", ".")
        add(match.span(), N_("Pemisah ribuan ditulis dengan titik: “%(standard)s”."),
            N_("Ganti dengan “%(standard)s” (EYD V: koma untuk desimal, titik untuk ribuan)."),
            standard, {"standard": standard})
    for match in DOT_DECIMAL.finditer(body):
        if re.search(r"pukul\s+$|jam\s+$", body[max(0, match.start() - 7):match.start()], re.I):
            continue
        standard = f"{match.group(1)},{match.group(2)}"
        add(match.span(), N_("Desimal ditulis dengan koma: “%(standard)s”."),
            N_("Ganti dengan “%(standard)s” (EYD V: koma untuk desimal, titik untuk ribuan)."),
            standard, {"standard": standard})
    for match in SPACED_DECIMAL.finditer(body):
        standard = f"{match.group(1)},{match.group(2)}"
        add(match.span(), N_("Desimal ditulis rapat, tanpa spasi sesudah koma: “%(standard)s”."),
            N_("Ganti dengan “%(standard)s” (EYD V)."), standard, {"standard": standard})
    _decimals_metres_and_days(body, add)
    for match in PERCENT.finditer(body):
        add(match.span(1), N_("Tanda persen ditulis rapat dengan angkanya, tanpa spasi."),
            N_("Hapus spasi sebelum tanda persen (EYD V)."), "")
    for match in ORDINAL.finditer(body):
        before = body[max(0, match.start() - 60):match.start()]
        if not (ORDINAL_AFTER.search(before[-25:]) or NAMED_ANNIVERSARY.search(before)
                or ORDINAL_BEFORE.match(body, match.end())):
            continue
        before = body[:match.start()].rstrip()
        capital = match.group(1) == "Ke" and (not before or before[-1] in ".!?:\n“\"" or _title_cased(line_at(body, *match.span())))
        standard = f"{'Ke' if capital else 'ke'}-{match.group(2)}"  # "HJS Ke 459" inside a sentence: ke-459
        add(match.span(), N_("Bilangan tingkat ditulis “%(standard)s” (dengan tanda hubung)."),
            N_("Ganti dengan “%(standard)s” (EYD V: ke- dengan angka memakai tanda hubung)."),
            standard, {"standard": standard})
    for match in CAPITAL_ORDINAL.finditer(body):
        before = body[:match.start()].rstrip()
        if before and before[-1] not in ".!?:\n“\"" and not _title_cased(line_at(body, *match.span())):
            standard = f"ke-{match.group(1)}"
            add(match.span(), N_("Bilangan tingkat ditulis “%(standard)s” (dengan tanda hubung)."),
                N_("Ganti dengan “%(standard)s” (EYD V: ke- dengan angka memakai tanda hubung)."),
                standard, {"standard": standard})
    for match in DECADE.finditer(body):
        standard = f"{match.group(1)}-an"
        add(match.span(), N_("Tahun atau bilangan dengan -an ditulis dengan tanda hubung: “%(standard)s”."),
            N_("Ganti dengan “%(standard)s” (EYD V: tahun 1990-an)."), standard, {"standard": standard})
    _thousands_and_units(body, add)
    found += _hints(body, skip, found)
    return sorted(found, key=lambda f: f.span)


def _money_shapes(body: str, add) -> None:
    """Money EYD V writes with "Rp" and its thousands stops: "Rp1000" (Rp1.000), a range with its unit
    once ("Rp5-100 ribu": Rp5 ribu–Rp100 ribu), a figure or an amount in words without Rp after a
    word of money ("senilai 6.518.055.000"; "biaya peserta 125 ribu ditanggung")."""
    message, hint = N_("Jumlah uang ditulis “%(standard)s”."), \
        N_("Ganti dengan “%(standard)s” (EYD V: Rp rapat dengan angkanya, satuannya huruf kecil).")
    for match in RUPIAH_BARE.finditer(body):
        standard = f"{int(match.group(1)):,}".replace(",", ".")
        add(match.span(1), N_("Bilangan ribuan ditulis dengan titik pemisah: “%(standard)s”."),
            N_("Ganti dengan “%(standard)s” (EYD V: titik memisahkan ribuan)."), standard, {"standard": standard})
    for match in RUPIAH_RANGE.finditer(body):
        low, high, unit = match.groups()
        standard = f"Rp{low} {unit}–Rp{high} {unit}"
        add(match.span(), message, hint, standard, {"standard": standard})
    for match in MONEY_FIGURE_WITHOUT_RP.finditer(body):
        standard = f"Rp{match.group(1)}"
        add(match.span(1), message, hint, standard, {"standard": standard})
    for match in SEBESAR_WITHOUT_RP.finditer(body):
        sentence = body[max(body.rfind(". ", 0, match.start()), body.rfind("\n", 0, match.start()), 0):match.start()]
        if MONEY_BEFORE.search(sentence) or SEBESAR_MONEY.search(sentence):
            standard = f"Rp{match.group(1)}"
            add(match.span(1), message, hint, standard, {"standard": standard})
    for match in AMOUNT_WITHOUT_RP.finditer(body):
        sentence = body[max(body.rfind(". ", 0, match.start()), body.rfind("\n", 0, match.start()), 0):match.start()]
        if body[max(0, match.start() - 3):match.start()].rstrip().endswith("Rp") or not MONEY_BEFORE.search(sentence):
            continue
        standard = f"Rp{match.group(1)} {match.group(2)}"
        add(match.span(), message, hint, standard, {"standard": standard})


def _thousands_and_units(body: str, add) -> None:
    """A year after "tahun" written with the thousands stop ("tahun 1.446 H"); a figure of four digits or
    more without the thousands stop ("2052 KK"), except a year
    (after "tahun", in a date, or 1900–2099 on its own), a number after "Nomor", NIP/NIK,
    a plate ("B 1234 ABC"), a number in groups, a code or a phone number (which start with 0 or +); a unit symbol in capitals ("10 Kg");
    "Juta"/"Miliar" with a capital inside a sentence."""
    for match in BARE_THOUSANDS.finditer(body):
        figure = match.group(1)
        before = body[max(0, match.start() - 25):match.start()]
        after = body[match.end():match.end() + 20]
        year = len(figure) == 4 and (1900 <= int(figure) <= 2099 and (not COUNTED_AFTER.match(after)
                                                                      or YEAR_BEFORE.search(before))
                                     or YEAR_AFTER.match(after))
        code = re.search(r"(?:\b[A-Z]{1,2}|\d)\s$", before) or re.match(r"\s\d", after)  # a plate, a number in groups
        if NOT_AN_AMOUNT.search(before) or year or code:
            continue
        standard = f"{int(figure):,}".replace(",", ".")
        add(match.span(1), N_("Bilangan ribuan ditulis dengan titik pemisah: “%(standard)s”."),
            N_("Ganti dengan “%(standard)s” (EYD V: titik memisahkan ribuan)."), standard, {"standard": standard})
    for match in STOPPED_YEAR.finditer(body):
        standard = f"{match.group(1)}{match.group(2)}{match.group(3)}"
        add(match.span(), N_("Tahun ditulis tanpa titik pemisah ribuan: “%(standard)s”."),
            N_("Ganti dengan “%(standard)s” (EYD V: angka tahun ditulis tanpa titik)."), standard,
            {"standard": standard})
    for match in UNIT_SYMBOL.finditer(body):
        standard = " " + UNIT_STANDARD[match.group(2).lower()]
        if match.group() != standard:
            add(match.span(), N_("Satuan ukuran ditulis dengan huruf kecil: “%(standard)s”."),
                N_("Ganti dengan “%(standard)s” (EYD V: lambang satuan kg, km, ha)."), standard,
                {"standard": standard.strip()})
    for match in AMOUNT_WORD.finditer(body):
        line = line_at(body, *match.span())
        if not body[:match.start()].strip() or line.upper() == line or _title_cased(line):
            continue
        standard = match.group(1) + UNITS[match.group(2).lower()]
        add(match.span(), N_("“%(written)s” di dalam kalimat ditulis dengan huruf kecil: “%(standard)s”."),
            N_("Ganti dengan “%(standard)s” (EYD V)."), standard,
            {"written": match.group(2), "standard": standard.strip()})


def _decimals_metres_and_days(body: str, add) -> None:
    """A decimal written with a full stop that cannot be a clock time ("33.82": a full stop
    groups thousands in threes, and no clock reads 33 hours or 82 minutes); a figure glued to
    "M" after a measure ("selebar 3M", which after "Rp" is an amount); a day of the month with
    a leading zero ("01 Desember")."""
    for match in BARE_DECIMAL.finditer(body):
        whole, part = match.group(1), match.group(2)
        if int(whole) <= 24 and int(part) <= 59 or TIME_WORDS.search(body[max(0, match.start() - 8):match.start()]):
            continue
        standard = f"{whole},{part}"
        add(match.span(), N_("Desimal ditulis dengan koma: “%(standard)s”."),
            N_("Ganti dengan “%(standard)s” (EYD V: koma untuk desimal, titik untuk ribuan)."),
            standard, {"standard": standard})
    for match in GLUED_METRE.finditer(body):
        if DIMENSION_BEFORE.search(body[max(0, match.start() - 12):match.start()]):
            standard = f"{match.group(1)} m"
            add(match.span(), N_("Satuan ukuran ditulis dengan huruf kecil: “%(standard)s”."),
                N_("Ganti dengan “%(standard)s” (EYD V: lambang satuan kg, km, ha)."), standard,
                {"standard": standard})
    for match in LEADING_ZERO_DAY.finditer(body):
        standard = match.group(1) + match.group(2)
        add(match.span(), N_("Tanggal ditulis tanpa angka nol di depan: “%(standard)s”."),
            N_("Ganti dengan “%(standard)s” (EYD V)."), standard, {"standard": standard.strip()})




def _title_cased(line: str) -> bool:
    """A headline's line (most words capitalised), where "Juta" keeps its capital."""
    words = [w for w in line.split() if w[:1].isalpha()]
    return len(words) >= 3 and sum(w[:1].isupper() for w in words) >= 0.8 * len(words)


def _hints(body: str, skip, found) -> list[Finding]:
    """A sentence that starts with a figure, and a number of one or two words in prose: EYD V
    writes both with letters, but how depends on the sentence, so they carry no replacement."""
    hints = []
    taken = [f.span for f in found] + list(skip)
    for match in SENTENCE_FIGURE.finditer(body):
        line_start = body.rfind("\n", 0, match.start()) + 1
        if overlaps(taken, *match.span()) or re.match(r"\d+[.)]\s", body[line_start:match.end() + 2]) and \
                line_start == match.start():
            continue
        hints.append(finding_at(
            body, "number_format", match.span(1),
            N_("Kalimat tidak diawali angka: “%(written)s”."),
            N_("Tulis bilangannya dengan huruf atau susun ulang kalimatnya (“Sebanyak %(written)s …”)."),
            {"written": match.group(1)}, {"written": match.group(1)}))
        taken.append(match.span(1))
    for match in COUNTED.finditer(body):
        number, noun = int(match.group(1)), match.group(2)
        words = in_words(number)
        if words is None or noun in NOT_COUNTED or match.group(1).startswith("0") or overlaps(taken, *match.span()) \
                or _in_list(body, match):
            continue
        previous = re.findall(r"[\w.]+", body[max(0, match.start() - 20):match.start()])
        if previous and (previous[-1].lower().rstrip(".") in FIGURE_CONTEXT or previous[-1][:1].isdigit() or previous[-1][:1].isupper()
                         and body[match.start() - 2:match.start() - 1] not in ".!?"):
            continue
        hints.append(finding_at(
            body, "number_format", match.span(1),
            N_("Bilangan yang dapat ditulis dengan satu atau dua kata ditulis dengan huruf: “%(standard)s”."),
            N_("Tulis “%(standard)s %(noun)s”, kecuali di dalam rincian angka (EYD V)."),
            {"standard": words}, {"standard": words, "noun": noun}))
    return hints


def _in_list(body: str, match) -> bool:
    """A figure in a list or a breakdown of figures (another counted figure in the same
    sentence, or a line that starts with a bullet or a number), where EYD V keeps digits."""
    ends = [m.end() for m in SENTENCE_END.finditer(body)]
    start = max((e for e in ends if e <= match.start()), default=0)
    stop = min((e for e in ends if e > match.end()), default=len(body))
    sentence = body[start:stop]
    if re.match(r"\s*(?:[-•*]|\d+[.)])\s", body[body.rfind("\n", 0, match.start()) + 1:]):
        return True
    return len(COUNTED.findall(sentence)) >= 2

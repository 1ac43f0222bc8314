"""Times and figures written in the other ways releases write them, beside ``number_checks``'
shapes (EYD V: "pukul 14.30 WIB", "10 ribu").

- ``time_format``: a part of the day after a time on the 24-hour clock that it repeats
  ("pukul 06.06 pagi", "pukul 11.00 siang", "pukul 02.00 pagi dini hari": the hour already says
  it; a part the hour contradicts, "pukul 08.00 malam", is left for the writer), a time zone
  written in words or by a regional abbreviation ("Waktu Papua", "Waktu Indonesia Barat", "WP"
  → WIT, WIB); since round 14 a zone glued to the word after it ("14.00 WITmeninggalkan", "08.30
  Witaini") or after a full stop ("12.00.WIB").
- ``number_format``: a figure glued to its number word or unit ("10ribu", "Rp5juta", "20persen", "3km"); a
  figure with its own number word in brackets ("3 (Tiga) hari", the style of contracts): EYD V writes a
  number of one or two words in words in running text ("tiga hari"); since round 14 a figure glued to
  the word after it ("30tahun"), a year glued to its era ("1439H", "2024M") and ke- with a hyphen before
  an ordinal in letters ("ke-dua": EYD V writes kedua).
"""
from __future__ import annotations

import re

from press.errors import N_

from .finding import Finding, finding_at
from .lexicon import frequency, is_indonesian
from .number_checks import in_words

#: Hours (24-hour clock) each part of the day names: a part that agrees with the hour repeats it.
PARTS = {"pagi": range(0, 12), "siang": range(10, 16), "sore": range(14, 19), "malam": range(18, 25),
         "dini hari": range(0, 6)}
PART = r"(?:pagi|siang|sore|malam|dini hari)"
CLOCK_PARTS = re.compile(rf"(?<=[Pp]ukul )(0\d|1\d|2[0-4])[.:][0-5]\d((?:\s+{PART})+)\b(?!\s+(?:hari|ini|itu|nanti)\b)")
#: Time zones named in words or by an abbreviation of the region (Peraturan Presiden 41/1987:
#: WIB, WITA, WIT; Papua and Maluku keep WIT).
ZONE_WORDS = re.compile(r"(?<=\d)\s+([Ww]aktu\s+(?:[Ii]ndonesia\s+(?:[Bb]agian\s+)?)?([Bb]arat|[Tt]engah|[Tt]imur|[Pp]apua|"
                        r"[Mm]aluku)|WP)\b")
ZONE_OF = {"barat": "WIB", "tengah": "WITA", "timur": "WIT", "papua": "WIT", "maluku": "WIT", None: "WIT"}
#: A figure glued to its number word or unit symbol, with Rp before it or not ("10ribu", "Rp5juta", "3km").
GLUED_WORD = re.compile(r"(?<![\w.,/-])(Rp\.?\s?)?(\d+(?:[.,]\d+)?)(ribu|juta|miliar|triliun|persen|km|kg|ha|ton|liter|"
                        r"meter|hektare)\b", re.I)

#: A zone glued to the word after it, or after a stop ("14.00 WITmeninggalkan", "08.30 Witaini", "12.00.WIB").
ZONE_GLUED = re.compile(r"(?<=\d)(\s+)(WITA|WIT|WIB|Wita|Wit|Wib)([a-z]{2,})\b")
ZONE_STOPPED = re.compile(r"(?<=\d\d)\.(WITA|WIT|WIB)\b")
#: A figure glued to a word after it ("30tahun"; units and number words are ``GLUED_WORD``'s), a year
#: glued to its era ("1439H"), ke- with a hyphen before an ordinal in letters ("ke-dua").
FIGURE_GLUED = re.compile(r"(?<![\w.,/-])(\d{1,4})([a-z]{4,})\b")
#: A day glued to its month ("sejak 1April"): a date is written "1 April" (round 15).
DAY_GLUED = re.compile(r"(?<![\w.,/-])([0-3]?\d)(Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|"
                       r"November|Desember)(?![\w-])")
ERA_GLUED = re.compile(r"(?<![\w.,/-])(1[34]\d\d|1[5-9]\d\d|20\d\d)(H|M)\b")
UNITS = ("satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas seratus seribu "
         "dua tiga empat lima enam tujuh delapan sembilan").split()
KE_WORD = re.compile(r"(?<![\w-])([Kk]e)-(" + "|".join(sorted(set(UNITS), key=len, reverse=True))
                     + r")((?:\s(?:belas|puluh))?)(?![\w-])")

#: A figure and, in brackets, a word or two ("3 (Tiga) hari", "3 ( Tiga ) Zona", "12 (dua belas)").
BRACKETED_WORD = re.compile(r"(?<![\w.,/-])(\d{1,3})\s*\(\s*([A-Za-z]+(?: [A-Za-z]+)?)\s*\)")


def _skip(spans, start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def check_figures(body: str, skip=()) -> list[Finding]:
    """The findings above outside the ``skip`` spans (names, URLs, findings already made)."""
    found = []
    for match in CLOCK_PARTS.finditer(body):
        hour = int(match.group(1))
        parts = re.findall(PART, match.group(2))
        if all(hour in PARTS[part] for part in parts) and not _skip(skip, *match.span(2)):
            found.append(finding_at(body, "time_format", match.span(2),
                                    N_("Jam dengan zona waktu tidak perlu “pagi”, “siang”, “sore”, atau “malam”."),
                                    N_("Hapus kata itu (EYD V: pukul 09.00 WIB sudah menyebut waktunya)."),
                                    {"standard": ""}, {"standard": ""}, ""))
    for match in ZONE_WORDS.finditer(body):
        zone = ZONE_OF[match.group(2) and match.group(2).lower()]
        if not _skip(skip, *match.span(1)):
            found.append(finding_at(body, "time_format", match.span(1),
                                    N_("Zona waktu ditulis dengan huruf kapital dan dipisah spasi: “%(standard)s”."),
                                    N_("Ganti dengan “%(standard)s” (EYD V: 14.30 WIB)."),
                                    {"standard": zone}, {"standard": zone}, zone))
    for match in GLUED_WORD.finditer(body):
        standard = ("Rp" if match.group(1) else "") + f"{match.group(2)} {match.group(3).lower()}"
        if not _skip(skip, *match.span()):
            found.append(finding_at(body, "number_format", match.span(),
                                    N_("Angka dan kata bilangan atau satuannya dipisah spasi: “%(standard)s”."),
                                    N_("Ganti dengan “%(standard)s” (EYD V)."),
                                    {"standard": standard}, {"standard": standard}, standard))
    found += _glued(body, skip)
    for match in BRACKETED_WORD.finditer(body):
        word = in_words(int(match.group(1)))
        if word and word == match.group(2).lower() and len(word.split()) <= 2 and not _skip(skip, *match.span()):
            found.append(finding_at(body, "number_format", match.span(),
                                    N_("Bilangan yang dapat ditulis dengan satu atau dua kata ditulis dengan huruf: "
                                       "“%(standard)s”."),
                                    N_("Ganti dengan “%(standard)s” (EYD V)."), {"standard": word}, {"standard": word}, word))
    return found


def _glued(body: str, skip) -> list[Finding]:
    """The zones, figures and ordinals of round 14 glued where EYD V writes a space or nothing."""
    found = []

    def add(code, span, message, standard):
        if not _skip(skip, *span):
            found.append(finding_at(body, code, span, message, N_("Ganti dengan “%(standard)s” (EYD V)."),
                                    {"standard": standard}, {"standard": standard}, standard))
    for match in ZONE_GLUED.finditer(body):
        zone, rest = match.group(2), match.group(3)
        if zone in ("Wit", "WIT") and rest[:1] == "a" and frequency(rest[1:]) >= 3.0:
            zone, rest = zone + "a", rest[1:]  # "Witaini": WITA + ini
        if frequency(rest) >= 3.0 and is_indonesian(rest):
            add("time_format", (match.start(2), match.end(3)),
                N_("Zona waktu ditulis dengan huruf kapital dan dipisah spasi: “%(standard)s”."), f"{zone.upper()} {rest}")
    for match in ZONE_STOPPED.finditer(body):
        add("time_format", match.span(), N_("Zona waktu ditulis dengan huruf kapital dan dipisah spasi: “%(standard)s”."),
            f" {match.group(1)}")
    for match in FIGURE_GLUED.finditer(body):
        word = match.group(2)
        if not GLUED_WORD.match(body, match.start()) and frequency(word) >= 4.0 and is_indonesian(word, strict=True):
            add("number_format", match.span(), N_("Angka dan kata sesudahnya dipisah spasi: “%(standard)s”."),
                f"{match.group(1)} {word}")
    for match in DAY_GLUED.finditer(body):
        if 1 <= int(match.group(1)) <= 31:
            add("number_format", match.span(), N_("Angka dan kata sesudahnya dipisah spasi: “%(standard)s”."),
                f"{match.group(1)} {match.group(2)}")
    for match in ERA_GLUED.finditer(body):
        add("number_format", match.span(), N_("Angka dan kata sesudahnya dipisah spasi: “%(standard)s”."),
            f"{match.group(1)} {match.group(2)}")
    for match in KE_WORD.finditer(body):
        add("number_format", match.span(), N_("Bilangan tingkat dengan huruf ditulis serangkai: “%(standard)s”."),
            f"{match.group(1)}{match.group(2)}{match.group(3)}")
    return found

"""Times as EYD V writes them: ``pukul 14.30 WIB``, ``13.07–14.15``, ``s.d.``.

``check_times`` (code ``time_format``): a colon in a clock time, "jam 9"/"pkl." for
"pukul", a time zone not in capitals or glued to the time, a range written "s.d", "s/d",
"sd" or with a hyphen, a range of two clock times joined by "sampai", "sampai dengan" or
"hingga" with the zone after both (the zone once; since round 12 the word stays), a hyphen to
"selesai", "sore" or "malam" after an afternoon time on the 24-hour clock ("pukul 17.00 sore"). "sampai dengan" before anything
but a clock time is left alone.
Since round 9 also "Pukul" capitalised inside a sentence, "pukul 10" with the hour alone, and a
part of the day capitalised after a clock time ("09.30 Pagi"); since round 10 an hour in one
figure ("pukul 6.45" → "pukul 06.45"); since round 12 a clock time in words with a part of the
day ("pukul lima sore" → "pukul 17.00"). URLs and ``protected`` spans
(names) are skipped.
"""
from __future__ import annotations

import re

from press.errors import N_

from .finding import Finding, finding_at, sentence_start
from .number_checks import digit_first, overlaps, url_spans

CLOCK = r"(?:[01]?\d|2[0-4])[.:][0-5]\d"
ZONES = r"WIB|WITA|WIT"
TIME_COLON = digit_first(r"(?<![\d:.,/])([01]?\d|2[0-4]):([0-5]\d)(?![\d:])")
ZONE = re.compile(rf"(?<=\d)(\s*)(wib|Wib|wita|Wita|Wit|wit)\b|(?<=\d)({ZONES})\b")
JAM = re.compile(r"(?<![\w-])(?:[Jj]am|[Pp]kl\.?)(?=\s+\d)(\s+)(\d{1,2})(?:([.:])([0-5]\d))?(?![\d.:,]\d)"
                 r"(?:\s+(pagi|siang|sore|malam)\b)?")
PUKUL_SHORT = re.compile(r"(?<![\w-])([Pp])kl\.?(?=\s)")
#: "pukul" inside a sentence written with a capital ("sekitar Pukul 16.15"), or with the hour
#: alone ("tepat pukul 10"), and a part of the day given a capital after a clock time ("09.30 Pagi").
#: An hour in one figure with its minutes ("pukul 6.45"): EYD V writes the hour in two (pukul 06.45).
ONE_FIGURE_HOUR = re.compile(r"(?<![\w-])([Pp]ukul) ([0-9])[.:]([0-5]\d)(?![\d.:,]\d)")
PUKUL_CAPITAL = re.compile(r"(?<=[a-z,] )Pukul(?= \d)")
PUKUL_HOUR = re.compile(r"(?<![\w-])([Pp]ukul) ([01]?\d|2[0-4])(?![\d.:/-]|,\d|\s*(?:[-–—]|s\.d|s/d|sampai|hingga|lewat|kurang)\b)")
CAPITAL_PART = re.compile(rf"(?<=[a-z] )(?:[Pp]ukul )?{CLOCK}(\s+(?:Pagi|Siang|Sore|Malam))\b")
RANGE = digit_first(rf"(?<![\d.])({CLOCK})(\s+(?:{ZONES}))?(\s*(?:s\.d(?![.\w])|s/d|S/D|sd|SD|s\.\s+d\.?)\s*|\s*--?\s*|"
                   rf"\s+[–—]\s*|\s*[–—]\s+)(?={CLOCK}(?!\d))")
ZONE_PART = re.compile(rf"(?<=\d)(\s+(?:{ZONES}))(\s+(?:pagi|siang|sore|malam))\b(?!\s+(?:hari|ini|itu)\b)")
PAST_MINUTES = re.compile(r"(?<![\w-])([Pp]ukul|[Jj]am)\s+(\d{1,2})\s+lewat\s+(\d{1,2})\s+menit\b")
SD_ALONE = re.compile(r"(?<![\w/.])(?:s\.d(?![.\w])|s/d(?!\w)|S/D(?!\w))")
#: "s/d" between two figures ("9 s/d 14 Maret"): a range of dates or numbers takes the en dash (9–14 Maret).
SD_BETWEEN_FIGURES = re.compile(r"(?<=\d) ?(?:s\.d|s/d|S/D) ?(?=\d)")
#: A range of two clock times joined by a word with the zone written after both ("pukul 08.00 WIB hingga
#: pukul 14.00 WIB"): the zone is written once, after the range. The word itself is standard: EYD V lets
#: the en dash stand for "sampai dengan" between two times (13.07–14.15) but does not forbid the word, so
#: "pukul 08.00 sampai pukul 11.00 WITA" and "pukul 17.00 hingga 22.00 WIB" are left; so is "09.00 WIB
#: hingga 15.00 WIB" without a second "pukul", prose the correct releases write.
WORD_RANGE = digit_first(rf"(?<![\d.])({CLOCK})(\s+(?:{ZONES}))\s+(?:sampai(?:\s+dengan)?\s+(?:[Pp]ukul\s+)?|"
                        rf"hingga\s+[Pp]ukul\s+){CLOCK}(?!\d)\s+(?:{ZONES})\b")
#: A clock time in words with a part of the day ("pukul lima sore", "jam tujuh malam"): EYD V writes
#: pukul with figures on the 24-hour clock (pukul 17.00). Without the part of the day a number word
#: after "jam" is as often a duration, and is left.
HOUR_WORDS = {"satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
              "sembilan": 9, "sepuluh": 10, "sebelas": 11, "dua belas": 12}
WORD_CLOCK = re.compile(r"(?<![\w-])([Pp]ukul|[Jj]am) (" + "|".join(sorted(HOUR_WORDS, key=len, reverse=True))
                        + r") (pagi|siang|sore|malam)\b")
#: A part of the day after an afternoon or evening time on the 24-hour clock ("pukul 17.00 sore").
CLOCK_PART = re.compile(r"(?<=[Pp]ukul )(1[2-9]|2[0-4])[.:][0-5]\d(\s+(?:siang|sore|malam))\b(?!\s+(?:hari|ini|itu)\b)")
UNTIL_DONE = re.compile(rf"(?<=\d)((?:\s+(?:{ZONES}))?)\s*-\s*(selesai|Selesai)\b")


def _pukul(body: str, start: int) -> str:
    """"pukul", with a capital only at a sentence's start ("Jam 08.00", "Pkl. 10.30" inside a
    sentence: the capital was the slip's, as "Pukul" there is one)."""
    return "Pukul" if sentence_start(body, start) else "pukul"


def _widened(body: str, start: int, end: int) -> tuple[int, int]:
    return start - (body[start - 1:start] == " "), end + (body[end:end + 1] == " ")


def check_times(body: str, protected=(), quotes=()) -> list[Finding]:
    skip = list(protected) + list(url_spans(body))
    found = []

    def add(span, message, hint, standard, params=None):
        if not overlaps(skip, *span):
            shown = standard.strip() if standard else ""
            found.append(finding_at(body, "time_format", span, message, hint, {"standard": shown, **(params or {})},
                                    {"standard": shown}, standard))

    jam_spans = []
    for match in JAM.finditer(body):
        hour, minutes, part = int(match.group(2)), match.group(4), match.group(5)
        hour = _clock_hour(hour, part)
        if hour is None or hour > 24:
            continue
        word = _pukul(body, match.start())
        standard = f"{word} {hour:02d}.{minutes or '00'}"
        jam_spans.append(match.span())
        add(match.span(), N_("Jam ditulis “pukul” dengan jam dan menit: “%(standard)s”."),
            N_("Ganti dengan “%(standard)s” (EYD V: pukul 09.00 WIB)."), standard)
    for match in WORD_CLOCK.finditer(body):
        hour = _clock_hour(HOUR_WORDS[match.group(2)], match.group(3))
        if hour is not None and not overlaps(quotes, *match.span()):  # in a quote: the speaker's words
            word = _pukul(body, match.start())
            jam_spans.append(match.span())
            add(match.span(), N_("Jam ditulis “pukul” dengan jam dan menit: “%(standard)s”."),
                N_("Ganti dengan “%(standard)s” (EYD V: pukul 09.00 WIB)."), f"{word} {hour:02d}.00")
    for match in PUKUL_SHORT.finditer(body):
        if not overlaps(jam_spans, *match.span()):
            add(match.span(), N_("Jam ditulis “pukul” dengan jam dan menit: “%(standard)s”."),
                N_("Ganti dengan “%(standard)s” (EYD V: pukul 09.00 WIB)."), _pukul(body, match.start()))
    for match in PUKUL_CAPITAL.finditer(body):
        add(match.span(), N_("Jam ditulis “pukul” dengan jam dan menit: “%(standard)s”."),
            N_("Ganti dengan “%(standard)s” (EYD V: pukul 09.00 WIB)."), "pukul")
    for match in PUKUL_HOUR.finditer(body):
        standard = f"{match.group(1)} {int(match.group(2)):02d}.00"
        add(match.span(), N_("Jam ditulis “pukul” dengan jam dan menit: “%(standard)s”."),
            N_("Ganti dengan “%(standard)s” (EYD V: pukul 09.00 WIB)."), standard)
    for match in CAPITAL_PART.finditer(body):
        add(match.span(1), N_("Jam dengan zona waktu tidak perlu “pagi”, “siang”, “sore”, atau “malam”."),
            N_("Hapus kata itu (EYD V: pukul 09.00 WIB sudah menyebut waktunya)."), "")
    for match in TIME_COLON.finditer(body):
        if not overlaps(jam_spans, *match.span()):
            add(match.span(), N_("Jam ditulis dengan titik, bukan titik dua: “%(standard)s”."),
                N_("Ganti dengan “%(standard)s” (EYD V: 14.30 WIB)."), f"{match.group(1)}.{match.group(2)}")
    for match in ZONE.finditer(body):
        zone = match.group(2) or match.group(3)
        add(match.span(), N_("Zona waktu ditulis dengan huruf kapital dan dipisah spasi: “%(standard)s”."),
            N_("Ganti dengan “%(standard)s” (EYD V: 14.30 WIB)."), " " + zone.upper())
    range_spans = []
    for match in WORD_RANGE.finditer(body):
        standard = body[match.start():match.start(2)] + body[match.end(2):match.end()]
        range_spans.append(match.span())
        add(match.span(), N_("Zona waktu rentang jam ditulis sekali, sesudah jam kedua: “%(standard)s”."),
            N_("Ganti dengan “%(standard)s” (EYD V: zona waktu sekali di akhir; “sampai” atau “hingga” boleh tetap)."),
            standard)
    for match in CLOCK_PART.finditer(body):
        add(match.span(2), N_("Jam dengan zona waktu tidak perlu “pagi”, “siang”, “sore”, atau “malam”."),
            N_("Hapus kata itu (EYD V: pukul 09.00 WIB sudah menyebut waktunya)."), "")
    for match in RANGE.finditer(body):
        span = match.span(3)
        range_spans.append(span)
        standard = "–" if any(dash in match.group(3) for dash in "-–—") else " s.d. "
        add(span, N_("Rentang waktu ditulis dengan tanda pisah (13.07–14.15) atau “s.d.”: “%(standard)s”."),
            N_("Ganti dengan “%(standard)s” (EYD V: s.d. dengan titik di akhir, atau tanda pisah tanpa spasi)."),
            standard)
    for match in SD_ALONE.finditer(body):
        if not overlaps(range_spans, *match.span()):
            start, end = _widened(body, *match.span())
            between = SD_BETWEEN_FIGURES.match(body, start)
            between = between if between and between.end() == end else None
            if between:
                add(between.span(), N_("Rentang angka atau tanggal ditulis dengan tanda pisah tanpa spasi (9–14 Maret)."),
                    N_("Ganti dengan “%(standard)s” (EYD V)."), "–")
            else:
                add(match.span(), N_("Singkatan “sampai dengan” ditulis “s.d.”."),
                    N_("Ganti dengan “%(standard)s” (EYD V)."), "s.d.")
    for match in ZONE_PART.finditer(body):
        add(match.span(2), N_("Jam dengan zona waktu tidak perlu “pagi”, “siang”, “sore”, atau “malam”."),
            N_("Hapus kata itu (EYD V: pukul 09.00 WIB sudah menyebut waktunya)."), "")
    for match in ONE_FIGURE_HOUR.finditer(body):
        standard = f"{match.group(1)} 0{match.group(2)}.{match.group(3)}"
        add(match.span(), N_("Jam ditulis “pukul” dengan jam dan menit: “%(standard)s”."),
            N_("Ganti dengan “%(standard)s” (EYD V: pukul 09.00 WIB)."), standard)
    for match in PAST_MINUTES.finditer(body):
        hour, minutes = int(match.group(2)), int(match.group(3))
        if hour <= 24 and minutes <= 59:
            standard = f"pukul {hour:02d}.{minutes:02d}"
            add(match.span(), N_("Jam ditulis “pukul” dengan jam dan menit: “%(standard)s”."),
                N_("Ganti dengan “%(standard)s” (EYD V: pukul 09.00 WIB)."), standard)
    for match in UNTIL_DONE.finditer(body):
        standard = f"{match.group(1)} s.d. {match.group(2)}"
        add(match.span(), N_("“Sampai selesai” ditulis dengan kata, bukan tanda hubung: “%(standard)s”."),
            N_("Ganti dengan “%(standard)s” (EYD V: tanda pisah hanya di antara dua bilangan)."), standard)
    return sorted(found, key=lambda f: f.span)


def _clock_hour(hour: int, part: str | None) -> int | None:
    """The 24-hour hour of "jam 2 siang" (14), "jam 7 malam" (19); None when unclear ("jam 12 malam")."""
    if part in (None, "pagi"):
        return hour if part is None or hour <= 11 else None
    if part == "siang":
        return hour + 12 if 1 <= hour <= 4 else (hour if hour in (11, 12) else None)
    if part == "sore":
        return hour + 12 if 1 <= hour <= 6 else None
    return hour + 12 if 6 <= hour <= 11 else None

"""Times and figures written in the other ways releases write them, beside ``number_checks``'
shapes (EYD V: "pukul 14.30 WIB", "10 ribu").

- ``time_format``: a part of the day after a time on the 24-hour clock that it repeats
  ("pukul 06.06 pagi", "pukul 11.00 siang", "pukul 02.00 pagi dini hari": the hour already says
  it; a part the hour contradicts, "pukul 08.00 malam", is left for the writer), a time zone
  written in words or by a regional abbreviation ("Waktu Papua", "Waktu Indonesia Barat", "WP"
  → WIT, WIB).
- ``number_format``: a figure glued to its number word or unit ("10ribu", "Rp5juta", "20persen", "3km"); a
  figure with its own number word in brackets ("3 (Tiga) hari", the style of contracts): EYD V writes a
  number of one or two words in words in running text ("tiga hari").
"""
from __future__ import annotations

import re

from press.errors import N_

from .finding import Finding, finding_at
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
    for match in BRACKETED_WORD.finditer(body):
        word = in_words(int(match.group(1)))
        if word and word == match.group(2).lower() and len(word.split()) <= 2 and not _skip(skip, *match.span()):
            found.append(finding_at(body, "number_format", match.span(),
                                    N_("Bilangan yang dapat ditulis dengan satu atau dua kata ditulis dengan huruf: "
                                       "“%(standard)s”."),
                                    N_("Ganti dengan “%(standard)s” (EYD V)."), {"standard": word}, {"standard": word}, word))
    return found

"""Numbers and times written in shapes round 14's held-back releases showed and earlier rules did
not read (EYD V, penulisan angka dan tanda pisah):

- ``number_format``: a range of dates or of years with a hyphen where EYD V writes the en dash
  ("21-23 Februari", "2014-2019" → "21–23 Februari", "2014–2019"); a space as the thousands
  separator ("42 000" → "42.000": a round last group, not after "nomor", "NIK" and the like); a number in letters with its figure after it in brackets ("tiga
  (3) kecamatan", the style of contracts: running text writes the words alone) and a figure with a
  number of three words or more after it in brackets ("34 (tiga puluh empat) distrik" → "34"); the
  rupiah symbol without its p before a figure and its money word ("R20 ribu" → "Rp20 ribu").
- ``time_format``: minutes of three figures after "pukul" or before a zone ("07.300 WIB" → "07.30").

Each shape asks for its neighbours (a month, a money word, a zone) so that a code, a telephone
number or a list of figures is not read as one.
"""
from __future__ import annotations

import re

from press.errors import N_

from .finding import Finding, finding_at
from .number_checks import NOT_AN_AMOUNT, in_words

MONTH = r"(?:Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember)"
DATE_RANGE = re.compile(rf"(?<![\w.,/–-])([0-3]?\d)-([0-3]?\d)(?=\s+{MONTH}\b)")
YEAR_RANGE = re.compile(r"(?<![\w.,/–-])((?:19|20)\d\d)-((?:19|20)\d\d)(?![\w/–-]|\.\d)")
SPACED_THOUSANDS = re.compile(r"(?<![\w.,/:+-])([1-9]\d{0,2})((?: \d{3})*(?: \d00))(?=\s+[a-z])")
NUMBER_WORD = ("satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas dua belas tiga belas "
               "empat belas lima belas enam belas tujuh belas delapan belas sembilan belas dua puluh").split(" ")
WORD_THEN_FIGURE = re.compile(r"(?<![\w-])([A-Za-z]+(?: (?:belas|puluh))?)\s*\(\s*(\d{1,3})\s*\)")
FIGURE_THEN_WORDS = re.compile(r"(?<![\w.,/-])(\d{1,4})\s*\(\s*([A-Za-z]+(?: [A-Za-z]+){2,5})\s*\)")
R_FIGURE = re.compile(r"(?<![\w.])R(\d{1,3}(?:[.,]\d+)?)(?=\s?(?:ribu|juta|miliar|triliun)\b)")
LONG_MINUTES = re.compile(r"(?:(?<=[Pp]ukul )|(?<=[Pp]kl\. )|(?<![\w.,]))([01]\d|2[0-3])\.([0-5]\d)\d(?![\d.,])"
                          r"(?=\s*(?:WIB|WITA|WIT)\b)|(?<=[Pp]ukul )([01]\d|2[0-3])\.([0-5]\d)\d(?![\d.,])")


UNIT_VALUES = {word: n for n, word in enumerate("nol satu dua tiga empat lima enam tujuh delapan sembilan".split())}
SE_VALUES = {"sepuluh": 10, "sebelas": 11, "seratus": 100, "seribu": 1000}


def _value(words: list[str]) -> int | None:
    """The number that words such as "tiga puluh empat" or "seratus dua puluh" name, None for others."""
    total, part = 0, 0
    for word in words:
        if word in UNIT_VALUES:
            part += UNIT_VALUES[word]
        elif word in SE_VALUES:
            if SE_VALUES[word] == 1000:
                total, part = total + 1000, 0
            else:
                part += SE_VALUES[word]
        elif word == "belas":
            part += 10
        elif word in ("puluh", "ratus"):
            part = part % 10 * (10 if word == "puluh" else 100) + part - part % 10 if part % 10 else 0
            if not part:
                return None
        elif word == "ribu":
            total, part = total + part * 1000, 0
        else:
            return None
    return total + part


def check_number_forms(body: str, skip=()) -> list[Finding]:
    """The findings above outside the ``skip`` spans (names, URLs, findings already made)."""
    found = []

    def add(code, span, message, hint, standard):
        if not any(s < span[1] and span[0] < e for s, e in skip):
            found.append(finding_at(body, code, span, message, hint, {"standard": standard}, {"standard": standard},
                                    standard))
    dash = N_("Rentang tanggal atau tahun ditulis dengan tanda pisah (–), bukan tanda hubung: “%(standard)s”.")
    for match in DATE_RANGE.finditer(body):
        if int(match.group(1)) < int(match.group(2)) <= 31:
            add("number_format", match.span(), dash, N_("Ganti dengan “%(standard)s” (EYD V)."),
                f"{match.group(1)}–{match.group(2)}")
    for match in YEAR_RANGE.finditer(body):
        if int(match.group(1)) < int(match.group(2)):
            add("number_format", match.span(), dash, N_("Ganti dengan “%(standard)s” (EYD V)."),
                f"{match.group(1)}–{match.group(2)}")
    for match in SPACED_THOUSANDS.finditer(body):
        if NOT_AN_AMOUNT.search(body[max(0, match.start() - 12):match.start()]):
            continue
        standard = match.group(1) + match.group(2).replace(" ", ".")
        add("number_format", match.span(), N_("Bilangan ribuan ditulis dengan titik pemisah: “%(standard)s”."),
            N_("Ganti dengan “%(standard)s” (EYD V: titik memisahkan ribuan)."), standard)
    twice = N_("Bilangan tidak diulang di dalam kurung: “%(standard)s”.")
    for match in WORD_THEN_FIGURE.finditer(body):
        word = match.group(1)
        if word.lower() in NUMBER_WORD and in_words(int(match.group(2))) == word.lower():
            add("number_format", match.span(), twice, N_("Ganti dengan “%(standard)s” (EYD V)."), word)
    for match in FIGURE_THEN_WORDS.finditer(body):
        if _value(match.group(2).lower().split()) == int(match.group(1)):
            add("number_format", match.span(), twice, N_("Ganti dengan “%(standard)s” (EYD V)."), match.group(1))
    for match in R_FIGURE.finditer(body):
        add("number_format", match.span(), N_("Jumlah uang ditulis “%(standard)s”."),
            N_("Ganti dengan “%(standard)s” (EYD V: Rp rapat dengan angkanya, satuannya huruf kecil)."),
            f"Rp{match.group(1)}")
    for match in LONG_MINUTES.finditer(body):
        hour, minutes = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
        add("time_format", match.span(), N_("Jam ditulis “pukul” dengan jam dan menit: “%(standard)s”."),
            N_("Ganti dengan “%(standard)s” (EYD V: pukul 09.00 WIB)."), f"{hour}.{minutes}")
    return found

"""Capital letters EYD V asks for on common words: a title of office written in lower case
right before the name of a person, an institution or a place ("bupati Sleman", "wakil
gubernur Jawa Barat" → "Bupati Sleman", "Wakil Gubernur Jawa Barat"; EYD V, huruf kapital:
a title followed by a name). A title on its own ("kata bupati") or after "para" (the office,
not one holder) stays in lower case, and a capitalised word that is a weekday or a month
("bupati Senin lalu") is no name. Since round 12 also a religious feast written in lower case
after a word that names the day or its keeping ("libur natal", "perayaan waisak" → "Natal",
"Waisak"; EYD V, huruf kapital: nama hari besar keagamaan); "natal" alone is KBBI's word for birth.
Since round 15 (``region_case``): a region word in lower case before a name ("kecamatan Kalitidu",
"desa sered"), a region's name in lower case after an office word or "khas" ("Bupati kendal", "khas
bali"), a rank's abbreviation in lower case ("letkol"), a term of address in lower case before a name
or title ("mas Wawali") and a common word capitalised after "secara" or "sebelah" ("secara Nasional").
Since round 16 the number and year of a regulation after its name ("Peraturan Pemerintah nomor 12
tahun 2019" → "Nomor 12 Tahun 2019").
"""
from __future__ import annotations

import re

from press.errors import N_

from .finding import Finding, finding_at
from .region_case import region_and_common_case

#: The titles of regional and central office a release names most, longest first so that
#: "wakil bupati" is read before "bupati".
TITLES = ("wakil wali kota", "wakil presiden", "wakil gubernur", "wakil bupati", "sekretaris daerah", "kepala desa",
          "wali kota", "presiden", "gubernur", "bupati", "camat", "lurah", "menteri", "kapolres", "kapolda", "kapolsek",
          "dandim", "danramil")
CALENDAR = frozenset("senin selasa rabu kamis jumat sabtu minggu januari februari maret april mei juni juli agustus "
                     "september oktober november desember".split())
TITLE_BEFORE_NAME = re.compile(r"(?<![\w-])(" + "|".join(t.replace(" ", r"[ ]") for t in TITLES) + r")[ ]([A-Z][\w]*)")
FEAST = re.compile(r"(?<![\w-])(?:hari|libur|perayaan|malam|ibadah|misa|selamat|kebaktian|menjelang|jelang|suasana|"
                   r"momen|peringatan|raya|pesta|liburan|sambut|menyambut)[ ](natal|paskah|waisak|nyepi|imlek|idulfitri|"
                   r"iduladha|galungan)(?![\w-])", re.I)
RULE_FEAST = "EYD V (huruf kapital): nama hari besar keagamaan ditulis kapital (Natal, Idulfitri, Waisak)"
RULE = "EYD V (huruf kapital): nama jabatan yang diikuti nama orang, instansi atau tempat ditulis kapital"
#: The number and year of a regulation after its name ("Peraturan Pemerintah nomor 12 tahun 2019",
#: "UU No 6 tahun 2014"): part of the name, written "Nomor 12 Tahun 2019" (round 15). "No." with its
#: stop before "Tahun" is the standard abbreviation and is left.
REGULATION = re.compile(r"(?<![\w-])(?:Peraturan(?: [A-Z][a-z]+){1,3}|Undang-Undang|UU|Perda|Perbup|Perwali|Pergub|"
                        r"Perpres|Inpres|Permendagri|Permen[A-Z]?[a-z]+|PP|Keputusan(?: [A-Z][a-z]+){1,3}|"
                        r"Instruksi(?: [A-Z][a-z]+){1,3}|Surat Edaran(?: [A-Z][a-z]+){0,3}|Perkada|Perdes|Perkap|Perpol)"
                        r" ((?:[Nn]omor|[Nn]omer|No\.?|no\.?) ?(\d{1,4}[A-Z]?) ([Tt]ahun) ((?:19|20)\d\d))(?![\w-])")
RULE_REGULATION = "EYD V (huruf kapital): nomor dan tahun dalam nama peraturan ditulis kapital (Nomor 12 Tahun 2019)"


def check_capitals(body: str, protected=()) -> list[Finding]:
    found = region_and_common_case(body, protected)
    for match in TITLE_BEFORE_NAME.finditer(body):
        start, end = match.span(1)
        if match.group(2).lower() in CALENDAR or any(s < end and start < e for s, e in protected) \
                or re.search(r"\bpara\s+(?:mantan\s+)?$", body[max(0, start - 20):start], re.I):
            continue  # "para bupati Jawa Tengah": the office, not one holder
        standard = " ".join(word[:1].upper() + word[1:] for word in match.group(1).split(" "))
        found.append(finding_at(
            body, "spelling", (start, end), N_("Ejaan tidak baku: “%(written)s”; bentuk bakunya “%(standard)s”."),
            N_("Ganti dengan “%(standard)s” (%(rule)s)."), {"written": match.group(1), "standard": standard},
            {"standard": standard, "rule": RULE}, standard))
    for match in REGULATION.finditer(body):
        start, end = match.span(1)
        standard = f"Nomor {match.group(2)} Tahun {match.group(4)}"
        written = match.group(1)
        if written == standard or written.startswith("No.") and match.group(3) == "Tahun" \
                or any(s < end and start < e for s, e in protected):
            continue
        found.append(finding_at(
            body, "spelling", (start, end), N_("Ejaan tidak baku: “%(written)s”; bentuk bakunya “%(standard)s”."),
            N_("Ganti dengan “%(standard)s” (%(rule)s)."), {"written": written, "standard": standard},
            {"standard": standard, "rule": RULE_REGULATION}, standard))
    for match in FEAST.finditer(body):
        start, end = match.span(1)
        if not match.group(1).islower() or any(s < end and start < e for s, e in protected):
            continue
        standard = match.group(1).capitalize()
        found.append(finding_at(
            body, "spelling", (start, end), N_("Ejaan tidak baku: “%(written)s”; bentuk bakunya “%(standard)s”."),
            N_("Ganti dengan “%(standard)s” (%(rule)s)."), {"written": match.group(1), "standard": standard},
            {"standard": standard, "rule": RULE_FEAST}, standard))
    return found

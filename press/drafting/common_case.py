"""A common word capitalised inside a sentence (``spelling``; EYD V, huruf kapital: a common noun,
a title with no name after it and a word of a plural group are written in lower case):

- a run of capitalised common words after a word of a plural group ("para", "seluruh", "sejumlah",
  "segenap", "semua", "setiap", "beberapa": "seluruh Kepala Desa", "oleh para Tamu Undangan") or a
  role ("sebagai Inspektur Upacara", "menjadi Juru bicara"), unless a name follows (a capitalised
  word that is no common word, an acronym or a figure: "seluruh Kepala Desa Sukamaju"); after a
  role, a run holding the name of an institution ("sebagai Kepala Dinas Pendidikan") is an office
  and keeps its capitals;
- one capitalised common word between a word in lower case and a word in lower case or a stop
  ("usulan Desa", "pihak Kecamatan", "pelayanan Pemerintah"): a noun of government (``GOVERNMENT``),
  or any common word after a noun of a meeting or ceremony ("rapat Paripurna", "pemimpin Apel"); not
  a title of office ("kata Bupati": the holder), not a region's name ("ke Malang"), not a word before a
  figure ("tahap 2"), not after "tentang" (a regulation's title), not in a heading;
- a verb of saying capitalised after a quote that closes with a comma (",” Ujarnya").

A common word is one ``wordfreq`` gives Zipf 3 or more that the affix rules read as Indonesian.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import frequency, is_indonesian, name_words, office_words, official_words

GROUP = ("para", "seluruh", "sejumlah", "segenap", "semua", "setiap", "beberapa")
ROLE = ("sebagai", "menjadi")
RUN = re.compile(r"(?<![\w-])(?:(" + "|".join(GROUP) + r")|(" + "|".join(ROLE) + r")|(Para))[ ]"
                 r"((?:[A-Z][a-z]+(?:-[a-z]+)?(?:[ ](?:dan[ ])?|$))+)")
ONE = re.compile(r"(?<=[a-z,] )([A-Z][a-z]{2,}(?:-[a-z]+)?)(?=[ ][a-z]|[.,;:!?)]|$)(?![ ]\d)", re.M)
#: Words of an institution's name: after a role they make the run an office ("Kepala Dinas Pendidikan").
INSTITUTION = frozenset("dinas badan kantor biro bagian sekretariat inspektorat satuan dewan komisi fraksi "
                        "kementerian direktorat balai lembaga polres polsek kodim koramil kejari kejati".split())
CALENDAR = frozenset("senin selasa rabu kamis jumat sabtu minggu januari februari maret april mei juni juli agustus "
                     "september oktober november desember tuhan allah".split())
#: Words that join the parts of a name ("Dinas Komunikasi dan Informatika", "Badan Kesatuan Bangsa dan Politik").
JOINING = frozenset("dan serta atau untuk bagi di ke dari pada se".split())
#: Words after which a capitalised word begins a title ("Undang-Undang Nomor 6 Tahun 2014 tentang Desa").
TITLE_BEFORE = frozenset("tentang".split())
#: Nouns of a meeting or a ceremony after which a capitalised common word names its kind ("rapat
#: Paripurna", "pemimpin Apel"), not a name.
EVENTS = frozenset("rapat sidang upacara apel pemimpin pembina bibit suku tahun".split())
#: The common nouns of government and its assemblies that releases capitalise out of habit ("usulan
#: Desa", "pihak Kecamatan", "pelayanan Pemerintah", "wilayah Adat"): in lower case unless a name follows.
GOVERNMENT = frozenset("desa kecamatan kelurahan kabupaten provinsi dusun gampong nagari pemerintah pemerintahan "
                       "masyarakat paripurna koordinasi program adat politik instansi".split())
#: Names of the country, its creed and its faiths and peoples: always capitalised.
PROPER = frozenset("indonesia nusantara republik pancasila islam kristen katolik hindu buddha konghucu melayu jawa "
                   "sunda batak bugis".split())
#: Feasts and months of the Hijri year, written with a capital ("bulan Ramadan", "menjelang Lebaran").
FEASTS = frozenset("ramadan ramadhan lebaran syawal muharam idulfitri iduladha natal paskah waisak nyepi imlek".split())
RULE = "EYD V (huruf kapital): kata umum di dalam kalimat ditulis dengan huruf kecil"


@lru_cache(maxsize=8192)
def common(word: str) -> bool:
    lower = word.lower()
    first = lower.split("-")[0]
    return frequency(first) >= 3.0 and is_indonesian(lower) and first not in name_words() \
        and first not in CALENDAR and first not in FEASTS and first not in PROPER


@lru_cache(maxsize=1)
def _official_common() -> frozenset[str]:
    """The common nouns official names are built of ("Desa", "Kecamatan", "Pemerintah", "Adat",
    "Program"), less the words of observances ("Pramuka", "Kemerdekaan"), which keep their capital."""
    from press.notes.glossary import load_glossary
    observances = {w.lower() for entry in load_glossary().data.get("observances", ())
                   for w in re.findall(r"[^\W\d_]+", entry)}
    return frozenset(w for words in official_words().values() for w in words) - observances


@lru_cache(maxsize=1)
def _said_capital() -> re.Pattern:
    """A verb of saying capitalised after a quote that closes with a comma, "?" or "!" (",” Ujarnya",
    ",” Jelas Jubir"): the sentence goes on, so the verb is in lower case (EYD V, tanda petik)."""
    from press.notes.glossary import load_glossary
    verbs = {v.lower() for v in load_glossary().data["speech_verbs"]["after"]}
    verbs |= {v + "nya" for v in verbs if not v.endswith("nya")}
    words = sorted((v.capitalize() for v in verbs), key=len, reverse=True)
    return re.compile(r"(?<=[,?!][”\"] )(" + "|".join(words) + r")(?![\w-])")


def _heading(body: str, at: int) -> bool:
    line = body[body.rfind("\n", 0, at) + 1:body.find("\n", at) % (len(body) + 1)]
    words = [w for w in line.split() if w[:1].isalpha()]
    return len(words) < 5 or sum(w[:1].isupper() for w in words) >= 0.6 * len(words)


def _sentence_start(body: str, at: int) -> bool:
    before = body[:at].rstrip(" *")
    return not before or before[-1] in ".!?:\n“\"(–—-"


def common_case(body: str, taken=()) -> list[tuple[tuple[int, int], str]]:
    """(span, lower-case form) of each capitalised common word inside a sentence."""
    found = []

    def free(start, end):
        return not any(s < end and start < e for s, e in taken) and not any(s < end and start < e for (s, e), _ in found)
    for match in RUN.finditer(body):
        words = list(re.finditer(r"[A-Z][a-z]+(?:-[a-z]+)?", match.group(4)))
        after = body[match.end(4):match.end(4) + 12]
        if not words or re.match(r"[A-Z0-9]|\(", after) or _heading(body, match.start()):
            continue
        if not all(common(w.group()) and w.group().lower() not in INSTITUTION for w in words[-1:]) \
                or not all(common(w.group()) for w in words):
            continue  # "seluruh Kejari", "para Kepala Dinas Pendidikan" name an institution
        lowers = [w.group().lower() for w in words]
        if match.group(2) and (any(w in INSTITUTION for w in lowers) or lowers[0] in GOVERNMENT):
            continue  # "sebagai Kepala Dinas Pendidikan" (an office), "sebagai Desa Wisata" (a designation)
        if match.group(3) and _sentence_start(body, match.start()):
            start = match.start(4)
        else:
            start = match.start(3) if match.group(3) else match.start(4)
        end = match.start(4) + words[-1].end()
        if free(start, end):
            text = body[start:end]
            standard = re.sub(r"[A-Z][a-z]", lambda m: m.group().lower(), text)
            found.append(((start, end), standard))
    for match in _said_capital().finditer(body):
        if free(*match.span(1)):
            found.append((match.span(1), match.group(1).lower()))
    for match in ONE.finditer(body):
        word = match.group(1)
        lower = word.lower()
        before = re.findall(r"[\w-]+", body[max(0, match.start() - 40):match.start()])
        if len(before) < 2 or not before[-1].islower() or before[-1] in JOINING and before[-2][:1].isupper():
            continue  # "Dinas Komunikasi dan Informatika": a name joined by "dan"
        if before[-1] in TITLE_BEFORE:
            continue
        first = lower.split("-")[0]
        if not common(word) or first in office_words() or first in INSTITUTION or _heading(body, match.start()) \
                or not free(*match.span(1)):
            continue
        if first not in GOVERNMENT and not (before[-1] in EVENTS and body[match.start() - 2:match.start() - 1] != ","
                                            and not before[-2][:1].isupper()):
            continue  # "kata Ratna", "menjelang Lebaran"; "Ruang sidang Utama", a name with a word in lower case
        found.append((match.span(1), lower))
    return found

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
- a verb of saying capitalised after a quote that closes with a comma (",” Ujarnya");
- since round 20, any one capitalised common word between a common word in lower case and a word in lower
  case or a stop ("patroli Gabungan pada", "makanan Tradisional,", "salat Magrib"): not after a word that
  a name follows (a preposition, a conjunction, a demonstrative, a verb of saying or any verb with meN-,
  di-, ber-, ter- or per-, a term of address, a word of place, language, people or programme: "di
  Borong", "kata Rahmat", "bahasa Sasak", "program Jaga"), not before a verb or an adverb (a name as
  the subject: "Bambang menyebutkan"), nor before "dan" and a capital ("bidang Perdata dan Tata Usaha
  Negara"), nor after a word in lower case that follows a capital (a name with a word in lower case,
  "Ruang sidang Utama"), nor after a quote's verb ("” kaya Hanafi"); not a title, a rank, a term of
  address or a pronoun of the glossary ("Pala", "Mayor", "Anda"), nor a name the English list writes
  only with a capital ("Malaysia").

A common word is one ``wordfreq`` gives Zipf 3 or more that the affix rules read as Indonesian (for
``lone_capital`` also a KBBI word or an acronym KBBI writes in lower case, of ``words.json``: "pohon
Mangrove", "peran Posyandu").
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import english_names, frequency, is_indonesian, kbbi_common_words, name_words, office_words, terms_of_address
from .region_case import BODY_WORDS, in_heading

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
def _said_capital() -> re.Pattern:
    """A verb of saying capitalised after a quote that closes with a comma, "?" or "!" (",” Ujarnya",
    ",” Jelas Jubir"): the sentence goes on, so the verb is in lower case (EYD V, tanda petik)."""
    from press.notes.glossary import load_glossary
    verbs = {v.lower() for v in load_glossary().data["speech_verbs"]["after"]}
    verbs |= {v + "nya" for v in verbs if not v.endswith("nya")}
    words = sorted((v.capitalize() for v in verbs), key=len, reverse=True)
    return re.compile(r"(?<=[,?!][”\"] )(" + "|".join(words) + r")(?![\w-])")


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
        if not words or re.match(r"[A-Z0-9]|\(", after) or in_heading(body, match.start()):
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
        if before[-1] in TITLE_BEFORE or before[-1] in BODY_WORDS:
            continue  # "kementerian Desa": the name's first word in lower case (region_case capitalises it)
        first = lower.split("-")[0]
        if not common(word) or first in office_words() or first in INSTITUTION or in_heading(body, match.start()) \
                or not free(*match.span(1)):
            continue
        if first not in GOVERNMENT and not (before[-1] in EVENTS and body[match.start() - 2:match.start() - 1] != ","
                                            and not before[-2][:1].isupper()):
            continue  # "kata Ratna", "menjelang Lebaran"; "Ruang sidang Utama", a name with a word in lower case
        found.append((match.span(1), lower))
    return found + lone_capital(body, list(taken) + [span for span, _ in found])


#: ``lone_capital``: the words after which a capital most often begins a name (a preposition, a
#: conjunction, a demonstrative, a word of place, language, people, a programme or a category; since round
#: 21 a word of position before a building's name, "ruang tengah Pendopo", and the people of a place,
#: "petani Kilo").
NAME_FOLLOWS = frozenset("""ini itu tersebut di ke dari dan serta atau yang tentang bahwa dengan oleh kepada untuk bagi
antara menuju sampai hingga asal nama disapa selaku sebagai seperti yakni yaitu termasuk melalui lewat bersama para
seluruh se kawasan lereng pulau pesisir desa kampung dusun laguna jalur wisata sungai gunung bukit pantai danau kota
wilayah daerah kecamatan kelurahan provinsi kabupaten jalan teluk tanjung selat bahasa orang suku adat umat tari
varietas tema julukan merek kategori aplikasi program operasi gerakan lomba festival teks tengah depan belakang samping
halaman petani nelayan penduduk pedagang""".split())
#: ``lone_capital``: the word is written at Zipf 3.5 or more ("Maung" of "operasi ketupat Maung", 3.4, is
#: rare enough to be a name).
LONE_COMMON = 3.5
LONE = re.compile(r"(?<=[a-z] )([A-Z][a-z]{2,})(?=[ ][a-z]|[.,;:!?])")
VERB_BEFORE = re.compile(r"(?:me|di|ber|ter|per)[a-z]{2,}")
SUBJECT_AFTER = re.compile(r"[ ](?:me[mny]?|ber|di|ter)[a-z]{3,}|[ ](?:tidak|juga|akan|sudah|telah|masih|belum|pun|yang|"
                           r"dan[ ][A-Z]|serta[ ][A-Z]|ke-)")


@lru_cache(maxsize=1)
def _not_lone() -> frozenset[str]:
    """Words a capital keeps inside a sentence: the glossary's titles and their short forms, ranks,
    terms of address, honorifics and pronouns, and the names of the English list."""
    from press.notes.glossary import load_glossary
    glossary = load_glossary()
    data = glossary.data
    words = {t.split()[0].lower() for t in data["titles"]}
    words |= {a.lower().rstrip(".") for forms in data["titles"].values() for a in forms if " " not in a}
    words |= {w.lower() for w in glossary.rank_forms if " " not in w}
    words |= {w.lower().rstrip(".") for key in ("address_forms", "honorifics", "regional_honorifics", "pronouns")
              for w in data.get(key, ())}
    return frozenset(words) | english_names() | office_words() | INSTITUTION | GOVERNMENT | terms_of_address()


@lru_cache(maxsize=1)
def _name_follows() -> frozenset[str]:
    from press.notes.glossary import load_glossary
    data = load_glossary().data
    return NAME_FOLLOWS | {v.lower() for form in data["speech_verbs"].values() for v in form} \
        | {w.lower().rstrip(".") for key in ("address_forms", "honorifics") for w in data.get(key, ())}


def lone_capital(body: str, taken=()) -> list[tuple[tuple[int, int], str]]:
    """(span, lower-case form) of each lone capitalised common word inside a sentence (round 20)."""
    found = []
    for match in LONE.finditer(body):
        word, start = match.group(1), match.start(1)
        before = re.search(r"(?<![^\W\d_])(\S+)[ ]([a-z]+)[ ]$", body[max(0, start - 60):start])
        if not before:
            continue
        previous = before.group(2)
        if previous in _name_follows() or VERB_BEFORE.fullmatch(previous) and len(previous) > 5 \
                or before.group(1)[:1].isupper() or before.group(1)[-1:] in "”\"" \
                or not common(previous) and not is_indonesian(previous):
            continue  # "kata Rahmat", "Ruang sidang Utama", "” kaya Hanafi", "ops Ketupat"
        lower = word.lower()
        if not (common(word) and frequency(lower) >= LONE_COMMON or lower in kbbi_common_words()) or lower in _not_lone() or lower in name_words() or SUBJECT_AFTER.match(body, match.end()) \
                or in_heading(body, start) or any(s < match.end() and start < e for s, e in taken):
            continue
        found.append((match.span(1), lower))
    return found

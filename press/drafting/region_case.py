"""Letter case of regions, ranks, terms of address and common words (``spelling``; EYD V, huruf
kapital: a region's name with its region word, a rank's abbreviation and a term of address before a
name or title are capitalised; a common word inside a sentence is not):

- a region word in lower case before a name ("kecamatan Kalitidu"; "desa sered", a word no dictionary
  knows, after desa, kelurahan or, since round 21, dusun only: "dusun liama"), not after "jalan"/"ruas" (a
  road's class) and, for desa/kecamatan/kelurahan/distrik/dusun, not before a regency's or province's name
  ("aparatur desa Pohuwato": the villages of a regency);
- a region's name in lower case after an office or region word or after "khas" ("Bupati kendal");
- a rank's abbreviation in lower case ("letkol", "kombes"), a term of address before a capital
  ("mas Wawali", "pak Bupati");
- a common word capitalised after "secara" ("secara Nasional") or a compass point after "sebelah"
  ("di sebelah Timur"), unless a capitalised word follows (a name);
- since round 16: an office or region word and a region's name of ``regions.json`` all in lower case
  ("bupati kupang", "pemerintah kabupaten lampung utara"); a common word capitalised after "para"
  ("para Camat", "para Anggota DPRD") or with -nya after a word in lower case outside a heading ("di
  Kantornya"); "Lingkup", "Lainnya", "Terkait" capitalised after an acronym ("OPD Lingkup"); "Ke", "Di",
  "Dari" capitalised inside a sentence before a word in lower case ("belajar Ke produsen");
- since round 17: a region's name with its compass point in lower case ("Papua barat");
- since round 18: the name of a body of government with "pemerintah" in lower case ("pemerintah
  Kabupaten Malang"), a title of office in lower case before its body's name ("ketua DPRD Kutim"),
  the country's and the feasts' names in lower case ("seluruh indonesia", "mudik lebaran");
- since round 20: a venue's or a natural feature's word in lower case before a name no common word
  spells ("hotel Bukit Randu", "pulau Kojadoi") and "ibu" before such a name ("ibu Zaidirina");
- since round 21: "kota" in lower case before a city's name ("kota Salatiga", "kota kediri").

Region names and ranks are the notes' data (``press.notes.glossary``: ``regions.json``,
``ranks.json``), read once.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache

from press.errors import N_
from press.notes.glossary import load_glossary
from press.notes.rules import bounded_alternation

from .finding import Finding, finding_at, line_at
from .joined_words import BOUND_FIRST
from .lexicon import confirmed_roots, frequency, is_indonesian

#: Region words whose lower-case form before a name is a slip ("kota", also the town in general,
#: and the local words of the desa level, which are also common words, are left out).
REGION_WORDS = ("provinsi", "kabupaten", "kecamatan", "kelurahan", "desa", "distrik", "dusun")
#: The village-level words before which a word in lower case no dictionary knows is read as a name
#: ("desa sered"); after "kabupaten" such a word is most often a slip of a verb ("pemerintah kabupaten
#: memimalkan"), and the names of regencies and provinces are in ``regions.json``.
VILLAGE_WORDS = ("desa", "kelurahan", "dusun")
OFFICES = ("Bupati", "Wakil Bupati", "Wali Kota", "Wakil Wali Kota", "Gubernur", "Wakil Gubernur", "Kabupaten",
           "Kota", "Provinsi", "Pemkab", "Pemkot", "Pemprov", "Kapolres", "Dandim", "Kajari", "DPRD", "khas")
REGION_BEFORE = re.compile(r"(?<![\w/-])(" + "|".join(REGION_WORDS) + r")[ ]([A-Z][a-z]+|[a-z]{4,})(?![\w-])")
LOWER_AFTER_OFFICE = re.compile(r"(?<![\w-])(?:" + "|".join(OFFICES) + r")[ ]([a-z]{3,})(?![\w-])")
#: A word no dictionary knows after a capitalised village- or district-level word ("Desa lenggah sari"):
#: the start of a place's name typed in lower case, never a typo of a common word to fix. After the word in
#: lower case such a word is as often a slip ("kecamatan lainnya" typed "laninya"); "desa sered" is read
#: by ``REGION_BEFORE``.
PLACE_NAME_START = re.compile(r"(?<![\w/-])(Desa|Kelurahan|Kecamatan|Dusun)[ ]([a-z]{3,})(?![\w-])")
#: Bound forms written joined to a word ("desa antarwaktu": an election between terms, "desa multietnis": a
#: village of many peoples; no village's name), and "lintas".
BOUND = tuple(BOUND_FIRST | {"lintas"})
#: A term of address in lower case before a name or a title ("mas Wawali", "pak Bupati"); "ibu" is left
#: out ("ibu kota").
ADDRESS = re.compile(r"(?<![\w-])(mas|mbak|bapak|pak|bu)[ ](?=[A-Z][a-z])")
#: "ibu" before a name no common word spells ("ibu Zaidirina"; "ibu kota", "ibu Kota" left): a term of
#: address (round 20).
IBU = re.compile(r"(?<![\w-])(ibu)[ ](?=([A-Z][a-z]{2,})(?![\w-]))")
#: A word of a venue or a natural feature in lower case before a name ("hotel Bukit Randu", "pulau
#: Kojadoi"): one to three capitalised words, one of them no common word (round 20). EYD V capitalises the
#: word of a name of a place or a building. "pantai" is left (round 21): before a place's name it is as
#: often the coast of that place ("pantai Soasio", "pantai Teluk Tomini") as a beach's name.
VENUE_BEFORE = re.compile(r"(?<![\w-])(aula|gedung|pendopo|pendapa|balai|lapangan|stadion|masjid|wisma|hotel|gelanggang|"
                          r"taman|graha|plaza|pelabuhan|auditorium|gereja|pura|vihara|klenteng|sungai|danau|gunung|"
                          r"pulau|waduk|bendungan|telaga|selat)[ ]((?:[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?[ ]?){1,3})(?![\w-])")
SECARA = re.compile(r"(?<=secara )([A-Z][a-z]{3,})(?![\w-])(?![ ][A-Z])")
COMPASS = re.compile(r"(?<=sebelah )(Timur|Barat|Utara|Selatan)(?![\w-])(?![ ][A-Z])")
RULE_REGION = "EYD V (huruf kapital): nama wilayah ditulis kapital, termasuk kata wilayahnya"
RULE_RANK = "KBBI: singkatan pangkat ditulis dengan huruf awal kapital (Letkol, Kompol)"
RULE_ADDRESS = "EYD V (huruf kapital): kata sapaan sebelum nama atau jabatan ditulis kapital (Pak Bupati)"
RULE_COMMON = "EYD V (huruf kapital): kata umum di dalam kalimat ditulis dengan huruf kecil"
RULE_TITLE = "EYD V (huruf kapital): nama jabatan diikuti nama lembaganya ditulis kapital (Ketua DPRD Kutim)"
RULE_PROPER = "EYD V (huruf kapital): nama negara dan nama hari raya ditulis kapital (Indonesia, Lebaran)"
RULE_BODY = "EYD V (huruf kapital): nama lembaga pemerintahan ditulis kapital (Pemerintah Kabupaten Malang)"
#: Words after a region word that are no name ("pemerintah desa Dan", a capital slip of its own).
NOT_NAMES = frozenset({"Dan", "Yang", "Dengan", "Untuk", "Dalam", "Serta", "Atau"})


def _common(word: str) -> bool:
    """A word Indonesian text writes often (Zipf 3 or more) that the affix rules read, or a weekday or
    month: no word of a name of its own."""
    lower = word.lower()
    return frequency(lower) >= 3.0 and is_indonesian(lower) or lower in _calendar()


@lru_cache(maxsize=1)
def _bodies() -> frozenset[str]:
    """Region words and the glossary's organisations and territorial units (lower case): a venue's word
    before them names the venue of that body ("lapangan Desa Kemuning"), no venue's name."""
    data = load_glossary().data
    words = set(REGION_WORDS) | {"kampung", "nagari", "gampong", "kota", "kabupaten", "provinsi"}
    words |= {w.lower() for key in ("organisations", "territorial_units", "venue_words") for w in data[key]}
    return frozenset(words)


@lru_cache(maxsize=1)
def _calendar() -> frozenset[str]:
    """The standard names of the weekdays and months (lower case), as the glossary's calendar gives them."""
    data = load_glossary().data
    return frozenset(name.lower() for name in data["weekdays"]) | frozenset(forms[0].lower() for forms in data["months"].values())


def place_name_starts(body: str) -> list[re.Match]:
    """The matches of ``PLACE_NAME_START`` whose lower-case word no dictionary knows: group 1 the region
    word, group 2 the word that starts the place's name."""
    return [match for match in PLACE_NAME_START.finditer(body)
            if not is_indonesian(match.group(2)) and match.group(2) not in BOUND]


def _no_name_at(body: str, at: int) -> bool:
    """Whether the capitalised word at ``at`` is one no name is made of ("Dan")."""
    word = re.match(r"[A-Za-z]+", body[at:])
    return bool(word and word.group() in NOT_NAMES)


@lru_cache(maxsize=1)
def _names() -> tuple[frozenset[str], re.Pattern]:
    glossary = load_glossary()
    ranks = sorted({w.lower() for w in glossary.rank_forms if " " not in w and w[:1].isupper() and not w.isupper()
                    and not is_indonesian(w.lower())}, key=len, reverse=True)
    rank_before = re.compile(r"(?<![\w@/.-])(" + "|".join(map(re.escape, ranks)) + r")(?![\w@/-]|\.\w)")
    return frozenset(name for name in glossary.region_names if " " not in name), rank_before


@lru_cache(maxsize=1)
def _lower_names() -> re.Pattern:
    """An office or region word in lower case before a region's name in lower case ("bupati kupang",
    "pemerintah kabupaten lampung utara", since round 21 "pemkab pemalang"): the names of ``regions.json``,
    longest first; after "kota" only a name no common word spells ("kota batu" may be a town of stone)."""
    names = sorted({name.lower() for name in load_glossary().region_names}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])((?:wakil )?(?:bupati|wali kota|gubernur)|pemkab|pemkot|pemprov|"
                      r"(?:pemerintah )?(?:kabupaten|kota|provinsi))"
                      r"[ ](" + "|".join(re.escape(n).replace(r"\ ", "[ ]") for n in names) + r")(?![\w-])")


@lru_cache(maxsize=1)
def _lower_proper() -> re.Pattern:
    """The country's and the feasts' names in lower case ("seluruh indonesia", "mudik lebaran"; words.json's
    names_in_lower_case, round 18), not inside an address, a hashtag or a mention ("indonesia.go.id")."""
    from .rule_data import DATA_DIR
    names = json.loads((DATA_DIR / "words.json").read_text(encoding="utf-8"))["names_in_lower_case"]
    return re.compile(r"(?<![\w@#/.-])(?:" + "|".join(n.lower() for n in names) + r")(?![\w@/-]|\.\w)")


@lru_cache(maxsize=1)
def _lower_compass() -> re.Pattern:
    """A region's name of ``regions.json`` whose last word, a compass point, is written in lower case
    ("Papua barat", "Lampung utara"): the whole name is capitalised (round 17). "Tengah" is left: "Aceh
    tengah membenahi" is Aceh in the middle of doing it."""
    names = sorted({name for name in load_glossary().region_names
                    if " " in name and name.split()[-1] in ("Barat", "Timur", "Utara", "Selatan", "Daya",
                                                            "Tenggara", "Laut")}, key=len, reverse=True)
    lowered = [n.rsplit(" ", 1)[0] + " " + n.rsplit(" ", 1)[1].lower() for n in names]
    return re.compile(bounded_alternation(lowered, before=r"[\w-]") + r"(?![\w-])")


@lru_cache(maxsize=1)
def _city_after_kota() -> re.Pattern:
    """"kota" in lower case before the name of a city of ``regions.json`` (kind kota), the name capitalised
    or not ("kota Salatiga", "kota kediri"; round 21): EYD V writes the administrative unit's name with
    its word, Kota Salatiga. Not "ibu kota" nor "wali kota"; a name in lower case that is also a root of
    the dictionaries ("kota batu", "kota medan") is left."""
    cities = sorted({r["name"] for r in load_glossary().data["regencies_and_cities"] if r["kind"] == "kota"},
                    key=len, reverse=True)
    names = [re.escape(n).replace(r"\ ", "[ ]") for n in cities] + [re.escape(n.lower()).replace(r"\ ", "[ ]") for n in cities]
    return re.compile(r"(?<![\w-])(?<![Ii]bu )(?<![Ww]ali )kota[ ](" + "|".join(names) + r")(?![\w-])")


#: "pemerintah" in lower case before a region word and a name: the name of a body of government
#: ("pemerintah Kabupaten Malang", "pemerintah daerah Jayawijaya", "lingkup pemerintah kota Ambon";
#: round 18), written with capitals (EYD V: nama lembaga pemerintahan).
GOVERNMENT_BODY = re.compile(r"(?<![\w-])pemerintah[ ]((?i:kabupaten|kota|provinsi|desa|daerah|kecamatan|kelurahan|"
                             r"nagari|gampong|kampung))[ ](?=[A-Z][a-z]{2,}(?![\w-]))")
#: A title of office in lower case before the name of its body: an acronym and a name or a second
#: acronym ("ketua DPRD Kutim", "ketua TP PKK", "wakil ketua DPRD Kota Palu"), or a unit's word and a
#: capitalised word ("kepala Biro Administrasi Pimpinan"); not after a word of a plural group ("para
#: kepala OPD", the office, no one holder; round 18).
TITLE_BEFORE_BODY = re.compile(r"(?<![\w-])((?:wakil )?(?:ketua|kepala|sekretaris|direktur))[ ]"
                               r"(?=(?:[A-Z]{2,}[ ](?:[A-Z]{2,}|[A-Z][a-z]{2,})|(?:Biro|Dinas|Badan|Bagian|Bidang|"
                               r"Kantor|Pusat|Seksi)[ ][A-Z][a-z]{2,})(?![\w-]))")
#: The word of a ministry or an office in lower case before a capitalised word: the name of a body with its
#: first word in lower case ("kementerian Desa", "dinas Kesehatan"; round 21), capitalised whole; not "dinas"
#: of a thing of the office ("rumah dinas Bupati", "mobil dinas").
BODY_WORDS = ("kementerian", "dinas", "badan", "direktorat", "inspektorat", "sekretariat")
BODY_WORD_BEFORE = re.compile(r"(?<![\w-])(?<!rumah )(?<!mobil )(?<!pakaian )(?<!perjalanan )(?<!kendaraan )"
                              r"(" + "|".join(BODY_WORDS) + r")[ ](?=[A-Z][a-z]{2,}(?![\w-]))")
GROUP_WORDS = "para|seluruh|setiap|sejumlah|semua|segenap|beberapa"
PLURAL_BEFORE = re.compile(r"(?i:" + GROUP_WORDS + r"|dan|serta|atau)[ ]$")
GROUP_BEFORE = re.compile(r"(?i:" + GROUP_WORDS + r")[ ]$")
#: A capitalised common word after "para" (the office, not one holder: "para Camat", "para Anggota
#: DPRD"), a capitalised word with -nya after a word in lower case ("di Kantornya", "ujar Stafnya"),
#: and a word that never begins a name capitalised after an acronym ("OPD Lingkup", "SKPD Terkait").
PARA = re.compile(r"(?<=\bpara )([A-Z][a-z]{3,})(?![\w-])(?![ ][A-Z][a-z])")
NYA_CAPITAL = re.compile(r"(?<=[a-z] )([A-Z][a-z]{2,}nya)(?![\w-])")
LOOSE = ("Lingkup", "Lainnya", "Terkait", "Setempat", "Tersebut", "Terkecil")
AFTER_ACRONYM = re.compile(r"\b[A-Z]{3,}[ ](" + "|".join(LOOSE) + r")(?![\w-])")
#: The prepositions "Ke", "Di" and "Dari" capitalised inside a sentence before a word in lower case
#: ("belajar langsung Ke produsen").
PREPOSITION_CAPITAL = re.compile(r"(?<=[a-z,] )(Ke|Di|Dari)(?= [a-z])")
#: Words that keep their capital with -nya (EYD V: Tuhan, Allah).
CAPITAL_ALWAYS = ("tuhan", "allah")


def _finding(body: str, span, standard: str, rule: str) -> Finding:
    written = body[span[0]:span[1]]
    return finding_at(body, "spelling", span, N_("Ejaan tidak baku: “%(written)s”; bentuk bakunya “%(standard)s”."),
                      N_("Ganti dengan “%(standard)s” (%(rule)s)."), {"written": written, "standard": standard},
                      {"standard": standard, "rule": rule}, standard)


def in_heading(body: str, at: int) -> bool:
    """A line of under five words, or one whose words are mostly capitalised: a heading ("Berita
    Lainnya", "Ini Daftarnya"), whose words keep their capitals."""
    words = [w for w in line_at(body, at).split() if w[:1].isalpha()]
    return len(words) < 5 or sum(w[:1].isupper() for w in words) >= 0.6 * len(words)


def regions_lower(regions: frozenset[str]) -> frozenset[str]:
    return frozenset(name.lower() for name in regions)


def region_and_common_case(body: str, protected=()) -> list[Finding]:
    regions, rank_before = _names()
    found = []

    def add(span, standard, rule):
        if not any(s < span[1] and span[0] < e for s, e in protected):
            found.append(_finding(body, span, standard, rule))
    for match in GOVERNMENT_BODY.finditer(body):
        if not in_heading(body, match.start()) and not _no_name_at(body, match.end()):
            add((match.start(), match.end(1)), "Pemerintah " + match.group(1).capitalize(), RULE_BODY)
    for match in _lower_proper().finditer(body):
        if not in_heading(body, match.start()):
            add(match.span(), match.group().capitalize(), RULE_PROPER)
    for match in BODY_WORD_BEFORE.finditer(body):
        if not in_heading(body, match.start()) and not _no_name_at(body, match.end()) \
                and not body.startswith(LOOSE, match.end()) \
                and not GROUP_BEFORE.search(body, max(0, match.start() - 9), match.start()):
            add(match.span(1), match.group(1).capitalize(), RULE_BODY)
    for match in TITLE_BEFORE_BODY.finditer(body):
        if not in_heading(body, match.start()) and not PLURAL_BEFORE.search(body, max(0, match.start() - 9), match.start()):
            add(match.span(1), match.group(1).title(), RULE_TITLE)
    for match in REGION_BEFORE.finditer(body):
        name, word = match.group(2), match.group(1)
        if body[max(0, match.start() - 11):match.start()] == "pemerintah " and name[:1].isupper():
            continue  # the body's name, read above
        if re.search(r"(?:jalan|ruas|jalur)\s+$", body[max(0, match.start() - 7):match.start()], re.I) \
                or word not in ("provinsi", "kabupaten") and name in regions:
            continue  # a road's class; "desa Pohuwato", the villages of a regency, not one village
        if name[:1].isupper() and name.endswith("nya") and frequency(name[:-3].lower()) >= 3.0 \
                and is_indonesian(name[:-3].lower()):
            continue  # "desa Binaannya": a common word with its possessive, no name
        if name[:1].isupper() or word in VILLAGE_WORDS and frequency(name) < 2.0 and not is_indonesian(name) \
                and not any(name.startswith(bound) and is_indonesian(name[len(bound):]) for bound in BOUND):
            end = match.end(1) if name[:1].isupper() else match.end(2)
            add((match.start(1), end), body[match.start(1):end].title(), RULE_REGION)
    for match in place_name_starts(body):
        add(match.span(2), match.group(2).capitalize(), RULE_REGION)
    for match in LOWER_AFTER_OFFICE.finditer(body):
        if match.group(1).capitalize() in regions:
            add(match.span(1), match.group(1).capitalize(), RULE_REGION)
    for match in _lower_names().finditer(body):
        if match.group(1) == "kota" and frequency(match.group(2)) >= 3.0:
            continue
        add(match.span(), match.group().title(), RULE_REGION)
    for match in _city_after_kota().finditer(body):
        name = match.group(1)
        if any(s <= match.start() < e for (s, e) in (f.span for f in found)) or name.islower() and name in confirmed_roots() \
                or in_heading(body, match.start()):
            continue
        end = match.end() if name.islower() else match.start() + 4
        add((match.start(), end), body[match.start():end].title(), RULE_REGION)
    for match in _lower_compass().finditer(body):
        name = match.group()
        add(match.span(), name[:name.rfind(" ") + 1] + name[name.rfind(" ") + 1:].capitalize(), RULE_REGION)
    for match in PARA.finditer(body):
        word = match.group(1).lower()
        if frequency(word) >= 3.0 and is_indonesian(word) and word not in regions_lower(regions):
            add(match.span(1), word, RULE_COMMON)
    for match in NYA_CAPITAL.finditer(body):
        word = match.group(1).lower()
        if not in_heading(body, match.start()) and not word.startswith(CAPITAL_ALWAYS) and frequency(word[:-3]) >= 3.5 and is_indonesian(word[:-3]):
            add(match.span(1), word, RULE_COMMON)
    for match in PREPOSITION_CAPITAL.finditer(body):
        if not in_heading(body, match.start()):
            add(match.span(1), match.group(1).lower(), RULE_COMMON)
    for match in AFTER_ACRONYM.finditer(body):
        add(match.span(1), match.group(1).lower(), RULE_COMMON)
    for match in rank_before.finditer(body):
        add(match.span(1), match.group(1).capitalize(), RULE_RANK)
    for match in ADDRESS.finditer(body):
        add(match.span(1), match.group(1).capitalize(), RULE_ADDRESS)
    for match in IBU.finditer(body):
        if not _common(match.group(2)) and match.group(2) not in regions:
            add(match.span(1), "Ibu", RULE_ADDRESS)
    for match in VENUE_BEFORE.finditer(body):
        words = match.group(2).split()
        if words[0].lower() in _bodies() or match.group(1) != "pulau" and " ".join(words) in regions:
            continue  # "lapangan Desa Kemuning", "aula Mapolsek": a body's venue; "pantai Pacitan": a region's
        if any(not _common(w) for w in words) and not in_heading(body, match.start()) \
                and not PLURAL_BEFORE.search(body, max(0, match.start() - 9), match.start()):
            add(match.span(1), match.group(1).capitalize(), RULE_REGION)
    for match in list(SECARA.finditer(body)) + list(COMPASS.finditer(body)):
        word = match.group(1).lower()
        if frequency(word) >= 3.5 and is_indonesian(word):
            add(match.span(1), word, RULE_COMMON)
    return found

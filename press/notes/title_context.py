"""What stands around a title and tells whether the capitalised words near it name its
holder: a venue or region word before it ("Kantor Bupati", "Kabupaten Karo"), a
qualifier after it ("Kapolres lama", "Pj Bupati Lahat sebelumnya,"), a hospital, port or
command named after a hero ("Direktur RSUD Abdul Wahab Sjahranie", "Danrem 133 Nani
Wartabone"), an adat title running into an office ("Datuk Rio Setia Negeri Bupati
Bungo"), a place or unit word before a title ("dari Dago, Plt Gubernur"), a venue's
place after a title's institution ("Kepala UPTD Puskesmas Wini."), the one-word places
the note writes after a place title ("Camat Bancar.", "Kepala Puskesmas Kerek,"), a council
member's district, commission and faction ("Anggota DPRD Kota Padang Dapil Koto Tangah dari
Partai Demokrat"), a name and its degrees before a title or a post after "sebagai"/"selaku" (the
holder written first), a rank set off by commas before the holder. Each test
reads a bounded stretch of the text. Imports the rules and the names reader."""

from __future__ import annotations

import re
from functools import lru_cache

from press.notes.designations import REGION_HEADS
from press.notes.names import WrittenName
from press.notes.rules import CAP, NAME_CHAR_OR_DOT, Rules, alternation, bounded_alternation, is_unit_word, rank_and_corps

# "Kapolres lama AKBP X", "Pj Bupati Lahat sebelumnya, X", "Jabatan Kapolres Simalungun yang
# dijabat oleh AKBP X", "Kapolsek Medan Baru dipercayakan kepada Kompol X", "kursi Kapolsek
# Medan Labuhan yang kosong diisi AKP X": the holder comes after.
QUALIFIER = re.compile(r"[ \t]+(?:yang[ \t]+)?(?:lama|baru|sebelumnya|terpilih|definitif)\b,?"
                       r"|[ \t]*,?[ \t]+(?:yang[ \t]+(?:kosong[ \t]+)?)?(?:(?:sebelumnya|kini|saat[ \t]+ini)[ \t]+)?"
                       r"(?:dijabat|diemban|dipegang|diisi|dipimpin|dipercayakan[ \t]+kepada)(?:[ \t]+oleh)?(?=[ \t])")
# After a place title, one word and then this is the place ("Ketua PN Selong, Asisten I",
# "Kasat Lantas dan Kapolsek Komodo.", "Lurah Kalumpang dilantik sebagai …"), not a holder's name.
ONLY_PLACE_AFTER = re.compile(r"[ \t]*(?:[,;]|\.(?:\s|$)|[ \t]+(?:dan|serta|dilantik)\b)")
# After a place title, the place's words and then the outgoing or incoming holder of a
# hand-over, a rank or honorific leading their name ("Kapolsek Tanah Jawa dari Iptu A
# kepada AKP B", "Kapolsek Serbelawan yang ditinggalkan Iptu A", "Kapolsek Sunggal
# dipercayakan kepada Kompol A"): the words are the place.
HANDED_OVER_AFTER = re.compile(r"[ \t]*,?[ \t]+(?:dari|yang[ \t]+ditinggalkan(?:[ \t]+oleh)?|(?:yang[ \t]+(?:kosong[ \t]+)?)?"
                               r"(?:(?:kini|saat[ \t]+ini)[ \t]+)?(?:dijabat|diemban|dipegang|diisi|dipimpin|dipercayakan[ \t]+kepada)(?:[ \t]+oleh)?)[ \t]+(?:pejabat[ \t]+lama[ \t]+)?")
SPEECH_AFTER = re.compile(r"[ \t]+(?:juga[ \t]+|pun[ \t]+)?")
LOWER_TITLE_PLACE = re.compile(r"(?:[ \t]+(?:kabupaten|kota|provinsi|kecamatan|distrik|desa|kampung))?(?:[ \t]+[A-Z][\w'-]*)+")
# A capitalised word after one of these is a place or a date ("Usai dari Dago, Plt
# Gubernur ..."), not the name of the title that follows.
PLACE_PREPOSITION = re.compile(r"(?<![\w-])(?:di|ke|dari|menuju|asal|sekitar|hingga|sampai)[ \t]+$", re.I)
# A capitalised word after one of these is a former or a member's post ("mantan Gamot
# sebagai Pangulu", "anggota Maujana Nagori sebagai"), not the name of the one who takes it.
POST_BEFORE = re.compile(r"(?<![\w-])(?:mantan|eks|bekas|anggota|sebelumnya)[ \t]+$")


def region_word_before(text: str, rules: Rules, pos: int) -> bool:
    """Whether "Kabupaten", "Kota" or another region word stands just before `pos`: a
    title word there is the region's name ("Kabupaten Karo")."""
    region = rules.pattern("region-word-before",
                           lambda: rf"(?<![\w.])(?:{alternation(rules.glossary.data['region_words'])})[ \t]+$")
    return bool(region.search(text, max(0, pos - 12), pos))


def venue_before(text: str, rules: Rules, pos: int) -> bool:
    """Whether a venue or street word stands just before `pos` ("Kantor Bupati", "kantor
    gubernur", "Jalan Gubernur Suryo"): the title names a place there, not a person."""
    venue = rules.pattern("venue-before", lambda: _venue_before_pattern(rules))
    return bool(venue.search(text, max(0, pos - 30), pos))


ABBREVIATION_BEFORE = re.compile(r"(?<![\w.])[A-Z]{2,8}[ \t]+$")
NAME_WORD = re.compile(r"[A-Z][a-z]{2,}(?!\w|\.\w)")
AFTER_CAPITALISED = re.compile(r"(?<![\w.])[A-Z][\w]*[ \t]+$")


def town_of_unit(text: str, rules: Rules, pos: int) -> bool:
    """Whether a court or prosecutor's office named after its town stands just before `pos`
    ("Wakil Ketua PN Tondano", "Panitera Pengadilan Negeri Singaraja"): one word there is the town."""
    unit = rules.pattern("town-unit-before", lambda: rf"(?<![\w.])(?:{alternation(rules.glossary.data['town_units'])})[ \t]+$")
    return bool(unit.search(text, max(0, pos - 20), pos)) or _town_after_abbreviation(text, pos)


def _town_after_abbreviation(text: str, pos: int) -> bool:
    """Whether the one word at `pos`, after a unit's abbreviation in capitals, is the town the
    note names that unit or another by ("Ketua DPC PERADI Singaraja," beside "Pengadilan Negeri
    Singaraja"; "anggota Pos TNI AU Sampit." beside "Pos TNI AU Sampit yang …"): the word is written
    twice more after a capitalised word or opening a line (the dateline), never in lower-case company,
    as a person's name is."""
    if not ABBREVIATION_BEFORE.search(text, max(0, pos - 12), pos):
        return False
    word = NAME_WORD.match(text, pos)
    if word is None:
        return False
    written, lower_company = _word_company(text, word.group(0))
    return written >= 3 and lower_company <= {pos}


@lru_cache(maxsize=32)
def _word_company(text: str, word: str) -> tuple[int, frozenset[int]]:
    """How often `word` is written in `text`, and where it is written in lower-case company
    (not after a capitalised word, not opening a line): read once per word of a note."""
    at = [m.start() for m in re.finditer(rf"(?<![\w.]){re.escape(word)}(?!\w)", text)]
    return len(at), frozenset(i for i in at if not (AFTER_CAPITALISED.search(text, max(0, i - 30), i)
                                                    or text[i - 1:i] in ("", "\n")))


def _venue_before_pattern(rules: Rules) -> str:
    words = rules.glossary.data["venue_words"] + list(rules.glossary.street_words)
    return rf"(?<![\w.])(?:{alternation(words + [w.lower() for w in words])})[ \t]+$"


def written_title(text: str, rules: Rules, start: int, end: int) -> str:
    """The title written from `start` to `end`, without a sentence's full stop after its
    last word ("sebagai Kepala Biro Perekonomian.")."""
    title = text[start:end].strip(" ,")
    last = title.rsplit(" ", 1)[-1]
    if title.endswith(".") and " " in title and last not in rules.title_full \
            and not rules.honorific.fullmatch(last) and len(last) > 3:
        return title[:-1]
    return title


def namesake_before(text: str, rules: Rules, title_start: int, name_start: int) -> bool:
    """Whether the name at `name_start`, read after a title, names the title's hospital,
    airport, street or command ("Direktur RSUD Abdul Wahab Sjahranie", "Danrem 133 Nani
    Wartabone", "Kasdam Iskandar Muda"): written after such a word or after a command's bare
    number, or the name of a military command written whole."""
    words = rules.glossary.data["named_after_people"]
    before = rules.pattern("named-after-before",
                           lambda: rf"(?:(?<![\w.])(?:{alternation(words)})|(?<![\w/])\d{{2,4}})[ \t]+$")
    return bool(before.search(text, max(title_start, name_start - 30), name_start)
                or (_command_office(rules).match(text, title_start) and _command_name(rules).match(text, name_start)))


def _command_office(rules: Rules) -> re.Pattern:
    """An office of a regional military command ("Pangdam", "Kasdam", "Kepala Staf Kodam")."""
    return rules.pattern("command-office", lambda: "(?:" + alternation(
        [form for full, short in rules.glossary.data["titles"].items() if "Daerah Militer" in full for form in [full, *short]])
        + r"|Kodam)\b")


def _command_name(rules: Rules) -> re.Pattern:
    """The name of a regional military command written whole ("Iskandar Muda")."""
    return rules.pattern("command-name", lambda: rf"(?:{alternation(rules.glossary.data['military_command_names'])})"
                                                 r"(?![\w-])(?![ \t]+[A-Z])")


def namesakes(text: str, rules: Rules) -> set[str]:
    """Names of two words or more written after a word that opens the name of a building,
    a port or a street ("Bandara Djalaluddin", "Pelabuhan Labuan Bajo"): nobody present."""
    words = rules.glossary.data["named_after_people"]
    after = rules.pattern("namesake", lambda: rf"{bounded_alternation(words, NAME_CHAR_OR_DOT)}[ \t]+({CAP}(?: {CAP}){{1,3}})")
    return set(after.findall(text))


def adat_title(text: str, rules: Rules, person: WrittenName) -> bool:
    """Whether a name after a regional honorific runs straight into an office ("Datuk Rio
    Setia Negeri Bupati Bungo H Amrizal"): the words are the office holder's adat title,
    not another person."""
    if not person.honorifics or not set(person.honorifics) <= rules.regional:
        return False
    office = rules.title.match(text, person.end + 1)
    return text[person.end:person.end + 1] == " " and office is not None and office["head"][0].isupper()


# A noun with its possessive, one word before a title ("Artinya, kepala daerah …"): nobody's name.
OPENING_POSSESSED = re.compile(r"[A-Z][a-z]{2,}nya")


# "Sebelum meninggalkan Talang Ubi, Kapolda …", "Selain meninjau Pustu, Bupati …": the object of the
# verb of a clause opening the sentence, before the comma and the subject's title, is a place or a thing.
OPENING_CLAUSE_OBJECT = re.compile(r"(?:^|(?<=[.!?\n])[ \t]*)(?:Sebelum|Selain|Setelah|Sesudah|Usai|Seusai|Sambil|Saat|Ketika)"
                                   r"[ \t]+me[a-z]+[ \t]+$", re.M)


def not_a_name_first(text: str, rules: Rules, parsed: WrittenName) -> bool:
    """Whether a name read before a title is a place after a preposition ("dari Dago,"),
    the object of a clause opening the sentence ("Sebelum meninggalkan Talang Ubi, Kapolda …"),
    a post after "mantan" or "anggota", the place glued to a unit's number ("Kodim
    1206/Putussibau,"), one unit word ("Umum dan Perlengkapan,"), one noun with its
    possessive opening a sentence ("Artinya, kepala daerah …") or a region's name in capitals,
    a dateline ("SAGOE TV | BANDA ACEH – Menteri …")."""
    at = parsed.name_span[0]
    return bool(OPENING_CLAUSE_OBJECT.search(text, max(0, at - 40), at)) or (parsed.name.isupper() and bool(_capitalised_region(rules).fullmatch(parsed.name))) or bool(PLACE_PREPOSITION.search(text, max(0, at - 12), at)) or text[at - 1:at] == "/" \
        or (" " not in parsed.name and not parsed.honorifics and bool(OPENING_POSSESSED.fullmatch(parsed.name))) \
        or (not parsed.honorifics and not parsed.ranks and bool(POST_BEFORE.search(text, max(0, at - 14), at))) \
        or (" " not in parsed.name and not parsed.honorifics and not parsed.ranks and is_unit_word(parsed.name, rules))


def _capitalised_region(rules: Rules) -> re.Pattern:
    """A region's name written in capitals ("BANDA ACEH")."""
    return rules.pattern("capitalised-region", lambda: alternation({name.upper() for name in rules.region_names}))


def ends_in_venue(rules: Rules, organisation: str | None) -> bool:
    """Whether a title's institution ends in a venue word ("UPTD Puskesmas", "SD Inpres"):
    one word after it before a comma or a full stop is where the venue stands ("Kepala
    UPTD Puskesmas Wini."), not its head's name."""
    words = rules.glossary.data["venue_words"]
    venue = rules.pattern("venue-at-end", lambda: rf"(?<![\w])(?:{alternation(words)})$")
    return bool(organisation) and bool(venue.search(organisation))


def title_places(text: str, rules: Rules) -> set[str]:
    """One-word places the note writes after a place title where nothing can follow
    them but a comma, a full stop or "dan" ("menjadi Camat Bancar.", "Kepala Puskesmas
    Kerek, dan"): the same word after that title elsewhere ("dari Camat Bancar bergeser")
    is the place again, not a holder's name."""
    titles = sorted(rules.place_titles - REGION_HEADS, key=len, reverse=True)
    after = rules.pattern("title-place", lambda: rf"{bounded_alternation(titles, NAME_CHAR_OR_DOT)}[ \t]+([A-Z][a-z][\w'-]*)"
                          rf"(?={ONLY_PLACE_AFTER.pattern})")
    return set(after.findall(text)) - rules.stop_names


# "Sekretaris Dinas Pendidikan X sebagai Kepala Dinas Pendidikan": the post X takes now.
NEW_POST = re.compile(r"[ \t]*,?[ \t]+(?:(?:yang[ \t]+)?(?:kini[ \t]+)?(?:resmi[ \t]+)?(?:dilantik|diangkat)[ \t]+)?sebagai[ \t]+")


def new_post_at(text: str, rules: Rules, pos: int) -> int | None:
    """Where the title a person takes starts when "sebagai" and a capitalised title follow
    the name ending at `pos` (a list of appointments: the old post, the name, the new
    one), else None."""
    after = NEW_POST.match(text, pos)
    title = after and rules.title.match(text, after.end())
    return title.start() if title and not title["head"][0].islower() else None



def handed_over_after(text: str, rules: Rules, pos: int) -> bool:
    """Whether the words ending at `pos`, after a place title, are followed by the ranked or
    honoured outgoing holder of a hand-over: they are the title's place, not a name."""
    after = HANDED_OVER_AFTER.match(text, pos)
    return bool(after) and bool(rules.rank.match(text, after.end()) or rules.honorific.match(text, after.end()))



# "Ketua Pengadilan Negeri (PN) Pangkalan Bun yang baru, X": a qualifier and a comma after
# the words read as a name tell that they were the title's place and the holder follows.
QUALIFIED_HOLDER_AFTER = re.compile(r"[ \t]+(?:yang[ \t]+)?(?:lama|baru|sebelumnya|terpilih|definitif),[ \t]*(?=[A-Z])")


def place_then_holder(text: str, rules: Rules, pos: int, place_title: bool) -> bool:
    """Whether the words ending at `pos`, read as the name after a title, are the title's
    place: a place title's region word or hand-over follows them (`handed_over_after`), or
    any title's qualifier and then its holder."""
    return bool(QUALIFIED_HOLDER_AFTER.match(text, pos)) or (place_title and handed_over_after(text, rules, pos))

BRACKET_BEFORE = re.compile(r"(?<=[\w.] )\((?:(?:[Mm]antan|[Ee]ks)[ \t]+)?$")
BRACKETED_POST = re.compile(r"([^()\n, ]+[ \t][^()\n,]{1,70}?)(?:[ \t]+(?:[Dd]ua|[Tt]iga|[Ss]atu)?[ \t]*[Pp]eriode\b[^()\n]{0,30})?"
                            r"\)(?![ \t]+(?:menjadi|sebagai|dilantik)\b)")
CUT_NAME_BEFORE = re.compile(r"(?<![\w.])[A-Z][a-z]+[ \t]+$")


def bracketed_post(text: str, start: int, end: int) -> tuple[int, int, int] | None:
    """A post in brackets after a name, its title written from `start` to `end` ("A (Bupati
    Konawe Selatan Periode 2021-sekarang)", "B (mantan Walikota Baubau)"): (start, end of the
    post without its term, end of the bracket), kept without a holder for the name before it.
    None for a short form in brackets (one word: "Kepala Dinas Pendidikan (Kadisdik)") or an
    old post before the new one ("A (Sekretaris Dinas) menjadi Kepala Dinas")."""
    bracket = BRACKET_BEFORE.search(text, max(0, start - 8), start)
    post = bracket and BRACKETED_POST.match(text, bracket.start() + 1)
    if not post or post.end() < end:
        return None
    return bracket.start() + 1, post.end(1), post.end()


def name_cut_before(text: str, pos: int) -> bool:
    """Whether a name word without a dot stands just before the name read back from `pos`
    ("Drs. La Ode Muh. Syukur Baeda (…)" read back as "Ode Muh. Syukur Baeda"): the name is
    longer than a reading back takes."""
    return bool(CUT_NAME_BEFORE.search(text, max(0, pos - 20), pos))

# A council member's electoral district and commission belong to the title ("Anggota DPRD
# Kota Padang Dapil Koto Tangah", "Anggota DPRD Sumbar dari Komisi IV"); their faction or
# party does not ("dari Fraksi PKS", "dari Partai Demokrat"), and the name follows it.
MEMBER_JOINED = re.compile(r"[ \t]+(?:(?:Dapil|Daerah[ \t]+Pemilihan)[ \t]+(?:[IVX]+|\d+|[A-Z][\w'-]*(?:[ \t]+[A-Z][\w'-]*){0,3}?)"
                           r"(?=[ \t]*,|[ \t]+dari[ \t])|dari[ \t]+Komisi[ \t]+(?:[IVX]+|[A-D]|\d)\b)")


def member_qualifiers(text: str, rules: Rules, pos: int) -> tuple[int, int] | None:
    """After a title ending at `pos`: (where its joined qualifiers end, where the holder's
    name starts past a faction or party), or None when neither is written there."""
    joined_end = pos
    while (joined := MEMBER_JOINED.match(text, joined_end)):
        joined_end = joined.end()
    party = rules.pattern("member-party", lambda: r"[ \t]*,?[ \t]+dari[ \t]+(?:(?:Fraksi|Partai)[ \t]+)?(?:Partai[ \t]+)?(?:"
                          + alternation(rules.glossary.data["member_parties"]) + r")(?![\w-])(?:[ \t]*\([^()\n]{1,20}\))?[ \t]*,?[ \t]*")
    after = party.match(text, joined_end)
    if joined_end == pos and not after:
        return None
    return joined_end, after.end() if after else joined_end


# "dengan Bonifasius Laia Kasi Pidsus sebagai Perwira Upacara", "Galih Prasetyo Nugroho Kasubsi
# Penuntutan sebagai Komandan Upacara": a name of two words or more written straight before its
# title, after a word in lower case or a comma, the title then followed by sebagai, selaku, dari or
# yang (no holder of its own after it).
BARE_NAME_BEFORE = re.compile(rf"(?:(?<=[a-z] )|(?<=, ))({CAP}(?: {CAP}){{1,3}}) $")
BARE_TITLE_END = re.compile(r"[ \t]+(?:sebagai|selaku|dari|yang)\b")


def bare_name_before(text: str, start: int, end: int, floor: int) -> re.Match | None:
    """The name written with no comma straight before the title at `start`..`end`, searched
    in text[floor:start] (the match's spans are relative to `floor`), or None."""
    if not BARE_TITLE_END.match(text, end) or not text[start:start + 1].isupper():
        return None
    return BARE_NAME_BEFORE.search(text[floor:start])


COMMA_CLAUSE = re.compile(r"(?:\s*,\s*(?:yang\s+juga|yang\s+sekaligus|sekaligus)|\s*,?\s+selaku)\b[^,.;\n\"“”]{1,80},\s*"
                          r"|\s+dari\s+(?:daerah\s+pemilihan|dapil|[Ff]raksi|[Pp]artai)\b[^,.;\n\"“”]{1,60},\s*")
# A capitalised word read whole, never given back to the pattern after it: the words of a
# name are followed by a space, a comma or a post, never by more letters, so a shorter
# reading of the word cannot match where the whole one did not (the search before each
# title was 35 times slower for retrying every shorter reading).
WHOLE_CAP = rf"(?>{CAP})"
NAME_BEFORE = re.compile(rf"(?<!\w)((?:[A-Z][a-z]{{0,3}}\.(?=[A-Z]))?(?:[A-Z] |[A-Z]\. ?)?{WHOLE_CAP}(?: (?:{WHOLE_CAP}|[A-Z][a-z]{{1,2}}\.)){{0,3}})(?:(?:,\s*[A-Za-z.]+)*,?\s+yang\s+(?:kini\s+|saat\s+ini\s+)?menjabat(?:\s+sebagai)?"
                         rf"|(?:,\s*[A-Za-z.]+)*,|(?:,\s*[A-Za-z.]+)*,?\s+(?:resmi\s+)?(?:dilantik|ditunjuk|diangkat|dikukuhkan)\s+sebagai"
                         rf"|(?:,\s*[A-Za-z.]+)*,?\s+(?:sebagai|selaku|menjabat(?:\s+sebagai)?|[–—-]|\())\s*$")
# "Yance Marani menjabat Kepala Distrik Rasiei, Oktovina Sawaki menjabat …", "- Ismail Samal
# sebagai KPN Sepa Kecamatan Amahai,", "Salim L selaku Anggota DPRD …,": the holder stands before (searched only where the
# verb ends the stretch before the title: a search tries every position of it).
HELD_BY_NAME_BEFORE = re.compile(rf"{CAP},?[ \t]+(?:menjabat(?:[ \t]+sebagai)?|sebagai|selaku)[ \t]+$")
NEXT_APPOINTED = re.compile(r"[ \t]*,[ \t]*(?:dan[ \t]+)?")
APPOINTED_AS = re.compile(r"(?:,\s*[A-Za-z.]+)*,?[ \t]+(?:sebagai|selaku)[ \t]+(?=[a-z])")
RANK_APART = re.compile(r"[ \t]*,[ \t]*(?=[A-Z])")
TRAILING_COMMA = re.compile(r"(?:,|\ssebagai|\sselaku|\smenjabat|\s[–—-]|[\w.] \()\s*$")


def next_appointed(text: str, pos: int, read_name) -> WrittenName | None:
    """In a list of appointments ("A sebagai Panitera Pengganti, B sebagai petugas
    administrasi dan C selaku …"), the next name after a post that follows its holder, when
    its own "sebagai" is followed by a post in lower case: B holds that post, no title, not the
    post before it (`find_name_first` gives B a capitalised one). None otherwise."""
    listed = NEXT_APPOINTED.match(text, pos)
    person = listed and read_name(listed.end())
    return person if person and APPOINTED_AS.match(text, person.end) else None


def holder_after_rank_apart(text: str, rules: Rules, pos: int, read_name) -> WrittenName | None:
    """The holder after a title when the writer sets the rank off by commas ("Kapolres
    Kolaka Utara, AKBP, Yudha Pranata Sembiring", "Wakapolres Asmat, Kompol, Samuel
    Rumbiak"), the rank kept with the name; else None."""
    comma = RANK_APART.match(text, pos)
    rank = comma and rules.rank.match(text, comma.end())
    apart = rank and RANK_APART.match(text, rank.end())
    person = apart and read_name(apart.end())
    if not person or person.ranks:
        return None
    return person._replace(ranks=rank_and_corps(rank, rules))


def honoured_namesakes(text: str, rules: Rules, read) -> set[int]:
    """Where a name written with honorifics after a hospital's or a base's word starts, when the
    note also writes that name so as a venue, with no title before the word ("RSUD dr. Mohammad Zyn"
    in "di RSUD dr. Mohammad Zyn Sampang"; "Rumah Sakit Umum Daerah (RSUD) DR. IR. H. Ibnu Saleh,
    MM"): the honorifics are the namesake's, and "Direktur RSUD DR. IR. H. Ibnu Saleh, MM, <Name>"
    names the director after them (the venue may carry its town: "RSUD dr. Mohammad Zyn Sampang"). A director written after the word ("Direktur RSUD dr. <Name>")
    and nowhere as a venue stays a person. `read` reads the name at a position."""
    after = rules.pattern("honoured-namesake", lambda: rf"(?<![\w.])(?:{alternation(rules.glossary.data['named_after_people'])})"
                                                      r"(?:[ \t]+\([A-Z]{2,8}\))?[ \t]+(?=[A-Za-z]{1,5}\.?[ \t])")
    starts: dict[str, list[int]] = {}
    as_venue: set[str] = set()
    for match in after.finditer(text):
        if not rules.honorific.match(text, match.end()):
            continue
        written = read(match.end())
        if written is None or not written.honorifics or written.ranks:
            continue
        starts.setdefault(written.name, []).append(written.name_span[0])
        word = re.search(r"(\w+)[ \t]*$", text[max(0, match.start() - 30):match.start()])
        title = word and rules.title.match(text, match.start() - len(word.group(0)))
        if not (title and title.end() >= match.start() - len(word.group(0)) + len(word.group(1))):
            as_venue.add(written.name)
    return {start for name, at in starts.items() for start in at
            if any(venue == name or venue.startswith(name + " ") for venue in as_venue)}

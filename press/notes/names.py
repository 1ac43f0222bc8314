"""A person's name as releases write it, read at one position of the text: ranks and
their corps ("Letkol Kav"), honorifics stacked in any spelling ("Dr H", "DR. H.", "dr",
"Drs.H."),
the name's words (a leading initial and an abbreviated middle name belong to it: "A Made
Sujana", "Yohanes Ch. Manek"; a region's short form glued in front does not: "Muba
Apriyadi"), then degrees in any spelling ("S.Sos., M.Si", "SE MM", "SSTP, M. Eng",
"M,Ikom"). A word is never a name word when it is a weekday, a month, a street or
building word, a title word, a unit abbreviation ("Dprd") or listed as not a person.
Imports the rules only."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

from press.notes.rules import CAP, HONORIFIC_END, Rules, alternation, honorific_spellings, rank_and_corps, split_degrees

NAME_LEAD = re.compile(r"[ \t]*[,:]?[ \t]*")
TWO_NAME_WORDS = re.compile(rf"{CAP} {CAP}")
# A regional form of address before one name word that ends the name ("Cak Fauzi dan
# Mas Yoga melanjutkan", "ujar Mas Yoga."): the person's name is that word.
ONE_NAME_WORD = re.compile(r"[A-Z][a-z]{2,}(?=[ \t]*[,.;]|[ \t]+[a-z]|[ \t]+\(\d)")
# A word of a name; an initial may be glued to the next word ("Hanny D.Pangkerego").
NAME_WORD = re.compile(rf"((?:[A-Z]\.){{1,3}}[A-Z][a-z][\w'’-]*|[A-Z][a-z]\.[A-Z][a-z][\w'’-]*|{CAP})(?=[\s,.;:)\]\"”/]|$)")
INITIAL = re.compile(r"([A-Z]|[A-Z][a-z]{1,2}\.|[A-Z]{2}\.|[A-Z]\.[A-Z]\.?)(?= [A-Z][a-z])")
NAME_GAP = re.compile(r" (?=[A-Z])")
DEGREE_WORD = re.compile(r"\s*,?\s*([A-Za-z][A-Za-z.]*)")
SPLIT_DEGREE = re.compile(r"\s*,?\s*([A-Z][A-Za-z]*(?:\.[ ]?|,)[A-Z][A-Za-z.]*)")
DEGREE_PUNCTUATION = re.compile(r"[.,\s]")
# A degree whose parts are written apart, without dots ("Ronal Situmorang S Tr K"): one
# to three letters each, capitalised, ending the name.
SPACED_DEGREE = re.compile(r"\s*,?\s*((?:[A-Z][a-z]{0,2} ){1,3}[A-Z][a-z]{0,2})(?=[\s,.;:)]|$)")
MAX_WORDS = 5
# How a degree read where a name would start opens: an abbreviation with its dot ("S. Sos",
# "S.Hub.Int."), a glued one ("SSos") or one in title case ("Msi"); an initial and a surname
# ("S. Harahap") is a name, never the two parts of a degree ("S. Sos").
DEGREE_OPENING = re.compile(r"[A-Z](?:[A-Za-z]{0,3}\.|[A-Z][A-Za-z]{0,2}(?=[\s,.])|[a-z]{1,2}(?=[\s,]))")
NAME_AFTER_INITIAL = re.compile(r"[A-Z]\.?[ \t]+[A-Z][a-z]{4,}")
# The number of a district split in two or more ("Ilir Barat I", "Lubuklinggau Timur II").
PLACE_NUMBERS = frozenset({"I", "II", "III", "IV"})
# The same number spelt out, ending a kelurahan's name before its head's ("Lurah Tinoor Dua
# Ferdy Kaunang", "Kakaskasen Satu": Minahasa writes them so).
SPELT_PLACE_NUMBERS = frozenset({"Satu", "Dua", "Tiga", "Empat"})
FIRST_WORD = re.compile(r"[A-Z][A-Za-z]+")
CONNECTOR = re.compile(r"([a-z]{2,5}\.?)(?= [A-Z][a-z])")
# A one-letter honorific between two words of a name is the initial of a middle name
# ("Agustinus H Kambuaya", "Rosmiati H.M Tandiawan"), when one word and no more follows it.
LAST_WORD_AFTER_INITIAL = re.compile(r"(?:[A-Z]\.?){1,2} [A-Z][a-z]+(?![\w'’-]| [A-Z])")
# What follows a name's last word: "Nurhikmah Salam sebagai", "Hari Nugroho," ("Salam",
# "Hari": words never a name on their own end a name of two words or more); never before a
# colon, where the word labels what follows ("Laporan : Parlin Siregar Editor : Tigor").
# After a plain rank word inside a name: the name ends there or one word later.
RANK_AS_SURNAME_END = re.compile(r"[ \t]*[,.;)]|[ \t]+[A-Z][a-z]+(?=[ \t]*[,.;)]|[ \t]+[a-z]|[ \t]+(?:Plh|Plt|Pj)\b)")
LAST_WORD = re.compile(r"(?:[ \t]+[a-z(]|[ \t]*[,.;)]|[ \t]*$)")
INITIALS_WORD = re.compile(r"[A-Z](?:\.[A-Z])?\.?")
# What a person is also called, written right after the name: a short form or a nickname
# in brackets ("(ATS)", "(Ki Demang)": its last word too), "yang akrab disapa Andi Asse",
# "— sapaan akrabnya Puang Mato —".
ALIAS = re.compile(r"[ \t]*(?:\(([A-Z][A-Za-z.]{1,5}|(?:[A-Z][a-z]+[ \t]+)?([A-Z][a-z]+))\)|(?:,?[ \t]*(?:atau[ \t]+)?yang[ \t]+(?:akrab[ \t]+)?"
                   r"(?:disapa|dipanggil)|[ \t]*[,—–-][ \t]*sapaan[ \t]+(?:akrab(?:nya)?|karib(?:nya)?))[ \t]+([A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?))")
NICKNAMED = re.compile(r"[A-Z][a-z]+[ \t]*\(((?:[A-Z][a-z]+[ \t]+)?([A-Z][a-z]+))\)")
DERIVED_NOUN = re.compile(r"(?:Pe[mnr]?|Peng|Peny|Ke)[a-z]{4,}an")
# A noun with its possessive opening a sentence ("Jabatannya digantikan …"): no first
# name (a surname may end so: "Hengky Sorondanya").
POSSESSED_NOUN = re.compile(r"[A-Z][a-z]{4,}nya")
# A father's Haji written after the name it ends ("Ilham Sewang HM,", "Abd Kadir H, dari",
# "Rusdi. H, SE"): part of the name, as Sulawesi and Sumatra releases write it.
FATHERS_HAJI = re.compile(r"\.?[ \t]+(HM?)(?=[ \t]*,|[ \t]+[-–][ \t])")
CAPITALS_WORD = re.compile(r"[A-Z]{2,}")
GLUED_WORDS = re.compile(r"[a-z][A-Z]")
FIRST_NAME_SHORT = re.compile(r"([A-Z][a-z]{1,4}\.)(?= [A-Z][a-z])")


class WrittenName(NamedTuple):
    name: str
    honorifics: list[str]
    degrees: list[str]
    end: int
    name_span: tuple[int, int]
    prefix: str | None
    ranks: list[str]


def read_name(text: str, pos: int, rules: Rules, places) -> WrittenName | None:
    """[ranks][honorifics] Name Words [, degrees] at `pos`; None if no name there.
    `places` holds the region names a name may not start with."""
    cursor = NAME_LEAD.match(text, pos).end()
    if cursor and text[cursor - 1] in ".-" and text[cursor - 2:cursor - 1].isalpha():
        return None
    ranks, honorifics = [], []
    while True:
        r = rules.rank.match(text, cursor)
        if r:
            ranks += rank_and_corps(r, rules)
            cursor = r.end()
            continue
        h = rules.honorific.match(text, cursor) or (honorifics and text[cursor - 1:cursor] == "." and rules.pattern(
            "glued-honorific", lambda: alternation(honorific_spellings(rules.glossary.honorifics)) + HONORIFIC_END).match(text, cursor))
        if not h or (h.group(0).strip() in rules.regional and not TWO_NAME_WORDS.match(text, h.end())
                     and not ONE_NAME_WORD.match(text, h.end())):
            break
        honorifics.append(h.group(0).strip(" \t\n,"))
        cursor = h.end()
    start = cursor
    degrees, degrees_end = read_degrees(text, cursor, rules) if DEGREE_OPENING.match(text, cursor) else ([], cursor)
    if degrees and not NAME_AFTER_INITIAL.match(text, cursor) and not text[degrees_end:degrees_end + 1].isalpha() \
            and text[degrees_end:degrees_end + 1] not in "'’-":
        return None
    region = _region_phrase_at(text, cursor, rules)
    if region and not ranks and not honorifics:
        inner = read_name(text, region, rules, places)
        return inner._replace(prefix=text[cursor:region].strip()) if inner else None
    words: list[tuple[str, int]] = []
    while len(words) < MAX_WORDS:
        initial = INITIAL.match(text, cursor)
        w = NAME_WORD.match(text, cursor)
        short = not words and FIRST_NAME_SHORT.match(text, cursor)
        connector = words and _connector_at(text, cursor, rules)
        if short and short.group(1) in rules.first_word_abbreviations:
            word = short.group(1)
        elif connector:
            word = connector
        elif initial and (not w or len(initial.group(1)) > len(w.group(1))):
            word = initial.group(1)
        elif w:
            word = w.group(1)
            if word.endswith(".") and len(word) > 2 and (words or word not in rules.first_word_abbreviations):
                break
        else:
            break
        inside = bool(words) and (word in rules.words("inside_name")
                                  or (INITIALS_WORD.fullmatch(word) is not None and LAST_WORD_AFTER_INITIAL.match(text, cursor) is not None)
                                  or (word in rules.not_person_words and word.istitle() and LAST_WORD.match(text, cursor + len(word))))
        # The second word of a two-word opener ("Raden Mas Said"), an honorific elsewhere.
        inside = inside or (len(words) == 1 and f"{words[0][0]} {word}" in rules.words("name_openers"))
        fathers = bool(words) and words[-1][0] in rules.words("inside_name") and word[:1].isupper()
        fathers = fathers or (not words and _first_name_also_word(text, cursor, word, rules))
        if not (inside or fathers or is_name_word(word, rules)) or (words and split_degrees(word, rules)) \
                or (not words and POSSESSED_NOUN.fullmatch(word)) \
                or (words and text[cursor + len(word):cursor + len(word) + 1] == "." and read_degrees(text, cursor - 1, rules)[0]):
            break
        if words and not inside and (rules.rank.match(text, cursor) or rules.honorific.match(text, cursor)
                                     or _spaced_degree_at(text, cursor, rules)) and not _surname_like_rank(text, cursor, word, rules):
            break
        words.append((word, cursor))
        cursor += len(word)
        if not NAME_GAP.match(text, cursor) and not (text[cursor:cursor + 1] == " " and _connector_at(text, cursor + 1, rules)):
            break
        cursor += 1
    while words and (words[-1][0].endswith(".") or split_degrees(words[-1][0], rules) or len(words[-1][0]) == 1):
        words.pop()
    if words and not honorifics and not ranks and (rules.rank.match(text, cursor) or rules.honorific.match(text, cursor)):
        inner = read_name(text, cursor, rules, places)
        if inner:
            return inner._replace(prefix=text[start:cursor].strip())
    if words and _holds_listed_region(text, words, rules):
        return None
    later = _later_start(words, rules)
    if later is not None and not ranks and not honorifics:
        inner = read_name(text, later, rules, places) if later >= 0 else None
        return inner._replace(prefix=text[start:later].strip()) if inner else None
    if not words or (len(words) == 1 and ((words[0][0].isupper() and len(words[0][0]) > 1)
                                          or words[0][0] in places or words[0][0] in rules.unit_words)):
        return None
    inside_region = next((i for i in range(len(words) - 3, 0, -1) if words[i][0] in places), None) if len(words) > 3 else None
    if inside_region is not None and not ranks and not honorifics:
        inner = read_name(text, words[inside_region + 1][1], rules, places)
        return inner._replace(prefix=text[start:words[inside_region + 1][1]].strip()) if inner else None
    if len(words) > 1 and words[0][0] in places:
        inner = read_name(text, words[1][1], rules, places)
        return inner._replace(prefix=words[0][0], ranks=ranks + inner.ranks,
                              honorifics=honorifics + inner.honorifics) if inner else None
    name = " ".join([w for w, _ in words])
    name_end = words[-1][1] + len(words[-1][0])
    haji = FATHERS_HAJI.match(text, name_end)
    if haji:
        name, name_end = f"{name} {haji.group(1)}", haji.end(1)
    degrees, end = read_degrees(text, name_end, rules)
    return WrittenName(name, honorifics, degrees, end, (start, name_end), None, ranks)


def _surname_like_rank(text: str, pos: int, word: str, rules: Rules) -> bool:
    """Whether a rank written as one plain word after a name's first words is a word of the
    name ("Yustus Mayor Dimara", "Marthinus Mayor,": Mayor is a Papuan surname): no corps
    and no other rank or honorific after it, and the name ends there or one word later."""
    rank = rules.rank.match(text, pos)
    return rank is not None and rank.group(0).strip() == word and word.isalpha() and len(rank_and_corps(rank, rules)) == 1 \
        and bool(RANK_AS_SURNAME_END.match(text, pos + len(word)))


def opens_no_name(text: str, pos: int, rules: Rules) -> bool:
    """Whether `read_name(text, pos, …)` is sure to find nothing, told without reading: the
    first word it would take is one no name has (a title, "Camat" of ", Camat …"), with no
    rank, honorific, abbreviated first name, longer initial or listed region starting there.
    False when unsure. Mirrors the first steps of `read_name`: change them together."""
    cursor = NAME_LEAD.match(text, pos).end()
    w = NAME_WORD.match(text, cursor)
    if not w or rules.rank.match(text, cursor) or rules.honorific.match(text, cursor):
        return False
    word = w.group(1)
    first = FIRST_WORD.match(text, cursor)
    short = FIRST_NAME_SHORT.match(text, cursor)
    initial = INITIAL.match(text, cursor)
    if (first and first.group(0) in rules.region_phrases) or (short and short.group(1) in rules.first_word_abbreviations) \
            or (initial and len(initial.group(1)) > len(word)):
        return False
    return not is_name_word(word, rules) and word not in rules.words("first_names_also_words")


def _region_phrase_at(text: str, pos: int, rules: Rules) -> int | None:
    """Where a name starts after a region of several words written at `pos` ("Jakarta
    Timur Sri Handayani"), or None."""
    first = FIRST_WORD.match(text, pos)
    if not first or first.group(0) not in rules.region_phrases:
        return None
    for phrase in rules.region_phrases.written_at(text, pos, first.group(0)):
        after = pos + len(phrase)
        if text[after:after + 1] == " " and text[after + 1:after + 2].isupper():
            return after + 1
    return None


def _first_name_also_word(text: str, pos: int, word: str, rules: Rules) -> bool:
    """Whether `word` at `pos`, a common word that is also a first name ("Hari"), opens a
    name here: a name word follows that is no observance ("Hari Jadi"), weekday or month."""
    if word not in rules.words("first_names_also_words"):
        return False
    following = NAME_WORD.match(text, pos + len(word) + 1) if text[pos + len(word):pos + len(word) + 1] == " " else None
    return bool(following) and following.group(1) not in rules.words("observances") \
        and is_name_word(following.group(1), rules)


def _connector_at(text: str, pos: int, rules: Rules) -> str | None:
    """"bin", "binti" at `pos` between two words of a name, else None."""
    connector = CONNECTOR.match(text, pos)
    return connector.group(1) if connector and connector.group(1) in rules.words("inside_name") else None


def _later_start(words: list[tuple[str, int]], rules: Rules) -> int | None:
    """Where the name starts when the first words read are the end of a place: a compass
    word ("Tulang Bawang Tengah, Suryadi" after a title's region), a number spelt out before a
    name of two words or more ("Lurah Tinoor Dua Ferdy Kaunang"), the Roman number of a
    split district ("Camat Seberang Ulu I Ahmad Fauzi"; "I" only with two words or more
    after it, and never the Balinese "I" opening a name: "Timur I Wayan Sudarma"), or the words before a
    Balinese name's opener ("Nusa Penida I Komang Widyana") when a word follows it (a
    name may end in one: "Samsudin La Ode"), or the capitals of a unit's short form ending
    the title before the name ("Ka KPLP Andi Saputra", "Komisi V DPR RI Yohana Rumere": a
    first word of three capitals or more, the name from the first word in title case)."""
    for index in range(1, len(words) - 1):
        number = words[index][0]
        if number in PLACE_NUMBERS and (number != "I" or len(words) - index > 2) \
                and f"{number} {words[index + 1][0]}" not in rules.words("name_openers"):
            return words[index + 1][1]
    if len(words) > 2 and words[0][0] in SPELT_PLACE_NUMBERS:
        return words[1][1]
    if words and words[0][0] in rules.words("compass_words"):
        return words[1][1] if len(words) > 1 else -1
    for index in range(1, len(words) - 2):
        if f"{words[index][0]} {words[index + 1][0]}" in rules.words("name_openers"):
            return words[index][1]
    if words and len(words[0][0]) >= 3 and CAPITALS_WORD.fullmatch(words[0][0]):
        capitals = next((i for i, (word, _) in enumerate(words) if not CAPITALS_WORD.fullmatch(word)), len(words))
        if capitals < len(words):
            return words[capitals][1]
    return None


def _holds_listed_region(text: str, words: list[tuple[str, int]], rules: Rules) -> bool:
    """Whether the words read as a name hold a region of several words the data lists
    ("Tanah Bumbu", "Penghubung Tanah Bumbu" of "Kepala Badan Penghubung Tanah Bumbu"):
    a place or a unit of it, nobody's name."""
    end = words[-1][1] + len(words[-1][0])
    for word, at in words:
        for phrase in rules.region_phrases.written_at(text, at, word) if word in rules.region_phrases else ():
            after = at + len(phrase)
            if after == end or (after < end and text[after] == " "):
                return True
    return False


def is_name_word(word: str, rules: Rules) -> bool:
    """Whether `word` may be a word of a name: no stop word, no abbreviation the glossary
    lists, no noun derived with pe-/per-/ke-…-an ("Pemberdayaan", "Perlindungan",
    "Kesehatan": the field of a unit, which nobody is called), no "se-" before a
    place ("Se-Sulawesi Tengah": all of it) and no words glued in camel case (an outlet's
    dateline "MahesaMediaCenter", a byline "SyafrizalEditor": no name is written so)."""
    bare = word.rstrip(".")
    return word not in rules.stop_names and bare not in rules.stop_names and not DERIVED_NOUN.fullmatch(bare) \
        and not bare.startswith(("Se-", "se-")) and not GLUED_WORDS.search(bare) \
        and (len(bare) < 2 or bare.upper() not in rules.abbreviation_keys)


def _spaced_degree_at(text: str, pos: int, rules: Rules) -> re.Match | None:
    """The degree written in parts apart at `pos` ("S Tr K"), else None."""
    spaced = SPACED_DEGREE.match(text, pos)
    return spaced if spaced and spaced.group(1).replace(" ", "").upper() in rules.degree_keys else None


def read_degrees(text: str, pos: int, rules: Rules) -> tuple[list[str], int]:
    """The degrees written from `pos` ("S.Sos., M.Si", "SE MM", "M. Eng", "M,Ikom", "S Tr K")."""
    degrees, end = [], pos
    while True:
        m = DEGREE_WORD.match(text, end)
        found = split_degrees(m.group(1), rules) if m else None
        spaced = not found and _spaced_degree_at(text, end, rules)
        if spaced:
            degrees.append(spaced.group(1))
            end = spaced.end()
            continue
        if not found:
            m = SPLIT_DEGREE.match(text, end)
            key = DEGREE_PUNCTUATION.sub("", m.group(1)).upper() if m else ""
            if not m or key not in rules.degree_keys:
                return degrees, end
            found = [m.group(1)]
        degrees += found
        end = m.end()


def shortens(words: list[str], full: list[str]) -> bool:
    """Whether a name of `words` shortens the `full` one: the same last word (an initial
    glued to it dropped), a first word the full first word starts with, no more words."""
    last = full[-1].rsplit(".", 1)[-1]
    return len(words) <= len(full) and words[-1] == last and full[0].startswith(words[0]) and len(words[0]) >= 3


def bracketed_nicknames(text: str) -> set[str]:
    """The nicknames written in brackets after a name ("Slamet Widodo (Mbah Met)": "Mbah
    Met" and "Met"): another name of that person, nobody of their own."""
    return {called for m in NICKNAMED.finditer(text) for called in m.groups() if called}


LINE = re.compile(r"[^\n]+")
HEADLINE_WORDS = 20
# A line pointing to another story: a bullet or "Baca juga:".
TEASER = re.compile(r"[ \t]*(?:[-•*][ \t]+|(?i:baca[ \t]+juga|berita[ \t]+(?:terkait|terkini|lainnya)|bacaan[ \t]+lainnya)[ \t]*:)")


class HeadlineLines(dict):
    """Start -> end of the headline and teaser lines of a text (`headline_lines`), and the
    one holding a position found by bisection of their starts: a search back to the start
    of the line for every title would read a long line once per title."""

    def holding(self, pos: int) -> int | None:
        """The end of the headline or teaser line holding `pos`, else None."""
        starts = self.__dict__.get("starts")
        if starts is None:
            starts = self.__dict__["starts"] = sorted(self)
        at = bisect_right(starts, pos)
        return self[starts[at - 1]] if at and pos <= self[starts[at - 1]] else None


def headline_lines(text: str) -> HeadlineLines:
    """Start -> end of the lines written in title case before the body's first sentence
    (a headline: "Bupati Bungo Amrizal Kepada Pengurus Lembaga Adat") and, anywhere, of
    the teasers of other stories ("- Gubernur NTB Minta Bupati Percepat Penanganan
    Stunting", "Baca juga: …"), where capitalised words are no names. A bulleted line
    ending in a full stop is a sentence of a list ("- Yosua Manurung, Kepala Dinas
    Lingkungan Hidup."), never a teaser."""
    found = HeadlineLines()
    body = False
    for line in LINE.finditer(text):
        words = line.group(0).split()
        if not body and (len(words) > HEADLINE_WORDS or line.group(0).rstrip()[-1:] in ".:\"”"):
            body = True
        teaser = body and TEASER.match(line.group(0))
        if teaser and teaser.group(0).strip() in "-•*" and line.group(0).rstrip().endswith("."):
            continue
        if (not body or teaser) and is_title_case(line.group(0), 1.0 if teaser and teaser.group(0).strip() in "-•*" else 0.8):
            found[line.start()] = line.end()
    return found


def is_title_case(phrase: str, share: float = 0.8) -> bool:
    """Whether most of the longer words of `phrase` (three at least; `share` of them) are
    capitalised, as in a headline or the theme of an event. A bulleted line is a teaser
    only when all are: a list item of appointments keeps its "sebagai"."""
    long_words = [w for w in phrase.split() if len(w) > 3 and w[0].isalpha()]
    return len(long_words) >= 3 and sum(w[0].isupper() for w in long_words) >= share * len(long_words)

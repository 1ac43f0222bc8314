"""Patterns compiled once per glossary and the word tests shared by the extractors
(unit words of a title, degree tokens, capitalised name words). Imports the glossary only."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from press.notes.glossary import Glossary

INSTITUTIONS = {"Sekretariat", "Pemerintah", "Setda", "Setdako", "Setdakab", "Setdaprov", "Setkab", "Setprov", "Pemkot", "Pemko", "Pemkab", "Pemprov",
                "Pemda"}
# What may not stand just before an honorific or a rank: a letter, digit or dot; before a
# region or an organisation's head: a letter, digit or hyphen.
NAME_CHAR_OR_DOT = r"[\w.]"
WORD_OR_HYPHEN = r"[\w-]"
# What ends an honorific: its dot, a space, or a comma before the name.
HONORIFIC_END = r"(?:(?<=\.)|(?=\s)|,(?=[ \t]*[A-Z]))\s*"
CAP = r"(?:[A-Z][A-Za-z'’`-]*[a-z][A-Za-z'’-]*|[A-Z]{2,}|[A-Z]\.)"


def alternation(words) -> str:
    """A pattern matching any of `words`, the longest first, written as a tree of
    their shared beginnings ("Kepala(?: (?:Bagian|Dinas))?"): the regular expression
    engine then tries each letter once instead of every word in turn. Remembered per
    set of words."""
    key = frozenset(words)
    if key not in _ALTERNATIONS:
        _ALTERNATIONS[key] = _tree_pattern(_tree(key))
    return _ALTERNATIONS[key]


_ALTERNATIONS: dict[frozenset, str] = {}


def bounded_alternation(words, before: str = r"\w", not_after: tuple[str, ...] = ()) -> str:
    """`alternation(words)` matching only where no character of the class `before`
    stands just before it, the same as `(?<!before)` in front of it, but checked after
    each word's first letter: a pattern that opens on a letter lets the engine skip to the
    places where one of those letters stands, and one that opens on an assertion tries
    every position of the text (three times slower on a note for the rank or honorific
    scan). `before` is one character class ("\\w", "[\\w.]"); `not_after` the literal
    words that may not stand just before it either ("Wali " before "Kota"). Remembered."""
    key = (frozenset(words), before, not_after)
    if key not in _BOUNDED:
        tree = _tree(key[0])
        branches = [re.escape(char) + f"(?<!{before}{re.escape(char)})"
                    + "".join(f"(?<!{re.escape(word + char)})" for word in not_after) + _tree_pattern(child)
                    for char, child in sorted(tree.items()) if char]
        _BOUNDED[key] = "(?:" + "|".join(branches) + ")"
    return _BOUNDED[key]


_BOUNDED: dict[tuple, str] = {}


def _tree(words) -> dict:
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return tree


def _tree_pattern(node: dict) -> str:
    branches = [re.escape(char) + _tree_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


@dataclass
class Rules:
    """Compiled patterns built once per glossary."""

    glossary: Glossary
    title: re.Pattern
    honorific: re.Pattern
    rank: re.Pattern
    title_full: dict
    region_names: set
    region_phrases: "PhraseTable"
    abbreviation_keys: set
    not_person_words: set
    street_words: set
    degree_keys: set
    unit_words: set
    org_abbr: set
    region_word: re.Pattern
    place_titles: set
    after_verb: re.Pattern
    after_words: str
    reported_verb: re.Pattern
    fronted: re.Pattern
    stop_names: set
    org_head: re.Pattern
    regional: set
    expansion: re.Pattern
    expansion_abbr: dict
    province: re.Pattern
    compass_after: re.Pattern
    called_by_name: re.Pattern
    first_word_abbreviations: set = field(default_factory=set)
    _patterns: dict = field(default_factory=dict)
    _word_sets: dict = field(default_factory=dict)
    _made: dict = field(default_factory=dict)

    def opens_name(self, text: str, pos: int) -> bool:
        """Whether a name, or the honorific or noble abbreviation or name before it, starts at
        `pos` ("H.", "Drs.", "Kgs. Ahmad", "Andi Muhammad"): where the words of a title or its
        unit end."""
        if self.honorific.match(text, pos):
            return True
        noble = self._patterns.get("noble-abbreviation") or self.pattern(
            "noble-abbreviation", lambda: rf"(?:{alternation(self.glossary.data['noble_abbreviations'] + self.glossary.data['name_openers'])})[ \t]+(?=[A-Z])")
        return noble.match(text, pos) is not None

    def words(self, key: str) -> frozenset:
        """The glossary's list under `key` as a set, made once (membership is asked for every
        word a name reader reads)."""
        found = self._word_sets.get(key)
        if found is None:
            found = self._word_sets[key] = frozenset(self.glossary.data[key])
        return found

    def made(self, name: str, build):
        """What `build()` derives from these rules, made once per glossary under `name`."""
        found = self._made.get(name)
        if found is None:
            found = self._made[name] = build()
        return found

    def pattern(self, name: str, build) -> re.Pattern:
        """The pattern `build()` compiles, compiled once per glossary under `name`."""
        found = self._patterns.get(name)
        if found is None:
            found = self._patterns[name] = re.compile(build())
        return found


_CACHE: dict[int, Rules] = {}


def rules_for(glossary: Glossary) -> Rules:
    cached = _CACHE.get(id(glossary))
    if cached and cached.glossary is glossary:
        return cached
    data = glossary.data
    title_full = {variant: full for form, full in glossary.title_forms.items() for variant in _lower_first([form])}
    regions = glossary.region_names
    short_acting = [p.rstrip(".") for p in data["acting_prefixes"]]
    acting = alternation(_lower_first(short_acting + data["acting_written_out"]) + [p.upper() for p in short_acting])
    # A title may open a numbered list item glued to its number ("1.Sekretaris Dinas …") or a
    # sentence glued to the stop of the one before ("… Maret 2026.Gubernur …", "… meriah.Bupati
    # …"): no word character before it, and a dot only after one or two digits standing alone,
    # a year or a word in lower case (one assertion after another, which the engine scans for
    # as fast as a single one).
    title = re.compile(rf"(?<!\w)(?<!(?<!(?<![\w.])\d)(?<!(?<![\w.])\d\d)(?<![a-z]{{3}})(?<!(?<![\w.])\d{{4}})\.)(?:(?P<acting>{acting})\.?(?:\s+\([A-Za-z.]{{1,6}}\))?(?:\s+|(?<=\.)(?=[A-Z])))?"
                       rf"(?P<head>{alternation(title_full)})(?![\w])")
    honorific = re.compile(bounded_alternation(honorific_spellings(glossary.honorifics), NAME_CHAR_OR_DOT) + HONORIFIC_END)
    # A one-letter corps (the navy's "P", "T", "E", "S", "K") is read in its brackets only:
    # unbracketed after a rank it is the holder's initial ("IPTU S Harahap").
    corps = alternation([c for c in glossary.corps if len(c) > 1]) + "|" + "|".join(
        rf"\({c}\)" for c in glossary.corps if len(c) == 1)
    rank = re.compile(rf"(?P<rank>{bounded_alternation(glossary.rank_forms, NAME_CHAR_OR_DOT)}\.?)"
                      rf"(?:[ \t]+(?P<corps>(?i:\(?(?:{corps})\)?)\.?(?![\w])))?"
                      rf"(?:[ \t]*\([ \t]*(?P<retired>{alternation(data['retired_marks'])})[ \t]*\))?(?<=[\w.)])(?=[\s,])\s*")
    degree_keys = {d.replace(".", "").upper() for d in data["degrees"]}
    usable = set(glossary.organisations) - set(data["not_organisations"])
    expansions = {full: abbr for abbr, full in glossary.organisations.items() if abbr in usable and full != abbr}
    stop = set(glossary.title_forms) | set(glossary.organisations) | set(data["region_words"]) \
        | {w.capitalize() for w in glossary.weekday_forms()} | {w.capitalize() for w in glossary.month_forms()} \
        | (glossary.not_person_words - set(data["regional_honorifics"])) | {c for c in glossary.corps if len(c) > 2} \
        | {v.capitalize() for form in ("after", "reported") for v in glossary.speech_verbs(form)} \
        | set(data["speech_verbs"]["fronted"]) | set(data["headline_verbs"]) | set(data["venue_words"]) \
        | set(data["organisation_heads"]) | {a.rstrip(".") for a in glossary.region_word_abbreviations} \
        | {w for phrase in data["acting_written_out"] for w in phrase.split()} | {"Turut", "Hadir", "Dalam", "Selain", "Sementara", "Menurut",
                                                  "Pada", "Di", "Dan", "Serta", "Beserta", "Para", "Kegiatan",
                                                  "Acara", "Ia", "Dia", "Beliau", "Kami", "Kita", "Saya", "Ini",
                                                  "Itu", "Hal", "Jajaran", "Undangan", "Selaku", "Usai", "Setelah"}
    return _CACHE.setdefault(id(glossary), Rules(
        glossary=glossary,
        title=title,
        honorific=honorific,
        rank=rank,
        title_full=title_full,
        region_names=regions,
        region_phrases=PhraseTable([n for n in regions if " " in n], key=lambda n: n.split()[0]),
        abbreviation_keys={a.upper() for a in glossary.organisations},
        not_person_words=set(data["not_person_words"]),
        street_words=set(glossary.street_words),
        degree_keys=degree_keys,
        unit_words=set(data["unit_words"]),
        org_abbr=set(glossary.organisations) - set(data["not_organisations"]),
        region_word=re.compile(rf"\b({alternation(data['region_words'])})\s+(?=[A-Z])"),
        place_titles={t for t in data["place_titles"]},
        after_verb=re.compile(rf"\s*[,.]?\s*(?P<verb>{alternation(glossary.speech_verbs('after'))}"
                              rf"|{alternation(_capitalised_back_references(glossary.speech_verbs('after')))})\b"),
        after_words=alternation(glossary.speech_verbs("after")),
        reported_verb=re.compile(rf"\b(?P<verb>{alternation(glossary.speech_verbs('reported'))})\b"),
        fronted=re.compile(rf"\b(?P<verb>{alternation(glossary.speech_verbs('fronted'))})\s+"),
        stop_names=stop,
        org_head=re.compile(rf"(?:{alternation(set(data['organisation_heads']) | (set(glossary.organisations) - set(data['not_organisations'])))})(?![\w-])"),
        regional=set(data["regional_honorifics"]),
        expansion=re.compile(rf"(?<![\w])(?:{alternation(expansions)})(?![\w])"),
        expansion_abbr=expansions,
        province=re.compile(rf"(?:{alternation(data['provinces'])})(?![\w])"),
        compass_after=re.compile(rf"[ \t]+(?:{alternation(data['compass_words'])})\b"),
        called_by_name=re.compile(rf"\b(?:{alternation(data['address_forms'])})[ \t]+{CAP}(?: {CAP}){{0,3}}"),
        first_word_abbreviations=set(data["abbreviated_first_names"]) | set(data["noble_abbreviations"]),
    ))


def _capitalised_back_references(verbs) -> list[str]:
    """"Ujarnya", "Tambahnya": a speech verb pointing back to the speaker, opening a
    sentence after the quote's full stop (`…selamat." Ujarnya.`)."""
    return [v.capitalize() for v in verbs if v.endswith("nya")]


def _lower_first(forms) -> list[str]:
    """Each form as written, with its first letter in lower case, all in lower case and in
    sentence case ("sekda", "kepala Kampung", "kepala kampung", "Juru bicara"): releases
    write titles every way."""
    return list(dict.fromkeys([v for f in forms for v in (f, f[:1].lower() + f[1:], f.lower(), f[:1] + f[1:].lower())]))


def honorific_spellings(honorifics) -> list[str]:
    """Each honorific as listed, without its dots ("H", "Dr") and in capitals ("DR.",
    "DRS."): the spellings releases use."""
    out = []
    for h in honorifics:
        out.append(h)
        if h.endswith("."):
            out += [h.rstrip("."), h.upper()]
    return out


def rank_and_corps(match: re.Match, rules: Rules) -> list[str]:
    """["Letkol", "Kav"] from a rank match: the rank and its corps as written (a rank
    listed with its corps, "Letkol Inf", is split the same way)."""
    rank, _, last = match["rank"].rpartition(" ")
    written = [rank, last] if rank and last.rstrip(".") in rules.glossary.corps else [match["rank"]]
    return written + [match[group] for group in ("corps", "retired") if match[group]]


CAPITALS = re.compile(r"[A-Z0-9]{2,}")
FIELD_OR_ROLE = re.compile(r"(?:Pe|Pem|Pen|Peng|Peny|Per|Ke)[a-z]{3,}an|(?:Pem|Pen|Peng|Peny)[a-z]{3,}|Di[sn][a-z]{3,}"
                           r"|[A-Z][a-z]{3,}(?:asi|tik)")
GLUED_DEGREE = re.compile(r"[SM][A-Z][a-z]+|A\.?Md")
# A degree written in title case without dots ("Mm", "Msi", "Sik", "Ap"): releases type
# degrees every way; one degree whole (a name such as "Sese" is no SE twice), never a month,
# an honorific or a word that is not a name ("Mei", "Mak", "Dr"), which the stop names hold.
TITLE_CASE_DEGREE = re.compile(r"[A-Z][a-z]{1,3}")


def is_unit_word(word: str, rules: Rules) -> bool:
    """Whether `word` continues a title's unit: listed unit words and abbreviations,
    numbers in Roman figures, and the shapes of a field or a role ("Pemberdayaan",
    "Penilai", "Pembina", "Organisasi")."""
    bare = word.strip(",.")
    if bare in rules.unit_words or bare in rules.org_abbr or bare in ("dan", "&", "I", "II", "III", "IV") \
            or CAPITALS.fullmatch(bare):
        return True
    return bool(FIELD_OR_ROLE.fullmatch(bare))


def split_degrees(token: str, rules: Rules) -> list[str] | None:
    """Split a degree token ("S.Sos.", "SH.MH", "MM") into degrees, or None."""
    bare = token.strip(",")
    if not bare or not (("." in bare) or bare.isupper() or GLUED_DEGREE.fullmatch(bare)
                        or (TITLE_CASE_DEGREE.fullmatch(bare) and bare.upper() in rules.degree_keys
                            and bare not in rules.stop_names and not rules.honorific.fullmatch(bare))):
        return None
    key = bare.replace(".", "").upper()
    out, i = [], 0
    while i < len(key):
        for size in range(min(6, len(key) - i), 0, -1):
            if key[i:i + size] in rules.degree_keys:
                out.append(key[i:i + size])
                i += size
                break
        else:
            return None
    return [bare] if len(out) == 1 else out


WRITTEN_IN_PARENTHESIS = re.compile(r"[ \t]*\([^)]*\)")


def without_parenthesis(name: str) -> str:
    return WRITTEN_IN_PARENTHESIS.sub("", name) if "(" in name else name


OPEN_HEADS = {"Universitas", "Institut", "Kementerian", "Politeknik", "Yayasan", "PT", "Bank", "Komunitas", "Paguyuban", "Forum",
               "Ikatan", "Persatuan", "Asosiasi", "Himpunan", "Koperasi", "Sekolah", "Rumah Sakit", "Perumda",
               "Kelompok Tani", "Gabungan Kelompok Tani", "Poktan", "Gapoktan"}


class NextMatch:
    """The leftmost match of `pattern` at or after a position of `text`, as
    `pattern.search(text, pos)` gives it, remembering the last answer: asked at
    increasing positions it reads the text once instead of once per question. Only for
    patterns whose matches do not depend on where the search starts (no look-behind,
    no `\\b` or `^` at the start)."""

    def __init__(self, pattern: re.Pattern, text: str):
        self.pattern = pattern
        self.text = text
        self._asked = 1
        self._found_at = 0
        self._match: re.Match | None = None

    def at(self, pos: int) -> re.Match | None:
        if not (self._asked <= pos <= self._found_at):
            self._match = self.pattern.search(self.text, pos)
            self._asked = pos
            self._found_at = self._match.start() if self._match else len(self.text)
        return self._match


class PhraseTable:
    """Fixed phrases grouped by a key (their first word) and by length: `written_at`
    gives those written at a position, longest first, with one dictionary lookup per
    length the key's phrases have, however many phrases share the key."""

    def __init__(self, phrases, key):
        self._by_length: dict[str, dict[int, set[str]]] = {}
        for phrase in phrases:
            self._by_length.setdefault(key(phrase), {}).setdefault(len(phrase), set()).add(phrase)
        self._lengths = {k: sorted(lengths, reverse=True) for k, lengths in self._by_length.items()}

    def __bool__(self) -> bool:
        return bool(self._by_length)

    def keys(self):
        """The keys some phrase has (a set-like view)."""
        return self._by_length.keys()

    def __contains__(self, key: str) -> bool:
        """Whether some phrase has the key (no view made: asked once per word read)."""
        return key in self._by_length

    def written_at(self, text: str, pos: int, key: str):
        for length in self._lengths.get(key, ()):
            phrase = text[pos:pos + length]
            if phrase in self._by_length[key][length]:
                yield phrase

"""Where a name with no title before it starts, besides ranks, honorifics and credits:
a name followed by its degrees, a name opening a clause before the post it held, the
one an official replaces; and where a capitalised phrase in apposition is a theme, not a
person. Standard library only."""

from __future__ import annotations

import re

# A name with degrees after it, standing after a comma, a bracket, a quote mark or a
# lower-case word ("diketuai Nurul Husna, S.Sos.", "Bidan Desa, Nurlia Amd.Keb,"): the
# degrees make it a person; the name is read and kept only if degrees follow it. Found
# from the capital (`names_before_degrees`): a scan that starts on every lower-case word
# costs three times as much.
# (A word's letters and the spaces before one are possessive: giving one back leaves a
# letter or a space where a capital, a comma or a space must follow.)
NAME_WITH_DEGREES = re.compile(r"[A-Z][a-z]++(?:[ \t]++[A-Z][a-z]++){0,3},?[ \t]+(?:[A-Z][A-Za-z]{0,3}[.,]|[A-Z]{2,4}\b)")
# A capital with a space, a tab, a comma, a bracket or a quote mark before it.
CAPITAL_AFTER_LEAD = re.compile(r"[A-Z](?<=[ \t,(“\"][A-Z])[a-z]")
LEAD_MARKS = ',(“"'
NOT_A_LEAD = frozenset({"dan", "serta", "atau"})
# A name in apposition after a lower-case word and a comma, then a comma and a lower-case
# word that is not "dan", "serta", "atau", "yang" ("Seorang pedagang, Siti Aminah, mengaku"):
# found from its comma (`appositive_names`).
APPOSED_NAME = re.compile(r",[ \t]+(?=[A-Z][a-z]+(?:[ \t]+[A-Z][\w.]*){0,3},[ \t]+(?:\d{1,3},[ \t]+)?"
                          r"(?!dan\b|serta\b|atau\b|yang\b)[a-z])")
WORD_OR_HYPHEN_CHAR = re.compile(r"[\w-]")
# A name opening a clause before the post it held ("Agus Wicaksono yang sebelumnya Camat
# Jenu", "Kemudian Budi dari Camat Bancar bergeser"): a person when a title follows.
BEFORE_FORMER_POST = re.compile(r"(?:^|[.,;][ \t]+|\b(?:dan|serta|[Kk]emudian|[Ss]ementara)[ \t]+)(?!(?:[Kk]emudian|[Ss]ementara)\b)([A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*){1,3})[ \t]+"
                                r"(?:yang[ \t]+(?:sebelumnya|semula)|dari)[ \t]+", re.M)
# A name after a lower-case word, followed by the person's age in brackets or by where
# they come from ("kisah Kakah Udin (70)", "bagi Kornelis asal Kecamatan Lamba Leda"): a
# resident the note names, with no title. Found from the age or "asal" (`names_before_age_or_origin`).
AGE = re.compile(r"\(\d{1,3}\)")
NAME_ENDING_HERE = re.compile(r"(?<=[a-z][ \t])([A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,3})[ \t]*,?[ \t]*$")
# A theme or motto named in apposition ("Tema tahun ini, Rumeksa Budaya Menoreh, …"), or
# a noble or adat title conferred ("Gelar yang dianugerahkan yakni Datu Perdana Setia Negeri").
THEME_BEFORE = re.compile(r"\b(?i:tema|bertema|bertajuk|berjudul|slogan|motto|semboyan|tagline)\b[^,.;\n]{0,20},?[ \t]*$"
                          r"|\b(?i:gelar|bergelar|gelarnya)\b[^,.;\n]{0,30}[ \t]$")
# "Salah satu penerima, Siti Aminah …", "Salah seorang pengelola RPTRA Kalijodo Baru, Siti
# Nurjanah, …": the name after the first comma is the one of them the note names.
# The one an official replaces, named bare after the verb ("dilantik menggantikan Yohanis
# Pattiasina yang memasuki masa pensiun"): a person, when two name words follow.
REPLACED = re.compile(r"m(?<!\wm)enggantikan[ \t]+(?=[A-Z][a-z]+[ \t]+[A-Z][a-z])")
ONE_OF = re.compile(r"[Ss](?<!\w[Ss])alah[ \t]+(?:satu|seorang)\b[^,.;\n\"“”]{1,80},[ \t]*(?=[A-Z])")


def names_before_age_or_origin(text: str, origin: re.Pattern) -> dict[int, int]:
    """Start -> end of each name followed by an age (AGE) or by `origin` ("asal" and a
    region word of the data; each opens on a literal, which the scan skips to)."""
    found = {}
    for after in [*AGE.finditer(text), *origin.finditer(text)]:
        name = NAME_ENDING_HERE.search(text, max(0, after.start() - 60), after.start())
        if name and (after.re is AGE or name.end(1) < after.start()) and not text[after.start() - 1:after.start()].isalpha():
            found[name.start(1)] = name.end(1)
    return found


def names_before_degrees(text: str) -> list[int]:
    """Where each name followed by degrees starts, after a comma, a bracket or a quote
    mark, or after a lower-case word other than "dan", "serta", "atau" that starts a word,
    with spaces or tabs between (none needed after a mark)."""
    starts = []
    for candidate in CAPITAL_AFTER_LEAD.finditer(text):
        at = candidate.start()
        if not NAME_WITH_DEGREES.match(text, at):
            continue
        lead = at
        while lead > 0 and text[lead - 1] in " \t":
            lead -= 1
        if lead > 0 and text[lead - 1] in LEAD_MARKS:
            starts.append(at)
            continue
        begin = _lower_word_start(text, lead) if lead < at else None
        if begin is not None and text[begin:lead] not in NOT_A_LEAD:
            starts.append(at)
    return starts


def _lower_word_start(text: str, end: int) -> int | None:
    """The start of the lower-case word ending at `end`, when it starts a word (no letter,
    digit or hyphen before it), else None."""
    begin = end
    while begin > 0 and "a" <= text[begin - 1] <= "z":
        begin -= 1
    if begin == end or (begin > 0 and WORD_OR_HYPHEN_CHAR.match(text, begin - 1)):
        return None
    return begin


def appositive_names(text: str) -> list[int]:
    """Where each name in apposition starts: after a comma that ends a lower-case word
    (letters and hyphens, starting a word with a letter)."""
    starts = []
    for comma in APPOSED_NAME.finditer(text):
        at = comma.start()
        begin = at
        while begin > 0 and ("a" <= text[begin - 1] <= "z" or text[begin - 1] == "-"):
            begin -= 1
        if begin < at and text[begin] != "-" and (begin == 0 or not WORD_OR_HYPHEN_CHAR.match(text, begin - 1)):
            starts.append(comma.end())
    return starts

"""Credits in a note: the writer, photographer or editor named after "Foto:", "Editor:"
(or alone on the line after it), "Laporan" alone on its line, and the name closing the note
in brackets or a caption between slashes. Imports the rules only."""

from __future__ import annotations

import re

from press.notes.rules import Rules, bounded_alternation

CREDIT_WORDS = ("Foto", "Fotografer", "Photografer", "Pewarta", "Penulis", "Reporter", "Editor", "Kontributor", "Redaktur",
                "Laporan", "Liputan")
CREDIT_WORD = "(?:" + "|".join(CREDIT_WORDS) + ")"
# A credit word where the name should be ("Penulis : Pewarta"): the outlet credits its desk, no person.
CREDIT_WORD_AT = re.compile(rf"{CREDIT_WORD}(?![\w-])")
# What a credited writer or photographer does, in brackets after the name ("(Pranata Humas Ahli Muda)").
CREDIT_POST = re.compile(r"[ \t]*\(([A-Z][A-Za-z]+(?:[ \t]+[A-Z][A-Za-z]+){1,5})\)")
# What may not stand before a word opening its line.
NOT_A_NEWLINE = r"[^\n]"
CREDIT_NAME = r"[A-Z][a-z]+(?:[ \t][A-Z][a-z]+){0,3}"
# "Editor: X", and a credit line without its colon ("Laporan Riska"), each opening on its
# word's first letter (the scan skips to those letters; see `bounded_alternation`).
CREDIT = re.compile(rf"{bounded_alternation(CREDIT_WORDS)}(?:[ \t]*(?:&|dan|/)[ \t]*{CREDIT_WORD})*[ \t]*:[ \t]*")
# "Editor:" ending its line and the name alone on the next line but for a blank one.
NAME_ON_NEXT_LINE = re.compile(rf"[ \t]*\n(?:[ \t]*\n)?[ \t]*(?={CREDIT_NAME}[ \t]*(?:\n|\Z))")
CREDIT_LINE = re.compile(rf"{bounded_alternation(CREDIT_WORDS, NOT_A_NEWLINE)}[ \t]+(?={CREDIT_NAME}[ \t]*$)", re.M)
# The writer's name closing the note in brackets ("(Kandar)", "(Redaksi kontributor Wahyudi
# & Sri)", "(Agus Sahroni/A1)." with the outlet's code for the writer, "(Aji/KR)" and
# "(Wahyu/Red)" with the outlet's or the desk's, "(Red/Hendra)" after the desk's; before at most four lines of the outlet's footer with no sentence in
# them: "(Nurul Hikmah)\nCek Berita … di Google News", "(Rahmat)\n\nKOMENTAR\nShare berita
# ini :") or closing a caption between slashes ("/Ahmad Fauzan/"); the names in it.
CLOSING_CREDIT = re.compile(r"\((?:[ \t]*(?i:redaksi|kontributor|pewarta|penulis))*[ \t]*(?:(?i:red)\.?[ \t]*/[ \t]*)?"
                            r"([A-Z][a-z]{2,}(?:[ \t]+(?:&|dan|[A-Z][a-z]{2,}))*)"
                            r"(?:/(?:[A-Z]{0,3}\d{1,3}|[A-Z]{2,3}|Red))?\)\.?[ \t]*(?:\n[ \t]*(?:[^\n.!?\"“”]{1,80})?){0,4}\s*\Z")
# An outlet's name in its web address ("UJUNGJARI. COM", "tribunambon.com"): a closing
# credit naming it credits the outlet, no person ("(Ujungjari)").
OUTLET_DOMAIN = re.compile(r"(?<![\w.])([A-Za-z][\w-]{2,30})[ \t]?\.[ \t]?(?i:com|co\.id|id|net|co|news|online)\b")
CAPTION_CREDIT = re.compile(r"/(?<=[ \t]/)([A-Z][a-z]{2,}(?:[ \t]+[A-Z][a-z]{2,}){0,3})/[ \t]*$", re.M)
CREDIT_PART = re.compile(r"[A-Z][a-z]{2,}(?:[ \t]+[A-Z][a-z]{2,})*")
CREDIT_LINE_REST = re.compile(r"[^\n]{0,60}")
SHORT_CREDIT = 4


def credited_names(text: str, rules: Rules) -> set[int]:
    """Where each credited name starts (a credit word's end, or a name of a closing
    credit): a closing bracket's single name has four letters or more ("(Kandar)"),
    since shorter ones are initials ("(Sal)", "(jr)"), no word of it names nobody
    ("(Rilis)", "(Humas Polres Mabar)") or is a region, and it is not the outlet's name."""
    colons = {m.start(): m.end() for m in CREDIT.finditer(text)}
    after = {end: NAME_ON_NEXT_LINE.match(text, end) for end in colons.values()}
    starts = {next_line.end() if next_line else end for end, next_line in after.items()} | {m.end() for m in CREDIT_LINE.finditer(text) if m.start() not in colons}
    starts = {start for start in starts if not CREDIT_WORD_AT.match(text, start) and not _credits_an_office(text, start, rules)}
    closing = list(CLOSING_CREDIT.finditer(text))
    outlets = {m.group(1).casefold() for m in OUTLET_DOMAIN.finditer(text)} if closing else set()
    captions = [m for m in CAPTION_CREDIT.finditer(text) if not any(c.start() <= m.start() < c.end() for c in closing)]
    for m in closing + captions:
        for part in CREDIT_PART.finditer(text, m.start(1), m.end(1)):
            words = part.group(0).split()
            if (len(words) > 1 or len(words[0]) > 3) and part.group(0).casefold() not in outlets and not any(
                    w in rules.not_person_words or w in rules.region_names for w in words):
                starts.add(part.start())
    return starts


def _credits_an_office(text: str, start: int, rules: Rules) -> bool:
    """Whether the credit at `start` names an office by its place, as a closing credit may
    ("Foto: MC PIDIE", "Foto: Humas Kabupaten Sigi"): a word of its line, however written, is a
    region or names nobody (the words up to the next credit word: "Laporan : X   Editor : Y")."""
    line = CREDIT_LINE_REST.match(text, start)
    words = []
    for word in line.group(0).split() if line else []:
        if word.rstrip(":") in CREDIT_WORDS or word == ":":
            break
        words.append(word)
    return any(w.capitalize() in rules.region_names or w in rules.region_names or w in rules.not_person_words
               for w in words[:SHORT_CREDIT])

"""Cleaning a note's text before extraction.

Owns: mojibake repair (ftfy, with the fixes that cannot touch correct Indonesian text),
space normalisation (non-breaking, zero-width, runs of spaces), a double quote mark typed
as two single ones made one, making quotation marks consistent within one text, a space between a sentence and the quote mark or the sentence glued to it
(".”Banyak", "Forkopimcam.Dalam"), and removing web boilerplate lines ("Baca juga:", "Editor:", share/follow
lines, copyright lines). Paragraphs are kept.
Returns the text and counts of what changed, so the UI can say it.
Imports ftfy and the standard library only.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import ftfy

FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=True,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=True,
    fix_surrogates=True,
    remove_control_chars=True,
    normalization="NFC",
    explain=False,
)
# Printable ASCII, tabs, line feeds and the typographic marks releases use (curly quotes,
# dashes, the ellipsis): no mojibake is made of these alone (its UTF-8 lead bytes read as
# U+00C2-U+00F4), nor any control character, line separator or unnormalised form that
# ftfy would change, so such a text skips it (most notes: a fifth of the cleaning time).
PLAIN = re.compile("[\t\n\x20-\x7e\u2013\u2014\u2018\u2019\u201c\u201d\u2026]*")
STRAY_A_CIRCUMFLEX = re.compile(r"Â(?=[\s\u00a0]|$)", re.M)
NBSP = re.compile(r"[\u00a0\u2007\u202f]")
ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
SPACE_RUN = re.compile(r"[ \t]{2,}")
TRAILING_SPACE = re.compile(r"[ \t]+$", re.M)
# Double quote marks typed as two single ones ("‘’ Status kalian …,’’ ujarnya"): a
# pair opening with ‘ opens, a pair of ’’ closes, two straight ones are one straight mark.
DOUBLED_SINGLE = re.compile(r"‘[‘’]|’’|''")
DOUBLED_AS = {"‘‘": "“", "‘’": "“", "’’": "”", "''": '"'}
# A sentence glued to the stop of the one before ("… Forkopimcam.Dalam laporannya …"): a word of
# four small letters or more, the stop, then a capitalised word that is no web address's end.
GLUED_SENTENCE = re.compile(r"(?<=[a-z]{4}[.!?])(?=[A-Z][a-z])(?!(?:Com|Id|Info|Net|Org|Co)\b)")
# An opening quote mark glued to the sentence before it ("tepat waktu.”Banyak kades").
GLUED_QUOTE = re.compile(r"(?<=[.!?])([\"“”])(?=[A-Z])")

# Hard-wrapped lines (see _join_hard_wraps): long enough, not ended as a sentence, a quote
# or a label ends.
WRAP_WIDTH = 45
WRAPPED_LINES = 3
LINE_END = re.compile(r"[.!?:;\"“”’)\]]\s*$")
LABEL = re.compile(r"\s*[A-Z][\w ]{0,20}:")
LIST_ITEM = re.compile(r"\s*(?:[-•*]|\d{1,2}[.)])\s")
BOILERPLATE = re.compile(
    r"^\s*\(?(?:"
    r"baca\s+(?:juga|pula|selengkapnya)\b"
    r"|(?:lihat|simak|tonton)\s+(?:juga|berita|video|selengkapnya|artikel|update)\b"
    r"|(?:sumber|source)\s*:"
    r"|(?:bagikan|share|ikuti|follow|dapatkan|gabung|join|klik|download|unduh)\b.{0,80}"
    r"(?:facebook|twitter|whatsapp|instagram|telegram|tiktok|youtube|google news|channel|media sosial|berita terkini|aplikasi)"
    r"|(?:copyright|hak\s+cipta)\b|©|\(c\)\s*\d{4}"
    r"|advertisement\b|scroll\s+to\s+continue|gulir\s+ke\s+bawah|lanjutkan\s+membaca"
    r")[^\n]{0,200}",
    re.I,
)


@dataclass(frozen=True)
class Cleaned:
    """Cleaned text and how many of each kind of change were made."""

    text: str
    changes: dict[str, int] = field(default_factory=dict)


def clean(text: str) -> Cleaned:
    """Repair, normalise and de-boilerplate `text`; paragraphs are kept."""
    changes: Counter = Counter()
    text, changes["zero_width_characters"] = ZERO_WIDTH.subn("", text)
    text = _repair_mojibake(text, changes)
    text = _normalise_spaces(text, changes)
    text = _drop_boilerplate(text, changes)
    text = _join_hard_wraps(text, changes)
    text, changes["doubled_single_quotes"] = DOUBLED_SINGLE.subn(lambda m: DOUBLED_AS[m.group(0)], text)
    text = _consistent_quotes(text, changes)
    text, changes["glued_quote_marks"] = GLUED_QUOTE.subn(r" \1", text)
    text, changes["glued_sentences"] = GLUED_SENTENCE.subn(" ", text)
    return Cleaned(text, {k: v for k, v in changes.items() if v})


def _repair_mojibake(text: str, changes: Counter) -> str:
    if PLAIN.fullmatch(text):
        return text
    fixed = STRAY_A_CIRCUMFLEX.sub("", ftfy.fix_text(text, FTFY_CONFIG))
    changes["mojibake_lines"] = _changed_lines(text, fixed)
    return fixed


def _changed_lines(before: str, after: str) -> int:
    if before == after:
        return 0
    old, new = before.split("\n"), after.split("\n")
    return sum(1 for a, b in zip(old, new) if a != b) + abs(len(old) - len(new))


def _normalise_spaces(text: str, changes: Counter) -> str:
    text, changes["non_breaking_spaces"] = NBSP.subn(" ", text)
    text, trailing = TRAILING_SPACE.subn("", text)
    text, runs = SPACE_RUN.subn(" ", text)
    changes["extra_spaces"] = trailing + runs
    return re.sub(r"\n{3,}", "\n\n", text)


def _drop_boilerplate(text: str, changes: Counter) -> str:
    lines = text.split("\n")
    kept = [line for line in lines if not BOILERPLATE.fullmatch(line)]
    changes["boilerplate_lines"] = len(lines) - len(kept)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip("\n") + "\n"


def _join_hard_wraps(text: str, changes: Counter) -> str:
    """A note typed or pasted with its lines broken at a fixed width ("… Perlindungan⏎Anak
    Kota Bitung dr X"): each broken line is joined to the next with a space (the same
    length, so no span moves). Only when at least WRAPPED_LINES lines, a fourth of the
    note's, run on into the next; a headline or a list keeps its line breaks."""
    lines = text.split("\n")
    broken = [i for i in range(len(lines) - 1) if len(lines[i]) >= WRAP_WIDTH and lines[i + 1][:1].isalnum()
              and not LINE_END.search(lines[i]) and not LIST_ITEM.match(lines[i + 1]) and not LABEL.match(lines[i])]
    if len(broken) < WRAPPED_LINES or 4 * len(broken) < sum(1 for line in lines if line):
        return text
    changes["joined_lines"] = len(broken)
    joined = set(broken)
    return "".join(line + (" " if i in joined else "\n") for i, line in enumerate(lines))[:-1]


def _consistent_quotes(text: str, changes: Counter) -> str:
    """Use the majority style (curly or straight) for double quotes, then for single."""
    text = _unify(text, '"', "“", "”", changes, "double_quotes")
    return _unify(text, "'", "‘", "’", changes, "single_quotes")


def _unify(text: str, straight: str, opening: str, closing: str, changes: Counter, key: str) -> str:
    n_straight = text.count(straight)
    n_curly = text.count(opening) + text.count(closing)
    if not n_straight or not n_curly:
        return text
    if n_straight >= n_curly:
        changes[key] += n_curly
        return text.replace(opening, straight).replace(closing, straight)
    changes[key] += n_straight
    out = []
    for i, char in enumerate(text):
        if char == straight:
            before = text[i - 1] if i else " "
            char = opening if before.isspace() or before in "([{—–-" else closing
        out.append(char)
    return "".join(out)

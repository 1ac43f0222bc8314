"""The dictionary rules: they read every word the phrase tables (``language_checks``) did not
know, so they catch forms no list has seen.

For a word in lower case (or capitalised at a sentence's start) that is not Indonesian by
the roots and the affix rules (``lexicon``), nor a standard form of the rule data:

1. **Loanword spelling** (code ``spelling``): the rules of the Pedoman Umum Pembentukan
   Istilah applied to it ("-tion"/"-sion" → "-si", "-ty" → "-tas", "ph" → "f", "-ism" →
   "-isme", "-ization"/"-ize" → "-isasi", "th" → "t", "y" → "i", "qu" and "kw" → "ku", "c" → "k", double
   consonants single); the first result that is a KBBI root is the replacement.
2. **Foreign word** (code ``foreign``): an English word (Debian ``wamerican``) gets the
   hint to italicise it or use the Indonesian word, without a replacement.
3. **Typo** (code ``spelling``; the rules are in ``typos``): a word one edit (insert, delete,
   substitute, transpose, or the f/p, v/f, ks/x, dh/d swaps) from exactly one Indonesian word
   gets that word; a slip of the hand in a common word, at a word's edge, or in a word the
   affix rules read as Indonesian that nobody writes gets the word text writes far more often;
   a long word nobody writes two slips from exactly one common word gets it (``distant_slip``);
   a sentence's first word of eight letters nobody writes, one edit from a very common word, or
   of seven with one vowel too many in exactly one common word ("Adapaun" → "Adapun"); last, every
   word one edit away, by the kind of slip and how often text writes it (``hand_slips``: "hadri",
   "memadamkam", "semunya"; a region's name mistyped, "Purwkarta"), and a loan verb on a root in -ir
   one dictionary lists ("mengisolir" → "mengisolasi").
4. **Words glued** (code ``spelling``): a preposition or conjunction glued to a common word
   ("kepadakorban" → "kepada korban", ``compound_checks.glued_words``); two English words
   written as one ("handsanitizer", code ``foreign``), an English word no data lists under di- or
   ter- ("dipacking", code ``foreign``), and one English word in two capitals ("GroundBreaking");
   a reduplication or a compound of the data written as one word ("bersamasama", "tanggungjawabnya",
   ``joined_words``).

Capitalised words inside a sentence are names, except: a word nobody writes one slip from a
word the glossary's official names are built of ("Kabupsten", "Guburnur", ``typos.official_slip``)
or a letter short of the word such a name puts before the next capital ("Kepal Desa"); one
loanword letter off a far commoner word between words in lower case ("dengan Karnawal budaya");
and one or two English words capitalised between Indonesian words in lower case ("dan Crew
kapal", code ``foreign``). A foreign phrase of the rule data with one word misspelt or in its
Indonesian spelling ("fasion show", "dor to dor", or every word so: "leding sektor") gets its
equivalent.

A word the affix rules read as Indonesian is still asked the affix rules (``affix_rules``)
and the typo rules; a word glued to a figure ("Tahun2020") is split.

A capitalised word inside a sentence is a name and is left alone (one at a sentence's
start is read as English or not, since it may be a name too, unless it ends in -nya as a
sentence's adverb does: "Akhinya,"), as are words in names,
URLs, hashtags and mentions, and words in italics.
"""
from __future__ import annotations

import re
from functools import lru_cache

from press.errors import N_

from . import affix_rules
from .compound_checks import glued_words, words_joined
from .hand_slips import initial_slip, rare_slip, region_slip, rival_fix, short_slip, sole_slip, struck_once
from .joined_words import joined_compound, joined_reduplication, two_words, word_before_joined
from .loanword_rules import loanword_fix
from .finding import Finding, cased, finding_at
from .foreign_words import english_joined, english_prefixed, foreign_form, lower_before, sentence_start
from .lexicon import confirmed_roots, english_words, frequency, is_indonesian, name_words, office_words, official_pairs, \
    official_words, root_of
from .typos import MIN_SLIP_CAPITAL, SLIP_COMMON_CAPITAL, common_typo, edge_typo, frequent_slip, official_slip, \
    distant_slip, edit_distance, typo_fix, typo_of_a_word

MIN_TYPO = 5
COMMON = 3.0
#: The affix rules asked, in order, of a word no list knows (``affix_rules``).
AFFIX_RULES = (affix_rules.ivitas, affix_rules.nasal, affix_rules.colloquial, affix_rules.nya_after_n)
RULE_GLUED = "EYD V: kata dan angka yang mengikutinya dipisah spasi (tahun 2020)"
#: A word glued to the figure after it ("Tahun2020", "pukul10.00" is read by the time rules).
GLUED_FIGURE = re.compile(r"([A-Za-z]{4,})(\d+)$")
APOSTROPHE = re.compile(r"[a-z]['’][a-z]")
RULE_APOSTROPHE = "KBBI: kata serapan dari bahasa Arab ditulis tanpa apostrof (doa, Jumat, takziah)"
def _unknown(word: str, known) -> bool:
    return word not in known and not is_indonesian(word)


#: ``_common_noun_slip``: the standard form is written a hundred times as often (2 points), and
#: differs in one letter of the loanword shapes (v for w or f, f for p, e for i: "Karnawal",
#: "Vidio"), not in a place name's own letters ("Tambelan", "Pasbar").
NOUN_SLIP_GAP = 2.0
#: ``_official_pair_slip``: the written word has four letters or more and is rarely written (under
#: Zipf 3.5).
MIN_PAIR_WORD, PAIR_RARE = 4, 3.5
LOAN_SWAPS = frozenset({("w", "v"), ("f", "v"), ("p", "f"), ("v", "f"), ("i", "e")})
LOWER_AFTER = re.compile(r" [a-z]{3,}(?![\w-])")


def _common_noun_slip(body: str, start: int, end: int, word: str) -> str | None:
    """A capitalised word between Indonesian words in lower case, no name there ("dengan Karnawal
    budaya", "pembuatan Vidio pendek"), that is one loanword letter (``LOAN_SWAPS``) from exactly
    one Indonesian word (``typo_fix``) written far more often."""
    if not (lower_before(body, start) and LOWER_AFTER.match(body, end)):
        return None
    standard = typo_fix(word)
    if not standard or len(standard) != len(word) or frequency(standard) < frequency(word) + NOUN_SLIP_GAP:
        return None
    swapped = {(a, b) for a, b in zip(word, standard) if a != b}
    return standard if len(swapped) == 1 and swapped <= LOAN_SWAPS else None


#: A capitalised word in a place's name: after a region word ("Kecamatan Sungkai Jaya", "Desa
#: Negara Agung"), alone or after other capitalised words of the name. Only a region's own name
#: (``region_slip``, from regions.json) may replace a word there: a district's or village's name
#: is written as its people write it, however close to a common word ("Sungkai", "Sungai").
PLACE_NAME = re.compile(r"\b(?:Kecamatan|Kec\.|Desa|Kelurahan|Kel\.|Kabupaten|Kab\.|Kota|Provinsi|Distrik|Dusun|"
                        r"Kampung|Nagari|Gampong|Pekon|Negeri|Jorong)(?: [A-Z][a-z]+)* $")


CAMEL_CASE = re.compile(r"[A-Z][a-z]{2,}[A-Z][a-z]{2,}$")
NEXT_CAPITAL = re.compile(r" ([A-Z][a-z]+)(?![\w-])")


def _official_pair_slip(body: str, end: int, word: str) -> str | None:
    """A capitalised word a letter short or long of the word an official name of the glossary
    puts before the capitalised word that follows it ("Kepal Desa" → "Kepala Desa", "Ketahan
    Pangan" → "Ketahanan Pangan"), when exactly one word of those names fits."""
    following = NEXT_CAPITAL.match(body, end)
    if not following or len(word) < MIN_PAIR_WORD or word in official_words().get(word[0], ()) \
            or frequency(word) >= PAIR_RARE:
        return None  # "Pemerintahan Desa", "Dana Desa": words of official names themselves
    firsts = official_pairs().get(following.group(1).lower(), ())
    if word in firsts:
        return None
    found = [first for first in firsts if first[:2] == word[:2] and 0 < abs(len(first) - len(word)) <= 2
             and (first.startswith(word) or word.startswith(first) or edit_distance(word, first, 1) <= 1)]
    return found[0] if len(found) == 1 else None#: A token followed by a stop and a top-level domain is a site's name ("beritautama.co").
DOMAIN_AFTER = re.compile(r"\.(?:co|com|id|net|online|org|news|info|go|my|web|site)\b")


def check_words(body: str, tokens, known, covered, italic) -> list[Finding]:
    """Findings for the ``tokens`` (regex matches) no other rule covered (``covered`` spans)."""
    found = []
    taken = bytearray(len(body) + 1)
    for s, e in covered:
        taken[s:e] = b"\1" * (e - s)
    for token in tokens:
        written = token.group()
        start, end = token.span()
        if 1 in taken[start:end] or body[start - 1:start] in ("#", "@", "/", ".") or body[end:end + 1] == "@" \
                or DOMAIN_AFTER.match(body, end) \
                or body[end:end + 1] == "/" and not (written.islower() and len(written) >= MIN_TYPO and body[end + 1:end + 2].islower()) \
                or italic(body, start, end):
            continue
        capital = written[:1].isupper() and written[1:].islower()
        word = written.lower()
        initial = capital and sentence_start(body, start)
        adverb = initial and word.endswith("nya") and len(word) > 6
        if adverb:
            capital = initial = False  # "Akhinya,": a sentence's adverb, no name
        plain = word.replace("'", "").replace("’", "")
        if plain != word and APOSTROPHE.search(word) and (written.islower() or initial) and plain.isalpha() \
                and len(plain) >= 3 and plain in confirmed_roots() \
                and plain not in name_words() and not body[max(0, start - 3):start].lower().endswith("al-"):
            found.append(_spelling(body, (start, end), written, plain, RULE_APOSTROPHE))
            continue
        glued = written[-1].isdigit() and GLUED_FIGURE.match(written)
        if glued and is_indonesian(glued.group(1).lower(), strict=True) and frequency(glued.group(1).lower()) >= COMMON:
            standard = f"{glued.group(1)} {glued.group(2)}"
            found.append(finding_at(body, "spelling", (start, end), N_("Ejaan tidak baku: “%(written)s”; bentuk bakunya “%(standard)s”."),
                                    N_("Ganti dengan “%(standard)s” (%(rule)s)."), {"written": written, "standard": standard},
                                    {"standard": standard, "rule": RULE_GLUED}, standard))
            continue
        if CAMEL_CASE.match(written) and word in english_words() and not is_indonesian(word):
            found.append(finding_at(body, "foreign", (start, end), N_("Istilah asing “%(written)s” ditulis miring."),
                                    N_("Tulis miring (*%(written)s*) atau pakai padanan bahasa Indonesianya."),
                                    {"written": written}, {"written": written}))
            continue  # "GroundBreaking": an English word in two capitals ("SmartNews", a site, is no word)
        if not word.isalpha() or not word.isascii() or len(word) < 3 or not (written.islower() or capital or adverb):
            continue
        joined = words_joined(word) if capital else None
        if joined:  # "Darimana": a preposition joined, capitalised or not
            found.append(_spelling(body, (start, end), written, *joined))
            continue
        if capital and not initial:  # a name, or a slip in a headline or in a name of an event
            place = PLACE_NAME.search(body, max(0, start - 80), start)
            standard = None if word in known else \
                (None if place else common_typo(word, capitalised=True, roots_only=True)
                 or frequent_slip(word, capitalised=True)) or region_slip(word)
            if standard and _between_capitals(body, start, end):
                standard = None
            standard = standard or (None if word in known or place else official_slip(word)
                                    or _common_noun_slip(body, start, end, word)) \
                or (None if place else _official_pair_slip(body, end, word))
            joined = None if standard or word in known else word_before_joined(word)
            if joined:  # "Kependudukandan": a conjunction glued inside a name
                found.append(_spelling(body, (start, end), written, *joined))
                continue
            if standard:
                found.append(_typo(body, (start, end), written, standard))
            continue
        kind, fixed = ("unknown", None) if initial and _unknown(word, known) else \
            (None, None) if initial else _read_word(word, known)
        if kind == "fixed":
            found.append(_spelling(body, (start, end), written, *fixed))
            continue
        if kind == "typo":  # "pelatikan": read as an affixed rare root ("latik"), written by nobody
            found.append(_typo(body, (start, end), written, fixed))
        if kind != "unknown":
            continue
        finding = _word_finding(body, (start, end), written, word, initial)
        if finding:
            found.append(finding)
    return found


@lru_cache(maxsize=16384)
def _read_word(word: str, known: frozenset[str]) -> tuple[str | None, object]:
    """What the word rules make of a word in lower case inside a sentence, read once per word:
    ("fixed", (standard, rule)) by an affix rule, ("typo", standard) for a word the affix
    rules read as Indonesian but a slip all the same, ("unknown", None) for a word no list
    knows (``_word_finding`` reads it), else (None, None)."""
    fixed = affix_rules.listed_root(word) or (affix_rules.double_k(word) if len(word) > 7 else None) \
        or affix_rules.noun_kk(word) or affix_rules.pun_apart(word) or affix_rules.one_syllable(word) \
        or affix_rules.lost_r(word) or affix_rules.double_a(word) \
        or words_joined(word) or joined_compound(word) or joined_reduplication(word) or _loan_in_ir(word) \
        or two_words(word)
    if fixed:
        return "fixed", fixed
    if _unknown(word, known):
        return "unknown", None
    standard = None if word in known else typo_of_a_word(word) \
        or (frequent_slip(word) if _reading_doubtful(word) else None) or rare_slip(word) \
        or sole_slip(word, read=True)
    return ("typo", standard) if standard else (None, None)


def _loan_in_ir(word: str) -> tuple[str, str] | None:
    """A loan verb on a root in -ir one dictionary lists ("mengisolir": hunspell-id has "isolir"), whose
    KBBI form in -asi the loanword rules give ("mengisolasi")."""
    root = root_of(word)
    standard = loanword_fix(word) if root and root.endswith("ir") and root not in confirmed_roots() \
        and root[:-2] + "asi" in confirmed_roots() else None  # "taksir", "formulir": roots of both dictionaries
    return (standard, "Pedoman Umum Pembentukan Istilah: penyesuaian ejaan") if standard else None


def _reading_doubtful(word: str) -> bool:
    """Whether the affix rules read ``word`` only on a root under four letters ("akhinya": akh)
    or on a prefix and a suffix that never go together ("meningkatan": meN-...-an): then the
    frequency list may read it as a slip (``frequent_slip``). A reading on a root nobody writes
    stands ("kurasi", "menambatkan", "pengemban")."""
    return root_of(word, shortest=4) is None


def cased_here(written: str, standard: str, body: str, start: int) -> str:
    """``cased`` read in the text around the span, but a title of office keeps the writer's
    capital ("program Presiden": the holder)."""
    if standard.split(" ")[0] in office_words():
        return cased(written, standard)
    return cased(written, standard, body, start)


def _spelling(body: str, span, written: str, standard: str, rule: str) -> Finding:
    standard = cased_here(written, standard, body, span[0])
    return finding_at(body, "spelling", span, N_("Ejaan tidak baku: “%(written)s”; bentuk bakunya “%(standard)s”."),
                      N_("Ganti dengan “%(standard)s” (%(rule)s)."), {"written": written, "standard": standard},
                      {"standard": standard, "rule": rule}, standard)


def _between_capitals(body: str, start: int, end: int) -> bool:
    """Whether capitalised words stand on both sides: inside a name of three words or more
    ("Bumi Seentak Galah"), where a word one slip from another is most often the name's own."""
    before = re.search(r"([^\W\d_]+)[ ]+$", body[max(0, start - 40):start])
    after = re.match(r"[ ]+([^\W\d_]+)", body[end:end + 40])
    return bool(before and after and before.group(1)[:1].isupper() and after.group(1)[:1].isupper())


def _word_finding(body: str, span, written: str, word: str, initial: bool) -> Finding | None:
    """A capitalised word at a sentence's start may be a name: only the English list reads it."""
    for rule in () if initial else AFFIX_RULES:
        fixed = rule(word)
        if fixed:
            return _spelling(body, span, written, *fixed)
    standard = None if initial else loanword_fix(word)
    if standard:
        standard = cased_here(written, standard, body, span[0])
        return finding_at(body, "spelling", span, N_("Ejaan tidak baku: “%(written)s”; bentuk bakunya “%(standard)s”."),
                          N_("Ganti dengan “%(standard)s” (%(rule)s)."), {"written": written, "standard": standard},
                          {"standard": standard, "rule": "Pedoman Umum Pembentukan Istilah: penyesuaian ejaan"},
                          standard)
    if word in english_words():
        return finding_at(body, "foreign", span, N_("Istilah asing “%(written)s” ditulis miring."),
                          N_("Tulis miring (*%(written)s*) atau pakai padanan bahasa Indonesianya."),
                          {"written": written}, {"written": written})
    foreign = None if initial else foreign_form(word)
    if foreign:
        return finding_at(body, "foreign", span,
                          N_("“%(written)s” adalah kata asing “%(foreign)s”; padanannya “%(standard)s”."),
                          N_("Pakai padanan bahasa Indonesianya (“%(standard)s”) dengan imbuhan yang sesuai, "
                             "atau tulis miring istilah asingnya."),
                          {"written": written, "foreign": foreign[0], "standard": foreign[1]},
                          {"standard": foreign[1]})
    joined = None if initial else english_joined(word) or english_prefixed(word)
    if joined:
        return finding_at(body, "foreign", span, N_("Istilah asing “%(written)s” ditulis miring."),
                          N_("Tulis miring (*%(written)s*) atau pakai padanan bahasa Indonesianya."),
                          {"written": joined}, {"written": joined})
    glued = word_before_joined(word) or two_words(word) if initial else glued_words(word) or joined_reduplication(word) \
        or joined_compound(word) or word_before_joined(word)
    if glued:
        return _spelling(body, span, written, *glued)
    if len(word) < MIN_TYPO:
        standard = None if initial or _regional_context(body, *span) else short_slip(word)
        return _typo(body, span, written, standard, short=True) if standard else None
    standard = (common_typo(word, capitalised=True) if initial else typo_fix(word) or common_typo(word)) \
        or edge_typo(word, initial) or frequent_slip(word, capitalised=initial) \
        or (_initial_slip(word) or initial_slip(word) if initial else distant_slip(word) or sole_slip(word))
    if not standard and not initial and not _regional_context(body, *span):
        standard = short_slip(word)
        return _typo(body, span, written, standard, short=True) if standard else None
    return _typo(body, span, written, standard) if standard else None


def _regional_context(body: str, start: int, end: int) -> bool:
    """Whether a word in lower case within two words of ``body[start:end]`` is one Indonesian text
    rarely writes and no dictionary reads ("torang samua basudara", "dipun rumat", "blangkon dan
    jarik"): a regional language's sentence, where a short unknown word is no slip."""
    around = re.findall(r"[^\W\d_]+", body[max(0, start - 30):start])[-2:] + re.findall(r"[^\W\d_]+", body[end:end + 30])[:2]
    return any(w.islower() and len(w) > 2 and frequency(w) < 3.0 and not is_indonesian(w) for w in around)


def _initial_slip(word: str) -> str | None:
    """A sentence's first word nobody writes at all that one edit of any kind makes a very common
    word of ("Istialah" → "Istilah"): a name is written by someone, and the standard form must be
    as common, and the word as long (eight letters: "Salmah" is a name), as ``frequent_slip`` asks
    of a capitalised word."""
    if frequency(word):
        return None
    standard = frequent_slip(word) if len(word) >= MIN_SLIP_CAPITAL else None
    if standard and frequency(standard) >= SLIP_COMMON_CAPITAL:
        return standard
    return _one_letter_in(word)


#: ``_one_letter_in``: a sentence's first word of seven letters or more, one vowel too many in a
#: word written at least thirty times in a million words (Zipf 4.5).
MIN_LETTER_IN, LETTER_IN_COMMON = 7, 4.5


def _one_letter_in(word: str) -> str | None:
    """A sentence's first word nobody writes that one vowel too many makes of a common word
    ("Adapaun" → "Adapun", "Alahamdulillah" → "Alhamdulillah"), when only one such word is
    ("Kwandang", a place, has a consonant more than "kandang")."""
    if len(word) < MIN_LETTER_IN:
        return None
    found = {word[:i] + word[i + 1:] for i in range(1, len(word)) if word[i] in "aeiou"}
    found = {w for w in found if frequency(w) >= LETTER_IN_COMMON and w not in name_words()}
    return found.pop() if len(found) == 1 else None


def _typo(body: str, span, written: str, standard: str, short: bool = False) -> Finding:
    """A slip's finding: a fix two edits away yields to a doubled letter struck once, and a fix
    with a rival reading (``hand_slips.rival_fix``) is asked, not written."""
    if edit_distance(written.lower(), standard.lower(), 1) > 1:
        standard = struck_once(written.lower()) or standard
    rival = rival_fix(written.lower(), standard, short)
    if rival:
        return finding_at(body, "spelling", span, N_("Salah ketik: “%(written)s”; maksudnya “%(standard)s” atau “%(rival)s”?"),
                          N_("Periksa ejaannya (KBBI)."), {"written": written, "standard": cased(written, standard),
                                                           "rival": cased(written, rival)}, {})
    standard = cased(written, standard)  # the lists are in lower case: "Ferbruari" is februari, a month's name
    return finding_at(body, "spelling", span, N_("Salah ketik: “%(written)s”; maksudnya “%(standard)s”?"),
                      N_("Ganti dengan “%(standard)s” (KBBI)."), {"written": written, "standard": standard},
                      {"standard": standard}, standard)

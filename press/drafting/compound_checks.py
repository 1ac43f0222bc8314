"""Compounds and reduplications read by their shape, where no list knows the form: EYD V's rules
on words written together or apart (gabungan kata, kata depan, kata ulang).

- ``words_joined`` (one word): a preposition joined to a question word or a demonstrative
  ("darimana" → "dari mana"), "per" meaning "each" joined to a unit ("perkilogramnya" → "per
  kilogramnya"). Two common roots written as one word are left: names and KBBI's own
  compounds are written so ("Singaraja", "walidata", "campursari").
- ``check_compounds`` (the text): a reduplication of a root with its meN- form written apart
  ("surat menyurat", "menghitung hitung" → "surat-menyurat", "menghitung-hitung"), a capitalised
  reduplication apart ("Undang Undang" → "Undang-Undang"), a compound under affixes split by a
  hyphen ("ditanda-tangani" → "ditandatangani"), a compound KBBI writes as one word split by a
  space under affixes ("bersuka cita" → "bersukacita"), a root of the dictionaries split in two
  common words ("apa bila", "mata hari" → "apabila", "matahari"), a loanword reduplicated in its
  foreign spelling ("photo-photo" → "foto-foto"), and "Insya Allah" apart in any transliteration;
  a reduplication with a spaced dash after a capital or a prefixed first half apart ("Toko - toko",
  "digadang gadang"), one with a letter left out or put in in a half ("setingi-tingginya"), and
  se- apart from, with a space after its hyphen or glued without it to a capital ("se Kabupaten",
  "Se- Indonesia", "seDesa", "sekabupaten Sleman" → "se-Kabupaten"); a prefix that is no word of its
  own apart from its root ("ber potensi" → "berpotensi"; ke before a word in -an nobody writes alone,
  "ke presidenan"), and a reduplication with a space after its hyphen ("sehari- hari").
- ``glued_words`` (one word): a preposition or conjunction glued to a common word ("kepadakorban").
"""
from __future__ import annotations

import re
from functools import lru_cache

from press.errors import N_

from .finding import Finding, finding_at
from .loanword_rules import loanword_fix
from .lexicon import LOST_SOUND, common_forms, confirmed_roots, frequency, is_indonesian, name_words, root_of

RULE_PREPOSITION = "EYD V (kata depan): di, ke, dari ditulis terpisah dari kata yang mengikutinya (dari mana)"
RULE_PER = "EYD V dan KBBI: per yang berarti 'tiap' ditulis terpisah (per kilogram, per orang)"
RULE_JOINED = "EYD V (gabungan kata): gabungan kata yang dicatat serangkai di KBBI ditulis serangkai"
RULE_REDUP = "EYD V (kata ulang): bentuk ulang ditulis dengan tanda hubung (surat-menyurat, Undang-Undang)"

PREPOSITION_JOINED = re.compile(r"(dari)(mana|sini|sana|situ)")
#: Units "per" ("tiap") stands before in releases (KBBI, entry per: "per orang", "per hari").
PER_UNITS = frozenset("kilogram kg gram liter meter hektare hektar ton orang hari minggu bulan tahun jam menit "
                      "unit ekor lembar paket kepala keluarga porsi botol karung batang buah bidang".split())
NASAL_PREFIXES = ("meng", "meny", "mem", "men", "me", "ber", "ter")
AFFIXED = ("me", "ber", "ter")

#: "Insya Allah" and "Masya Allah" in any transliteration ("Insha Allah", "In Saa Allah"): KBBI
#: writes insyaallah and masyaallah, one word.
ALLAH_APART = re.compile(r"(?<![\w-])(?:([Ii])n ?[Ss](?:y|h|yh)?aa?h?|([Mm])a ?[Ss](?:y|h)aa?h?)[ '’]?[Aa]llah(?![\w-])")
PAIR = re.compile(r"(?<![\w-])([a-z]{3,}) (?=([a-z]{3,})(?![\w-]))")
CAPITAL_PAIR = re.compile(r"(?<![\w-])([A-Z][a-z]{2,}) \1(?![\w-])")
HYPHENED = re.compile(r"(?<![\w-])([a-z]{3,})-([a-z]{3,})(?![\w-])")
#: Two words apart by a space or a dash with spaces, read as a reduplication when the second is
#: the first's root, with or without -an/-nya ("Toko - toko", "Arak - Arakan", "digadang gadang").
LOOSE_PAIR = re.compile(r"(?<![\w-])([A-Za-z][a-z]{2,})(?=( [-–—] ?| ?[-–—] | )([A-Za-z][a-z]{2,})(?![\w-]))")
REDUPLICATED_PREFIXES = ("", "di", "ber", "ter")
REDUPLICATED_SUFFIXES = ("", "an", "nya")
#: se- apart from, or glued without its hyphen to, a word in capitals ("se Kabupaten", "seDesa"),
#: se- with its hyphen and a space ("Se- Indonesia"), and se- joined in lower case to a region's word
#: before a name ("sekabupaten Gunung Sari"):
#: EYD V writes se- with a hyphen before a capital (se-Kabupaten, se-Indonesia).
SE_APART = re.compile(r"(?<![\w-])(se|Se)(?:- | -? ?)(?=([A-Z][a-z]+)(?![\w-]))|(?<![\w-])(se)([A-Z][a-z]{2,})(?![\w-])"
                      r"|(?<![\w-])(se)(kabupaten|kecamatan|kota|provinsi|desa|kelurahan|kabupaten/kota)"
                      r"(?= [A-Z][a-z])")
RULE_SE = "EYD V (tanda hubung): se- dirangkai dengan tanda hubung sebelum huruf kapital (se-Kabupaten, se-Indonesia)"


@lru_cache(maxsize=8192)
def words_joined(word: str) -> tuple[str, str] | None:
    """(standard, rule) for a word (lower case) that is two words written as one, or None."""
    joined = PREPOSITION_JOINED.fullmatch(word)
    if joined:
        return f"{joined.group(1)} {joined.group(2)}", RULE_PREPOSITION
    if word.startswith("per") and not word.endswith("an"):
        unit = word[3:].removesuffix("nya")
        if unit in PER_UNITS:
            return f"per {word[3:]}", RULE_PER
    return None


#: ``glued_words``: the prepositions and conjunctions EYD V writes apart from the word after them
#: (kata depan, kata hubung); the word after has four letters or more and is written at least
#: thirty times in a million words (Zipf 4.5).
GLUED_FIRST = ("kepada", "daripada", "terhadap", "dengan", "untuk", "bagi", "oleh", "sejak", "tentang", "hingga",
               "sampai", "dalam", "antara", "tetapi", "serta", "atau", "yang", "pada", "dari")
GLUED_PART, GLUED_COMMON = 4, 4.5
#: The auxiliaries and conjunctions besides them, and a longer word after any of them (seven letters
#: or more, Zipf 3: "yangterdampak", "dapatdimanfaatkan"), where a compound or a name is rarer still.
GLUED_AUXILIARY = ("dapat", "akan", "telah", "sudah", "masih", "harus", "bisa", "belum", "sedang", "tidak", "juga",
                   "agar", "karena", "bahwa", "para")
GLUED_LONG, GLUED_LONG_COMMON = 7, 3.0
RULE_APART = "EYD V (kata depan, kata hubung): ditulis terpisah dari kata yang mengikutinya (kepada korban)"


@lru_cache(maxsize=8192)
def glued_words(word: str) -> tuple[str, str] | None:
    """(standard, rule) for a word nobody writes that is a preposition or a conjunction glued to
    a common Indonesian word ("kepadakorban" → "kepada korban", "untukwarga" → "untuk warga"), or
    None. Two content words glued are left: KBBI writes many compounds so ("walidata",
    "campursari"), and names are ("Mediasatu"). The dictionary rules ask it only of a word no list
    or affix rule reads."""
    if frequency(word) or not frequency("kabupaten"):
        return None
    for first in GLUED_FIRST:
        rest = word[len(first):]
        if word.startswith(first) and len(rest) >= GLUED_PART and frequency(rest) >= GLUED_COMMON \
                and is_indonesian(rest, strict=True):
            return f"{first} {rest}", RULE_APART
    for first in GLUED_FIRST + GLUED_AUXILIARY:
        rest = word[len(first):]
        if word.startswith(first) and len(rest) >= GLUED_LONG and frequency(rest) >= GLUED_LONG_COMMON \
                and is_indonesian(rest, strict=True):
            return f"{first} {rest}", RULE_APART
    return None


@lru_cache(maxsize=4096)
def _nasal_forms(root: str) -> frozenset[str]:
    """The root under meN-, ber- and ter- in every spelling (surat: menyurat; tolong: menolong)."""
    forms = {prefix + root for prefix in NASAL_PREFIXES}
    forms |= {prefix + root[1:] for prefix, lost in LOST_SOUND.items() if prefix.startswith("me") and root[:1] == lost}
    return frozenset(forms)


def _inside(spans, start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans if s is not None)


@lru_cache(maxsize=1)
def _nonstandard() -> frozenset[str]:
    """The spelling data's non-standard forms ("kerjasama"): never proposed."""
    from .rule_data import rule_data
    return frozenset(key.lower() for key in rule_data().spelling)


#: Copulas follow a noun phrase and are never the second half of a reciprocal reduplication
#: ("hari jadi menjadi momentum": KBBI has "menjadi-jadi", no "jadi-menjadi").
COPULAS = frozenset({"menjadi"})

def check_compounds(body: str, taken) -> list[Finding]:
    """Findings of the text rules above outside the ``taken`` spans (names, URLs, findings
    already made)."""
    nonstandard, forms = _nonstandard(), common_forms()
    found = []
    roots = confirmed_roots()
    for match in PAIR.finditer(body):
        first, second = match.group(1), match.group(2)
        span = (match.start(), match.end() + len(second))
        if min(len(first), len(second)) >= 4 and (
                second.startswith(AFFIXED) and first in roots and second in _nasal_forms(first)
                and second not in COPULAS
                or first.startswith(AFFIXED) and second in roots and first in _nasal_forms(second)):
            if not _inside(taken, *span):
                found.append(_finding(body, span, f"{first}-{second}", RULE_REDUP))
            continue
        joined = first + second
        if forms.get(joined, 0.0) < 3.0 or joined in nonstandard:
            continue
        if joined in roots and joined not in APART_TOO and not _inside(taken, *span):
            found.append(_finding(body, span, joined, RULE_JOINED))  # "apa bila", "mata hari": one root split
            continue
        root = root_of(joined, shortest=4)
        if root and root in roots and root not in first and root not in second and joined not in roots \
                and not _inside(taken, *span):
            found.append(_finding(body, span, first + second, RULE_JOINED))
    found += _capital_split(body, taken, roots) + _apart_shapes(body, taken, forms, nonstandard)
    taken = list(taken) + [f.span for f in found]
    found += _loose_reduplications(body, taken, roots) + _se_before_capital(body, taken)
    for match in ALLAH_APART.finditer(body):
        standard = "insyaallah" if match.group(1) else "masyaallah"
        if match.group().lower() != standard and not _inside(taken, *match.span()):
            found.append(_finding(body, match.span(), standard, RULE_JOINED))
    for match in CAPITAL_PAIR.finditer(body):
        word = match.group(1)
        if len(word) >= 5 and not _inside(taken, *match.span()) and word.lower() in roots \
                and word.lower() not in name_words():
            found.append(_finding(body, match.span(), f"{word}-{word}", RULE_REDUP))
    for match in HYPHENED.finditer(body):
        first, second = match.groups()
        if _inside(taken, *match.span()):
            continue
        if first == second:
            fixed = None if is_indonesian(first) else loanword_fix(first)
            if fixed:
                found.append(_finding(body, match.span(), f"{fixed}-{fixed}",
                                      "Pedoman Umum Pembentukan Istilah: penyesuaian ejaan"))
        elif _uneven_halves(first, second):
            found.append(_finding(body, match.span(), _uneven_halves(first, second), RULE_REDUP))
        elif forms.get(first + second, 0.0) >= 3.0 and is_indonesian(first + second) \
                and first + second not in nonstandard:
            found.append(_finding(body, match.span(), first + second, RULE_JOINED))
    return found


#: A prefix that is never a word of its own written apart from its root ("ber potensi"), or ke before
#: a word in -an nobody writes alone ("ke presidenan"); a hyphen with a space after it in a
#: reduplication ("sehari- hari").
PREFIX_APART = re.compile(r"(?<![\w-])(ber|ter|mem|meng|meny|peng|peny|ke) ([a-z]{3,})(?![\w-])")
HYPHEN_SPACE = re.compile(r"(?<![\w-])([a-z]{3,})- ([a-z]{3,})(?![\w-])")
RULE_PREFIX = "EYD V (imbuhan): awalan ditulis serangkai dengan kata dasarnya (berpotensi, kepresidenan)"


def _apart_shapes(body: str, taken, forms, nonstandard) -> list[Finding]:
    found = []
    for match in PREFIX_APART.finditer(body):
        prefix, word = match.groups()
        joined = prefix + word
        if prefix == "ke" and (not word.endswith("an") or frequency(word)):
            continue  # "ke pasar": the preposition
        if forms.get(joined, 0.0) >= 3.0 and is_indonesian(joined) and joined not in nonstandard \
                and not _inside(taken, *match.span()):
            found.append(_finding(body, match.span(), joined, RULE_PREFIX))
    for match in HYPHEN_SPACE.finditer(body):
        first, second = match.groups()
        if first.endswith(second) and first[:-len(second)] in ("", "se", "ber", "ter") and second in confirmed_roots() \
                and not _inside(taken, *match.span()):
            found.append(_finding(body, match.span(), f"{first}-{second}", RULE_REDUP))
    return found


#: A root split in two with a capital: the first word of a sentence ("Apa bila"), or both halves
#: ("Tri Wulan"), when no half is a word of names.
CAPITAL_SPLIT = re.compile(r"(?<![\w-])([A-Z][a-z]{2,}) ([a-z]{3,}|[A-Z][a-z]{2,})(?![\w-])")


def _capital_split(body: str, taken, roots) -> list[Finding]:
    found = []
    names = name_words()
    for match in CAPITAL_SPLIT.finditer(body):
        first, second = match.group(1).lower(), match.group(2).lower()
        joined = first + second
        if joined not in roots or joined in APART_TOO or frequency(joined) < 3.0 or first in names or second in names \
                or _inside(taken, *match.span()):
            continue
        standard = match.group(1) + second if match.group(2).islower() else joined
        found.append(_finding(body, match.span(), standard, RULE_JOINED))
    return found


#: Roots whose two halves apart are standard too, in another sense ("apa lagi": what else).
APART_TOO = frozenset({"apalagi"})
UNEVEN_PREFIXES = ("", "se", "ber", "ter", "di")
#: The half with the slip is rarely written alone (under Zipf 3, once in a million words), the
#: listed root a hundred times as often (2 points).
RARE_HALF, RARE_GAP = 3.0, 2.0
UNEVEN_SUFFIXES = ("", "nya", "an")


@lru_cache(maxsize=4096)
def _uneven_halves(first: str, second: str) -> str | None:
    """A reduplication with a slip in one half ("setingi-tingginya", "berbinang-bincang"): the
    halves' roots (past se-/ber-/ter-/di- on the first, -nya/-an on the second) a letter left out
    or put in apart (a letter changed is KBBI's reduplication with a change of sound: warna-warni),
    one of them a root both dictionaries list and the other rarely written; the reduplication
    of the listed root."""
    from .typos import edits
    roots = confirmed_roots()
    readings = [(first[len(prefix):], second[:len(second) - len(suffix)]) for prefix in UNEVEN_PREFIXES
                for suffix in UNEVEN_SUFFIXES + ("i", "kan") if first.startswith(prefix) and second.endswith(suffix)]
    readings += [(first[2:], second) for prefix in ("be", "te") if first.startswith(prefix) and second[:1] == "r"]
    if any(a == b for a, b in readings):
        return None  # "dipanas-panasi": a reduplication with its affixes; "beramai-ramai": ber- loses its r before r
    for prefix in UNEVEN_PREFIXES:
        for suffix in UNEVEN_SUFFIXES:
            if not first.startswith(prefix) or not second.endswith(suffix):
                continue
            a, b = first[len(prefix):], second[:len(second) - len(suffix)]
            if len(a) == len(b) or min(len(a), len(b)) < 4:  # a letter changed: "warna-warni", "sayur-mayur"
                continue
            for root, slip in ((a, b), (b, a)):
                if root in roots and frequency(slip) < RARE_HALF and frequency(root) >= frequency(slip) + RARE_GAP \
                        and slip in edits(root)[0] | edits(root)[1]:
                    return f"{prefix}{root}-{root}{suffix}"
    return None


def _loose_reduplications(body: str, taken, roots) -> list[Finding]:
    """A reduplication the text rules of ``language_checks`` do not read: with a dash and
    spaces after a capitalised first half ("Toko - toko", "Arak - Arakan"), or a prefixed first
    half apart from its root ("digadang gadang", "berlari lari"). The root is one both
    dictionaries list, never a region's word; a pair of capitals apart by a space alone is a name."""
    found = []
    for match in LOOSE_PAIR.finditer(body):
        first, gap, second = match.groups()
        span = (match.start(), match.end() + len(gap) + len(second))
        lower, other = first.lower(), second.lower()
        if other[:2] not in lower or gap == " " and first[:1].isupper() and second[:1].isupper() \
                or _inside(taken, *span):
            continue  # the second half opens with the root, which the first holds
        for prefix in REDUPLICATED_PREFIXES + ("be", "te"):
            root = lower[len(prefix):]
            if not lower.startswith(prefix) or len(root) < 3 or root not in roots or root in name_words() \
                    or prefix in ("be", "te") and root[:1] != "r":  # "beramai ramai": ber- loses its r before r
                continue
            suffix = other[len(root):] if other.startswith(root) else None
            if suffix not in REDUPLICATED_SUFFIXES or prefix and gap != " " or not prefix and gap == " " \
                    or prefix and not is_indonesian(lower):
                continue
            kept = second if second[:1].isupper() and first[:1].isupper() and not suffix else other
            found.append(_finding(body, span, f"{first}-{kept}", RULE_REDUP))
            break
    return found


def _se_before_capital(body: str, taken) -> list[Finding]:
    found = []
    for match in SE_APART.finditer(body):
        if match.group(1):
            span, standard = (match.start(), match.end() + len(match.group(2))), f"{match.group(1)}-{match.group(2)}"
        elif match.group(3):
            span, standard = match.span(), f"se-{match.group(4)}"
        else:
            word = match.group(6)
            span, standard = match.span(), f"se-{word[:1].upper()}{word[1:]}"
        if not _inside(taken, *span):
            found.append(_finding(body, span, standard, RULE_SE))
    return found


def _finding(body: str, span, standard: str, rule: str) -> Finding:
    written = body[span[0]:span[1]]
    return finding_at(body, "spelling", span, N_("Ejaan tidak baku: “%(written)s”; bentuk bakunya “%(standard)s”."),
                      N_("Ganti dengan “%(standard)s” (%(rule)s)."), {"written": written, "standard": standard},
                      {"standard": standard, "rule": rule}, standard)

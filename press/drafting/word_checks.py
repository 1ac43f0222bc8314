"""The dictionary rules: they read every word the phrase tables (``language_checks``) did not
know, so they catch forms no list has seen.

For a word in lower case (or capitalised at a sentence's start) that is not Indonesian by
the roots and the affix rules (``lexicon``), nor a standard form of the rule data:

1. **Loanword spelling** (code ``spelling``): the rules of the Pedoman Umum Pembentukan
   Istilah applied to it ("-tion"/"-sion" → "-si", "-ty" → "-tas", "ph" → "f", "-ism" →
   "-isme", "-ization"/"-ize" → "-isasi", "th" → "t", "y" → "i", "qu" → "ku", "c" → "k", double
   consonants single); the first result that is a KBBI root is the replacement.
2. **Foreign word** (code ``foreign``): an English word (Debian ``wamerican``) gets the
   hint to italicise it or use the Indonesian word, without a replacement.
3. **Typo** (code ``spelling``): a word one edit (insert, delete, substitute, transpose, or
   the f/p, v/f, ks/x, dh/d swaps) from exactly one Indonesian word gets that word.

A capitalised word inside a sentence is a name and is left alone (one at a sentence's
start is read as English or not, since it may be a name too), as are words in names,
URLs, hashtags and mentions, and words in italics.
"""
from __future__ import annotations

import re
from functools import lru_cache

from press.errors import N_

from . import affix_rules
from .finding import Finding, cased, finding_at
from .lexicon import FIRST_PREFIXES, LOST_SOUND, SECOND_PREFIXES, SUFFIXES, confirmed_roots, english_words, \
    frequency, is_indonesian

LETTERS = "abcdefghijklmnopqrstuvwxyz"
SWAPS = (("f", "p"), ("p", "f"), ("v", "f"), ("f", "v"), ("x", "ks"), ("ks", "x"), ("dh", "d"), ("d", "dh"))
LOANWORD_RULES = ((r"i[sz]ation$", "isasi"), (r"i[sz]e$", "isasi"), (r"tion$", "si"), (r"sion$", "si"),
                  (r"ique$", "ik"), (r"ive$", "if"), (r"kh(?=n)", "k"),
                  (r"ty$", "tas"), (r"ism$", "isme"), (r"ph", "f"), (r"th", "t"), (r"qu", "ku"), (r"y", "i"),
                  (r"c(?=[aou]|[^aeiouy]|$)", "k"), (r"([bcdfgklmnprstz])\1", r"\1"))
MIN_TYPO = 5
FREQUENCY_MARGIN, COMMON, MIN_RANKED, SEEN = 0.8, 3.0, 7, 1.0
#: The affix rules asked, in order, of a word no list knows (``affix_rules``).
AFFIX_RULES = (affix_rules.ivitas, affix_rules.nasal, affix_rules.colloquial, affix_rules.nya_after_n)
#: Prefixes an Indonesian writer puts on an English word ("terupdate", "dishare", "ngeprint").
FOREIGN_PREFIXES = ("memper", "diper", "meng", "menge", "mem", "men", "me", "di", "ter", "ber", "nge", "ke", "se")


def _edits(word: str) -> tuple[set[str], set[str]]:
    """The words one edit from ``word``, in two tiers: a letter left out, two letters
    swapped or a doubled letter (and the f/p, v/f, ks/x, dh/d swaps), the commonest slips of
    the hand; then a letter wrong or one too many."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    first = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    first |= {a + b[1:] for a, b in splits if len(b) > 1 and b[0] == b[1]}  # a key struck twice: "daata"
    first |= {a + c + b for a, b in splits for c in LETTERS}
    for old, new in SWAPS:
        start = word.find(old)
        while start >= 0:
            first.add(word[:start] + new + word[start + len(old):])
            start = word.find(old, start + 1)
    second = {a + b[1:] for a, b in splits if b} | {a + c + b[1:] for a, b in splits if b for c in LETTERS}
    return first - {word}, second - first - {word}


def _splits(word: str):
    """(head, middle, tail, lost) for each reading of ``word`` as affixes around a middle
    (the root, with the letter meN-/peN- replaced put back when ``lost``)."""
    heads = {""}
    for first in FIRST_PREFIXES:
        if word.startswith(first):
            heads.add(first)
            heads.update(first + second for second in SECOND_PREFIXES if word.startswith(second, len(first)))
    for tail in SUFFIXES:
        if not word.endswith(tail):
            continue
        for head in heads:
            middle = word[len(head):len(word) - len(tail)]
            if len(middle) >= 3:
                yield head, middle, tail, ""
                if head in LOST_SOUND and middle[:1] in "aeiou":
                    yield head, LOST_SOUND[head] + middle, tail, LOST_SOUND[head]


@lru_cache(maxsize=4096)
def typo_fix(word: str) -> str | None:
    """The one Indonesian word one edit from ``word`` (in the first tier of edits that has
    any), or None (none, or several none clearly commoner). The edit is sought in the root:
    each reading of the word as affixes around a root is edited in its root only, against the
    set of roots. A lone candidate Indonesian text never writes (``wordfreq``) does not count:
    the next tier is tried."""
    roots = confirmed_roots()
    tiers: tuple[set, set] = (set(), set())
    for head, middle, tail, lost in _splits(word):
        for tier, edited in zip(tiers, _edits(middle)):
            for root in edited & roots:
                if len(root) >= 4 and root.startswith(lost):
                    tier.add(head + root[len(lost):] + tail)
    for tier in tiers:
        found = {candidate for candidate in tier if candidate != word and is_indonesian(candidate, strict=True)}
        if len(found) > 1:
            return _commonest(word, found)
        if found and (frequency(next(iter(found))) >= SEEN or not frequency("kabupaten")):
            return found.pop()
        # else none, or one never written ("kerumruman" for "kerumuman"): try the next tier
    return None


def _commonest(word: str, candidates: set[str]) -> str | None:
    """Of several candidates, the one Indonesian text uses far more often than the others
    (``wordfreq``'s Zipf scale: common, at least 3, and 0.8 above the next, six times as
    often: "komonitas" is "komunitas", 5.05, not "komoditas", 4.23), for a word of seven
    letters or more (shorter ones are often acronyms or regional words: "setda", "torang")
    that no letter put in anywhere makes another word ("kecamata" may be "kecamatan", not
    "kacamata"); else None."""
    if len(word) < MIN_RANKED or not frequency("kabupaten"):  # without the frequency list: unresolved
        return None
    ranked = sorted(((frequency(c), c) for c in candidates), reverse=True)
    best = ranked[0][1]
    if ranked[0][0] < COMMON or ranked[0][0] - ranked[1][0] < FREQUENCY_MARGIN:
        return None
    inserted = {word[:i] + c + word[i:] for i in range(len(word) + 1) for c in LETTERS}
    if any(other != best and is_indonesian(other, strict=True) for other in inserted):
        return None
    return best


@lru_cache(maxsize=4096)
def loanword_fix(word: str) -> str | None:
    """The KBBI root the loanword rules make of ``word``, or None; an affixed loan verb in
    -ir ("mengakomodir", "dikoordinir") gets its KBBI form in -asi with the same affixes."""
    from .lexicon import indonesian_roots
    roots = indonesian_roots()
    for head, middle, tail, lost in _splits(word):
        if middle.endswith("ir") and not lost and middle[:-2] + "asi" in roots:
            root = middle[:-2] + "asi"
            if head in LOST_SOUND and root[:1] == LOST_SOUND[head]:
                root = root[1:]  # meng- + koordinasi = mengoordinasi
            return head + root + tail
    everything = word
    for pattern, standard in LOANWORD_RULES:
        single = re.sub(pattern, standard, word)
        if single != word and single in roots:
            return single
        everything = re.sub(pattern, standard, everything)
    return everything if everything != word and everything in roots else None


@lru_cache(maxsize=4096)
def foreign_form(word: str) -> tuple[str, str] | None:
    """(the foreign word, its Indonesian equivalent) when ``word`` is a foreign word of the rule
    data in disguise: with an Indonesian prefix ("terupdate"), written as one word
    ("blankspot" for "blank spot"), or one letter off ("traning", "chanel"); None otherwise."""
    from .rule_data import rule_data
    foreign = rule_data().foreign
    joined = _joined_foreign()
    for prefix in ("",) + FOREIGN_PREFIXES:
        rest = word[len(prefix):]
        if prefix and not word.startswith(prefix) or len(rest) < 4:
            continue
        for key in (rest, rest.removesuffix("kan"), rest.removesuffix("nya"), rest.removesuffix("in")):
            if prefix and key in foreign:
                return key, foreign[key]
            if key in joined:
                return joined[key], foreign[joined[key]]
    if len(word) >= 6:
        for tier in _edits(word):
            for key in sorted(tier & _single_foreign()):
                return key, foreign[key]
    return None


@lru_cache(maxsize=1)
def _joined_foreign() -> dict[str, str]:
    """The foreign phrases of several words written as one ("blankspot" → "blank spot")."""
    from .rule_data import rule_data
    return {key.replace(" ", "").replace("-", ""): key for key in rule_data().foreign if " " in key}


@lru_cache(maxsize=1)
def _single_foreign() -> frozenset[str]:
    from .rule_data import rule_data
    return frozenset(key for key in rule_data().foreign if key.isalpha() and len(key) >= 6)


def _unknown(word: str, known) -> bool:
    return word not in known and not is_indonesian(word)


def check_words(body: str, tokens, known, covered, italic) -> list[Finding]:
    """Findings for the ``tokens`` (regex matches) no other rule covered (``covered`` spans)."""
    found = []
    for token in tokens:
        written = token.group()
        start, end = token.span()
        if any(s < end and start < e for s, e in covered) or body[start - 1:start] in ("#", "@", "/", ".") \
                or body[end:end + 1] in ("@", "/") or italic(body, start, end):
            continue
        initial = written[:1].isupper() and written[1:].islower() and _sentence_start(body, start)
        if not (written.islower() or initial):
            continue
        word = written.lower()
        if not word.isalpha() or not word.isascii() or len(word) < 3:
            continue
        fixed = None if initial else affix_rules.listed_root(word) or (affix_rules.double_k(word) if len(word) > 7 else None)
        if fixed:
            found.append(_spelling(body, (start, end), written, *fixed))
            continue
        if not _unknown(word, known):
            continue
        finding = _word_finding(body, (start, end), written, word, initial)
        if finding:
            found.append(finding)
    return found


def _spelling(body: str, span, written: str, standard: str, rule: str) -> Finding:
    standard = cased(written, standard)
    return finding_at(body, "spelling", span, N_("Ejaan tidak baku: “%(written)s”; bentuk bakunya “%(standard)s”."),
                      N_("Ganti dengan “%(standard)s” (%(rule)s)."), {"written": written, "standard": standard},
                      {"standard": standard, "rule": rule}, standard)


def _sentence_start(body: str, start: int) -> bool:
    before = body[:start].rstrip(" *")
    return not before or before[-1] in ".!?\n“\""


def _word_finding(body: str, span, written: str, word: str, initial: bool) -> Finding | None:
    """A capitalised word at a sentence's start may be a name: only the English list reads it."""
    for rule in () if initial else AFFIX_RULES:
        fixed = rule(word)
        if fixed:
            return _spelling(body, span, written, *fixed)
    standard = None if initial else loanword_fix(word)
    if standard:
        standard = cased(written, standard)
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
    if initial or len(word) < MIN_TYPO:
        return None
    standard = typo_fix(word)
    if not standard:
        return None
    standard = cased(written, standard)
    return finding_at(body, "spelling", span, N_("Salah ketik: “%(written)s”; maksudnya “%(standard)s”?"),
                      N_("Ganti dengan “%(standard)s” (KBBI)."), {"written": written, "standard": standard},
                      {"standard": standard}, standard)

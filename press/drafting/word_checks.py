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
from .lexicon import FIRST_PREFIXES, LOST_SOUND, SECOND_PREFIXES, SUFFIXES, common_forms, confirmed_roots, \
    english_words, frequency, is_indonesian, kbbi_phrases, name_words, root_of

LETTERS = "abcdefghijklmnopqrstuvwxyz"
SWAPS = (("f", "p"), ("p", "f"), ("v", "f"), ("f", "v"), ("x", "ks"), ("ks", "x"), ("dh", "d"), ("d", "dh"))
LOANWORD_RULES = ((r"i[sz]ation$", "isasi"), (r"i[sz]e$", "isasi"), (r"tion$", "si"), (r"sion$", "si"),
                  (r"ique$", "ik"), (r"ive$", "if"), (r"tip$", "tif"), (r"ionil$", "ional"), (r"kh(?=n)", "k"),
                  (r"ty$", "tas"), (r"ism$", "isme"), (r"ph", "f"), (r"ch", "k"), (r"th", "t"), (r"qu", "ku"), (r"y", "i"),
                  (r"c(?=[aou]|[^aeiouy]|$)", "k"), (r"([bcdfgklmnprstz])\1", r"\1"))
MIN_TYPO = 5
#: A typo of a common word (``common_typo``): the standard form at one edit is written at least
#: once in a million words (Zipf 3), 2 points (a hundred times) above the form written, and 1
#: point above any other candidate; a capitalised word (a sentence's first, a headline's, or
#: one inside a sentence, which may be a name) needs seven letters and a form never written.
TYPO_COMMON, TYPO_GAP, TYPO_CLEAR, MIN_COMMON_TYPO, MIN_CAPITALISED = 3.0, 2.0, 1.0, 6, 7
OBVIOUS, FAR_COMMONER, RARE, ABOVE_ROOT, EDGE_COMMON, LAST_KEY_COMMON = 4.0, 3.0, 3.5, 1.5, 5.0, 6.5
VOWELS = "aeiou"
COMMON_INDONESIAN = 5.0
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
    -ir ("mengakomodir", "dikoordinir") gets its KBBI form in -asi with the same affixes, one in
    -isir on an Indonesian root ("meminimalisir") the root with meN-...-kan ("meminimalkan")."""
    from .lexicon import indonesian_roots
    roots = indonesian_roots()
    for head, middle, tail, lost in _splits(word):
        if middle.endswith("isir") and not lost and head in ("me", "di") and tail in ("", "nya") \
                and middle[:-4] in roots:
            return head + middle[:-4] + "kan" + tail  # "meminimalisir": minimal + meN-...-kan
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


#: The common nouns of government names ("Pemerintah Kabupaten Subang"): a name keeps its own
#: spelling of its other words, never of these, so a slip in them is read inside a name too.
GOVERNMENT_WORDS = frozenset("kabupaten kecamatan kelurahan provinsi pemerintah kementerian sekretariat".split())
RULE_GLUED = "EYD V: kata dan angka yang mengikutinya dipisah spasi (tahun 2020)"
#: A word glued to the figure after it ("Tahun2020", "pukul10.00" is read by the time rules).
GLUED_FIGURE = re.compile(r"([A-Za-z]{4,})(\d+)$")
APOSTROPHE = re.compile(r"[a-z]['’][a-z]")
RULE_APOSTROPHE = "KBBI: kata serapan dari bahasa Arab ditulis tanpa apostrof (doa, Jumat, takziah)"
KEYBOARD = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
NEIGHBOURS = {c: {row[j] for row in KEYBOARD[max(0, r - 1):r + 2] for j in range(max(0, i - 1), i + 2) if j < len(row)} - {c}
              for r, keys in enumerate(KEYBOARD) for i, c in enumerate(keys)}


def _slips(word: str, capitalised: bool) -> set[str]:
    """What ``word`` was meant to be, by the slips of the hand: two letters swapped, a letter
    left out, a consonant struck again two letters on ("Ferbruari"), and (in a word not
    capitalised) a letter struck twice or a key's neighbour struck instead of it or beside it.
    The first letter is never read as a slip, nor a last letter put in or left out: there a
    slip is rarer than another word ("dorang", "kenduri"); nor, in a capitalised word, a
    doubled letter, which names keep ("Ariffin")."""
    out = {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(1, len(word) - 1)}
    out |= {word[:i] + c + word[i:] for i in range(1, len(word)) for c in LETTERS}
    for i in range(1, len(word) - 1):
        again = word[i] not in VOWELS and word[i] in word[max(0, i - 2):i] + word[i + 1:i + 3]
        if not capitalised and (again or NEIGHBOURS[word[i]] & {word[i - 1], word[i + 1]}) \
                or capitalised and again and word[i] not in (word[i - 1], word[i + 1]):
            out.add(word[:i] + word[i + 1:])
        if not capitalised:
            out |= {word[:i] + c + word[i + 1:] for c in NEIGHBOURS[word[i]]}
    return out - {word}


@lru_cache(maxsize=4096)
def common_typo(word: str, capitalised: bool = False, roots_only: bool = False) -> str | None:
    """The common standard form a slip of the hand (``_slips``) makes of ``word`` (lower case),
    when Indonesian text writes it far more often than ``word`` ("seprti" → "seperti",
    "Ferbruari" → "Februari"), or None. A word the dictionary reads as Indonesian and text
    writes, a region's name and, when capitalised, any word text writes are never read so;
    ``roots_only`` (a capitalised word inside a sentence, most often a name): the standard
    form must be a root both dictionaries list ("Prokamasi" → "Proklamasi", not "Tumbuan" →
    "Tumbuhan")."""
    forms = common_forms()
    seen = forms.get(word, 0.0)
    if not forms or len(word) < (MIN_CAPITALISED if capitalised else MIN_COMMON_TYPO) or not word.isascii() \
            or word in name_words() or seen and (capitalised or is_indonesian(word)):
        return None
    floor = max(TYPO_COMMON, seen + TYPO_GAP)
    roots = confirmed_roots()
    ranked = sorted(((forms[c], c) for c in _slips(word, capitalised) if forms.get(c, 0.0) >= floor
                     and (c in roots if roots_only else is_indonesian(c))), reverse=True)
    if not ranked or len(ranked) > 1 and ranked[0][0] - ranked[1][0] < TYPO_CLEAR:
        return None
    return ranked[0][1]


def _unknown(word: str, known) -> bool:
    return word not in known and not is_indonesian(word)


def english_runs(body: str, tokens, italic) -> tuple[list[Finding], list]:
    """Foreign phrases no list has: two or more English words in a row, apart by one space, in
    lower case (the first capitalised at a sentence's start), not all of them Indonesian too
    ("stand by", "top up", "control room"): one finding for the run, a hint to italicise it or
    use the Indonesian term, and the tokens left for the word rules. A word Indonesian text
    writes very often is not a run's first or last ("motor trail agar", "paling urgent")."""
    english = english_words()
    found, rest, run = [], [], []

    def close():
        while run and _common_indonesian(run[-1].group()):
            rest.append(run.pop())
        while run and _common_indonesian(run[0].group()):
            rest.append(run.pop(0))
        if len(run) >= 2 and not all(is_indonesian(t.group().lower()) for t in run) \
                and not italic(body, run[0].start(), run[-1].end()) \
                and body[run[0].start():run[-1].end()].lower() not in kbbi_phrases():
            span = (run[0].start(), run[-1].end())
            written = body[span[0]:span[1]]
            found.append(finding_at(body, "foreign", span, N_("Istilah asing “%(written)s” ditulis miring."),
                                    N_("Tulis miring (*%(written)s*) atau pakai padanan bahasa Indonesianya."),
                                    {"written": written}, {"written": written}))
        else:
            rest.extend(run)
        run.clear()

    for token in tokens:
        written = token.group()
        english_word = written.lower() in english and written.isalpha() and (
            written.islower() or not run and written[1:].islower() and _sentence_start(body, token.start()))
        if not english_word:
            if run:
                close()
            rest.append(token)
            continue
        if run and body[run[-1].end():token.start()] != " ":
            close()
        run.append(token)
    if run:
        close()
    return found, sorted(rest, key=lambda t: t.start())


def _common_indonesian(written: str) -> bool:
    return frequency(written.lower()) >= COMMON_INDONESIAN and is_indonesian(written.lower())


def check_words(body: str, tokens, known, covered, italic) -> list[Finding]:
    """Findings for the ``tokens`` (regex matches) no other rule covered (``covered`` spans)."""
    found = []
    taken = bytearray(len(body) + 1)
    for s, e in covered:
        taken[s:e] = b"\1" * (e - s)
    for token in tokens:
        written = token.group()
        start, end = token.span()
        if 1 in taken[start:end] or body[start - 1:start] in ("#", "@", "/", ".") \
                or body[end:end + 1] in ("@", "/") or italic(body, start, end):
            continue
        capital = written[:1].isupper() and written[1:].islower()
        initial = capital and _sentence_start(body, start)
        word = written.lower()
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
        if not word.isalpha() or not word.isascii() or len(word) < 3 or not (written.islower() or capital):
            continue
        if capital and not initial:  # a name, or a slip in a headline or in a name of an event
            standard = None if word in known else common_typo(word, capitalised=True, roots_only=True)
            if standard and (standard in GOVERNMENT_WORDS or not _between_capitals(body, start, end)):
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
        or affix_rules.noun_kk(word) or affix_rules.pun_apart(word) or affix_rules.one_syllable(word)
    if fixed:
        return "fixed", fixed
    if _unknown(word, known):
        return "unknown", None
    standard = None if word in known else _typo_of_a_word(word)
    return ("typo", standard) if standard else (None, None)


@lru_cache(maxsize=16384)
def _typo_of_a_word(word: str) -> str | None:
    """A word the affix rules read as Indonesian that is a slip all the same: nobody writes it
    and its root is rare ("pelatikan": latik), or a slip makes of it a word Indonesian text
    writes very often (``OBVIOUS``, Zipf 4), far more often than the root the affix rules read
    in it (``ABOVE_ROOT``: "tehadap" → "terhadap", not "menyalami" → "mengalami") and, when it is
    written at all (rarely: under ``RARE``), a thousand times as often (``FAR_COMMONER``: "seperi"
    → "seperti"). A root of the dictionaries, or an affixed root Indonesian text never writes
    ("kurasi", "menambatkan"), is left: wordfreq does not know every word."""
    seen, root = frequency(word), root_of(word, shortest=4)
    if not seen and not frequency(root or "") and common_typo(word, capitalised=True):
        return common_typo(word, capitalised=True)
    if seen >= RARE or len(word) < MIN_COMMON_TYPO or root and not frequency(root) or word in confirmed_roots():
        return None
    forms, roots = common_forms(), confirmed_roots()
    floor = max(OBVIOUS, seen + FAR_COMMONER, frequency(root or "") + ABOVE_ROOT)
    ranked = sorted(((forms[c], c) for c in _slips(word, False)
                     if forms.get(c, 0.0) >= floor and is_indonesian(c, strict=True)
                     and root_of(c, roots, shortest=4)), reverse=True)
    if not ranked or len(ranked) > 1 and ranked[0][0] - ranked[1][0] < TYPO_CLEAR:
        return None
    return ranked[0][1]


def edge_typo(word: str, initial: bool = False) -> str | None:
    """A slip at a word's edge, which ``_slips`` does not read (there it is most often another
    word), in a word written by nobody: the first vowel struck twice ("aacara") when the rest
    is a common word (Zipf 5), or, in a word not capitalised, the last key wrong ("untum") when
    the result is one of the commonest words (Zipf 6.5: untuk, dengan, tidak; not "rumat", Javanese, → rumah)."""
    if frequency(word) or len(word) < 4:
        return None
    if word[0] == word[1] and word[0] in VOWELS and frequency(word[1:]) >= EDGE_COMMON:
        return word[1:]
    if initial or len(word) < 5:
        return None
    ranked = sorted((frequency(word[:-1] + c), word[:-1] + c) for c in NEIGHBOURS.get(word[-1], ()) | set(VOWELS))
    if ranked[-1][0] >= LAST_KEY_COMMON and ranked[-1][0] - ranked[-2][0] >= TYPO_GAP:
        return ranked[-1][1]
    return None


def _spelling(body: str, span, written: str, standard: str, rule: str) -> Finding:
    standard = cased(written, standard)
    return finding_at(body, "spelling", span, N_("Ejaan tidak baku: “%(written)s”; bentuk bakunya “%(standard)s”."),
                      N_("Ganti dengan “%(standard)s” (%(rule)s)."), {"written": written, "standard": standard},
                      {"standard": standard, "rule": rule}, standard)


def _between_capitals(body: str, start: int, end: int) -> bool:
    """Whether capitalised words stand on both sides: inside a name of three words or more
    ("Bumi Seentak Galah"), where a word one slip from another is most often the name's own."""
    before = re.search(r"([^\W\d_]+)[ ]+$", body[max(0, start - 40):start])
    after = re.match(r"[ ]+([^\W\d_]+)", body[end:end + 40])
    return bool(before and after and before.group(1)[:1].isupper() and after.group(1)[:1].isupper())


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
    if len(word) < MIN_TYPO:
        return None
    standard = (common_typo(word, capitalised=True) if initial else typo_fix(word) or common_typo(word)) \
        or edge_typo(word, initial)
    return _typo(body, span, written, standard) if standard else None


def _typo(body: str, span, written: str, standard: str) -> Finding:
    standard = cased(written, standard)
    return finding_at(body, "spelling", span, N_("Salah ketik: “%(written)s”; maksudnya “%(standard)s”?"),
                      N_("Ganti dengan “%(standard)s” (KBBI)."), {"written": written, "standard": standard},
                      {"standard": standard}, standard)

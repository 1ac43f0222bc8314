"""Slips of the hand, read against the dictionaries and against how often Indonesian text
writes a word (``wordfreq``): what ``word_checks`` asks of a word that no list knows, or that
the affix rules read as Indonesian but nobody writes.

- ``typo_fix``: the one Indonesian word one edit from the word, edited in its root.
- ``common_typo``: the common form a slip of the hand (``_slips``) makes of the word, when
  text writes it far more often.
- ``typo_of_a_word``: a word the affix rules read as Indonesian that is a slip all the same.
- ``edge_typo``: a slip at a word's edge (the first vowel struck twice, the last key wrong).
- ``frequent_slip``: any one edit of a word nobody writes that gives a common word.
- ``official_slip``: a capitalised word nobody writes one slip from a word official names are
  built of (the glossary's titles, units, venues: "Kabupsten", "Guburnur").
- ``distant_slip``: a long word nobody writes two slips from exactly one common word, or from
  one far commoner than the others ("merupatan"); a word of six to eight letters only from a very
  common word it is with letters left out ("masyarat", "kegian").

A root of both dictionaries is never read as a slip of a commoner word ("tengara", KBBI: landmark,
is no "tenggara"), save KBBI's loan shape with the pepet put in ("trompet" → "terompet").
"""
from __future__ import annotations

from functools import lru_cache

from .lexicon import FIRST_PREFIXES, LOST_SOUND, SECOND_PREFIXES, SUFFIXES, common_forms, confirmed_roots, \
    frequency, is_indonesian, known_forms, name_words, official_words, root_of

LETTERS = "abcdefghijklmnopqrstuvwxyz"
SWAPS = (("f", "p"), ("p", "f"), ("v", "f"), ("f", "v"), ("x", "ks"), ("ks", "x"), ("dh", "d"), ("d", "dh"))
FREQUENCY_MARGIN, COMMON, MIN_RANKED, SEEN = 0.8, 3.0, 7, 1.0
#: ``typo_fix``: a word written ten times as often as its fix (a point of Zipf) is no slip of it.
TEN_TIMES = 1.0
#: A typo of a common word (``common_typo``): the standard form at one edit is written at least
#: once in a million words (Zipf 3), 2 points (a hundred times) above the form written, and 1
#: point above any other candidate; a capitalised word (a sentence's first, a headline's, or
#: one inside a sentence, which may be a name) needs seven letters and a form never written.
TYPO_COMMON, TYPO_GAP, TYPO_CLEAR, MIN_COMMON_TYPO, MIN_CAPITALISED = 3.0, 2.0, 1.0, 6, 7
OBVIOUS, FAR_COMMONER, RARE, ABOVE_ROOT, EDGE_COMMON, LAST_KEY_COMMON = 4.0, 3.0, 3.5, 1.5, 5.0, 6.5
VOWELS = "aeiou"
#: ``frequent_slip``: the standard form is written at least ten times in a million words (Zipf 4;
#: 4.7 for a capitalised word, which is most often a name: "Kwandang" is no "kandang", 4.6), the
#: word itself has six letters or more (eight when capitalised: "Sampali" is no "sampai").
SLIP_COMMON, SLIP_COMMON_CAPITAL, MIN_SLIP, MIN_SLIP_CAPITAL = 4.0, 4.7, 6, 8


def edits(word: str) -> tuple[set[str], set[str]]:
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


def affix_splits(word: str):
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
    """``_root_edit``'s word, unless text writes ``word`` itself far more often (``TEN_TIMES``): an
    acronym such as "polres" (police precinct, Zipf 4.5) is no slip of "poles" (3.0), while a common
    non-standard spelling ("maghrib", "audiens") still gets its KBBI form."""
    fix = _root_edit(word)
    return fix if not fix or frequency(word) < frequency(fix) + TEN_TIMES else None


def _root_edit(word: str) -> str | None:
    """The one Indonesian word one edit from ``word`` (in the first tier of edits that has
    any), or None (none, or several none clearly commoner). The edit is sought in the root:
    each reading of the word as affixes around a root is edited in its root only, against the
    set of roots. A lone candidate Indonesian text never writes (``wordfreq``) does not count:
    the next tier is tried."""
    roots = confirmed_roots()
    tiers: tuple[set, set] = (set(), set())
    for head, middle, tail, lost in affix_splits(word):
        for tier, edited in zip(tiers, edits(middle)):
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


KEYBOARD = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
NEIGHBOURS = {c: {row[j] for row in KEYBOARD[max(0, r - 1):r + 2] for j in range(max(0, i - 1), i + 2) if j < len(row)} - {c}
              for r, keys in enumerate(KEYBOARD) for i, c in enumerate(keys)}


def _slips(word: str, capitalised: bool) -> set[str]:
    """What ``word`` was meant to be, by the slips of the hand: two letters swapped, a letter
    left out, a consonant struck again up to three letters before its place ("Ferbruari",
    "Gurbernur"), and (in a word not
    capitalised) a letter struck twice or a key's neighbour struck instead of it or beside it.
    The first letter is never read as a slip, nor a last letter put in or left out: there a
    slip is rarer than another word ("dorang", "kenduri"); nor, in a capitalised word, a
    doubled letter, which names keep ("Ariffin")."""
    out = {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(1, len(word) - 1)}
    out |= {word[:i] + c + word[i:] for i in range(1, len(word)) for c in LETTERS}
    for i in range(1, len(word) - 1):
        again = word[i] not in VOWELS and word[i] in word[max(0, i - 2):i] + word[i + 1:i + 4]
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


@lru_cache(maxsize=16384)
def typo_of_a_word(word: str) -> str | None:
    """A word the affix rules read as Indonesian that is a slip all the same: nobody writes it
    and its root is rare ("pelatikan": latik), or a slip makes of it a word Indonesian text
    writes very often (``OBVIOUS``, Zipf 4), far more often than the root the affix rules read
    in it (``ABOVE_ROOT``: "tehadap" → "terhadap", not "menyalami" → "mengalami") and, when it is
    written at all (rarely: under ``RARE``), a thousand times as often (``FAR_COMMONER``: "seperi"
    → "seperti"). A root of the dictionaries, or an affixed root Indonesian text never writes
    ("kurasi", "menambatkan"), is left: wordfreq does not know every word."""
    if word in confirmed_roots():  # a root of both dictionaries is a word, however rare ("tengara": landmark),
        fix = None if frequency(word) else common_typo(word, capitalised=True)  # save the KBBI loan shape with
        return fix if fix == word[:1] + "e" + word[1:] else None  # the pepet put in ("trompet" → "terompet")
    seen, root = frequency(word), root_of(word, shortest=4)
    if not seen and root in confirmed_roots() and _stem_written(word):
        return None  # "diidamkan": KBBI's idam, whose "idamkan" text writes, under di-
    if not seen and not frequency(root or ""):
        return common_typo(word, capitalised=True) or _consonant_in(word)
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


def _stem_written(word: str) -> bool:
    """Whether the word less a first prefix is a form Indonesian text writes (Zipf 3 or more)."""
    return any(word.startswith(prefix) and frequency(word[len(prefix):]) >= COMMON
               for prefix in ("di", "ter", "ber", "ke", "se"))


#: ``_consonant_in``: the word without the consonant is written at least a hundred times in a million
#: words (Zipf 5). ``edge_typo``: the first vowel wrong, only in a word of six letters or more of one
#: written three hundred times (Zipf 5.5; "torang samua" is Manado Malay for "kita semua").
CONSONANT_IN_COMMON, FIRST_VOWEL_COMMON, MIN_FIRST_VOWEL = 5.0, 5.5, 6


def _consonant_in(word: str) -> str | None:
    """A word nobody writes, read on a root nobody writes, with one consonant too many (not a
    letter struck twice) in a very common word: "sebangai" (bangai) → "sebagai". A well-known root
    with its affixes ("menambatkan", "tambatan") is left: no slip of a commoner word one edit away."""
    found = {word[:i] + word[i + 1:] for i in range(1, len(word) - 1)
             if word[i] not in VOWELS and word[i] not in (word[i - 1], word[i + 1])}
    found = {w for w in found if frequency(w) >= CONSONANT_IN_COMMON and is_indonesian(w, strict=True)}
    return found.pop() if len(found) == 1 else None


def edge_typo(word: str, initial: bool = False) -> str | None:
    """A slip at a word's edge, which ``_slips`` does not read (there it is most often another
    word), in a word written by nobody: the first vowel struck twice ("aacara") when the rest
    is a common word (Zipf 5), or, in a word not capitalised, the last key wrong ("untum") when
    the result is one of the commonest words (Zipf 6.5: untuk, dengan, tidak; not "rumat", Javanese, → rumah),
    a vowel struck after one of those words ("yanga"), or the first vowel wrong in a very common word
    (``FIRST_VOWEL_COMMON``: "malalui")."""
    if frequency(word) or len(word) < 4:
        return None
    if word[0] == word[1] and word[0] in VOWELS and frequency(word[1:]) >= EDGE_COMMON:
        return word[1:]
    if initial:
        return None
    if word[-1] in VOWELS and frequency(word[:-1]) >= LAST_KEY_COMMON:
        return word[:-1]  # "yanga": a vowel struck after one of the commonest words
    vowel = next((i for i, c in enumerate(word) if c in VOWELS), 0)
    firsts = {word[:vowel] + c + word[vowel + 1:] for c in VOWELS} - {word}
    firsts = {w for w in firsts if frequency(w) >= FIRST_VOWEL_COMMON}
    if len(firsts) == 1 and len(word) >= MIN_FIRST_VOWEL:
        return firsts.pop()  # "malalui": the first vowel wrong in a very common word
    if len(word) < 5:
        return None
    ranked = sorted((frequency(word[:-1] + c), word[:-1] + c) for c in NEIGHBOURS.get(word[-1], ()) | set(VOWELS))
    if ranked[-1][0] >= LAST_KEY_COMMON and ranked[-1][0] - ranked[-2][0] >= TYPO_GAP:
        return ranked[-1][1]
    return None


def one_edit(word: str) -> set[str]:
    """The strings one edit from ``word`` past its first letter (a slip there is rarer than a
    regional word: "torang", "wonten"): a letter left out or put in, two letters swapped, a
    letter struck for its neighbour on the keyboard, a vowel written for another past the first
    syllable ("otomotis"; in the first, a regional form is likelier: "torang", "kalurahan")."""
    splits = [(word[:i], word[i:]) for i in range(1, len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b} | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b for a, b in splits for c in LETTERS} | {a + c + b[1:] for a, b in splits if b for c in NEIGHBOURS[b[0]]}
    first_vowel = next((i for i, c in enumerate(word) if c in VOWELS), len(word))
    out |= {a + c + b[1:] for a, b in splits if len(a) > first_vowel and b[:1] in VOWELS for c in VOWELS}
    return out - {word}


@lru_cache(maxsize=16384)
def frequent_slip(word: str, capitalised: bool = False) -> str | None:
    """The common word one edit of any kind makes of a word Indonesian text (almost) never
    writes: the frequency list alone decides, where the slips of the hand (``_slips``) and the
    roots (``typo_fix``) found nothing ("sepert" → "seperti", "kursin" → "kursi", "besama" →
    "bersama", "meningkatan" → "meningkatkan"). The word is written by nobody or rarely (under
    ``RARE``), the standard form is common (``SLIP_COMMON``), a hundred times as often as the word,
    and a point above any other candidate. Never a root of both dictionaries ("segara"), a word of
    a region's name, nor a capitalised word (most often a name) that text writes at all; in a
    capitalised word only the slips of the hand (``_slips``) are read, and the standard form must
    be commoner (``SLIP_COMMON_CAPITAL``)."""
    seen = frequency(word)
    if len(word) < (MIN_SLIP_CAPITAL if capitalised else MIN_SLIP) or seen >= RARE or capitalised and seen \
            or not word.isascii() or word in name_words() or word in confirmed_roots():
        return None
    forms = common_forms()
    floor = max(SLIP_COMMON_CAPITAL if capitalised else SLIP_COMMON, seen + TYPO_GAP)
    candidates = _slips(word, False) if capitalised else one_edit(word)
    ranked = sorted(((forms[c], c) for c in candidates if forms.get(c, 0.0) >= floor
                     and is_indonesian(c, strict=True)), reverse=True)
    if not ranked or len(ranked) > 1 and ranked[0][0] - ranked[1][0] < TYPO_CLEAR:
        return None
    first_vowel = next((i for i, c in enumerate(word) if c in VOWELS), 0)
    rivals = {word[:first_vowel] + c + word[first_vowel + 1:] for c in VOWELS} - {word}
    if any(forms.get(rival, 0.0) >= SEEN and is_indonesian(rival, strict=True) for rival in rivals):
        return None  # "kecamata": "kecamatan", or "kacamata" with the first vowel changed
    return ranked[0][1]


#: ``official_slip``: both words have six letters or more, the standard form is common (Zipf 4.4);
#: nine letters or more allow a letter moved (two edits, the same letters: "Kemederkaan").
MIN_OFFICIAL, MIN_SUBSTITUTED, OFFICIAL_COMMON, TWO_SLIPS = 6, 7, 4.4, 9


def edit_distance(a: str, b: str, limit: int) -> int:
    """The edits (a letter left out, put in or wrong, two neighbours swapped) from ``a`` to
    ``b``, or ``limit`` + 1 once it is past ``limit``."""
    previous2, previous = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] != b[j - 1]))
            if previous2 and i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], previous2[j - 2] + 1)
        if min(row) > limit:
            return limit + 1
        previous2, previous = previous, row
    return previous[-1]


def _likely_substitution(word: str, other: str) -> bool:
    """For words as long that differ in one letter: whether that letter is a slip rather than
    a name's or a region's own form ("Galungan", "Kalurahan"): a word of seven letters or more,
    a vowel for a vowel past the first syllable ("Guburnur") or a key's neighbour ("Kabupsten").
    True for words that differ otherwise (a letter left out, put in, two swapped)."""
    differ = [i for i, (a, b) in enumerate(zip(word, other)) if a != b]
    if len(word) != len(other) or len(differ) != 1:
        return True
    at = differ[0]
    first_vowel = next((i for i, c in enumerate(word) if c in VOWELS), len(word))
    vowels = word[at] in VOWELS and other[at] in VOWELS and at > first_vowel + 1
    return len(word) >= MIN_SUBSTITUTED and (vowels or other[at] in NEIGHBOURS.get(word[at], ()))


@lru_cache(maxsize=8192)
def official_slip(word: str) -> str | None:
    """The word of an official name (``official_words``: "kabupaten", "gubernur", "perangkat")
    a capitalised word nobody writes is one slip from ("Kabupsten", "Guburnur", "Perengkat"), or
    a letter moved from in a long word ("Kemederkaan"), when exactly one is. A capital inside a
    sentence is most often a name, but a name is written by someone: a word text never writes,
    of no region's name, one slip from a common Indonesian word official names are built of, is
    that word mistyped, even between other capitals ("Pemerintah Kabupsten Subang"). Never the
    first letter, the last, a letter for another unless ``_likely_substitution``, or a word with "eu"
    (Acehnese: "Geulanggang"); the words are Indonesian, not acronyms ("Setdakab")."""
    if len(word) < MIN_OFFICIAL or not word.isascii() or word in name_words() or frequency(word) or "eu" in word \
            or word in official_words().get(word[0], ()):
        return None
    found = []
    for other in official_words().get(word[0], ()):
        if len(other) < MIN_OFFICIAL or abs(len(other) - len(word)) > 1 or other[-1] != word[-1]:
            continue
        limit = 2 if len(word) >= TWO_SLIPS and sorted(other) == sorted(word) else 1
        if edit_distance(word, other, limit) <= limit and _likely_substitution(word, other) \
                and frequency(other) >= OFFICIAL_COMMON and is_indonesian(other, strict=True):
            found.append(other)
    return found[0] if len(found) == 1 else None


#: ``distant_slip``: a word of nine letters or more, two edits from exactly one word Indonesian
#: text writes at least three times in a million words (Zipf 3.5), or from one written a hundred
#: times in a million (Zipf 5) and ten times as often as any other such word; a word of six to
#: eight letters only from such a very common one that has its letters in order with one or two
#: more ("kegian" → "kegiatan", "masyarat" → "masyarakat").
MIN_DISTANT, DISTANT_COMMON, MIN_SHORT_DISTANT, SHORT_DISTANT_COMMON = 9, 3.5, 6, 5.0


@lru_cache(maxsize=1)
def _common_by_start() -> dict[str, tuple[str, ...]]:
    """The common Indonesian words (``DISTANT_COMMON``) of four letters or more by their first
    two letters."""
    index: dict[str, list[str]] = {}
    for word, zipf in common_forms().items():
        if zipf >= DISTANT_COMMON and len(word) >= MIN_SHORT_DISTANT - 2:
            index.setdefault(word[:2], []).append(word)
    return {start: tuple(words) for start, words in index.items()}


@lru_cache(maxsize=4096)
def distant_slip(word: str) -> str | None:
    """The one common word two slips from a long word nobody writes, no dictionary knows and no
    one-edit rule read ("mengantipasi" → "mengantisipasi", "memimalkan" → "meminimalkan",
    "insfratruktur" → "infrastruktur"), its first two letters and its last two kept ("internsip" is
    no "intensif"); None when none or several are."""
    if len(word) < MIN_SHORT_DISTANT or frequency(word) or not word.isascii() or word in name_words() \
            or any(word.endswith(suffix) and word[:-len(suffix)] in known_forms() for suffix in SUFFIXES[1:]):
        return None  # "balitanya": a word of the rule data (balita) with a suffix
    found = [other for other in _common_by_start().get(word[:2], ())
             if other[-2:] == word[-2:] and abs(len(other) - len(word)) <= 2 and edit_distance(word, other, 2) <= 2 and is_indonesian(other, strict=True)]
    if len(found) == 1 and len(word) >= MIN_DISTANT:
        return found[0]
    if len(word) < MIN_DISTANT:  # a short word only with letters left out ("basudara", "sauyai": regional words)
        found = [other for other in found if len(other) > len(word) and _left_out(word, other)]
    ranked = sorted(((frequency(other), other) for other in found), reverse=True)
    if ranked and ranked[0][0] >= SHORT_DISTANT_COMMON and (len(ranked) == 1 or ranked[0][0] - ranked[1][0] >= TYPO_CLEAR):
        return ranked[0][1]
    return None



def _left_out(word: str, other: str) -> bool:
    """Whether ``word`` is ``other`` with letters left out (its letters in the same order)."""
    letters = iter(other)
    return all(letter in letters for letter in word)

"""Slips of the hand read against every word one edit away, ranked by the kind of slip first and
by how often Indonesian text writes the word second (``wordfreq``): what ``word_checks`` asks of
a word in lower case inside a sentence when the narrower rules of ``typos`` found nothing.

The narrower rules leave out the slips where a regional word or a name is likelier on its own
(the first syllable's vowel, the last letter, a letter for one not beside it on the keyboard).
Here every edit past the first letter counts, but the word must be one Indonesian text never
writes, and the common word must stand alone among the words at one edit:

1. a letter left out or two letters swapped ("hadri" → "hadir", "kebisaan" → "kebiasaan"), the
   commonest slips, are tried first; only when none gives a common word,
2. a letter wrong or one too many ("malaksanakan" → "melaksanakan", "rakyar" → "rakyat").

In each tier the common word (``SOLE_COMMON``, Zipf 3.5) must be far commoner than any other
there (``SOLE_CLEAR``: thirty times, 1.5 points: "jikwa" may be jika or jiwa, "handak" hendak or
handuk, so neither is read). ``rare_slip`` reads a word text writes rarely ("semunya", Zipf 3.1)
that one edit makes one of the commonest words of ("semuanya", 5.6), three hundred times as often.
Words of regions' names, of the rule data's official names, roots of both dictionaries and words
under five letters are never read so.
"""
from __future__ import annotations

from functools import lru_cache

from .lexicon import LOST_SOUND, common_forms, confirmed_roots, english_words, frequency, is_indonesian, known_forms, name_words
from .typos import NEIGHBOURS, SEEN, VOWELS, edits

LETTERS = "abcdefghijklmnopqrstuvwxyz"
CLITICS = ("nya", "lah", "pun", "kah")
#: ``sole_slip``: five letters or more; the common word at Zipf 3.5 and 1.5 above any other of its tier.
MIN_SOLE, SOLE_COMMON, SOLE_CLEAR, MIN_SECOND_TIER = 5, 3.5, 1.5, 6
#: ``rare_slip``: six letters or more, written under Zipf 3.3; the common word at Zipf 5, 2.5 above
#: the word and 1.5 above any other word one edit away.
MIN_RARE, RARE_SEEN, RARE_COMMON, RARE_GAP = 6, 3.3, 5.0, 2.5


def slip_tiers(word: str) -> tuple[set[str], set[str]]:
    """The words one edit from ``word`` past its first letter: (a letter left out, two letters
    swapped), then, in a word of six letters or more, a letter wrong for a key beside it
    ("memadamkam", "rakyar"; a vowel for another is ``typos.one_edit``'s, and here most often a
    regional word's own: "nagori", Simalungun, is no "nagari"), or a letter too many that is struck twice or
    beside a neighbour's key ("kanduang", Minangkabau, has no slip of "kandang" in it)."""
    splits = [(word[:i], word[i:]) for i in range(1, len(word) + 1)]
    first = {a + c + b for a, b in splits for c in LETTERS} | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    second = set()
    if len(word) >= MIN_SECOND_TIER:
        for a, b in splits[:-1]:
            second |= {a + c + b[1:] for c in NEIGHBOURS.get(b[0], ())}
            if b[0] == a[-1] or b[0] in NEIGHBOURS.get(a[-1], ()) or b[1:2] and b[0] in NEIGHBOURS.get(b[1], ()):
                second.add(a + b[1:])
    return first - {word}, second - first - {word}


def _candidates(words: set[str], floor: float) -> list[tuple[float, str]]:
    forms = common_forms()
    return sorted(((forms[c], c) for c in words if forms.get(c, 0.0) >= floor and is_indonesian(c, strict=True)),
                  reverse=True)


def _guarded(word: str) -> bool:
    return not word.isascii() or not word.isalpha() or word in name_words() or word in confirmed_roots() \
        or word in known_forms()


#: ``initial_slip``: a sentence's first word (which may be a name) of six letters or more, the common
#: word written a hundred times in a million words (Zipf 5).
MIN_INITIAL, INITIAL_COMMON = 6, 5.0


def initial_slip(word: str) -> str | None:
    """``sole_slip`` of a sentence's first word ("Sekita" → "Sekitar", "Hijiriah" → "Hijriah"): a
    name stands there too, so the word must be longer and the common word commoner."""
    standard = sole_slip(word) if len(word) >= MIN_INITIAL else None
    return standard if standard and frequency(standard) >= INITIAL_COMMON else None


#: ``region_slip``: the region's word has seven letters or more.
MIN_REGION = 7


@lru_cache(maxsize=1)
def _region_words() -> frozenset[str]:
    """The words (lower case) of the glossary's province, regency and city names, of seven letters or more."""
    from press.notes.glossary import load_glossary
    return frozenset(w.lower() for name in load_glossary().region_names for w in name.split()
                     if len(w) >= MIN_REGION and w.isalpha())


@lru_cache(maxsize=8192)
def region_slip(word: str) -> str | None:
    """The one region's name a capitalised word nobody writes is a letter short of, or two letters
    swapped in ("Purwkarta" → "Purwakarta", "Bayuwangi" → "Banyuwangi"): a place is written by
    someone, so a name never written one slip from a regency's is that regency mistyped."""
    if len(word) < MIN_REGION - 1 or frequency(word) or _guarded(word):
        return None
    found = {c for c in slip_tiers(word)[0] & _region_words() if not c.startswith(word)}
    return found.pop() if len(found) == 1 else None  # a letter more at the end is a name's own: "Balanga", "Lamanda"


@lru_cache(maxsize=8192)
def sole_slip(word: str, read: bool = False) -> str | None:
    """The one common word a slip of the hand makes of ``word`` (lower case), which Indonesian
    text never writes; None when none, or several of a tier, are near as common. ``read``: the
    affix rules read the word as Indonesian (on a root of the dictionaries), so only the first
    tier counts, a letter left out or two swapped ("kebisaan", "tercitanya"): a letter for
    another there most often makes another real word ("menyalami", "menambatkan")."""
    if len(word) < MIN_SOLE or frequency(word) or _guarded(word) or word in english_words() or "dh" in word \
            or any(word.endswith(clitic) and word[:-len(clitic)] in confirmed_roots() for clitic in CLITICS):
        return None  # "serine" is English, "mudha" Javanese; "hikmatnya" a root of both dictionaries with -nya
    if read and any(word.startswith(nasal) and is_indonesian(lost + word[len(nasal):], strict=True)
                    for nasal, lost in LOST_SOUND.items()):
        return None  # meN-/peN- melting a root's first sound is a derivation: "pemanen" (panen), no "permanen"
    if _first_vowel_rival(word):
        return None  # "kecamata": "kecamatan", or "kacamata" with the first vowel changed
    for tier in slip_tiers(word)[:1 if read else 2]:
        if read:  # nor a last letter left out: "berpuas" (diri) is no "berpuasa", "pengemban" no "pengembang"
            tier = {c for c in tier if c[:len(word)] != word}
        ranked = _candidates(tier, SOLE_COMMON)
        if ranked:  # any other word of the tier near as common, however rare, leaves the slip unread
            best = ranked[0][1]  # save the same word with a suffix ("hadri": hadir, hadiri)
            rivals = [c for _zipf, c in _candidates(tier, ranked[0][0] - SOLE_CLEAR) if c == best or not c.startswith(best)]
            return best if len(rivals) == 1 and not _first_vowel_changed(word, best) else None
    return None


def _first_vowel_rival(word: str) -> bool:
    """Whether a word Indonesian text writes is ``word`` with its first vowel changed, which leaves
    the slip in doubt (as ``typos.frequent_slip`` reads it)."""
    at = next((i for i, c in enumerate(word) if c in VOWELS), 0)
    return any(frequency(word[:at] + c + word[at + 1:]) >= SEEN and is_indonesian(word[:at] + c + word[at + 1:], strict=True)
               for c in VOWELS if c != word[at:at + 1])


def _first_vowel_changed(word: str, other: str) -> bool:
    """Whether ``other`` is ``word`` with the vowel of its first syllable changed, where a regional
    form is likelier than a slip ("torang", Manado Malay, is no "terang"; "nagori", "kalurahan")."""
    at = next((i for i, c in enumerate(word) if c in VOWELS), len(word))
    return len(word) == len(other) and at < len(word) and word[at] != other[at]


@lru_cache(maxsize=8192)
def rare_slip(word: str) -> str | None:
    """The very common word one edit makes of a word text writes rarely ("semunya" → "semuanya"),
    when no other word at one edit is near as common."""
    seen = frequency(word)
    if len(word) < MIN_RARE or not seen or seen >= RARE_SEEN or _guarded(word):
        return None
    first, second = slip_tiers(word)  # a vowel of the first syllable changed is a regional word text
    ranked = [(zipf, c) for zipf, c in _candidates(first | second, seen)  # writes: "torang", "nagori", "bagini"
              if not _first_vowel_changed(word, c)]
    if not ranked or ranked[0][0] < max(RARE_COMMON, seen + RARE_GAP):
        return None
    if len(ranked) > 1 and ranked[0][0] - ranked[1][0] < SOLE_CLEAR:
        return None
    return ranked[0][1]


#: ``short_slip``: a word of four to eight letters nobody writes; the common word at Zipf 4.8 and
#: 1.5 above any other word one edit away (round 17).
SHORT_MIN, SHORT_MAX, SHORT_COMMON, SHORT_CLEAR = 4, 8, 4.8, 1.5


@lru_cache(maxsize=16384)
def short_slip(word: str) -> str | None:
    """A short word in lower case that no list and no text writes ("suaah", "jugak", "yanh",
    "darii", "kecamata", "paniti"), one edit of any kind from one of the commonest words and from no
    other word nearly as common: the slips of the hand the five-letter guards of ``typos`` leave.
    A word a dictionary reads, a region's name and an English word are never read so."""
    if not SHORT_MIN <= len(word) <= SHORT_MAX or frequency(word) or word in name_words() \
            or word in english_words() or is_indonesian(word) or word in known_forms():
        return None
    splits = [(word[:i], word[i:]) for i in range(1, len(word) + 1)]
    near = {a + b[1:] for a, b in splits if b} | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1} \
        | {a + c + b for a, b in splits for c in LETTERS} \
        | {a + c + b[1:] for a, b in splits if b for c in NEIGHBOURS[b[0]] if c not in VOWELS or b[0] not in VOWELS} \
        | {a + c + b[1:] for a, b in splits if len(b) > 1 and b[0] in VOWELS and len(word) >= 6 for c in VOWELS}
    ranked = sorted(((frequency(w), w) for w in near - {word} if len(w) >= 3), reverse=True)
    if not ranked or ranked[0][0] < SHORT_COMMON or len(ranked) > 1 and ranked[0][0] - ranked[1][0] < SHORT_CLEAR:
        return None
    return ranked[0][1]



#: ``rival_fix``: a rival at one edit is written at least ten times in a million words (Zipf 4) and
#: at least as often as the fix; one a writer makes by a commoner slip (a letter left out or struck
#: twice), at least three times in a million (Zipf 3.5).
RIVAL_COMMON, RIVAL_EARLIER = 4.0, 3.5


def struck_once(word: str) -> str | None:
    """The Indonesian word a doubled letter struck once makes ("memassifkan" → memasifkan)."""
    once = sorted({word[:i] + word[i + 1:] for i in range(1, len(word)) if word[i] == word[i - 1]})
    return next((w for w in once if is_indonesian(w, strict=True)), None)


def rival_fix(word: str, standard: str, short: bool = False) -> str | None:
    """Another reading of a slip the fix does not rule out, with the same first letter: a word at
    one edit, of the fix's kind of slip or a commoner kind, written at least as often as the fix
    ("suaah": sudah before susah; "pelaksanaa": pelaksanaan beside pelaksana). The finding then
    names no replacement: "Terapkan semua" would write a word the writer may not have meant. A fix of
    ``short_slip`` (``short``) has a rival in any word a letter left out makes, first letter or not
    ("antau": atau, or pantau with its first letter lost)."""
    standard = standard.lower()
    first, second = edits(word)
    floor = max(RIVAL_COMMON, frequency(standard))
    if standard in first:
        rivals = [w for w in first if w != standard and w[0] == word[0] and frequency(w) >= floor]
    else:
        rivals = [w for w in second if w != standard and w[0] == word[0] and w[-1] == word[-1]
                  and frequency(w) >= floor]
        rivals += [w for w in first if w[0] == word[0] and frequency(w) >= max(RIVAL_EARLIER, frequency(standard))
                   and is_indonesian(w)]
    if short:
        rivals += [w for w in first if w != standard and frequency(w) >= RIVAL_EARLIER and is_indonesian(w)]
    return max(rivals, key=frequency) if rivals else None


#: ``stray_letter``: the word the letter and the next word make is written at Zipf 3 or more.
STRAY_COMMON = 3.0


def stray_letter(letter: str, word: str) -> str | None:
    """A letter in lower case standing alone before a word nobody writes, which joined to it make a
    common word ("d ituntut" → "dituntut"): the space typed one letter early. The letter is never a word
    to keep, nor the rest one to correct on its own ("ituntut" → "tuntut" struck the letter out)."""
    if len(letter) != 1 or not letter.islower() or not word.isalpha() or not word.islower():
        return None
    joined = letter + word
    if is_indonesian(word) and frequency(word) >= STRAY_COMMON or frequency(joined) < STRAY_COMMON \
            or not is_indonesian(joined):
        return None
    return joined

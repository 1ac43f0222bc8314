"""The prefix di-/ke- against the prepositions di and ke (EYD V, kata depan): the preposition
written together ("dirumah", "kedepan", "dimusim"), read with the curated nouns of place,
position and time after it, or a common noun no list holds that takes no di- and that nobody
writes joined ("dimasyarakat"), a root with -an, which di- never takes alone ("dikandungan"), a
number word ("didua"), a reduplicated place ("ditempat-tempat"); the prefix written apart ("di kelola", "di adakan", a verb
capitalised "di Bersihkan", -kan with one k "di tunjukan", a root after "siap" "di kritik"), read with
Sastrawi's roots, the roots hunspell-id lets take di- alone and the affix rules; and ke- apart
from a number word it makes an ordinal of ("yang ke tujuh", or capitalised: "ke Dua", or "Ke" opening a
sentence: "Ke sembilan bus"); a passive apart on a misspelt verb one edit from a common passive ("di
bukak"), or on -kan with one k when the -kkan passive is common ("di masukan"). A noun with -nya that
nobody writes joined to di- is the preposition's ("di usahanya"), as are the nouns of land and stage of
the rule data ("di tanah air", "di tahap"); a verb of the data with -nya after a separate "di" is the
passive apart ("di gelarnya"). The preposition joined to a phrase, a noun of place and a common word
("Disisilain" → "Di sisi lain"), or to the noun of "dari X ke X" ("dari tahun ketahun"). Since round
12: di/ke joined to a name ("diWay Kanan"), ke joined to a common root nobody writes so ("kepihak"),
"ke" + a number word before a verb ("korban ke lima dirujuk"), and the bare root of a passive that
needs -kan ("di lanjut" → "dilanjutkan").
``language_checks`` asks ``di_ke_at`` of every word that starts with di or ke.
"""
from __future__ import annotations

import re

from press.errors import N_

from .finding import finding_at
from .lexicon import frequency, is_indonesian, name_words, passive_roots, root_of
from .rule_data import RuleData
from .typos import one_edit

AUXILIARY = frozenset("yang akan telah sudah sedang dapat bisa harus perlu untuk belum tidak pun agar supaya segera "
                      "mesti wajib sempat baru masih turut ikut kembali langsung siap layak patut pantas boleh "
                      "enggan".split())
SUFFIXES = ("kannya", "kan", "nya", "i")


def next_word(body: str, tokens, i: int):
    """The token after token ``i`` when one space separates them, else None."""
    if i + 1 < len(tokens) and body[tokens[i].end():tokens[i + 1].start()] == " ":
        return tokens[i + 1]
    return None


# -- di-/ke- ------------------------------------------------------------------------------

def _place(word: str, nouns) -> bool:
    """Whether ``word`` is a noun of ``nouns``, with -nya, or reduplicated ("tempat-tempat",
    "kiri-kanannya": its first half)."""
    word = word.lower().split("-")[0] if word.count("-") == 1 else word.lower()
    return word in nouns or (word.endswith("nya") and word[:-3] in nouns)


def _passive_stem(word: str, roots, shortest: int = 3) -> bool:
    """Whether ``word`` is a root with a verb's suffix (rasakan, tandai, perbincangkan); of a
    word the root dictionary lists itself ("adakan"), only -kan on a root counts."""
    listed = word in roots
    for base in (word[3:] if word.startswith("per") else None, word):
        if not base:
            continue
        for suffix in ("kan",) if listed else SUFFIXES:
            if base.endswith(suffix) and base[:-len(suffix)] in roots and len(base) - len(suffix) >= shortest:
                return True
    return False


def di_ke_at(body: str, tokens, i: int, data: RuleData, found: list) -> int:
    token = tokens[i]
    word = token.group()
    lower = word.lower()
    # The preposition written together: "dirumah", "kedepan", "diantaranya".
    for prefix, nouns in (("di", data.place_nouns), ("ke", data.ke_nouns)):
        rest = word[2:]
        if (lower.startswith(prefix) and len(rest) >= 3 and rest[:1].islower() and lower not in data.di_ke_words
                and _place(rest, nouns)):
            standard = f"{word[:2]} {rest}"
            found.append(_joined_preposition(body, token, standard))
            return 1
    phrase = _preposition_phrase(body, tokens, i, data)
    if phrase:
        standard = word[:2] + " " + phrase
        found.append(_joined_preposition(body, token, standard))
        return 1
    rest = lower[2:]
    if lower.startswith(("di", "ke")) and word.islower() and lower not in data.di_ke_words \
            and (lower.startswith("di") and rest in NUMBER_WORDS or _noun_after_di(rest, data)
                 and (lower.startswith("di") or not frequency(lower) and not rest.endswith("an"))) \
            or lower[:2] in ("di", "ke") and word[:2].islower() and word[2:3].isupper() and word[3:].islower() \
            and len(word) >= 5:  # "diWay Kanan", "keJakarta": the preposition joined to a name
        standard = f"{word[:2]} {word[2:]}"
        found.append(_joined_preposition(body, token, standard))
        return 1
    if lower == "ke" and i + 1 < len(tokens):
        return _ordinal_apart(body, tokens, i, found)
    # The prefix written apart: "di kelola", "di laksanakan".
    if lower != "di" or i + 1 >= len(tokens):
        return 0
    following = tokens[i + 1]
    gap = body[token.end():following.start()]
    verb = following.group()
    after = tokens[i + 2].group() if i + 2 < len(tokens) else ""
    if verb.istitle() and (verb.lower() in passive_roots() or _passive_stem(verb.lower(), data.roots, shortest=4)) \
            and verb.lower() not in name_words() and after.islower():
        verb = verb.lower()  # "di Pimpin oleh", "di Bersihkan": a verb capitalised, not a place's name (one stands before a capital)
    if gap not in (" ", "  ") or not verb.islower() or _place(verb, data.place_nouns) or verb in data.di_ke_words:
        return 0
    before = tokens[i - 1].group().lower() if i else ""
    after = after.lower()
    if f"{verb} {after}" in data.noun_compounds:
        return 0  # "di telepon genggam": the preposition before a compound noun
    if verb.endswith("nya") and not verb.endswith("kannya") and frequency("kabupaten") and not frequency("di" + verb) \
            and frequency(verb) and verb[:-3] not in data.verb_roots and verb[:-3] not in passive_roots():
        return 0  # "di usahanya": a noun with -nya after the preposition; nobody writes it joined to di-
    if frequency("kabupaten") and not frequency(verb) and _near_place(verb, data.place_nouns):
        return 0  # "di markan": a word nobody writes, as near a noun of place (markas) as any verb
    per_verb = _per_verb(verb)
    if per_verb:
        verb = per_verb
    root_verb = per_verb or verb in data.roots and (before in AUXILIARY or after == "oleh") or verb in passive_roots() \
        or verb in data.verb_roots
    affixed_verb = any(verb.endswith(s) and len(verb) - len(s) >= 5 and root_of(verb[:-len(s)], shortest=4)
                       for s in ("kan", "i")) \
        or verb.endswith("kan") and len(verb) >= 8 and frequency(verb[:-3]) >= COMMON_PASSIVE \
        and verb[:-3] not in name_words()  # "di setujui", "di berdayakan", "di rincikan" (rinci: no root listed)
    single_k = verb.endswith("kan") and verb[-4:-3] != "k" and (verb[:-2] in passive_roots()  # "di tunjukan"
                                                                 or frequency(f"di{verb[:-3]}kkan") >= COMMON_PASSIVE)
    misspelt = None if root_verb or affixed_verb or single_k else _misspelt_passive(verb)
    suffixed = None if root_verb or affixed_verb or single_k or misspelt else _suffixed_passive(verb)
    if not (root_verb or affixed_verb or single_k or misspelt or suffixed or _passive_stem(verb, data.roots)):
        return 0
    standard = word + (verb[:-2] + "kan" if single_k else misspelt or suffixed or verb)
    found.append(finding_at(
        body, "di_prefix", (token.start(), following.end()),
        N_("Awalan “di-” ditulis serangkai dengan kata kerjanya: “%(standard)s”."),
        N_("Ganti dengan “%(standard)s” (EYD V: awalan di- ditulis serangkai)."),
        {"standard": standard}, {"standard": standard}, standard))
    return 2


def _per_verb(verb: str) -> str | None:
    """A verb on per- after "di" written apart ("di perkuat", "di peruntukan"): the form text writes
    joined to di- (diperkuat; -kan after a root in k doubled, diperuntukkan). A noun of place on
    per-...-an ("di perbatasan", "di perumahan") is the preposition's, and is left."""
    if not verb.startswith("per") or len(verb) < 6 or verb.endswith("an") and not verb.endswith("kan"):
        return None
    forms = ["di" + verb] + ([f"di{verb[:-3]}kkan"] if verb.endswith("kan") and verb[-4] != "k" else [])
    found = [form for form in forms if frequency(form) >= PER_COMMON]
    return found[-1][2:] if found else None


#: ``_per_verb``: the joined form is written at least three times in a million words (Zipf 3.5).
PER_COMMON = 3.5


#: ``_preposition_phrase``: the word after the noun of place is written at least a hundred times in a
#: million words (Zipf 5: "lain", "kanan") and has four letters or more ("disekolahkan" is no "di sekolah
#: kan"), the whole is written by nobody.
PHRASE_COMMON, MIN_PHRASE_WORD = 5.0, 4


def _joined_preposition(body: str, token, standard: str):
    """The finding of the preposition di/ke written together with the word after it."""
    return finding_at(
        body, "di_prefix", token.span(),
        N_("Kata depan “%(prefix)s” ditulis terpisah dari kata yang mengikutinya: “%(standard)s”."),
        N_("Ganti dengan “%(standard)s” (EYD V: kata depan di dan ke ditulis terpisah)."),
        {"prefix": token.group()[:2].lower(), "standard": standard}, {"standard": standard}, standard)


def _preposition_phrase(body: str, tokens, i: int, data: RuleData) -> str | None:
    """What follows di/ke in a word that is the preposition joined to a phrase: a noun of place
    and a common word ("Disisilain" → "sisi lain"), or the noun of "dari X ke X" ("dari tahun
    ketahun" → "tahun"); else None."""
    word = tokens[i].group()
    lower, rest = word.lower(), word[2:]
    if not rest[:1].islower() or lower[:2] not in ("di", "ke") or lower in data.di_ke_words:
        return None
    before = [t.group().lower() for t in tokens[max(0, i - 2):i]]
    if len(before) == 2 and before[0] == "dari" and before[1] == rest and lower.startswith("ke"):
        return rest  # "dari tahun ketahun", "dari waktu kewaktu"
    if frequency(lower) or not frequency("kabupaten"):
        return None
    nouns = data.place_nouns if lower.startswith("di") else data.ke_nouns
    for cut in range(3, len(rest) - MIN_PHRASE_WORD + 1):
        place, after = rest[:cut], rest[cut:]
        if place in nouns and frequency(after) >= PHRASE_COMMON and is_indonesian(after, strict=True):
            return f"{place} {after}"
    return None


#: A passive Indonesian text writes at least ten times in a million words (Zipf 4: "dimasukkan",
#: "dibuka"): the one a misspelt verb after a separate "di" stands for ("di masukan", "di bukak").
COMMON_PASSIVE = 4.0


def _near_place(word: str, place_nouns) -> bool:
    """Whether one letter past the first struck for another makes ``word`` a noun of place: "di markan"
    may be "di markas", the preposition, as well as a passive ("di dasari", a noun with -i, is not read so)."""
    near = {word[:i] + c + word[i + 1:] for i in range(1, len(word)) for c in ALPHABET}
    return not near.isdisjoint(place_nouns)


def _misspelt_passive(verb: str) -> str | None:
    """The verb of a passive written apart and misspelt ("di bukak" → "buka"): a word nobody
    writes, of four letters or more and no word of names, one edit (``typos.one_edit``) from
    exactly one verb whose passive is common."""
    if len(verb) < 4 or frequency(verb) or verb in name_words() or not frequency("kabupaten"):
        return None
    found = {c for c in one_edit(verb) if frequency("di" + c) >= COMMON_PASSIVE}
    return found.pop() if len(found) == 1 else None


ALPHABET = "abcdefghijklmnopqrstuvwxyz"
#: ``_suffixed_passive``: the passive with -kan is written ten times as often (a point of Zipf) as the
#: bare one joined to di-.
SUFFIX_MARGIN = 1.0


def _suffixed_passive(verb: str) -> str | None:
    """The verb with -kan of a passive written apart on its bare root ("di lanjut" → "lanjutkan"),
    when Indonesian text writes that passive often (``COMMON_PASSIVE``) and far more often than the
    bare root joined to di-, which it writes too, as a slip ("dilanjut"; nobody writes "dimain": "di
    main hall" is the preposition). A noun of place is left before this is asked."""
    if not frequency("kabupaten") or verb.endswith(("kan", "i", "nya")):
        return None
    suffixed, bare = frequency(f"di{verb}kan"), frequency(f"di{verb}")
    return f"{verb}kan" if bare and suffixed >= COMMON_PASSIVE and suffixed >= bare + SUFFIX_MARGIN else None


#: ``_noun_after_di``: the word after the preposition has six letters or more, is written at
#: least thirty times in a million words (Zipf 4.5) and is no loan noun in -si, which Indonesian
#: makes a verb with di- ("dirotasi", "disubsidi"); joined to di- it is written by nobody.
NOUN_COMMON, MIN_NOUN = 4.5, 5
#: A noun in -an after di- joined ("dikandungan"): seven letters or more, written at least ten
#: times in a million words (Zipf 4).
AN_NOUN_COMMON, MIN_AN_NOUN = 4.0, 7


def _noun_after_di(rest: str, data: RuleData) -> bool:
    """Whether di + ``rest`` (or ke + ``rest``) is the preposition joined to a word no list of places
    holds ("dimasyarakat", "disembarang", "didinas", "kepihak"): ``rest`` is a common root both
    dictionaries list that takes no di- as a verb (hunspell-id's flags, the curated verb roots), and
    Indonesian text never writes it joined to di- (nor to ke-), where the prefix joined to a verb is
    written ("dibangun")."""
    from .lexicon import confirmed_roots
    if len(rest) >= MIN_AN_NOUN and rest.endswith("an") and not rest.endswith("kan") and rest[:-2] in confirmed_roots() \
            and rest not in name_words() and frequency("di" + rest) == 0 and frequency(rest) >= AN_NOUN_COMMON:
        return True  # "dikandungan": di- takes -kan or -i, never -an alone; a root with -an is a noun
    return len(rest) >= MIN_NOUN and not rest.endswith("si") and rest in confirmed_roots() and rest not in passive_roots() \
        and rest not in data.verb_roots and rest not in name_words() and frequency("di" + rest) == 0 \
        and frequency("ke" + rest) == 0 and frequency(rest) >= NOUN_COMMON and frequency("kabupaten") > 0


#: Number words ke- makes an ordinal of ("ketujuh"), and what stands around an ordinal: a word
#: before it ("yang ke tujuh", "hari ke dua") or after it ("ke tujuh sejak", "ke tiga kalinya");
#: elsewhere "ke dua desa" is the preposition before a number.
NUMBER_WORDS = frozenset("dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas seratus seribu".split())
BEFORE_ORDINAL = frozenset("yang hari tahun tahap periode angkatan gelombang babak putaran juara peringkat urutan "
                           "edisi sesi kali pekan minggu bulan abad generasi".split())
AFTER_ORDINAL = frozenset("sejak kalinya dari pada di dalam ini itu yang dan atau untuk bagi dengan selama setelah "
                          "sebelum tingkat".split())


def _verb_after(word: str) -> bool:
    """"korban ke lima dirujuk": a verb with di-/ter-/meN- after the number word makes it an ordinal (a
    count stands before a noun: "ke lima desa"); the verb is no root of the dictionaries."""
    from .lexicon import confirmed_roots
    return word.islower() and word.startswith(("di", "ter", "me")) and word not in confirmed_roots() \
        and root_of(word, shortest=4) is not None


SENTENCE_START = re.compile(r"(?:^|[.!?][\"”’]?\s+|\n)$")


def _ordinal_apart(body: str, tokens, i: int, found: list) -> int:
    """"yang ke tujuh": ke- before a number word is the ordinal's prefix (EYD V: ketujuh)."""
    following = next_word(body, tokens, i)
    if following is None or following.group().lower() not in NUMBER_WORDS:
        return 0
    capital = tokens[i].group() == "ke" and following.group().istitle() \
        or tokens[i].group() == "Ke" and SENTENCE_START.search(body, 0, tokens[i].start()) is not None
    # "ke Dua": no place is named so; "Ke sembilan bus": a sentence opens with the ordinal, not "to nine"
    before = tokens[i - 1].group().lower() if i and body[tokens[i - 1].end():tokens[i].start()] == " " else ""
    after = body[following.end():following.end() + 12]
    word_after = re.match(r" (\w+)", after)
    if not capital and before not in BEFORE_ORDINAL and not (re.match(r"\s*(?:[,.;:)\n]|$)", after)
                                             or word_after and word_after.group(1).lower() in AFTER_ORDINAL
                                             or word_after and _verb_after(word_after.group(1))):
        return 0
    standard = tokens[i].group() + following.group().lower()
    found.append(finding_at(
        body, "di_prefix", (tokens[i].start(), following.end()),
        N_("Awalan “ke-” pada bilangan tingkat ditulis serangkai: “%(standard)s”."),
        N_("Ganti dengan “%(standard)s” (EYD V: ke- pembentuk bilangan tingkat ditulis serangkai)."),
        {"standard": standard}, {"standard": standard}, standard))
    return 2

"""The affix rules of Indonesian applied to a slip: what the standard form of a word is when
its affixes, not its root, are written wrongly. Each function takes a word in lower case and
returns ``(standard, rule)`` or None; ``word_checks`` asks them for the words no list knows,
except ``listed_root`` and ``double_k``, which read every word, since the dictionaries list
some non-standard roots ("resiko") and the affix rules alone accept "menunjukan" (meN- +
tunjuk + -an) as a word.

- ``listed_root``: a non-standard root of the spelling data inside affixes ("ijinnya",
  "dipraktekkan", "resikonya", "menelpon" → "izinnya", "dipraktikkan", "risikonya", "menelepon").
- ``nasal``: meN-/peN-/ber- in the form the root's first sound does not take ("memjabat",
  "mejadi", "beperan" → "menjabat", "menjadi", "berperan"), the sounds k, p, t, s melted
  before a vowel ("mengkirim" → "mengirim"), not before a cluster ("memproduksi").
- ``colloquial``: the spoken nasal prefix for meN- ("ngurus", "nyapu", "ngecek" → "mengurus",
  "menyapu", "mengecek") and the spoken -in for -kan ("dimasukin" → "dimasukkan").
- ``double_k``: -kan after a root ending in k written with one k ("menunjukan", "dimasukan"
  → "menunjukkan", "dimasukkan").
- ``noun_kk``: a noun of peN-/ke-...-an on a root ending in k written with kk ("pengecekkan",
  "kenaikkan" → "pengecekan", "kenaikan").
- ``pun_apart``: the particle pun joined to a word that is no conjunction ("sedikitpun" →
  "sedikit pun").
- ``nya_after_n``: -nya after a final n written with one n ("tujuanya" → "tujuannya").
- ``ivitas``: "-ifitas" for the loan suffix "-ivitas" ("konektifitas" → "konektivitas").
- ``one_syllable``: meN-/peN- before a root of one syllable written without its e ("mensahkan",
  "membom", "pencatan" → "mengesahkan", "mengebom", "pengecatan").
"""
from __future__ import annotations

from functools import lru_cache

from .lexicon import confirmed_roots, flagged_roots, frequency, is_indonesian, kan_roots, root_of

RULE_NASAL = "KBBI: bentuk awalan meN-, peN-, ber- mengikuti bunyi awal kata dasarnya (menjabat, menjadi, berperan)"
RULE_R = "KBBI: ber-, ter-, dan per- kehilangan r di depan kata dasar berawal r (terealisasi, beragam, perajin)"
RULE_DOUBLE_A = "KBBI: kata dasar berakhiran a dengan akhiran -an ditulis aa (kebanggaan, perusahaan, keamanan)"
RULE_COLLOQUIAL = "KBBI: awalan lisan nge-/ng-/ny- dan akhiran lisan -in ditulis meN- dan -kan dalam ragam resmi (mengurus, dimasukkan)"
RULE_DOUBLE_K = "KBBI: kata dasar berakhiran k dengan akhiran -kan ditulis kk (menunjukkan, dimasukkan)"
RULE_NOUN_K = "KBBI: kata benda peN-...-an dan ke-...-an dari kata dasar berakhiran k ditulis dengan satu k (pengecekan, kenaikan)"
RULE_PUN = "EYD V (partikel pun): pun ditulis terpisah, kecuali pada kata penghubung (meskipun, walaupun, adapun …)"
RULE_NYA = "EYD V: -nya pada kata berakhiran n tetap memakai n kata itu (tujuannya, lainnya)"
RULE_ONE_SYLLABLE = "KBBI: meN- dan peN- pada kata dasar bersuku satu menjadi menge- dan penge- (mengesahkan, mengebom)"
RULE_IVITAS = "Pedoman Umum Pembentukan Istilah: -ivity diserap -ivitas (efektivitas, konektivitas)"

SUFFIXES = ("kannya", "annya", "inya", "kan", "nya", "an", "i", "")
PARTICLES = ("nya", "lah", "pun", "")
NASAL_HEADS = {"me": "me", "mem": "me", "men": "me", "meng": "me", "meny": "me",
               "pe": "pe", "pem": "pe", "pen": "pe", "peng": "pe", "peny": "pe"}
VERB_HEADS = ("memper", "diper", "meng", "meny", "mem", "men", "me", "di", "ter")
VOWELS = "aeiou"
LOST = {"mem": "p", "men": "t", "meng": "k", "meny": "s", "pem": "p", "pen": "t", "peng": "k", "peny": "s"}
COMMON, MARGIN = 3.0, 0.5
#: The spelling data's rules about a root (a loanword's or KBBI's form), which hold under affixes;
#: the others ("joined", "affix" …) are about a whole word.
ROOT_RULES = ("loan", "kbbi")


def nasal_form(base: str, root: str) -> str:
    """meN- or peN- (``base`` "me" or "pe") joined to ``root`` as KBBI writes it."""
    first, second = root[:1], root[1:2]
    melts = second in VOWELS
    if first in "lmnrwy":
        return base + root
    if first in "bfv":
        return base + "m" + root
    if first == "p":
        return base + "m" + (root[1:] if melts else root)
    if first in "cdjz":
        return base + "n" + root
    if first == "t":
        return base + "n" + (root[1:] if melts else root)
    if first == "s":
        return base + ("ny" + root[1:] if melts else "n" + root)
    if first == "k":
        return base + "ng" + (root[1:] if melts else root)
    return base + "ng" + root  # g, h and the vowels


@lru_cache(maxsize=4096)
def listed_root(word: str) -> tuple[str, str] | None:
    from .rule_data import rule_data
    data = rule_data()
    for head in ("memper", "diper", "ber", "ter", "be", "te", "ke", "se", "di", ""):
        if not word.startswith(head) or head in ("be", "te") and word[2:3] != "r":
            continue  # ber-/ter- lose their r before one: "beresiko" is be- + resiko
        for tail in SUFFIXES:
            if not tail and not head or not word.endswith(tail):
                continue
            middle = word[len(head):len(word) - len(tail)]
            entry = data.spelling.get(middle)
            if entry is not None and entry.rule in ROOT_RULES and len(middle) >= 4 and entry.standard.isalpha() \
                    and entry.standard.islower() and (head not in ("be", "te") or entry.standard[:1] == "r"):
                return head + entry.standard + _verb_tail(head, entry.standard, tail), data.rules.get(entry.rule, entry.rule)
    for head, base in NASAL_HEADS.items():  # "menelpon": meN- + telpon, whose first sound melted
        if not word.startswith(head) or head == base:
            continue
        for tail in SUFFIXES:
            middle = word[len(head):len(word) - len(tail)]
            if not word.endswith(tail) or len(middle) < 3:
                continue
            for root in {middle, LOST.get(head, "") + middle}:
                entry = data.spelling.get(root)
                if entry is not None and entry.rule in ROOT_RULES and len(root) >= 4 and entry.standard.isalpha() \
                        and entry.standard.islower() and nasal_form(base, root) == word[:len(word) - len(tail)]:
                    return nasal_form(base, entry.standard) + _verb_tail("me", entry.standard, tail), \
                        data.rules.get(entry.rule, entry.rule)
    return None


def _verb_tail(head: str, root: str, tail: str) -> str:
    """-an after a verb's prefix and a root in k stands for -kan ("mempraktekan": meN- and di- never
    take -an), which KBBI writes with the root's k kept: mempraktikkan."""
    return "kan" if tail == "an" and root.endswith("k") and head in ("me", "di", "memper", "diper") else tail


@lru_cache(maxsize=4096)
def nasal(word: str) -> tuple[str, str] | None:
    roots = confirmed_roots()
    for head, base in NASAL_HEADS.items():
        if not word.startswith(head) or head == "pe":  # pe- of per- stands before any consonant: petani
            continue
        for tail in SUFFIXES:
            middle = word[len(head):len(word) - len(tail)] if tail else word[len(head):]
            if not word.endswith(tail) or len(middle) < 4 or middle not in roots \
                    or head in LOST and LOST[head] + middle in roots:  # "menunjuk": tunjuk, melted
                continue
            standard = nasal_form(base, middle) + tail
            if standard != word and is_indonesian(standard):
                return standard, RULE_NASAL
    if word.startswith("be") and not word.startswith("ber") and len(word) > 6:
        rest = word[2:]
        if rest[:1] != "r" and rest[1:3] != "er" and root_of(rest) and is_indonesian("ber" + rest):
            return "ber" + rest, RULE_NASAL
    return None


@lru_cache(maxsize=4096)
def lost_r(word: str) -> tuple[str, str] | None:
    """"terrealisasi", "berrencana": ber-, ter- and per- drop their r before a root that opens with r
    (terealisasi, berencana); the word is written by nobody and its root is read past the prefix."""
    if word.startswith(("berr", "terr", "perr")) and len(word) > 7 and not frequency(word) \
            and is_indonesian(word[:2] + word[3:]) and root_of(word[3:], shortest=4):
        return word[:2] + word[3:], RULE_R
    return None


#: ``double_a``: the form with both a is common (Zipf 3) and written six times as often (0.8 Zipf).
DOUBLE_A_COMMON, DOUBLE_A_GAP = 3.0, 0.8
CONFIX_HEADS = ("ke", "per", "pe", "pem", "pen", "peng", "peny", "pel")


@lru_cache(maxsize=4096)
def double_a(word: str) -> tuple[str, str] | None:
    """"kebanggan", "perusahan", "kesediannya": a root ending in a under ke-/per-/peN-...-an keeps
    its a before the suffix's (kebanggaan, perusahaan, kesediaannya); a word that is itself such a
    noun of a root hunspell-id lets take the confix ("perasan": peras) is left."""
    own = root_of(word, shortest=4)
    if own and own in flagged_roots(("Pa", "Ka", "Ra")):
        return None  # "perasan": peras takes peN-/per-...-an itself
    for tail in ("an", "annya"):
        stem = word[:-len(tail)]
        if not word.endswith(tail) or stem.endswith("a") or not stem.startswith(CONFIX_HEADS):
            continue
        standard = stem + "a" + tail
        root = root_of(standard, shortest=4)
        common = frequency(standard)
        if root and root.endswith("a") and root in confirmed_roots() and common >= DOUBLE_A_COMMON \
                and common - frequency(word) >= DOUBLE_A_GAP:
            return standard, RULE_DOUBLE_A
    return None


@lru_cache(maxsize=4096)
def one_syllable(word: str) -> tuple[str, str] | None:
    """The form with menge-/penge- must be common (``wordfreq``, Zipf 3 or more), so that a root
    of one syllable that takes the plain nasal in use ("mengecat", but "mentok") is left."""
    for head, base in (("meng", "menge"), ("meny", "menge"), ("mem", "menge"), ("men", "menge"),
                       ("peng", "penge"), ("peny", "penge"), ("pem", "penge"), ("pen", "penge")):
        if not word.startswith(head) or word.startswith(base):
            continue
        for tail in SUFFIXES:
            middle = word[len(head):len(word) - len(tail)] if tail else word[len(head):]
            if not word.endswith(tail) or not 2 <= len(middle) <= 4 or sum(c in VOWELS for c in middle) != 1 \
                    or middle not in confirmed_roots():
                continue
            standard = base + middle + tail
            if frequency(standard) >= COMMON and frequency(standard) > frequency(word) + MARGIN:
                return standard, RULE_ONE_SYLLABLE
        return None
    return None


@lru_cache(maxsize=4096)
def colloquial(word: str) -> tuple[str, str] | None:
    if word.endswith("in") and word.startswith(("di", "me")) and len(word) > 6:
        standard = word[:-2] + "kan"  # the spoken -in: "dimasukin" is "dimasukkan"
        return (standard, RULE_COLLOQUIAL) if frequency(standard) >= COMMON else None
    if not (word.startswith("ng") or word.startswith("ny")) or len(word) < 5:
        return None
    standard = "me" + word
    if word.startswith("nge") and root_of(word[3:]) and len(word) <= 7:
        standard = "menge" + word[3:]  # a root of one syllable: ngecek, ngebom
    if word.endswith("in") and not is_indonesian(standard) and is_indonesian(standard[:-2] + "kan"):
        standard = standard[:-2] + "kan"  # "ngumpulin": mengumpulkan
    return (standard, RULE_COLLOQUIAL) if is_indonesian(standard) else None


@lru_cache(maxsize=4096)
def double_k(word: str) -> tuple[str, str] | None:
    """The slip is read by its shape (a verb's prefix, a root ending in k, -an) and confirmed by
    use: the form with kk must be common (``wordfreq``, Zipf 3 or more) and clearly commoner
    than the form written ("menunjukkan" 5.49, "menunjukan" 4.46), so that "dilakukan" (laku +
    -kan) is never read as lakuk + -an; when text writes neither, the verb without -kan must be
    common and hunspell-id must let its root take -kan ("menusukan": menusuk, tusuk)."""
    for particle in PARTICLES:
        stem = word[:len(word) - len(particle)] if particle else word
        if not word.endswith(particle) or not stem.endswith("kan") or stem.endswith("kkan") \
                or not stem.startswith(VERB_HEADS):
            continue
        verb = stem[:-2]  # "menunjukan" → "menunjuk"
        root = root_of(verb, shortest=4)
        if not root or not root.endswith("k") or verb == root:
            continue
        standard = verb + "kan"
        common = frequency(standard)
        if common >= COMMON and common - frequency(stem) >= MARGIN \
                or not common and not frequency(stem) and frequency(verb) >= COMMON and root in kan_roots():
            return standard + particle, RULE_DOUBLE_K  # "menusukan": menusuk is written, tusuk takes -kan
    return None


@lru_cache(maxsize=4096)
def noun_kk(word: str) -> tuple[str, str] | None:
    """"pengecekkan", "kenaikkan": a noun of peN-/ke-/per-...-an on a root ending in k takes
    -an, so one k (pengecekan, kenaikan); the form with one k must be common (``wordfreq``)."""
    for particle in PARTICLES:
        stem = word[:len(word) - len(particle)] if particle else word
        if not word.endswith(particle) or not stem.endswith("kkan") or not stem.startswith(("pe", "ke")):
            continue
        standard = stem[:-3] + "an"
        if frequency(standard) >= COMMON and frequency(standard) - frequency(stem) >= MARGIN and root_of(stem[:-3], shortest=4):
            return standard + particle, RULE_NOUN_K
    return None


#: The conjunctions EYD V writes with pun joined (meskipun, walaupun …); everywhere else the
#: particle pun stands apart ("sedikit pun", "satu pun").
PUN_JOINED = frozenset("adapun andaipun ataupun bagaimanapun biarpun kalaupun kendatipun maupun meskipun sekalipun "
                       "sungguhpun walaupun sesungguhpun kalaupun".split())


@lru_cache(maxsize=4096)
def pun_apart(word: str) -> tuple[str, str] | None:
    """"sedikitpun", "satupun", "upacarapun": the particle pun joined to a word that is not one
    of the conjunctions EYD V writes joined."""
    if not word.endswith("pun") or len(word) < 7 or word in PUN_JOINED or word in confirmed_roots():
        return None
    base = word[:-3]
    return (f"{base} pun", RULE_PUN) if is_indonesian(base) and frequency(base) >= COMMON else None


@lru_cache(maxsize=4096)
def nya_after_n(word: str) -> tuple[str, str] | None:
    """"tujuanya", "lainya": -nya after a word ending in n keeps that n (tujuannya, lainnya)."""
    if word.endswith("nya") and not word.endswith("nnya") and len(word) > 6 and is_indonesian(word[:-2]):
        return word[:-2] + "nya", RULE_NYA
    return None


def ivitas(word: str) -> tuple[str, str] | None:
    index = word.find("ifitas")
    if index > 2:
        return word[:index] + "ivitas" + word[index + 6:], RULE_IVITAS
    return None

"""Indonesian text analysis for the search indexes.

Owns the tokenizer (abbreviations, unit numbers, dates such as ``30/9/2021`` and phone
numbers such as ``1500-444`` stay whole), the stop list, the cached Sastrawi stemmer
with the corrections this genre needs, the name list that is never stemmed, and the
whoosh analyzers built from them. Imports only whoosh and Sastrawi.

Stemming is done here, in Python, rather than inside a whoosh filter, so that a
document's own names (people, places) can be protected from it: the ``stem`` field
receives the output of :func:`stem_text`.
"""
from __future__ import annotations

import re
import threading
from functools import lru_cache
from typing import Iterable, Iterator

from whoosh.analysis import Filter, LowercaseFilter, RegexTokenizer, SpaceSeparatedTokenizer, StopFilter

TOKEN_PATTERN = r"\d+(?:[/.:\-]\d+)+|\w+(?:['’]\w+)*"
_TOKEN_RE = re.compile(TOKEN_PATTERN, re.UNICODE)
_APOSTROPHES = re.compile(r"['’]")

STOP_WORDS = frozenset("""
ada adalah agar akan aku anda antara apa apabila atas atau bagai bagaimana bagi bahwa
bahwasanya baik beberapa begitu belum berbagai beserta bila bisa boleh dalam dan dapat
dari daripada dengan di dia hal hanya harus hingga ia ialah ini itu jadi jika juga kah
kalau kami kamu karena ke kemudian kepada ketika kita lagi lah lain lalu maka mana masih
melalui mereka meski namun nya oleh pada para per perlu pula pun saat sampai sangat
saja sebagai sebelum secara sedang sehingga sejak selaku seluruh semua sendiri seperti
serta setelah setiap sudah supaya tapi telah tentang terhadap tersebut tetapi tidak
turut untuk yaitu yakni yang
""".split())

NAME_WORDS = frozenset("""
bekasi kediri pekalongan lamongan sidoarjo pasuruan probolinggo bojonegoro tuban
situbondo bondowoso nganjuk magetan ngawi pacitan ponorogo trenggalek tulungagung
jombang mojokerto gresik bangkalan sampang pamekasan sumenep kebumen banjarnegara
purbalingga banyumas cilacap wonosobo temanggung kendal batang pemalang tegal brebes
demak jepara pati rembang blora grobogan boyolali klaten sukoharjo wonogiri karanganyar
sragen salatiga semarang magelang sleman bantul kulonprogo gunungkidul bandung cimahi
sumedang subang purwakarta karawang bogor depok cianjur sukabumi garut tasikmalaya
ciamis banjar pangandaran kuningan majalengka cirebon indramayu tangerang serang
cilegon pandeglang lebak jakarta medan binjai deli langkat karo asahan padang bukittinggi
pariaman pekanbaru dumai kampar jambi palembang lubuklinggau bengkulu lampung metro
pontianak singkawang palangkaraya banjarmasin banjarbaru samarinda balikpapan bontang
tarakan manado bitung tomohon gorontalo palu makassar parepare palopo bone gowa maros
kendari baubau mataram bima kupang ende ambon ternate tidore jayapura sorong merauke
denpasar badung gianyar tabanan buleleng karangasem klungkung bangli jembrana batam
tanjungpinang pangkalpinang labuan bajo
""".split())

STEM_OVERRIDES = {
    "penandatanganan": "tandatangan",
    "menandatangani": "tandatangan",
    "ditandatangani": "tandatangan",
    "menandatanganinya": "tandatangan",
    "tandatangani": "tandatangan",
    "bersosialisasi": "sosialisasi",
    "kunker": "kunjung",
}

STEM_ALIASES = {
    "unjung": "kunjung",
}


class ApostropheFilter(Filter):
    """Drops apostrophes inside a token: ``Jum'at`` and ``Jum’at`` index as ``jumat``."""

    def __call__(self, tokens):
        for t in tokens:
            if "'" in t.text or "’" in t.text:
                t.text = _APOSTROPHES.sub("", t.text)
            yield t


def exact_analyzer():
    """Tokens as written, lower-cased, without stop words: the ``title``/``text`` fields."""
    return RegexTokenizer(TOKEN_PATTERN) | ApostropheFilter() | LowercaseFilter() | StopFilter(
        stoplist=STOP_WORDS, minsize=1
    )


def name_analyzer():
    """Tokens lower-cased, never stemmed nor stopped: people, places, organisations, tags."""
    return RegexTokenizer(TOKEN_PATTERN) | ApostropheFilter() | LowercaseFilter()


def stem_analyzer():
    """The ``stem`` field is fed pre-stemmed, space-separated text by :func:`stem_text`."""
    return SpaceSeparatedTokenizer()


def iter_tokens(text: str) -> Iterator[tuple[str, int, int]]:
    """``(normalised token, start, end)`` for every token of ``text``, stop words included."""
    for m in _TOKEN_RE.finditer(text or ""):
        token = m.group()
        if "'" in token or "’" in token:
            token = _APOSTROPHES.sub("", token)
        yield token.lower(), m.start(), m.end()


# Each distinct token's term (None for a stop word), remembered: a rebuild meets the same
# few thousand words millions of times, and the regex match is the only per-token work left.
_TERM_OF: dict[str, str | None] = {}
_TERM_MEMO_LIMIT = 200_000
_MISSING = object()


def _term_of(token: str) -> str | None:
    if "'" in token or "’" in token:
        token = _APOSTROPHES.sub("", token)
    token = token.lower()
    return None if token in STOP_WORDS else token


def terms(text: str) -> list[str]:
    """The terms the exact analyzer indexes for ``text``."""
    memo, out = _TERM_OF, []
    for raw in _TOKEN_RE.findall(text or ""):
        term = memo.get(raw, _MISSING)
        if term is _MISSING:
            term = _term_of(raw)
            if len(memo) < _TERM_MEMO_LIMIT:
                memo[raw] = term
        if term is not None:
            out.append(term)
    return out


@lru_cache(maxsize=65536)
def name_tokens(value: str) -> tuple[str, ...]:
    """The tokens of one name (a person, a place, a unit), stop words included."""
    return tuple(t for t, _, _ in iter_tokens(value))


def name_terms(values: Iterable[str]) -> set[str]:
    """Every token of a collection of names, for protecting them from the stemmer."""
    return {t for v in values for t in name_tokens(v)}


_stemmer = None
_stemmer_lock = threading.Lock()


def _sastrawi():
    global _stemmer
    if _stemmer is None:
        with _stemmer_lock:
            if _stemmer is None:
                from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

                _stemmer = StemmerFactory().create_stemmer()
    return _stemmer


@lru_cache(maxsize=262144)
def stem(word: str) -> str:
    """The stem of one lower-cased token; names, numbers and short words stay as they are."""
    if word in STEM_OVERRIDES:
        return STEM_OVERRIDES[word]
    if len(word) <= 3 or word in NAME_WORDS or not word.isalpha():
        return word
    result = _sastrawi().stem(word) or word
    if " " in result:
        return word
    return STEM_ALIASES.get(result, result)


def stem_term(word: str, protected: frozenset[str] | set[str] = frozenset()) -> str:
    """``stem(word)`` unless ``word`` is one of the document's (or query's) names."""
    return word if word in protected else stem(word)


def stem_text(text: str, protected: frozenset[str] | set[str] = frozenset()) -> str:
    """Space-separated stems of the terms of ``text`` that differ from the word itself,
    for the ``stem`` field (a root word already sits in the exact ``text`` field, so
    repeating it would only double the postings)."""
    return " ".join(stems_of(terms(text), protected))


def stems_of(words: Iterable[str], protected: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """The stems of ``words`` that differ from the word (names in ``protected`` left alone)."""
    out = []
    for t in words:
        s = stem_term(t, protected)
        if s != t:
            out.append(s)
    return out

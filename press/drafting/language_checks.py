"""The language checks: standard spelling (EYD V, KBBI), the prefix di-/ke- against the
prepositions di and ke, foreign words; times and numbers as EYD writes them are in ``number_checks``.

Each finding carries the replacement that fixes it. Inside a direct quotation only the
spelling is fixed: a foreign word there is what the speaker said, so it gets a hint and no
replacement. Names (people, organisations, places, official names that keep an older
spelling) are never touched: their spans are passed in as ``protected``.

The data is in ``press/drafting/data`` (``rule_data``); the di-/ke- decision is
``prefix_checks``' (Sastrawi's roots and the roots hunspell-id lets take di- alone: "di bangun"
is the prefix apart, "di rumah" the preposition). Words written apart that EYD V joins or
hyphenates are read here too: a bound form ("non fisik", "antar Dinas", "antar-pemerintah",
"ketidak hadiran"; before an abbreviation in capitals with the hyphen, "antar-RT", "Non ASN" inside a sentence too), a compound under di-...-kan ("dinomor satukan"), -nya or -kan apart
("keuangan nya", "diharap kan"), a reduplication without its hyphen ("anak anak", "masing –
masing"); a name in capitals is left ("Kerja Sama Antar Gereja").
"""
from __future__ import annotations

import re
from functools import lru_cache

from press.errors import N_

from .abbreviation_case import abbreviation_case
from .capital_checks import check_capitals
from .compound_checks import check_compounds
from .figure_checks import check_figures
from .number_forms import check_number_forms
from .word_shapes import check_word_shapes
from .finding import Finding, finding_at, listed_slips_followed
from .hand_slips import stray_letter
from .lexicon import confirmed_roots, frequency, indonesian_roots, is_indonesian, known_forms, passive_roots
from .number_checks import check_numbers, url_spans
from .office_case import office_case
from .person_names import person_name_spans, unit_code_spans
from .time_checks import check_times
from .prefix_checks import di_ke_at, next_word
from .region_case import place_name_starts
from .rule_data import RuleData, rule_data
from .foreign_words import capitalised_english, english_runs, english_spelt, near_foreign_phrases
from .word_checks import cased_here, check_words

TOKEN = re.compile(r"[^\W\d_][\w'’-]*")
QUOTE = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"")
#: Bound forms EYD V (bentuk terikat) writes joined to the word they precede ("nonfisik",
#: "antardinas", "pascabencana"), with a hyphen before a capital ("non-ASN"). "maha" (Tuhan Yang
#: Maha Esa), "ekstra" (also an adjective: "kerja ekstra") and "tuna" (the fish) are left out;
#: "ketidak" ("ketidak hadiran") is the negation under ke-...-an, never a word of its own.
BOUND_FORMS = frozenset("non antar pasca pra sub multi semi swa anti purna kontra ketidak".split())
AFFIXED_NOUN_PREFIXES = ("pe", "per", "pem", "pen", "peng", "ber", "ter", "ke", "se")
NOT_BOUND = frozenset({("antar", "jemput")})
RULE_STRAY = "KBBI: huruf yang terpisah dari kata sesudahnya ditulis serangkai dengannya (dituntut)"


def quote_spans(body: str) -> list[tuple[int, int]]:
    return [m.span() for m in QUOTE.finditer(body)]


def _names_pattern(names) -> re.Pattern:
    names = sorted({n for n in names if n and len(n) > 2}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)") if names else None


@lru_cache(maxsize=1)
def _exceptions_pattern() -> re.Pattern:
    return _names_pattern(rule_data().exceptions)


def name_spans(body: str, names) -> list[tuple[int, int]]:
    """Where ``names`` (and the official names of the exceptions list) occur in ``body``."""
    spans = [m.span() for m in _exceptions_pattern().finditer(body)]
    pattern = _names_pattern(names)
    return spans + ([m.span() for m in pattern.finditer(body)] if pattern else [])


def _inside(spans, start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _outside(body: str, tokens, spans) -> list:
    """The tokens that overlap none of ``spans``, read against a mask of the body (one pass over
    the spans, not one per token)."""
    mask = bytearray(len(body) + 1)
    for start, end in spans:
        if start < end:
            mask[start:end] = b"\1" * (end - start)
    empty = [(s, e) for s, e in spans if s >= e]
    return [m for m in tokens if 1 not in mask[m.start():m.end()] and not (empty and _inside(empty, *m.span()))]


def _in_a_name(body: str, start: int) -> bool:
    """A capitalised word inside a sentence ("Kompas Online", "Bandung Smart City") is part of a name."""
    if not body[start:start + 1].isupper():
        return False
    before = body[:start].rstrip(" *")
    return bool(before) and before[-1] not in ".!?:\n“\"(-–—"


def _beside_a_capital(body: str, start: int, end: int) -> bool:
    """Whether a capitalised word stands right before or after ``body[start:end]``: a foreign
    phrase of several words in capitals ("Call Center") is a name only inside a longer one
    ("Jakarta Call Center")."""
    before = re.search(r"(\w+)[ ]+$", body[max(0, start - 40):start])
    after = re.match(r"[ ]+(\w+)", body[end:end + 40])
    return any(m and m.group(1)[:1].isupper() for m in (before, after))


def _between_lower_case(body: str, start: int, end: int) -> bool:
    """Whether words in lower case stand right before and after ``body[start:end]``: a foreign
    word capitalised there ("dosis Booster bagi") is no name."""
    before = re.search(r"([^\W\d_]+)[ ]+$", body[max(0, start - 40):start])
    after = re.match(r"[ ]+([^\W\d_]+)", body[end:end + 40])
    return bool(before and after and before.group(1).islower() and after.group(1).islower())


def _italic(body: str, start: int, end: int) -> bool:
    return body[start - 1:start] == "*" and body[end:end + 1] == "*"


def check_language(body: str, protected=(), quotes=None) -> list[Finding]:
    data = rule_data()
    quotes = quote_spans(body) if quotes is None else quotes
    urls = url_spans(body)
    tokens = list(TOKEN.finditer(body))
    protected = list(protected) + person_name_spans(body) + unit_code_spans(body)
    places = place_name_starts(body)
    names, region_words = [m.span(2) for m in places], [m.span(1) for m in places]
    offices = office_case(body, protected) + abbreviation_case(body, protected + list(urls))
    names += [f.span for f in offices]
    if protected or urls or names:
        tokens = _outside(body, tokens, protected + list(urls) + names)
    found: list[Finding] = offices
    unread = []
    looked_up, bound_forms = data.looked_up, BOUND_FORMS
    i = 0
    while i < len(tokens):
        before = len(found)
        lower = tokens[i].group().lower()
        used = _phrase_at(body, tokens, i, data, quotes, found) if lower in looked_up else 0
        if not used and lower[:2] in ("di", "ke"):
            used = di_ke_at(body, tokens, i, data, found) or _split_compound_at(body, tokens, i, found)
        if not used and (lower in bound_forms or "-" in lower):
            used = _bound_at(body, tokens, i, found)
        if not used and i + 1 < len(tokens) and tokens[i + 1].group() in ("nya", "kan", "lah"):
            used = _nya_apart_at(body, tokens, i, found)
        if not used and len(lower) == 1 and i + 1 < len(tokens) and body[tokens[i].end():tokens[i + 1].start()] == " ":
            joined = stray_letter(tokens[i].group(), tokens[i + 1].group())
            if joined:
                found.append(_spelling(body, (tokens[i].start(), tokens[i + 1].end()), joined, RULE_STRAY))
                used = 2
        if not used and len(found) == before:
            unread.append(tokens[i])
        i += used or 1
    skip = list(urls) + [f.span for f in found]
    runs, unread = english_runs(body, unread, _italic)
    capitalised, unread = capitalised_english(body, unread, _italic)
    near, unread = near_foreign_phrases(body, unread, _italic)
    runs += capitalised + near
    found += runs + check_words(body, unread, known_forms(), skip, _italic)
    taken = list(protected) + [f.span for f in found if f.span]
    found += _weekday_forms(body, protected) + _reduplications(body, protected, found) + check_times(body, protected, quotes) \
        + check_numbers(body, protected) + check_capitals(body, taken + region_words)
    found += check_compounds(body, taken + list(urls) + [f.span for f in found if f.span])
    found += check_figures(body, list(protected) + list(urls) + [f.span for f in found if f.span])
    taken = list(protected) + list(urls) + [f.span for f in found if f.span]
    found += check_number_forms(body, taken) + check_word_shapes(body, taken)
    return listed_slips_followed(english_spelt(found), data.spelling)


COVID = re.compile(r"(?<![\w-])(covid|Covid|COVID)(?: | ?[-–—] | ?[–—] ?|)(19)(?![\w-])")
WEEKDAY_PART = re.compile(r"(?<=\s)(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu) (Pagi|Siang|Sore|Malam)\b")
JUMAT_COMMA = re.compile(r"\b(J)(um),(at)\b", re.I)
#: "minggu" is the week too: the weekday only after "hari" or before its date ("minggu (12/5)").
LOWER_SUNDAY = re.compile(r"(?<=\b[Hh]ari )minggu\b|(?<![\w-])minggu(?=,? \(\d|, \d{1,2} )")
LOWER_CALENDAR = re.compile(r"(?<![\w#@/.-])(januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|"
                            r"november|desember|senin|selasa|rabu|kamis|jumat|sabtu)(?![\w@/-])")


def _weekday_forms(body: str, protected) -> list[Finding]:
    """"Selasa Pagi" inside a sentence (the part of the day is a common noun), "Jum,at", a
    month or weekday in lower case ("sabtu", "oktober"; "minggu", also the week, only after "hari" or
    before its date),
    and "Covid 19" without the hyphen of its name."""
    found = []
    urls = url_spans(body)
    for match in list(LOWER_CALENDAR.finditer(body)) + list(LOWER_SUNDAY.finditer(body)):
        if not _inside(protected, *match.span()) and not _inside(urls, *match.span()):
            name = match.group()
            found.append(_spelling(body, match.span(), name[:1].upper() + name[1:],
                                   "EYD V: nama bulan dan hari ditulis dengan huruf kapital"))
    for match in WEEKDAY_PART.finditer(body):
        before = body[:match.start()].split()
        if not before or before[-1][:1].isupper() and not before[-1].endswith(",") or _inside(protected, *match.span()):
            continue  # a sentence's start, or a headline in capitals
        found.append(_spelling(body, match.span(), f"{match.group(1)} {match.group(2).lower()}",
                               "EYD V: nama hari ditulis kapital, bagian harinya tidak"))
    for match in COVID.finditer(body):
        if not _inside(protected, *match.span()):
            found.append(_spelling(body, match.span(), f"{match.group(1)}-19", "KBBI: Covid-19 (dengan tanda hubung)"))
    for match in JUMAT_COMMA.finditer(body):
        if not _inside(protected, *match.span()):
            found.append(_spelling(body, match.span(), "".join(match.groups()), "KBBI: Jumat"))
    return found


REDUPLICATION = re.compile(r"(?<![\w-])([a-z]{2,})(?: [-–—] ?| ?[-–—] | )\1(?![\w-])"
                           r"|(?<![\w-])([A-Z][A-Za-z]+)(?: [-–—] ?| ?[-–—] )\2(?![\w-])"
                           r"|(?<![\w-])([A-Z])([a-z]{2,}) [a-z]\4(?![\w-])")
#: A reduplication with se- on its first half or a suffix on its second written apart ("sehari
#: hari", "sebelum sebelumnya", "buah buahan"): EYD V writes "sehari-hari", "sebelum-sebelumnya",
#: "buah-buahan".
SUFFIXED_REDUPLICATION = re.compile(r"(?<![\w-])(se)?([a-z]{3,}) \2(nya|an)?(?![\w-])")
#: The words KBBI reduplicates after se- with no suffix (sehari-hari, seolah-olah, semena-mena,
#: sekali-kali); elsewhere "se-X X" is two words ("seorang orang tua").
SE_REDUPLICATED = frozenset("hari olah mena kali".split())
#: The prefix repeated in a reduplication ("berbeda-berbeda"): EYD V repeats the root only.
PREFIXED_REDUPLICATION = re.compile(r"(?<![\w-])(ber|ter|di)([a-z]{3,})-\1\2(?![\w-])", re.I)
#: Words written twice by a slip of the hand ("yang yang"), not a reduplication.
NOT_REDUPLICATED = frozenset("yang dan di ke dari untuk dengan ini itu akan pada atau juga tidak".split())


def _reduplications(body: str, protected, found) -> list[Finding]:
    """A reduplication written apart or with a spaced dash ("anak anak", "masing – masing"):
    EYD V writes it with a hyphen and no spaces."""
    taken = list(protected) + [f.span for f in found if f.span]
    out = []
    rule = "EYD V (kata ulang): bentuk ulang ditulis dengan tanda hubung"
    for match in SUFFIXED_REDUPLICATION.finditer(body):
        prefix, word, suffix = match.group(1) or "", match.group(2), match.group(3) or ""
        if not _inside(taken, *match.span()) and not (suffix == "an" and word in passive_roots()) \
                and (suffix or word in SE_REDUPLICATED) and is_indonesian(word):  # "makan makanan": a verb and its object
            out.append(_spelling(body, match.span(), f"{prefix}{word}-{word}{suffix}", rule))
    for match in PREFIXED_REDUPLICATION.finditer(body):
        whole, rest = (match.group(1) + match.group(2)).lower(), match.group(2).lower()
        if not _inside(taken, *match.span()) and rest in confirmed_roots() and whole not in indonesian_roots():
            first = match.group()[:len(match.group(1)) + len(match.group(2))]
            out.append(_spelling(body, match.span(), f"{first}-{match.group(2)}",
                                 "EYD V (kata ulang): awalan tidak diulang (berbeda-beda, bermacam-macam)"))
    for match in REDUPLICATION.finditer(body):
        if match.group(3):  # "Alun alun", "Sama sama": a capital on the first half only
            first = match.group(3) + match.group(4)
            if match.group().split(" ")[1] != first.lower() or _inside(taken, *match.span()) \
                    or not is_indonesian(first.lower()):
                continue
            out.append(_spelling(body, match.span(), f"{first}-{first.lower()}", rule))
            continue
        word = match.group(1) or match.group(2)
        run = re.compile(rf"\W+{word}\b")  # a word three times or more is a run, not a reduplication
        if word in NOT_REDUPLICATED or _inside(taken, *match.span()) or run.match(body, match.end()) \
                or re.search(rf"\b{word}\W+$", body[max(0, match.start() - len(word) - 3):match.start()]):
            continue
        out.append(_spelling(body, match.span(), f"{word}-{word}", rule))
    return out


def _spelling(body: str, span, standard: str, rule: str) -> Finding:
    written = body[span[0]:span[1]]
    return finding_at(body, "spelling", span, N_("Ejaan tidak baku: “%(written)s”; bentuk bakunya “%(standard)s”."),
                      N_("Ganti dengan “%(standard)s” (%(rule)s)."), {"written": written, "standard": standard},
                      {"standard": standard, "rule": rule}, standard)


def _phrases(body: str, tokens, i: int, first_words):
    """The phrases of three, two and one tokens starting at token ``i`` (separated by spaces only)."""
    if tokens[i].group().lower() not in first_words:
        yield 1, tokens[i].start(), tokens[i].end(), tokens[i].group()
        return
    for size in (3, 2, 1):
        run = tokens[i:i + size]
        if len(run) < size or any(body[a.end():b.start()].strip() or "\n" in body[a.end():b.start()]
                                  for a, b in zip(run, run[1:])):
            continue
        yield size, run[0].start(), run[-1].end(), " ".join(t.group() for t in run)


def _phrase_at(body: str, tokens, i: int, data: RuleData, quotes, found: list) -> int:
    for size, start, end, phrase in _phrases(body, tokens, i, data.first_words):
        entry = data.lookup(data.spelling, phrase)
        if entry is not None:
            standard = cased_here(body[start:end], entry.standard, body, start)
            if standard != body[start:end]:
                found.append(_spelling(body, (start, end), standard, data.rules.get(entry.rule, entry.rule)))
            return size
        equivalent = data.lookup(data.foreign, phrase)
        if equivalent is None and size > 1 and phrase.istitle():
            equivalent = data.foreign.get(phrase.lower())  # "Call Center"
        italic = phrase.lower() in data.italicise
        if (equivalent is None and not italic) or _italic(body, start, end) or \
                (_in_a_name(body, start) and (size == 1 and not _between_lower_case(body, start, end)
                                              or _beside_a_capital(body, start, end))):
            continue
        written = body[start:end]
        if _inside(quotes, start, end):
            found.append(finding_at(
                body, "foreign", (start, end),
                N_("Di dalam kutipan: “%(written)s” adalah kata asing yang diucapkan narasumber."),
                N_("Biarkan bila memang begitu ucapannya, tetapi tulis miring (*%(written)s*); padanannya “%(standard)s”.")
                if equivalent else N_("Biarkan bila memang begitu ucapannya, tetapi tulis miring (*%(written)s*)."),
                {"written": written}, {"written": written, "standard": equivalent or ""}))
        elif equivalent:
            standard = cased_here(written, equivalent, body, start)
            found.append(finding_at(
                body, "foreign", (start, end),
                N_("Kata asing “%(written)s” punya padanan bahasa Indonesia: “%(standard)s”."),
                N_("Ganti dengan “%(standard)s”, atau tulis miring (*%(written)s*) bila istilah asingnya tetap dipakai."),
                {"written": written, "standard": standard}, {"written": written, "standard": standard}, standard))
        else:
            found.append(finding_at(
                body, "foreign", (start, end),
                N_("Istilah asing “%(written)s” ditulis miring."),
                N_("Tulis miring: *%(written)s*."),
                {"written": written}, {"written": written}, f"*{written}*"))
        return size
    return 0


# -- bound forms and compounds written apart -------------------------------------------------

def _bound_at(body: str, tokens, i: int, found: list) -> int:
    """"non fisik", "antar Dinas", "antar-pemerintah": a bound form written apart from an
    Indonesian word, or joined by a hyphen to one in lower case."""
    token, bound = tokens[i], tokens[i].group().lower()
    first, _, rest = bound.partition("-")
    if rest and first in BOUND_FORMS and tokens[i].group().partition("-")[2].islower() and "-" not in rest \
            and is_indonesian(rest):
        standard = cased_here(token.group(), first + rest, body, token.start())
        found.append(_spelling(body, token.span(), standard,
                               "EYD V (bentuk terikat): non-, antar-, pasca-, pra-, sub- dan sejenisnya ditulis serangkai"))
        return 1
    if bound not in BOUND_FORMS:
        return 0
    following = next_word(body, tokens, i)
    if following is None or (bound, following.group().lower()) in NOT_BOUND:
        return 0
    word = following.group()
    if (token.group().islower() or token.group().istitle()) and word.isalpha() and word.isupper() and len(word) >= 2:
        found.append(_spelling(body, (token.start(), following.end()),  # "antar RT", "Non ASN"
                               f"{bound if _in_a_name(body, token.start()) else token.group()}-{word}",
                               "EYD V (tanda hubung): bentuk terikat dirangkai dengan tanda hubung sebelum singkatan kapital"))
        return 2
    if not word.isalpha() or not (word.islower() or word.istitle()) or not is_indonesian(word.lower()) \
            or _in_a_name(body, token.start()) and _beside_a_capital(body, token.start(), following.end()):
        return 0  # "Badan Kerja Sama Antar Gereja": a name
    standard = cased_here(token.group(), bound + word.lower(), body, token.start())
    found.append(_spelling(body, (token.start(), following.end()), standard,
                           "EYD V (bentuk terikat): non-, antar-, pasca-, pra-, sub- dan sejenisnya ditulis serangkai"))
    return 2


def _split_compound_at(body: str, tokens, i: int, found: list) -> int:
    """"dinomor satukan", "ditanda tangani": di- with -kan or -i on a compound of two roots is
    written as one word (EYD V, gabungan kata: dinomorsatukan, ditandatangani)."""
    token, first = tokens[i], tokens[i].group()
    if not first.startswith("di") or len(first) < 6 or not first.islower():
        return 0
    following = next_word(body, tokens, i)
    if following is None or not following.group().islower():
        return 0
    roots = confirmed_roots()
    second = following.group()
    stem = next((second[:-len(s)] for s in ("kan", "i") if second.endswith(s) and second[:-len(s)] in roots), None)
    if first[2:] not in roots or first in roots or len(first) < 6 or not stem or len(stem) < 3 \
            or second in indonesian_roots() or frequency("kabupaten") and not frequency(stem):
        return 0  # "dibuka mulai": a root of either dictionary is a word, not a root with -i; "membali": no word's root
    if any(second.startswith(prefix) and second[len(prefix):] in roots for prefix in AFFIXED_NOUN_PREFIXES):
        return 0  # "dilihat petani": a noun with pe-/ber-/ter-, not a root with -i
    standard = first + second
    found.append(finding_at(
        body, "di_prefix", (token.start(), following.end()),
        N_("Gabungan kata yang mendapat awalan dan akhiran sekaligus ditulis serangkai: “%(standard)s”."),
        N_("Ganti dengan “%(standard)s” (EYD V: gabungan kata)."),
        {"standard": standard}, {"standard": standard}, standard))
    return 2


def _abbreviation(word: str) -> bool:
    """"WA", "OPD", "Plt", "Pj": capitals, or a capital and consonants only (no word is read so),
    which EYD V joins to -nya with a hyphen ("WA-nya", "Plt-nya")."""
    return len(word) > 1 and (word.isupper() or word[:1].isupper() and not any(c in "aeiouAEIOU" for c in word))


def _nya_apart_at(body: str, tokens, i: int, found: list) -> int:
    """"keuangan nya", "tujuan nya": -nya written apart from its word ("WA nya": after an
    abbreviation, with a hyphen); "diharap kan": -kan apart from a verb that Indonesian text writes
    with it; "ini lah": the particle -lah apart from any word (it is never a word of its own)."""
    if i + 1 >= len(tokens) or tokens[i + 1].group() not in ("nya", "kan", "lah"):
        return 0
    following = next_word(body, tokens, i)
    if following is None or not tokens[i].group().isalpha():
        return 0
    suffix = following.group()
    standard = tokens[i].group() + ("-" if _abbreviation(tokens[i].group()) else "") + suffix
    if suffix == "kan" and not (tokens[i].group().islower() and frequency(standard) >= 3.0
                                and is_indonesian(standard, strict=True)):
        return 0
    found.append(_spelling(body, (tokens[i].start(), following.end()), standard,
                           f"EYD V: -{suffix} ditulis serangkai dengan kata yang mendahuluinya"))
    return 2

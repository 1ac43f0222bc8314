"""The editorial checks that read the glossary: dates against the activity's and their
weekdays, people, titles and organisations written two ways, regions named with the wrong
kind, and quotations without a speaker or quoted by a short name first.

Imports the notes stages (dates, glossary, extraction) and the standard library.
"""
from __future__ import annotations

import re
from datetime import date
from difflib import SequenceMatcher

from press.dates import long_date
from press.errors import N_
from press.notes import extract
from press.notes.dates import find_dates
from press.notes.glossary import Glossary
from press.notes.rules import alternation, bounded_alternation

from .finding import Finding, finding_at

NAME_SIMILARITY = 0.8

DINAS = re.compile(r"\bDinas\s+([A-Z][a-z]+)\b")
CAPITALISED_RUN = re.compile(r"\b[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)+\b")


# -- dates ---------------------------------------------------------------------------

def _written(iso: str) -> str:
    """"30 September 2021" for an ISO date (the message's form)."""
    try:
        return long_date(date.fromisoformat(iso)).split(", ", 1)[1]
    except ValueError:
        return iso


def check_dates(body: str, activity_date: date | None, far_days: int, glossary: Glossary) -> list[Finding]:
    found = []
    for item in find_dates(body, activity_date, glossary):
        if item.weekday_mismatch:
            try:
                actual = glossary.weekday_names[date.fromisoformat(item.date).weekday()]
            except ValueError:
                actual = "?"
            found.append(finding_at(
                body, "weekday", item.span,
                N_("Hari tidak cocok dengan tanggal: %(date)s jatuh pada hari %(actual)s, bukan %(written)s."),
                N_("Periksa tanggal kegiatan, lalu betulkan hari atau tanggalnya."),
                {"date": _written(item.date), "actual": actual, "written": item.weekday},
            ))
        if activity_date and not item.date.startswith("--"):
            try:
                distance = abs((date.fromisoformat(item.date) - activity_date).days)
            except ValueError:
                continue
            if distance > far_days:
                found.append(finding_at(
                    body, "date_far", item.span,
                    N_("Tanggal ini berjarak %(days)s hari dari tanggal kegiatan (%(activity)s)."),
                    N_("Pastikan tanggalnya benar; tanggal kegiatan tercatat %(activity)s."),
                    {"days": distance, "activity": _written(activity_date.isoformat())},
                    {"activity": _written(activity_date.isoformat())},
                ))
    return found


# -- names, titles, organisations, regions -------------------------------------------

def _similar(a: str, b: str) -> bool:
    return SequenceMatcher(None, a.lower(), b.lower()).ratio() >= NAME_SIMILARITY


def _near_names(a: str, b: str) -> bool:
    """Two names of the same length whose words are alike but not all equal."""
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb) or len(wa) < 2 or a == b:
        return False
    same = sum(x == y for x, y in zip(wa, wb))
    return same >= 1 and all(x == y or _similar(x, y) for x, y in zip(wa, wb))


def check_names(body: str, people: list[str], glossary: Glossary, proper_names=(), extracted=None) -> list[Finding]:
    found: list[Finding] = []
    # People: a known or extracted name against every run of capitalised words.
    names = {n for n in people if n and len(n.split()) >= 2}
    try:
        extracted = extracted or extract(body, glossary=glossary)
        names |= {p.name for p in extracted.people if len(p.name.split()) >= 2}
    except Exception:  # the extractor is a heuristic; a failure must not stop the other checks
        pass
    runs: dict[str, list[tuple[int, int]]] = {}
    for match in CAPITALISED_RUN.finditer(body):
        words = match.group().split()
        for size in range(2, min(len(words), 5) + 1):
            for start in range(0, len(words) - size + 1):
                phrase = " ".join(words[start:start + size])
                offset = match.start() + len(" ".join(words[:start])) + (1 if start else 0)
                runs.setdefault(phrase, []).append((offset, offset + len(phrase)))
    counts = {phrase: len(spans) for phrase, spans in runs.items()}
    order = {phrase: i for i, phrase in enumerate(runs)}
    sharing: dict[tuple[int, str], list[str]] = {}  # (words, a word) → the runs with it, in text order
    for phrase in runs:
        words = phrase.split()
        for word in set(words):
            sharing.setdefault((len(words), word), []).append(phrase)
    reported = set()
    for name in sorted(names):
        words = name.split()
        alike = sorted({phrase for word in set(words) for phrase in sharing.get((len(words), word), ())}, key=order.get)
        for phrase in alike:  # _near_names needs a word in common and as many words
            spans = runs[phrase]
            if phrase in reported:
                continue
            if name in counts and phrase in names:
                # Both written in the text: report the rarer form (on a tie, the later one).
                if (counts[phrase], -spans[0][0]) > (counts[name], -runs[name][0][0]):
                    continue
            if phrase != name and _near_names(name, phrase):
                reported.add(phrase)
                found.append(finding_at(
                    body, "name_two_ways", spans[0],
                    N_("Nama ditulis dua cara: “%(written)s” dan “%(other)s”."),
                    N_("Samakan penulisan nama dengan “%(other)s” (periksa daftar peserta)."),
                    {"written": phrase, "other": name}, {"other": name},
                ))
    found += _forms_two_ways(body, glossary, proper_names)
    return found


_FORMS: dict[int, tuple] = {}


def _forms_of(glossary: Glossary) -> tuple[dict[str, str], re.Pattern, int]:
    """The glossary's titles and organisations as written form → the thing they name, the
    pattern that finds them and the longest form's length: built once per glossary."""
    cached = _FORMS.get(id(glossary))
    if cached and cached[0] is glossary:
        return cached[1]
    canonical: dict[str, str] = {}
    for form, full in glossary.title_forms.items():
        canonical[form] = full
    for abbreviation, full in glossary.organisations.items():
        if abbreviation != full:
            canonical[abbreviation] = full
            canonical.setdefault(full, full)
    # "Sekretariat Daerah Kota" (Setdako) is "Sekretariat Daerah" (Setda) of a city: one thing.
    fulls = set(canonical.values())
    for form, full in canonical.items():
        words = full.split()
        if len(words) > 1 and words[-1] in glossary.government_regions and " ".join(words[:-1]) in fulls:
            canonical[form] = " ".join(words[:-1])
    pattern = re.compile(bounded_alternation(canonical, before=r"[\w.]") + r"(?![\w])")
    if len(_FORMS) > 4:
        _FORMS.clear()
    _FORMS[id(glossary)] = (glossary, (canonical, pattern, len(max(canonical, key=len))))
    return _FORMS[id(glossary)][1]


def _forms_two_ways(body: str, glossary: Glossary, proper_names=()) -> list[Finding]:
    """Titles and organisations: two written forms of one thing (not "Full (ABBR)"), outside
    ``proper_names`` (a venue's name is written as the venue is called)."""
    masked = [m.span() for name in proper_names if name for m in re.finditer(re.escape(name), body)]
    canonical, pattern, longest = _forms_of(glossary)
    seen: dict[str, dict[str, tuple[int, int]]] = {}
    introduced: set[str] = set()
    for match in pattern.finditer(body):
        if any(start <= match.start() < end for start, end in masked):
            continue
        form = match.group()
        full = canonical[form]
        after = body[match.end():match.end() + longest + 4]
        paren = re.match(r"\s*\(([^)]+)\)", after)
        if paren and canonical.get(paren.group(1).strip()) == full:
            introduced.add(full)
        seen.setdefault(full, {}).setdefault(form, match.span())
    # "Dinas Kominfo" beside "Diskominfo", "Dinas Kesehatan" beside "Dinkes" (via the glossary).
    lowered = {w.lower(): m.span() for m in re.finditer(r"\b[A-Z][a-z]+\w*\b", body) for w in [m.group()]}
    for match in DINAS.finditer(body):
        short = "dis" + match.group(1).lower()
        if short in lowered:
            seen.setdefault(short, {})[match.group()] = match.span()
            seen[short].setdefault(body[slice(*lowered[short])], lowered[short])
    found = []
    for full, forms in seen.items():
        if len(forms) < 2 or full in introduced:
            continue
        (first, _span), *others = sorted(forms.items(), key=lambda item: item[1][0])
        for written, span in others:
            found.append(finding_at(
                body, "name_two_ways", span,
                N_("Sebutan ditulis dua cara: “%(written)s” dan “%(other)s”."),
                N_("Pakai satu bentuk di seluruh siaran (misalnya “%(other)s”), atau kenalkan singkatannya dalam kurung."),
                {"written": written, "other": first}, {"other": first},
            ))
    return found


def check_regions(body: str, glossary: Glossary) -> list[Finding]:
    """"Kota X" and "Kabupaten X" for one place, and "Kota X" where the complete list of
    regencies and cities knows X only as a kabupaten (or the other way round)."""
    abbreviations = glossary.data["region_abbreviations"]
    words = glossary.region_words_of("kota", "kabupaten") + tuple(abbreviations)
    known = glossary.regions
    pattern = rf"\b({alternation(words)})\s+(?:({alternation(known)})(?![\w-])|([A-Z][\w'-]+))"
    forms: dict[str, dict[str, list[tuple[int, int]]]] = {}
    for match in re.finditer(pattern, body):
        word = abbreviations.get(match.group(1), match.group(1))
        name = match.group(2) or match.group(3)
        forms.setdefault(name, {}).setdefault(word, []).append(match.span())
    found = []
    for name, kinds in forms.items():
        real = {entry["kind"] for entry in known.get(name, ())}
        if real:
            wrong = [(word, spans) for word, spans in kinds.items() if word.lower() not in real]
            right = [word for word in kinds if word.lower() in real]
        elif len(kinds) >= 2:
            # Not in the list: flag the less frequent form (on a tie, the one written later).
            (word, spans), (other, _) = sorted(kinds.items(), key=lambda kind: (len(kind[1]), -kind[1][0][0]))
            wrong, right = [(word, spans)], [other]
        else:
            continue
        for word, spans in wrong:
            for span in spans:
                found.append(_region_finding(body, span, f"{word} {name}", right and f"{right[0]} {name}",
                                             sorted(real)))
    return found


def _region_finding(body: str, span, written: str, other: str | None, real: list[str]) -> Finding:
    if other:
        return finding_at(body, "region_two_ways", span,
                          N_("Daerah yang sama disebut “%(written)s” dan “%(other)s”."),
                          N_("Pakai satu sebutan: “%(other)s” atau “%(written)s”, sesuai daerahnya."),
                          {"written": written, "other": other}, {"written": written, "other": other})
    name = written.split(" ", 1)[1]
    right = f"{real[0].capitalize()} {name}"
    return finding_at(body, "region_two_ways", span,
                      N_("Tidak ada daerah “%(written)s”: %(name)s adalah %(kind)s."),
                      N_("Tulis “%(other)s”."),
                      {"written": written, "name": name, "kind": real[0]}, {"other": right})


# -- quotations ----------------------------------------------------------------------

def check_quotes(body: str, people: list[str], glossary: Glossary, extracted=None) -> list[Finding]:
    found = []
    try:
        quotes = (extracted or extract(body, glossary=glossary)).quotes
    except Exception:
        quotes = []
    for quote in quotes:
        if not quote.speaker and quote.form == "direct":
            found.append(finding_at(
                body, "quote_no_speaker", quote.span,
                N_("Kutipan ini tidak menyebut siapa yang mengatakannya."),
                N_("Tambahkan atribusi, misalnya “…,” ujar Nama."),
            ))
    verbs = sorted(glossary.speech_verbs("after"), key=len, reverse=True)
    titles = {w for form in glossary.title_forms for w in form.split()} | set(glossary.data.get("generic_titles", []))
    pattern = re.compile(
        r"[\"”]\s*,?\s*(?:" + "|".join(re.escape(v) for v in verbs) + r")\s+([A-Z][a-z'’-]+)\b(?!\s+[A-Z])")
    full_names = [n for n in people if len(n.split()) >= 2]
    for match in pattern.finditer(body):
        short = match.group(1)
        if short in titles:
            continue
        before = body[:match.start(1)]
        introduced = re.search(rf"\b(?:[A-Z][\w'’.-]*\s+{re.escape(short)}|{re.escape(short)}\s+[A-Z][\w'’-]+)\b", before)
        if introduced:
            continue
        full = next((n for n in full_names if short in n.split()), None)
        found.append(finding_at(
            body, "short_name_first", match.span(1),
            N_("“%(short)s” dikutip dengan nama pendek sebelum nama lengkapnya disebut."),
            N_("Sebut jabatan dan nama lengkap pada penyebutan pertama%(full)s."),
            {"short": short}, {"full": f" ({full})" if full else ""},
        ))
    return found

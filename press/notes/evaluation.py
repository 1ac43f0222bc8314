"""Scoring an extraction against a human annotation: the corpus under tests/notes/corpus
and the notes modelled on real releases under tests/notes/real.

Owns the annotation format and the matching rules used by the tests and by
`bench/extract.py`. Imports the notes stages and the standard library only.

Annotation (JSON beside each note): `context` {date, title_holders}, `people` [{name,
title, organisation, honorifics, degrees}], `quotes` [{speaker, starts, form}], `dates`
[{date, weekday_mismatch}], `places` [{name, kind}], `organisations` [names].

Matching rules (one-to-one, in annotation order):
- people-with-title: annotated people that have a title; same name and same title once
  both are case-folded, stripped of dots and expanded through the glossary
  (Kasubag = Kepala Subbagian);
- quote-speaker: same speaker, and the annotated opening words (`starts`) occur in the
  extracted quote text (case-folded, punctuation removed);
- dates: same ISO date and same weekday_mismatch flag;
- places: same name (case-folded) and kind;
- organisations: the annotated name equals the extracted name, abbreviation or
  expansion, before or after glossary expansion.
Extracted items no annotation matches are false positives.

Real notes (`rNN.txt`: a `# gaya: <domain> — <url>` header, an empty line, the note;
`rNN.json` beside it once annotated; in `tests/notes/real` round 1's `split.json` names
the held-back ones, round 2 tunes on all of them and holds back `tests/notes/real2`
whole, round 3 tunes on both folders and holds back `tests/notes/real3` whole) add
`modelled_on`, people `ranks`, quotes `form` ("direct" | "indirect") and `not_people`,
and are scored by REAL_KINDS:
- people: same name (case-folded, dots stripped);
- people-with-title: same name and the same designation, title and organisation
  joined, case-folded, dots and parenthesised short forms dropped, glossary-expanded
  (where an annotator ends the title and starts the organisation does not count);
- direct-/indirect-quote-speaker: quotes of that form, same speaker and opening words;
- places and dates as above.
`non_people` counts extracted people matching no annotated person whose name is listed
in `not_people`, or is a weekday, a month, a street or a region's name.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from press.notes.cleaning import clean
from press.notes.extract import ActivityContext, Extraction, extract
from press.notes.glossary import Glossary, load_glossary
from press.notes.reading import read_note

# What the corpus evaluation scores (precision, recall, F1), one row each.
MEASURED_KINDS = ("people-with-title", "quote-speaker", "dates", "places", "organisations")
REAL_KINDS = ("people", "people-with-title", "direct-quote-speaker", "indirect-quote-speaker", "places", "dates")
HEADER_LINE = re.compile(r"\A(?:#[^\n]*\n)+\s*")
PARENTHESISED = re.compile(r"\([^)]*\)")


@dataclass(frozen=True)
class AnnotatedNote:
    name: str
    raw: bytes
    filename: str
    expected: dict

    @property
    def context(self) -> ActivityContext:
        ctx = self.expected.get("context", {})
        when = date.fromisoformat(ctx["date"]) if ctx.get("date") else None
        return ActivityContext(date=when, title_holders=ctx.get("title_holders", {}))


def load_corpus(corpus_dir: Path, shared_dir: Path) -> list[AnnotatedNote]:
    """Every annotated note: `<name>.json` beside `<name>.txt`, or pointing at a shared file."""
    notes = []
    for annotation in sorted(corpus_dir.glob("*.json")):
        expected = json.loads(annotation.read_text(encoding="utf-8"))
        source = expected.get("source")
        path = shared_dir / source.removeprefix("shared/") if source else annotation.with_suffix(".txt")
        notes.append(AnnotatedNote(annotation.stem, path.read_bytes(), path.name, expected))
    return notes


def run(note: AnnotatedNote, glossary: Glossary | None = None) -> Extraction:
    """Read, clean and extract one annotated note (a real note without its header)."""
    return extract(note_text(note), note.context, glossary)


def note_text(note: AnnotatedNote) -> str:
    """The note as the extractor sees it: read, header lines dropped, cleaned."""
    return clean(HEADER_LINE.sub("", read_note(note.raw, note.filename).text)).text


@dataclass(frozen=True)
class RealNotes:
    """The real notes of one part of the split: those annotated, and the names of
    those not annotated yet (their texts are not read)."""

    annotated: list[AnnotatedNote]
    not_annotated: list[str]


def load_real(real_dir: Path, part: str) -> RealNotes:
    """The "tuning" or "held_back" notes of `split.json`, or "all" the notes of the
    folder (a round's held-back folder, `real2/` or `real3/`, is held back whole). Without a split
    file every annotated note counts as tuning (held-back notes are annotated only after
    the rules are frozen). A missing folder holds no notes."""
    split_file = real_dir / "split.json"
    names = sorted(p.stem for p in real_dir.glob("r*.txt"))
    if part == "all":
        pass
    elif split_file.exists():
        names = json.loads(split_file.read_text(encoding="utf-8"))[part]
    else:
        annotated_now = part == "tuning"
        names = [n for n in names if (real_dir / f"{n}.json").exists() == annotated_now]
    annotated, missing = [], []
    for name in names:
        annotation = real_dir / f"{name}.json"
        if not annotation.exists():
            missing.append(name)
            continue
        text = real_dir / f"{name}.txt"
        annotated.append(AnnotatedNote(name, text.read_bytes(), text.name,
                                       json.loads(annotation.read_text(encoding="utf-8"))))
    return RealNotes(annotated, missing)


def _norm(value: str | None, glossary: Glossary | None = None) -> str:
    value = (value or "").replace(".", " ")
    if glossary:
        value = glossary.expand(value)
    return " ".join(re.sub(r"[^\w/ ]", " ", value.casefold()).split())


def _pair(expected: list, extracted: list, same) -> tuple[int, int, int]:
    unused = list(extracted)
    tp = 0
    for item in expected:
        hit = next((x for x in unused if same(item, x)), None)
        if hit is not None:
            unused.remove(hit)
            tp += 1
    return tp, len(unused), len(expected) - tp


def score(extraction: Extraction, expected: dict, glossary: Glossary | None = None) -> dict[str, tuple[int, int, int]]:
    """(true positives, false positives, false negatives) per kind."""
    g = glossary or load_glossary()
    got = extraction.as_dict()
    return {
        "people-with-title": _pair(
            [p for p in expected["people"] if p.get("title")], [p for p in got["people"] if p["title"]],
            lambda e, x: _norm(e["name"]) == _norm(x["name"]) and _norm(e["title"], g) == _norm(x["title"], g)),
        "quote-speaker": _pair(
            expected["quotes"], got["quotes"],
            lambda e, x: _norm(e["speaker"]) == _norm(x["speaker"]) and _norm(e["starts"]) in _norm(x["text"])),
        "dates": _pair(
            expected["dates"], got["dates"],
            lambda e, x: e["date"] == x["date"] and e["weekday_mismatch"] == x["weekday_mismatch"]),
        "places": _pair(
            expected["places"], got["places"],
            lambda e, x: _norm(e["name"]) == _norm(x["name"]) and e["kind"] == x["kind"]),
        "organisations": _pair(
            expected["organisations"], got["organisations"],
            lambda e, x: _norm(e) in {_norm(x["name"]), _norm(x["abbreviation"]), _norm(x["expansion"])}
            or _norm(e, g) in {_norm(x["name"], g), _norm(x["expansion"], g)}),
    }


def designation(person: dict, glossary: Glossary) -> str:
    """Title and organisation as one comparable phrase."""
    joined = " ".join(filter(None, (person.get("title"), person.get("organisation"))))
    return _norm(PARENTHESISED.sub(" ", joined), glossary)


def _quote_pairs(expected: list, extracted: list, form: str) -> tuple[int, int, int]:
    return _pair(
        [q for q in expected if q.get("form") == form], [q for q in extracted if q["form"] == form],
        lambda e, x: _norm(e["speaker"]) == _norm(x["speaker"]) and _norm(e["starts"]) in _norm(x["text"]))


def score_real(extraction: Extraction, expected: dict, glossary: Glossary | None = None) -> dict[str, tuple[int, int, int]]:
    """(true positives, false positives, false negatives) per REAL_KINDS kind, and
    `non-people`: (count, 0, 0)."""
    g = glossary or load_glossary()
    got = extraction.as_dict()
    same_name = lambda e, x: _norm(e["name"]) == _norm(x["name"])  # noqa: E731
    old = score(extraction, {"people": [], "quotes": [], "organisations": [], **expected}, g)
    return {
        "people": _pair(expected["people"], got["people"], same_name),
        "people-with-title": _pair(
            [p for p in expected["people"] if p.get("title")], [p for p in got["people"] if p["title"]],
            lambda e, x: same_name(e, x) and designation(e, g) == designation(x, g)),
        "direct-quote-speaker": _quote_pairs(expected["quotes"], got["quotes"], "direct"),
        "indirect-quote-speaker": _quote_pairs(expected["quotes"], got["quotes"], "indirect"),
        "places": old["places"],
        "dates": old["dates"],
        "non-people": (len(non_people(got["people"], expected, g)), 0, 0),
    }


def non_people(extracted: list[dict], expected: dict, glossary: Glossary) -> list[str]:
    """Names of extracted "people" that are not people (see the module's docstring)."""
    annotated = {_norm(p["name"]) for p in expected["people"]}
    listed = {_norm(n) for n in expected.get("not_people", [])}
    return [p["name"] for p in extracted if _norm(p["name"]) not in annotated
            and (_norm(p["name"]) in listed or is_date_or_place_word(p["name"], glossary))]


def is_date_or_place_word(name: str, glossary: Glossary) -> bool:
    """Whether `name` is a weekday, a month, a region's name or starts with a street word."""
    folded = name.casefold()
    if folded in glossary.weekday_forms() or folded in glossary.month_forms() \
            or folded in {r.casefold() for r in glossary.region_names}:
        return True
    return any(folded == s.casefold() or folded.startswith(s.casefold() + " ") for s in glossary.street_words)


def real_scores(notes: list[AnnotatedNote], glossary: Glossary | None = None,
                extracted: Callable[[AnnotatedNote], Extraction] | None = None) -> dict[str, tuple[int, int, int]]:
    """Summed counts per REAL_KINDS kind and `non-people` over `notes`; `extracted` gives a
    note's extraction when the caller keeps them (by default each note is extracted)."""
    totals = {kind: (0, 0, 0) for kind in REAL_KINDS + ("non-people",)}
    for note in notes:
        extraction = extracted(note) if extracted else run(note, glossary)
        for kind, counts in score_real(extraction, note.expected, glossary).items():
            totals[kind] = tuple(a + b for a, b in zip(totals[kind], counts))
    return totals


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall, F1 (1.0 when there was nothing to find and nothing found)."""
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def corpus_scores(notes: list[AnnotatedNote], glossary: Glossary | None = None,
                  extracted: Callable[[AnnotatedNote], Extraction] | None = None) -> dict[str, tuple[int, int, int]]:
    """Summed (tp, fp, fn) per kind over `notes` (`extracted` as for `real_scores`)."""
    totals = {kind: (0, 0, 0) for kind in MEASURED_KINDS}
    for note in notes:
        extraction = extracted(note) if extracted else run(note, glossary)
        for kind, counts in score(extraction, note.expected, glossary).items():
            totals[kind] = tuple(a + b for a, b in zip(totals[kind], counts))
    return totals

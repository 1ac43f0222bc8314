"""Scoring an extraction against a human annotation (the corpus under tests/notes/corpus).

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
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from press.notes.cleaning import clean
from press.notes.extract import ActivityContext, Extraction, extract
from press.notes.glossary import Glossary, load_glossary
from press.notes.reading import read_note

# What the corpus evaluation scores (precision, recall, F1), one row each.
MEASURED_KINDS = ("people-with-title", "quote-speaker", "dates", "places", "organisations")


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
    """Read, clean and extract one annotated note."""
    text = clean(read_note(note.raw, note.filename).text).text
    return extract(text, note.context, glossary)


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


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall, F1 (1.0 when there was nothing to find and nothing found)."""
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def corpus_scores(notes: list[AnnotatedNote], glossary: Glossary | None = None) -> dict[str, tuple[int, int, int]]:
    """Summed (tp, fp, fn) per kind over `notes`."""
    totals = {kind: (0, 0, 0) for kind in MEASURED_KINDS}
    for note in notes:
        for kind, counts in score(run(note, glossary), note.expected, glossary).items():
            totals[kind] = tuple(a + b for a, b in zip(totals[kind], counts))
    return totals

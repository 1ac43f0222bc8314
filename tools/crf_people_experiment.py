"""A statistical part beside the notes rules, tried on 510 notes (round 18): a
linear-chain CRF over the words of a note, with the data files' word lists and the rules'
own people as features (stacking), and ways of combining it with the rules' people:
adding the names it tags ("add", "add2": of two words or more) or dropping the people
it does not tag ("drop"; "dropt" never a titled person, "droph" a titled one only when
surer). Scored with `press.notes.evaluation.score_real` (people, with title,
direct-quote speaker, non-people) exactly as the corpus tests do.

    pip install python-crfsuite==0.9.12
    python tools/crf_people_experiment.py cv        # leave one of real13..real16 out
    python tools/crf_people_experiment.py heldout   # train on real..real16, judge real17
    options: --focus (read only around the rules' people), --window N, --scheme bio|io|full,
             --plain (no stacking), --designs rules,drop:0.5,...;
             --check [--protect]: the pure-Python second opinion of tools/people_check.py

What the model reads of a note (tokens, runs, the rules' marks, features, labels) is
tools/crf_people_features.py's. Deterministic: L-BFGS with fixed parameters, notes in
folder and name order, labels in the annotation's order, models in temporary files.
docs/extraction.md, "A statistical part, tried again (510 notes)", holds the figures and
why nothing ships."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tools"))

import crf_people_features as reading  # noqa: E402
import pycrfsuite  # noqa: E402
from crf_people_features import (Lexicon, around_rules, around_uncovered, features, labels_of,  # noqa: E402
                                 rule_marks, stretches, tokens_of)

from press.notes.evaluation import _norm, load_real, note_text, prf, run, score_real  # noqa: E402
from press.notes.extract import Extraction, Person  # noqa: E402
from press.notes.glossary import load_glossary  # noqa: E402

NOTES = REPO / "tests" / "notes"
FOLDERS = ["real"] + [f"real{n}" for n in range(2, 18)]
CV_FOLDS = ("real13", "real14", "real15", "real16")
PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 120, "feature.possible_transitions": True}
FOCUS = False
UNCOVERED = False
DEBUG = False


class Prepared:
    """One note: its text, tokens, the rules' extraction and their marks, its labels."""

    def __init__(self, note, glossary):
        self.note = note
        self.text = note_text(note)
        self.extraction = run(note, glossary)
        self.tokens = tokens_of(self.text)
        self.words = [t.group(0) for t in self.tokens]
        self.marks = rule_marks(self.tokens, self.extraction.people)
        self.labels = labels_of(self.text, self.tokens, note.expected)
        self.runs = around_uncovered(self.words, self.marks) if UNCOVERED else \
            stretches(self.tokens) if not FOCUS else around_rules(self.marks)


def train(prepared: list[Prepared], lexicon: Lexicon, stacked: bool, path: str) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for p in prepared:
        for seq in p.runs:
            trainer.append(features(p.words, p.marks, seq, lexicon, stacked), [p.labels[i] for i in seq])
    trainer.set_params(PARAMS)
    trainer.train(path)


def tagged_names(p: Prepared, tagger, lexicon: Lexicon, stacked: bool):
    """(name, span, least marginal of its tags) for each run of B/I tags; and the set of
    token indexes tagged as a name."""
    found, inside = [], {}
    for seq in p.runs:
        tagger.set(features(p.words, p.marks, seq, lexicon, stacked))
        tags = tagger.tag()
        for k, i in enumerate(seq):
            if p.marks[i]:
                inside[i] = 1 - tagger.marginal("O", k)
        current = []
        for k, tag in enumerate(tags + ["O"]):
            if tag == "B" or (tag == "I" and not current) or tag == "O":
                if current:
                    i, j = seq[current[0]], seq[current[-1]]
                    sure = min(tagger.marginal(tags[c], c) for c in current)
                    found.append((p.text[p.tokens[i].start():p.tokens[j].end()],
                                  (p.tokens[i].start(), p.tokens[j].end()), sure))
                    current = []
                if tag != "O":
                    current = [k]
            else:
                current.append(k)
    return found, inside


def combine(p: Prepared, found, inside, design: str, threshold: float) -> Extraction:
    """The rules' extraction with the model's names added or the rules' people dropped."""
    rules = p.extraction
    people = list(rules.people)
    covered = [p_.span for p_ in people] + [m for p_ in people for m in p_.mentions]
    rule_words = {w for p_ in people for w in _norm(p_.name).split()}
    if design.startswith("add"):
        many = design == "add2"
        for name, span, sure in found:
            words = _norm(name).split()
            if sure < threshold or (many and len(words) < 2) or not words:
                continue
            if any(a < span[1] and span[0] < b for a, b in covered) or set(words) <= rule_words:
                continue
            if any(set(words) < set(_norm(n).split()) for n, _, s in found if s >= threshold):
                continue
            people.append(Person(name, None, None, [], [], span))
            covered.append(span)
            rule_words |= set(words)
    elif design.startswith("drop"):  # drop, dropt (never a titled person), droph (a titled one only when surer)
        starts = {t.start(): i for i, t in enumerate(p.tokens)}
        keep = []
        for person in people:
            hit = False
            for a, b in [person.span, *person.mentions]:
                i = starts.get(a)
                while i is not None and i < len(p.tokens) and p.tokens[i].end() <= b:
                    hit |= inside.get(i, 1.0) > 1 - (0.9 if design == "droph" and person.title else threshold)
                    i += 1
            one_word = len(person.name.split()) == 1
            if DEBUG and not hit and threshold == 0.5 and design == "drop":
                print("  drop", repr(person.name), "annotated" if _norm(person.name) in
                      {_norm(e["name"]) for e in p.note.expected["people"]} else "not annotated", p.note.name)
            if hit or (design == "drop1" and not one_word) or (design == "drop1t" and (not one_word or person.title)) \
                    or (design == "dropt" and person.title):
                keep.append(person)
        people = keep
    return Extraction(people, rules.organisations, rules.places, rules.dates, rules.quotes)


KINDS = ("people", "people-with-title", "direct-quote-speaker", "non-people")


def judge(check: list[Prepared], tagger, lexicon, stacked, designs) -> dict:
    totals = {d: {k: (0, 0, 0) for k in KINDS} for d in designs}
    cpu = 0.0
    for p in check:
        started = time.process_time()
        found, inside = tagged_names(p, tagger, lexicon, stacked) if tagger else ([], set())
        cpu += time.process_time() - started
        for design, threshold in designs:
            got = p.extraction if design == "rules" else combine(p, found, inside, design, threshold)
            scores = score_real(got, p.note.expected)
            row = totals[(design, threshold)]
            for k in KINDS:
                row[k] = tuple(a + b for a, b in zip(row[k], scores[k]))
    return totals, cpu / max(1, len(check))


def f1_row(row: dict) -> str:
    cells = [f"{prf(*row[k])[2]:.3f}" for k in KINDS[:3]]
    return " | ".join(cells + [str(row['non-people'][0])])


DESIGNS = [("rules", 0), ("add", 0.0), ("add", 0.5), ("add", 0.8), ("add", 0.9), ("add2", 0.5), ("add2", 0.8), ("add2", 0.9),
           ("drop", 0.5), ("drop", 0.7), ("drop", 0.8), ("drop", 0.9), ("drop", 0.95), ("dropt", 0.5), ("dropt", 0.8), ("droph", 0.5), ("droph", 0.7),
           ("dropt", 0.9), ("drop1", 0.5), ("drop1", 0.8), ("drop1t", 0.5)]


def second_opinion(mode: str, protect: bool) -> None:
    """The design carried furthest (tools/people_check.py, trained by
    tools/train_people_check.py): each fold trained on the other folders, the rules'
    extraction scored as it is and with the people the model doubts dropped."""
    import json

    import people_check as check
    from press.notes.evaluation import real_scores
    from train_people_check import train as train_check

    glossary = load_glossary()
    folds = CV_FOLDS if mode == "cv" else ("real17",)
    for fold in folds:
        training = [n for f in FOLDERS if f != fold and (mode == "cv" or f != "real17")
                    for n in load_real(NOTES / f, "all").annotated]
        checked = load_real(NOTES / fold, "all").annotated
        with tempfile.TemporaryDirectory() as tmp:
            check.WEIGHTS = Path(tmp) / "weights.json"
            check.WEIGHTS.write_text(json.dumps(train_check(training, glossary)), encoding="utf-8")
            check._weights.cache_clear()
            found = {n.name: run(n, glossary) for n in checked}
            rules = real_scores(checked, glossary, lambda n: found[n.name])
            started = time.process_time()
            kept = {n.name: check.keep_likely(note_text(n), found[n.name].people, glossary, protect) for n in checked}
            took = time.process_time() - started
            with_check = real_scores(checked, glossary, lambda n: Extraction(
                kept[n.name], found[n.name].organisations, found[n.name].places, found[n.name].dates, found[n.name].quotes))
            check._weights.cache_clear()
        print(f"{fold} ({len(checked)} notes; trained on {len(training)}{'; protected shapes kept' if protect else ''}):"
              f" people | with title | direct-quote speaker | non-people; the check {took / len(checked) * 1000:.2f} ms CPU a note")
        print(f"  rules            {f1_row(rules)}")
        print(f"  rules + check    {f1_row(with_check)}")


def main() -> None:
    global FOCUS, DEBUG, UNCOVERED
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("cv", "heldout"))
    parser.add_argument("--check", action="store_true", help="the design carried furthest: tools/people_check.py")
    parser.add_argument("--protect", action="store_true", help="with --check: people with a title, honorific, rank or degree kept unjudged")
    parser.add_argument("--plain", action="store_true", help="no stacking: the model does not see the rules' people")
    parser.add_argument("--focus", action="store_true", help="read only the rules' people and two words either side")
    parser.add_argument("--debug", action="store_true")
    parser.add_argument("--uncovered", action="store_true", help="read only around capitalised words no person of the rules holds")
    parser.add_argument("--scheme", choices=("bio", "io", "full"), default=reading.SCHEME,
                        help="labels: B/I of full names and last names alone, I only, or full names only")
    parser.add_argument("--window", type=int, default=reading.WINDOW)
    parser.add_argument("--c1", type=float, default=PARAMS["c1"])
    parser.add_argument("--c2", type=float, default=PARAMS["c2"])
    parser.add_argument("--person", action="store_true", help="the rules' person (title, honorifics, degrees, mentions, one word) as features")
    parser.add_argument("--designs", default="")
    args = parser.parse_args()
    if args.check:
        return second_opinion(args.mode, args.protect)
    reading.WINDOW, reading.SCHEME, UNCOVERED = args.window, args.scheme, args.uncovered
    PARAMS.update(c1=args.c1, c2=args.c2)
    FOCUS, DEBUG, reading.PERSON_FEATURES = args.focus, args.debug, args.person
    chosen = args.designs.split(",") if args.designs else []
    designs = [d for d in DESIGNS if not chosen or d[0] in chosen or f"{d[0]}:{d[1]}" in chosen]
    glossary = load_glossary()
    lexicon = Lexicon(glossary)
    stacked = not args.plain
    started = time.process_time()
    notes = {f: [Prepared(n, glossary) for n in load_real(NOTES / f, "all").annotated] for f in FOLDERS}
    print(f"rules run on {sum(map(len, notes.values()))} notes: {time.process_time() - started:.0f} s CPU")
    folds = CV_FOLDS if args.mode == "cv" else ("real17",)
    for fold in folds:
        training = [p for f in FOLDERS if f != fold and (args.mode == "cv" or f != "real17") for p in notes[f]]
        with tempfile.NamedTemporaryFile(suffix=".crfsuite") as model:
            started = time.process_time()
            train(training, lexicon, stacked, model.name)
            took = time.process_time() - started
            tagger = pycrfsuite.Tagger()
            tagger.open(model.name)
            totals, cpu = judge(notes[fold], tagger, lexicon, stacked, designs)
        print(f"\n{fold}: trained on {len(training)} notes in {took:.0f} s CPU; model {cpu * 1000:.2f} ms CPU a note"
              f" ({'stacked' if stacked else 'plain'})")
        print("design | people | with title | direct-quote speaker | non-people")
        for (design, threshold), row in totals.items():
            print(f"{design} {threshold} | {f1_row(row)}")


if __name__ == "__main__":
    main()

"""The experiment behind round 4's CRF decision: a linear-chain CRF tagging person-name
tokens, trained on tests/notes/real and real2 and checked on tests/notes/real3 (or, with
`--fold real2`, trained on real and real3 and checked on real2), against the rules alone,
the rules plus the CRF's names, and the rules filtered by them. People F1 as
`press.notes.evaluation` matches names (case-folded, dots dropped).

The CRF lost on the notes it did not see (see docs/extraction.md, "Round 4 rules"), so no
model ships and python-crfsuite is no dependency; to run this again:
`pip install --target /tmp/crf python-crfsuite==0.9.12` then
`PYTHONPATH=/tmp/crf python tools/crf_people_experiment.py`. Training is deterministic
(L-BFGS, fixed parameters, notes in name order); the model is written to a temporary file."""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import pycrfsuite  # noqa: E402

from press.notes.evaluation import _norm, load_real, note_text, prf, run  # noqa: E402
from press.notes.glossary import load_glossary  # noqa: E402
from press.notes.rules import rules_for  # noqa: E402

TOKEN = re.compile(r"\w+(?:[.'’-]\w+)*\.?|[^\w\s]")
NOTES = REPO / "tests" / "notes"


class Lexicon:
    def __init__(self, glossary):
        self.titles = {w.casefold() for t in glossary.title_forms for w in t.split()}
        self.honorifics = {h.casefold().rstrip(".") for h in glossary.honorifics}
        self.regions = {w.casefold() for r in glossary.region_names for w in r.split()}
        self.nobody = {w.casefold() for w in glossary.data["not_person_words"]}
        self.degrees = rules_for(glossary).degree_keys

    def word(self, w: str, at: str = "") -> dict:
        lw = w.casefold()
        return {f"{at}lw": lw, f"{at}cap": w[:1].isupper(), f"{at}tw": lw in self.titles,
                f"{at}hon": lw.rstrip(".") in self.honorifics, f"{at}reg": lw in self.regions,
                f"{at}np": lw in self.nobody, f"{at}deg": w.replace(".", "").upper() in self.degrees,
                f"{at}punct": not w[0].isalnum()}

    def features(self, words: list[str], i: int) -> dict:
        w = words[i]
        f = {"bias": 1, "suf3": w.casefold()[-3:], "pre3": w.casefold()[:3], "upper": w.isupper(),
             "digit": any(c.isdigit() for c in w), "dot": "." in w, "one": len(w) == 1, **self.word(w)}
        for d in (-2, -1, 1, 2):
            j = i + d
            f.update(self.word(words[j], f"{d}:") if 0 <= j < len(words) else {f"{d}:edge": 1})
        return f


def tokens_and_labels(note) -> tuple[list[str], list[str]]:
    """Tokens of the note and B/I/O for the annotated names (and their last word alone)."""
    text = note_text(note)
    tokens = list(TOKEN.finditer(text))
    labels = ["O"] * len(tokens)
    for person in note.expected["people"]:
        name = person["name"]
        for form in {name, name.split()[-1]}:
            for m in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text):
                inside = [k for k, t in enumerate(tokens) if t.start() >= m.start() and t.end() <= m.end()]
                for n, k in enumerate(inside):
                    if labels[k] == "O":
                        labels[k] = "B" if n == 0 else "I"
    return [t.group(0) for t in tokens], labels


def names_tagged(words: list[str], tags: list[str]) -> list[str]:
    spans, current = [], []
    for word, tag in zip(words, tags):
        if tag == "B" or (tag == "I" and not current):
            if current:
                spans.append(current)
            current = [word]
        elif tag == "I":
            current.append(word)
        elif current:
            spans.append(current)
            current = []
    if current:
        spans.append(current)
    return [_norm(" ".join(s)) for s in spans]


def pair(expected: list[str], got: list[str]) -> tuple[int, int, int]:
    got, tp = list(got), 0
    for name in expected:
        if name in got:
            got.remove(name)
            tp += 1
    return tp, len(got), len(expected) - tp


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fold", choices=("real3", "real2"), default="real3", help="the folder checked on")
    args = parser.parse_args()
    glossary = load_glossary()
    lexicon = Lexicon(glossary)
    folders = {"real3": ("real", "real2"), "real2": ("real", "real3")}[args.fold]
    train = [n for f in folders for n in load_real(NOTES / f, "all").annotated]
    check = load_real(NOTES / args.fold, "all").annotated
    trainer = pycrfsuite.Trainer(verbose=False)
    for note in train:
        words, labels = tokens_and_labels(note)
        trainer.append([lexicon.features(words, i) for i in range(len(words))], labels)
    trainer.set_params({"c1": 0.1, "c2": 0.05, "max_iterations": 150, "feature.possible_transitions": True})
    totals = {k: (0, 0, 0) for k in ("rules", "crf", "rules + crf", "rules + sure crf", "rules filtered")}
    tagging = 0.0
    with tempfile.NamedTemporaryFile(suffix=".crfsuite") as model:
        trainer.train(model.name)
        tagger = pycrfsuite.Tagger()
        tagger.open(model.name)
        for note in check:
            words, _ = tokens_and_labels(note)
            started = time.process_time()
            tagger.set([lexicon.features(words, i) for i in range(len(words))])
            tags = tagger.tag()
            tagging += time.process_time() - started
            tagged = set(names_tagged(words, tags))
            longest = [c for c in tagged if not any(set(c.split()) < set(o.split()) for o in tagged)]
            rules = [_norm(p.name) for p in run(note, glossary).people]
            new = [c for c in longest if not any(set(c.split()) <= set(r.split()) for r in rules)]
            sure = [c for c in new if len(c.split()) > 1 and min(
                (tagger.marginal(tags[i], i) for i in range(len(words)) if tags[i] != "O" and _norm(words[i]) in c.split()),
                default=0) > 0.9]
            tagged_words = {w for c in tagged for w in c.split()}
            expected = [_norm(p["name"]) for p in note.expected["people"]]
            for kind, got in (("rules", rules), ("crf", longest), ("rules + crf", rules + new),
                              ("rules + sure crf", rules + sure),
                              ("rules filtered", [r for r in rules if set(r.split()) & tagged_words])):
                totals[kind] = tuple(a + b for a, b in zip(totals[kind], pair(expected, got)))
    print(f"trained on {' + '.join(folders)} ({len(train)} notes), checked on {args.fold} ({len(check)} notes)")
    for kind, (tp, fp, fn) in totals.items():
        precision, recall, f1 = prf(tp, fp, fn)
        print(f"{kind:<18} tp {tp:>4} fp {fp:>4} fn {fn:>4}  P {precision:.3f} R {recall:.3f} F1 {f1:.3f}")
    print(f"CRF features + tagging: {tagging / len(check) * 1000:.0f} ms CPU per note")


if __name__ == "__main__":
    main()

"""Short forms written in the wrong case (``spelling``; EYD V, huruf kapital, singkatan dan akronim: an
initialism in capitals, "RT/RW"; an acronym of a name made of syllables with its first letter capital,
"Baznas", "Nataru"), since round 20: a word or pair of words that, read without case, is one of the
standard forms of ``words.json``'s ``abbreviations`` or of the short forms of the glossary's
organisations, written another way ("Rt/Rw", "BAZNas", "NATARU", "SEKDES", "satpol pp", "praja ipdn",
"TNI-POLRI", "covid-19"); since round 21 also a rank's short form of ``ranks.json`` ("Akp", "BRIPKA"). Left
as written: a short form KBBI or EYD V lets stand in lower case as a
common word (``words.json``'s ``acronym_words``: "satpol", "sekdes"), a common word the form also spells,
a line in capitals (a headline, a dateline), an address, a hashtag or a mention.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache

from press.errors import N_
from press.notes.glossary import load_glossary
from press.notes.rules import bounded_alternation

from .finding import Finding, finding_at, line_at
from .lexicon import frequency, is_indonesian

NAME_AFTER = re.compile(r"[ ][A-Z][a-z]")
RULE = "EYD V (huruf kapital): singkatan ditulis kapital, akronim nama diri berhuruf awal kapital (RT/RW, Baznas)"


@lru_cache(maxsize=1)
def _forms() -> tuple[dict[str, str], frozenset[str], re.Pattern]:
    from .rule_data import DATA_DIR
    listed = json.loads((DATA_DIR / "words.json").read_text(encoding="utf-8"))
    standard: dict[str, str] = {}
    for form in list(listed["abbreviations"]) + list(load_glossary().data["organisations"]):
        if len(form) >= 2 and form.lower() not in standard and not any(c.isdigit() for c in form.replace("-19", "")):
            standard[form.lower()] = form
    ranks = _rank_forms()
    for lower, form in ranks.items():
        standard.setdefault(lower, form)
    lower_allowed = frozenset(w.lower() for w in listed["acronym_words"])
    forms = list(standard)
    pattern = re.compile(bounded_alternation(forms, before=r"[\w@#.]") + r"(?![\w@]|\.\w|-[a-z])", re.I)
    return standard, lower_allowed, pattern, frozenset(f.lower() for f in listed["abbreviations"]) | frozenset(ranks)


def _rank_forms() -> dict[str, str]:
    """The ranks' short forms of ``ranks.json`` that no common word spells, each in its standard case
    (round 21): the form with its first letter capital where the glossary has one ("Bripka"; "BRIPKA"
    is a headline's), else the initialism in capitals ("AKP"; "Akp" is a slip)."""
    forms: dict[str, str] = {}
    for form in sorted(load_glossary().rank_forms, key=lambda f: f.isupper()):
        lower = form.lower()
        if " " not in form and len(form) >= 3 and not is_indonesian(lower) and "." not in form:
            forms.setdefault(lower, form)
    return forms


def _slip(written: str, form: str, listed: bool, lower_allowed, name_after: bool) -> bool:
    """Whether ``written`` is ``form`` in a case EYD V does not write: an initialism's part in lower case
    ("satpol pp", "ipdn"; in title case only for the listed forms, "Rt": "Bpk" is Bapak, "Pd" a degree's),
    an acronym of syllables in capitals ("SEKDES"; "COVID-19" is the WHO's form) or mixed ("BAZNas"), or
    in lower case when it is a listed name ("nataru") or a name follows ("polres Palas"); a syllabic
    acronym in lower case is otherwise the common noun EYD V allows ("setiap polsek")."""
    for part, standard in zip(written.split(" "), form.split(" ")):
        if part == standard:
            continue
        if standard.isupper():
            if part.islower() or listed:
                return True
        elif part.isupper():
            if len(part) > 3 and not any(c.isdigit() for c in part):
                return True
        elif not part.islower() and not part.istitle():
            return True
        elif part.islower() and (listed and part not in lower_allowed or name_after):
            return True
    return False


def _capitals_line(body: str, at: int) -> bool:
    words = [w for w in re.findall(r"[^\W\d_]+", line_at(body, at)) if len(w) > 2]
    return bool(words) and sum(w.isupper() for w in words) >= 0.5 * len(words)


def abbreviation_case(body: str, protected=()) -> list[Finding]:
    standard, lower_allowed, pattern, listed = _forms()
    found = []
    for match in pattern.finditer(body):
        written = match.group()
        form = standard[written.lower()]
        start, end = match.span()
        if written == form or any(s < end and start < e for s, e in protected):
            continue
        name_after = bool(NAME_AFTER.match(body, end))
        if written.islower() and (written in lower_allowed and not name_after
                                  or is_indonesian(written) and frequency(written) >= 3.0):
            continue  # "sekdes" as EYD V lets it be written (not "pemkab Sumenep"); "pos", a common word
        if written.isupper() and _capitals_line(body, start):
            continue  # a headline or a dateline in capitals
        if not _slip(written, form, written.lower() in listed, lower_allowed, name_after):
            continue
        found.append(finding_at(
            body, "spelling", (start, end), N_("Ejaan tidak baku: “%(written)s”; bentuk bakunya “%(standard)s”."),
            N_("Ganti dengan “%(standard)s” (%(rule)s)."), {"written": written, "standard": form},
            {"standard": form, "rule": RULE}, form))
    return found

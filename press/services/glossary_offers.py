"""The corrections writers made on review pages, across activities, offered to the admin
as glossary additions.

:func:`offers` turns each correction into the addition it suggests (a rejected "Sleman"
-> ``not_person_words``, a fixed title "Kabag Tapem" -> an alias of "Kepala Bagian Tata
Pemerintahan", an unknown rank, honorific or degree -> its list), leaving out what the
glossary already holds; :func:`accept_offer` merges one into the admin's extra glossary,
checked, tried and written as the glossary page saves it, so the extractor uses it
from the next note on. Only the admin: both check the acting user's role. Never imports
Flask, never commits.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from press.errors import N_
from press.models import NoteCorrection, User
from press.notes import Glossary
from press.notes.glossary import merge

from . import access
from .audit import record
from .glossary import extra_data, glossary_for, save_glossary_extra
from .note_corrections import CorrectionError, split_values

ADMIN_ONLY = N_("Hanya admin yang boleh mengubah glosarium.")

@dataclass
class Offer:
    """A glossary addition the corrections suggest: ``addition`` is an extra-glossary
    object; ``correction_id`` one correction that suggests it (what the admin accepts)."""

    correction_id: int
    kind: str
    wrong: str
    right: str | None
    addition: dict
    activities: set[int] = field(default_factory=set)

    @property
    def key(self) -> str:
        return json.dumps(self.addition, ensure_ascii=False, sort_keys=True)


def _degree_key(word: str) -> str:
    return re.sub(r"[\s.,]", "", word).upper()


def addition_for(correction: NoteCorrection, glossary: Glossary) -> dict | None:
    """The glossary addition a correction suggests, or None when the glossary already says it."""
    data = glossary.data
    if correction.kind == "not_person":
        known = {w.lower() for w in data.get("not_person_words", [])}
        if "not_person_words" in data and correction.wrong.lower() not in known:
            return {"not_person_words": [correction.wrong]}
        return None
    right = correction.right or ""
    if correction.kind == "title":
        if not right or right in glossary.title_forms:
            return None
        full = glossary.expand(right)
        if full != right:
            return {"titles": {full: [right]}}
        wrong = correction.wrong
        alias = [wrong] if wrong and wrong not in glossary.title_forms and len(wrong) < len(right) else []
        return {"titles": {right: alias}}
    if correction.kind == "honorifics":
        known = {w.lower() for w in glossary.honorifics}
        new = [w for w in split_values(right) if w.lower() not in known]
        return {"honorifics": new} if new else None
    if correction.kind == "ranks":
        known = {w.lower().strip("()") for rank in data["ranks"] for w in rank.split()}
        known |= {c.lower().strip("()") for c in data.get("corps", {})}
        new = [w for w in split_values(right) if w.lower().strip("()") not in known]
        return {"ranks": new} if new else None
    if correction.kind == "degrees":
        known = {_degree_key(d) for d in data["degrees"]}
        new = [w for w in split_values(right) if _degree_key(w) not in known]
        return {"degrees": new} if new else None
    return None


def offers(session: Session, actor: User | None) -> list[Offer]:
    """The glossary additions the corrections of every activity suggest and the glossary
    (built-in and the admin's additions) does not hold yet, the most widely made first."""
    access.require(session, actor, "glossary.edit", error=CorrectionError, message=ADMIN_ONLY)
    glossary = glossary_for(session)
    found: dict[str, Offer] = {}
    for correction in session.scalars(select(NoteCorrection).order_by(NoteCorrection.id)):
        addition = addition_for(correction, glossary)
        if addition is None:
            continue
        offer = Offer(correction.id, correction.kind, correction.wrong, correction.right, addition)
        offer = found.setdefault(offer.key, offer)
        offer.activities.add(correction.activity_id)
    return sorted(found.values(), key=lambda o: (-len(o.activities), o.correction_id))


def accept_offer(session: Session, correction_id: int, actor: User | None) -> dict:
    """Merge the addition one correction suggests into the admin's extra glossary
    (checked, tried and written as the glossary page saves it); returns the addition."""
    access.require(session, actor, "glossary.edit", error=CorrectionError, message=ADMIN_ONLY)
    correction = session.get(NoteCorrection, correction_id)
    if correction is None:
        raise CorrectionError(N_("Koreksi itu tidak ada (lagi); glosarium tidak diubah."))
    addition = addition_for(correction, glossary_for(session))
    if addition is None:
        raise CorrectionError(N_("Glosarium sudah memuat usulan ini; tidak ada yang diubah."))
    save_glossary_extra(session, json.dumps(merge(extra_data(session), addition), ensure_ascii=False), actor)
    record(session, actor, "glossary.correction_accepted", correction, addition=addition)
    return addition

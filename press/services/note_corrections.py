"""Corrections remembered per activity.

When the writer marks an extracted "person" as not a person, or fixes a person's title,
name, honorifics, ranks or degrees on a note's review page, :func:`remember` stores the
correction for the note's activity (``NoteCorrection``); :func:`apply` puts them on the
next extraction of a note of the same activity (the same wrong "person" is not proposed
again, the same fixed title comes back fixed). A fix is keyed by the name the extractor
gave and the value it proposed, so it applies only where the extractor says the same
thing again.

``press.services.glossary_offers`` offers them, across activities, to the admin as
glossary additions. Writers correct: each verb checks the acting user's ``note.write`` on the
note's unit. Takes a
session and the acting user, never imports Flask, never commits; ``press.services.notes``
applies them when it extracts, so this module imports no other notes service.
"""
from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from press.errors import N_, ServiceError
from press.models import Activity, Note, NoteCorrection, User

from . import access
from .audit import record

FIELDS = ("title", "name", "honorifics", "ranks", "degrees")
"""The person's fields a correction may fix, the name last (the others find the person by it)."""
LIST_SEPARATORS = {"honorifics": " ", "ranks": " ", "degrees": ", "}
MAX_VALUE = 200


class CorrectionError(ServiceError):
    """A correction cannot be made or undone as asked; the message says why."""


def require_note_writer(session: Session, actor: User | None, note: Note) -> None:
    """Refuse an actor who may not review ``note`` (``note.write`` on its activity's unit)."""
    access.require(session, actor, "note.write", note, error=CorrectionError,
                   message=N_("Peran Anda tidak boleh meninjau catatan."))


def split_values(value) -> list[str]:
    """Honorifics, ranks or degrees as a list: a list as given, or text split at commas
    when it has any ("S.Sos., M.Si"), else at spaces ("Letkol Kav"); empty items dropped."""
    if isinstance(value, str):
        value = re.split(r"\s*,\s*" if "," in value else r"\s+", value.strip())
    return [" ".join(v.split()) for v in value or [] if isinstance(v, str) and v.strip()]


def value_text(kind: str, value) -> str:
    """One field's value as the correction stores it ("" for none)."""
    if kind in LIST_SEPARATORS:
        return LIST_SEPARATORS[kind].join(split_values(value))
    return " ".join(value.split()) if isinstance(value, str) else ""


def _value(kind: str, text: str | None):
    if kind in LIST_SEPARATORS:
        return split_values(text or "")
    return text or None


def corrections_for(session: Session, activity: Activity) -> list[NoteCorrection]:
    return list(session.scalars(select(NoteCorrection).where(NoteCorrection.activity_id == activity.id)
                                .order_by(NoteCorrection.id)))


def _upsert(session: Session, note: Note, actor: User | None, kind: str, source_name: str, wrong: str,
            right: str | None) -> NoteCorrection | None:
    if len(source_name) > MAX_VALUE or len(wrong) > MAX_VALUE:
        return None  # a value the extractor never gives twice: nothing to remember it by
    correction = session.scalar(select(NoteCorrection).where(
        NoteCorrection.activity_id == note.activity_id, NoteCorrection.kind == kind,
        NoteCorrection.source_name == source_name, NoteCorrection.wrong == wrong))
    if correction is None:
        correction = NoteCorrection(activity_id=note.activity_id, kind=kind, source_name=source_name, wrong=wrong)
        session.add(correction)
    correction.right, correction.note_id = right, note.id
    correction.created_by_id = actor.id if actor is not None else None
    return correction


def _forget_where(session: Session, note: Note, kind: str, source_name: str, wrong: str) -> None:
    for stale in session.scalars(select(NoteCorrection).where(
            NoteCorrection.activity_id == note.activity_id, NoteCorrection.kind == kind,
            NoteCorrection.source_name == source_name, NoteCorrection.wrong == wrong)):
        session.delete(stale)


def remember(session: Session, note: Note, accepted_people: list[dict], not_people: list[str],
             actor: User | None) -> list[NoteCorrection]:
    """Store what the writer corrected in the review of ``note``: each name in
    ``not_people`` (extracted "people" marked as not a person) and each field of an
    accepted person (``source_name`` the extracted name) that differs from what was
    extracted. A field set back to the extracted value, or a "person" accepted after
    all, forgets the earlier correction. Returns the corrections stored."""
    require_note_writer(session, actor, note)
    extracted = {p.get("name"): p for p in (note.extraction or {}).get("people", []) if p.get("name")}
    stored = []
    for name in dict.fromkeys(not_people):
        if name in extracted:
            stored.append(_upsert(session, note, actor, "not_person", "", name, None))
    for person in accepted_people:
        source = extracted.get(person.get("source_name"))
        if source is None:
            continue
        _forget_where(session, note, "not_person", "", source["name"])
        for kind in FIELDS:
            wrong, right = value_text(kind, source.get(kind)), value_text(kind, person.get(kind))
            if wrong == right:
                _forget_where(session, note, kind, source["name"], wrong)
            else:
                stored.append(_upsert(session, note, actor, kind, source["name"], wrong, right or None))
    stored = [c for c in stored if c is not None]
    if stored:
        session.flush()
        record(session, actor, "note.corrections_remembered", note, activity_id=note.activity_id,
               corrections=len(stored))
    return stored


def apply(session: Session, activity: Activity, extraction: dict) -> int:
    """Put the corrections remembered for ``activity`` on a fresh ``extraction`` (the
    dict of ``Extraction.as_dict()``, changed in place); returns how many applied."""
    corrections = corrections_for(session, activity)
    if not corrections:
        return 0
    applied = 0
    not_people = {c.wrong for c in corrections if c.kind == "not_person"}
    people = extraction.get("people", [])
    kept = [p for p in people if p.get("name") not in not_people]
    applied += len(people) - len(kept)
    renamed = {}
    fixes = {(c.source_name, c.kind, c.wrong): c.right for c in corrections if c.kind != "not_person"}
    for person in kept:
        source = person.get("name")
        for kind in FIELDS:
            key = (source, kind, value_text(kind, person.get(kind)))
            if key in fixes:
                person[kind] = _value(kind, fixes[key]) if kind != "name" else (fixes[key] or source)
                applied += 1
        if person.get("name") != source:
            renamed[source] = person["name"]
    extraction["people"] = kept
    for quote in extraction.get("quotes", []):
        if quote.get("speaker") in not_people:
            quote["speaker"] = None
        elif quote.get("speaker") in renamed:
            quote["speaker"] = renamed[quote["speaker"]]
    return applied


def forget(session: Session, note: Note, correction_id: int, actor: User | None) -> NoteCorrection:
    """Forget one remembered correction of the note's activity (the writer's undo)."""
    require_note_writer(session, actor, note)
    correction = session.get(NoteCorrection, correction_id)
    if correction is None:
        raise CorrectionError(N_("Koreksi itu tidak ada (lagi); tidak ada yang diubah."))
    if correction.activity_id != note.activity_id:
        raise CorrectionError(N_("Koreksi itu milik kegiatan lain, bukan kegiatan catatan ini; tidak ada yang diubah."))
    session.delete(correction)
    session.flush()
    record(session, actor, "note.correction_forgotten", note, activity_id=note.activity_id,
           kind=correction.kind, wrong=correction.wrong)
    return correction

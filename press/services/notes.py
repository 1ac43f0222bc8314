"""Notes on an activity: add (read, clean, store, index) and extract; the review is
``press.services.note_review``, the admin's extra glossary ``press.services.glossary``.

Owns the verbs over `Note`: :func:`add_note` turns typed text and/or an uploaded file
into stored notes (a refused file gives a translatable reason while the typed note
beside it is still stored); :func:`extract_note` fills in what the extractor finds, after
the caller has committed the note, so that a slow, failing or killed extraction never
loses what was typed (``Note.extraction_state``, an ``ExtractionState``: pending until
extracted, done, failed, with the corrections remembered for the activity applied:
``note_corrections``); :func:`activity_context` gives the extractor what the activity knows. Takes
a session and the acting user, never imports Flask, never commits (the web layer and
the CLI do). Imports models, the notes stages and the other services.

``Note.cleaning`` holds ``{"changes": {kind: count}, "warnings": [msgid, …]}``: what the
cleaning changed (mojibake lines repaired, non-breaking spaces …) and how the file was
read (Windows-1252 …), for the writer to see.

``Note.extraction`` is ``Extraction.as_dict()`` (people, organisations, places, dates,
quotes, each with its ``span`` into ``Note.text``; people with ``ranks``, quotes with
``form``: :func:`extraction_of`).
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from press.codes import ExtractionState
from press.errors import N_, ServiceError
from press.models import Activity, Note, Position, User
from press.notes import ActivityContext, Cleaned, Glossary, NoteRefused, clean, extract, load_glossary, read_note, read_typed
from press.notes import Participant as ContextParticipant
from press.notes.accepted import QUOTE_FORMS, quote_form
from press.notes.rules import alternation

from . import access
from .audit import record
from .indexing import enqueue_index
from .note_corrections import apply as apply_corrections

log = logging.getLogger(__name__)

TAG_SOURCE = "notes"
MAX_NOTE_CHARS = 200_000

# Refusal codes of press.notes.reading -> a message the web layer translates.
REFUSALS = {
    "empty": N_("Berkas “%(filename)s” kosong: tidak ada teks di dalamnya."),
    "no_text": N_("Berkas “%(filename)s” tidak berisi teks (hanya gambar); tidak ada catatan yang disimpan."),
    "unsupported_type": N_("Berkas “%(filename)s” tidak didukung: unggah .txt, .md atau .docx."),
    "not_text": N_("Berkas “%(filename)s” bukan teks biasa (isinya biner). Simpan sebagai .txt atau unggah .docx."),
    "unknown_encoding": N_("Pengodean teks “%(filename)s” tidak dikenali (bukan UTF-8, UTF-16 maupun "
                           "Windows-1252). Simpan ulang sebagai UTF-8."),
    "lock_file": N_("“%(filename)s” adalah berkas kunci Word (~$), bukan dokumen. Unggah dokumen aslinya."),
    "legacy_doc": N_("“%(filename)s” adalah dokumen Word lama (.doc). Buka di Word lalu simpan sebagai .docx."),
    "strict_ooxml": N_("“%(filename)s” disimpan sebagai “Strict Open XML”. Simpan ulang di Word sebagai "
                       "“Word Document (.docx)”."),
    "not_a_document": N_("“%(filename)s” adalah arsip ZIP, bukan dokumen Word."),
    "corrupt_docx": N_("“%(filename)s” bukan dokumen Word yang utuh dan tidak dapat dibaca."),
    "too_long": N_("Catatan “%(filename)s” terlalu panjang (lebih dari %(limit)s karakter)."),
}
READ_WARNINGS = {
    "cp1252": N_("Berkas dibaca sebagai Windows-1252, bukan UTF-8; periksa huruf beraksen."),
}
CLEANING_CHANGE_LABELS = {
    "mojibake_lines": N_("baris dengan karakter rusak (mojibake) diperbaiki"),
    "zero_width_characters": N_("karakter tak terlihat (zero-width) dihapus"),
    "non_breaking_spaces": N_("spasi tak terputus dijadikan spasi biasa"),
    "extra_spaces": N_("spasi berlebih dirapikan"),
    "boilerplate_lines": N_("baris tempelan web (“Baca juga”, dll.) dihapus"),
    "double_quotes": N_("tanda kutip ganda diseragamkan"),
    "single_quotes": N_("tanda kutip tunggal diseragamkan"),
    "glued_quote_marks": N_("spasi disisipkan sebelum tanda kutip yang menempel pada kalimat sebelumnya"),
}


class NoteError(ServiceError):
    """A note cannot be added or reviewed as asked; the message says why."""


@dataclass
class Refusal:
    """Why an uploaded file was not stored: a stable code and a translatable message."""

    code: str
    message: str
    params: dict = field(default_factory=dict)

    def __str__(self) -> str:
        return self.message % self.params


@dataclass
class NoteResult:
    """The notes stored (typed first, then the file) and the file's refusal, if any."""

    notes: list[Note] = field(default_factory=list)
    refusal: Refusal | None = None

    @property
    def note(self) -> Note | None:
        return self.notes[-1] if self.notes else None


# -- the activity as the extractor sees it ---------------------------------------------

_BUILTIN = load_glossary()
REGION = re.compile(rf"\b((?:{alternation(_BUILTIN.government_regions)})\s+[A-Z][\w'-]*"
                    rf"(?:\s+(?:{alternation(_BUILTIN.data['compass_words'])}))?)")


def activity_region(activity: Activity) -> str | None:
    """"Kota Bekasi": the venue's city, else the region in the host unit's name."""
    if activity.venue is not None and activity.venue.city:
        return activity.venue.city
    match = REGION.search(activity.unit.name if activity.unit else "")
    return match.group(1) if match else None


def title_holders(session: Session, activity: Activity) -> dict[str, str]:
    """Title as written -> the holder's name (with honorifics) on the activity's date.

    From the people register (positions held that day; the title alone and with its
    region, "Wali Kota" and "Wali Kota Bekasi") and the activity's own participants,
    which win. A title two people held that day is left out: never guessed.
    """
    day = activity.starts_on
    found: dict[str, set[str]] = {}
    positions = session.scalars(select(Position).where(
        (Position.starts_on.is_(None)) | (Position.starts_on <= day),
        (Position.ends_on.is_(None)) | (Position.ends_on >= day),
    ))
    for position in positions:
        person = position.person
        written = " ".join(x for x in (person.honorifics, person.name) if x)
        titles = {position.title}
        region = REGION.search(position.organisation or "")
        if region:
            titles.add(f"{position.title} {region.group(1).split(maxsplit=1)[1]}")
            titles.add(f"{position.title} {region.group(1)}")
        for title in titles:
            found.setdefault(title, set()).add(written)
    holders = {title: next(iter(names)) for title, names in found.items() if len(names) == 1}
    for participant in activity.participants:
        if participant.title:
            holders[participant.title] = participant.name
    return holders


def activity_context(session: Session, activity: Activity) -> ActivityContext:
    return ActivityContext(
        date=activity.starts_on,
        region=activity_region(activity),
        participants=tuple(ContextParticipant(p.name, p.title, p.organisation) for p in activity.participants),
        title_holders=title_holders(session, activity),
    )


# -- adding notes ----------------------------------------------------------------------

def _store(session: Session, activity: Activity, author: User | None, *, text: str, source: str,
           filename: str | None, encoding: str | None, warnings: list[str]) -> Note:
    """The note as typed or read, cleaned, not yet extracted ("pending")."""
    try:
        cleaned = clean(text)
    except Exception:  # a cleaning bug must not lose what was typed: keep the text as it came
        log.exception("cleaning a note of activity %s failed; stored uncleaned", activity.id)
        cleaned = Cleaned(text)
    note = Note(
        activity_id=activity.id, author_id=author.id if author else None, source=source,
        filename=filename, encoding=encoding, text=cleaned.text,
        cleaning={"changes": cleaned.changes, "warnings": warnings},
        extraction={}, extraction_state=ExtractionState.PENDING, accepted={},
    )
    session.add(note)
    session.flush()
    record(session, author, "note.added", note, activity_id=activity.id, source=source, filename=filename)
    enqueue_index(session, "note", note.id)
    return note


def extract_note(session: Session, note: Note, actor: User | None = None, glossary: Glossary | None = None,
                 *, again: bool = False) -> bool:
    """Extract people, organisations, places, dates and quotes into ``note.extraction``;
    True when done. Call it once the note is committed: an extraction that raises is
    logged and leaves the note stored and marked "failed"; one that never returns (the
    worker killed) leaves it "pending". Either way the note is "belum diekstrak" and can
    be extracted again (``again``: recorded in the audit log)."""
    access.require_user(session, actor, "note.write", note, error=NoteError)
    try:
        extraction = extraction_of(session, note.text, note.activity, glossary)
    except Exception:
        log.exception("extraction of note %s failed; the note stays stored, not extracted", note.id)
        note.extraction_state = ExtractionState.FAILED
        session.flush()
        record(session, actor, "note.extraction_failed", note, activity_id=note.activity_id)
        return False
    note.extraction = extraction
    note.extraction_state = ExtractionState.DONE
    session.flush()
    if again:
        record(session, actor, "note.extracted", note, activity_id=note.activity_id)
    enqueue_index(session, "note", note.id)
    return True


def extraction_of(session: Session, text: str, activity: Activity | None, glossary: Glossary | None = None) -> dict:
    """What the extractor finds in the cleaned ``text``, completed by ``activity`` (its
    context, and the corrections remembered for it), as ``Note.extraction`` stores it:
    every person with ``ranks``, every quote with ``form`` ("direct" when the note has it
    inside quote marks, else "indirect"; a position value found there moves to ``placement``)."""
    context = activity_context(session, activity) if activity is not None else None
    extraction = extract(text, context, glossary).as_dict()
    for person in extraction["people"]:
        person.setdefault("ranks", [])
    for quote in extraction["quotes"]:
        if quote.get("form") not in QUOTE_FORMS:
            quote.setdefault("placement", quote.get("form"))
            quote["form"] = quote_form(None, text, quote.get("span"))
    if activity is not None:
        apply_corrections(session, activity, extraction)
    return extraction


def read_upload(filename: str, data: bytes):
    """Read an uploaded file: ``(NoteText, None)`` or ``(None, Refusal)``."""
    name = Path(filename or "").name or "catatan"
    try:
        read = read_note(data, name)
    except NoteRefused as refused:
        return None, Refusal(refused.code, REFUSALS.get(refused.code, REFUSALS["corrupt_docx"]), {"filename": name})
    if not read.text.strip():
        code = "no_text" if read.kind == "docx" else "empty"
        return None, Refusal(code, REFUSALS[code], {"filename": name})
    if len(read.text) > MAX_NOTE_CHARS:
        return None, Refusal("too_long", REFUSALS["too_long"], {"filename": name, "limit": f"{MAX_NOTE_CHARS:,}"})
    return read, None


def add_note(session: Session, activity: Activity, author: User | None, *, typed_text: str | None = None,
             upload: tuple[str, bytes] | None = None) -> NoteResult:
    """Store the typed note and/or the uploaded file's note on ``activity``, not yet
    extracted: the caller commits, then calls :func:`extract_note` on each, so that what
    was typed is kept whatever the extraction does.

    A file that cannot be read is refused (``result.refusal``) while the typed note beside
    it is still stored. Nothing at all to store raises :class:`NoteError`.
    """
    access.require_user(session, author, "note.write", activity, error=NoteError,
                        message=N_("Peran Anda tidak boleh menambah catatan."))
    result = NoteResult()
    typed = (typed_text or "").strip()
    if len(typed) > MAX_NOTE_CHARS:
        raise NoteError(N_("Catatan terlalu panjang (lebih dari %(limit)s karakter)."), limit=f"{MAX_NOTE_CHARS:,}")
    if not typed and upload is None:
        raise NoteError(N_("Tulis atau tempel catatan, atau pilih berkas .txt, .md atau .docx."))
    if typed:
        result.notes.append(_store(session, activity, author, text=read_typed(typed).text, source="typed",
                                   filename=None, encoding=None, warnings=[]))
    if upload is not None:
        filename, data = upload
        read, refusal = read_upload(filename, data)
        if refusal is not None:
            result.refusal = refusal
            record(session, author, "note.refused", activity, code=refusal.code, filename=refusal.params["filename"])
        else:
            warnings = [READ_WARNINGS["cp1252"]] if read.encoding == "cp1252" else []
            result.notes.append(_store(session, activity, author, text=read.text, source=read.kind,
                                       filename=refusal_name(filename), encoding=read.encoding,
                                       warnings=warnings))
    if not result.notes and result.refusal is None:
        raise NoteError(N_("Tulis atau tempel catatan, atau pilih berkas .txt, .md atau .docx."))
    return result


def refusal_name(filename: str) -> str:
    return (Path(filename or "").name or "catatan")[:255]


def change_summary(note: Note) -> list[tuple[str, int]]:
    """(msgid, count) for every kind of change the cleaning made, in a stable order."""
    changes = (note.cleaning or {}).get("changes", {})
    return [(CLEANING_CHANGE_LABELS[key], changes[key]) for key in CLEANING_CHANGE_LABELS if changes.get(key)]

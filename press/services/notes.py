"""Notes on an activity: add (read, clean, store, index), extract, review; the admin's
extra glossary is ``press.services.glossary``.

Owns the verbs over `Note`: :func:`add_note` turns typed text and/or an uploaded file
into stored notes (a refused file gives a translatable reason while the typed note
beside it is still stored); :func:`extract_note` fills in what the extractor finds, after
the caller has committed the note, so that a slow, failing or killed extraction never
loses what was typed (``Note.extraction_state``: "pending" until extracted, "done",
"failed"); :func:`review` applies what the writer accepted or corrected;
:func:`activity_context` gives the extractor what the activity knows. Takes a session
and the acting user, never imports Flask, never commits (the web layer and the CLI do).
Imports models, the notes stages and the other services.

``Note.cleaning`` holds ``{"changes": {kind: count}, "warnings": [msgid, …]}``: what the
cleaning changed (mojibake lines repaired, non-breaking spaces …) and how the file was
read (Windows-1252 …), for the writer to see.

``Note.extraction`` is ``Extraction.as_dict()`` (people, organisations, places, dates,
quotes, each with its ``span`` into ``Note.text``).

``Note.accepted`` — what the drafting templates read — has exactly this shape::

    {"people": [{"name", "title", "organisation", "honorifics": [str], "degrees": [str],
                 "role": "host"|"guest"|"speaker"|"attendee"}],
     "quotes": [{"speaker": full name or None, "title": speaker's title or None,
                 "verb", "text"}],
     "organisations": [{"name", "abbreviation"}],
     "places": [{"name", "kind"}],
     "dates": [{"date": ISO, "text"}]}

Every key is present after a review (an empty list when nothing was accepted). People
also carry ``source_name`` (the extracted name the writer accepted or corrected) and
quotes their ``span``, so that a second review starts from the first; readers ignore them.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from press.errors import N_, ServiceError
from press.models import PARTICIPANT_ROLES, Activity, Media, Note, Participant, Position, User, utcnow
from press.notes import (
    ActivityContext,
    Cleaned,
    Glossary,
    NoteRefused,
    clean,
    extract,
    load_glossary,
    read_note,
    read_typed,
)
from press.notes import Participant as ContextParticipant

from .audit import record
from .indexing import enqueue_index
from .people import get_or_create_person
from .tags import attach_tags

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
CHANGE_LABELS = {
    "mojibake_lines": N_("baris dengan karakter rusak (mojibake) diperbaiki"),
    "zero_width_characters": N_("karakter tak terlihat (zero-width) dihapus"),
    "non_breaking_spaces": N_("spasi tak terputus dijadikan spasi biasa"),
    "extra_spaces": N_("spasi berlebih dirapikan"),
    "boilerplate_lines": N_("baris tempelan web (“Baca juga”, dll.) dihapus"),
    "double_quotes": N_("tanda kutip ganda diseragamkan"),
    "single_quotes": N_("tanda kutip tunggal diseragamkan"),
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

REGION = re.compile(r"\b((?:Kota|Kabupaten|Provinsi)\s+[A-Z][\w'-]*(?:\s+(?:Utara|Selatan|Barat|Timur|Tengah))?)")


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
        extraction={}, extraction_state="pending", accepted={},
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
    try:
        extraction = extract(note.text, activity_context(session, note.activity), glossary).as_dict()
    except Exception:
        log.exception("extraction of note %s failed; the note stays stored, not extracted", note.id)
        note.extraction_state = "failed"
        session.flush()
        record(session, actor, "note.extraction_failed", note, activity_id=note.activity_id)
        return False
    note.extraction = extraction
    note.extraction_state = "done"
    session.flush()
    if again:
        record(session, actor, "note.extracted", note, activity_id=note.activity_id)
    enqueue_index(session, "note", note.id)
    return True


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
    return [(CHANGE_LABELS[key], changes[key]) for key in CHANGE_LABELS if changes.get(key)]


# -- review ----------------------------------------------------------------------------

def _words(text: str | None) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z0-9]+", text or "") if len(w) > 2}


STOP = {"kota", "kabupaten", "provinsi", "dan", "pemerintah", "daerah", "sekretariat", "dinas", "badan", "bagian"}


def guess_role(activity: Activity, person: dict, quoted: set[str], glossary: Glossary | None = None) -> str:
    """Host when of the host unit, guest when of the guest body, speaker when quoted,
    else attendee. A person already among the participants keeps their role."""
    existing = _participant_for(activity, person.get("name", ""))
    if existing is not None:
        return existing.role
    expand = (glossary or load_glossary()).expand
    said = _words(expand(f"{person.get('title') or ''} {person.get('organisation') or ''}"))
    guest = _words(activity.guest_body) - STOP
    if guest and said & guest:
        return "guest"
    unit = activity.unit
    unit_words = _words(expand(f"{unit.name} {unit.abbreviation or ''}")) - STOP if unit else set()
    if len((said - STOP) & unit_words) >= 2:
        return "host"
    if person.get("name") in quoted:
        return "speaker"
    return "guest" if guest and person.get("organisation") else "attendee"


def _participant_for(activity: Activity, name: str) -> Participant | None:
    wanted = " ".join(name.split()).lower()
    return next((p for p in activity.participants if p.name.lower() == wanted), None)


def suggestions(note: Note, glossary: Glossary | None = None) -> dict:
    """The review form's starting point: extracted items in the accepted shape, each with
    ``accepted`` (already accepted in an earlier review) and people with a guessed role."""
    extraction, accepted = note.extraction or {}, note.accepted or {}
    reviewed = note.reviewed_at is not None
    quoted = {q.get("speaker") for q in extraction.get("quotes", []) if q.get("speaker")}
    titles = {p["name"]: p.get("title") for p in extraction.get("people", [])}
    people = []
    for item in extraction.get("people", []):
        previous = next((p for p in accepted.get("people", []) if p.get("source_name") == item["name"]), None)
        people.append({
            **{k: item.get(k) for k in ("name", "title", "organisation", "honorifics", "degrees", "span")},
            "role": guess_role(note.activity, item, quoted, glossary),
            **({k: previous[k] for k in ("name", "title", "organisation", "role") if k in previous} if previous else {}),
            "source_name": item["name"],
            "accepted": previous is not None or not reviewed,
        })
    quotes = []
    for item in extraction.get("quotes", []):
        previous = next((q for q in accepted.get("quotes", []) if q.get("span") == item.get("span")), None)
        speaker = previous["speaker"] if previous else item.get("speaker")
        quotes.append({"speaker": speaker, "title": titles.get(speaker), "verb": item.get("verb"),
                       "text": item.get("text"), "span": item.get("span"), "form": item.get("form"),
                       "accepted": previous is not None or (not reviewed and bool(item.get("speaker")))})

    def simple(kind, keys):
        names = {x.get("name") or x.get("date") for x in accepted.get(kind, [])}
        return [{**{k: x.get(k) for k in keys}, "span": x.get("span"),
                 "accepted": ((x.get("name") or x.get("date")) in names) if reviewed else True}
                for x in extraction.get(kind, [])]

    return {"people": people, "quotes": quotes,
            "organisations": simple("organisations", ("name", "abbreviation", "expansion")),
            "places": simple("places", ("name", "kind")),
            "dates": simple("dates", ("date", "text", "weekday", "weekday_mismatch"))}


def _clean_list(value) -> list[str]:
    if isinstance(value, str):
        value = re.split(r"[\s]+" if "," not in value else r"\s*,\s*", value.strip())
    return [v.strip() for v in value or [] if v and v.strip()]


def _clean_person(item: dict) -> dict:
    name = " ".join((item.get("name") or "").split())
    if not name:
        raise NoteError(N_("Setiap orang yang diterima harus punya nama."))
    role = item.get("role") or "attendee"
    if role not in PARTICIPANT_ROLES:
        raise NoteError(N_("Peran peserta %(role)s tidak dikenal."), role=role)
    person = {
        "name": name[:200],
        "title": " ".join((item.get("title") or "").split())[:200] or None,
        "organisation": " ".join((item.get("organisation") or "").split())[:200] or None,
        "honorifics": _clean_list(item.get("honorifics")),
        "degrees": _clean_list(item.get("degrees")),
        "role": role,
    }
    if item.get("source_name"):
        person["source_name"] = item["source_name"]
    return person


def review(session: Session, note: Note, accepted_items: dict, actor: User | None) -> Note:
    """Apply what the writer accepted or corrected (``accepted_items`` in the shape of the
    module docstring; people may carry ``source_name``, the extracted name they correct).

    Accepted people become participants of the activity (linked to the people register,
    updated rather than duplicated on a second review) and person tags of the activity
    and of its photos whose caption names them; accepted organisations and places become
    tags of the activity; everything accepted is stored in ``note.accepted``.
    """
    if not note.extracted:
        raise NoteError(N_("Catatan ini belum diekstrak: tekan “Ekstrak lagi” dulu, lalu tinjau."))
    activity = note.activity
    people = [_clean_person(p) for p in accepted_items.get("people", [])]
    quotes = []
    for item in accepted_items.get("quotes", []):
        text = (item.get("text") or "").strip()
        if not text:
            continue
        speaker = " ".join((item.get("speaker") or "").split()) or None
        title = item.get("title") or next((p["title"] for p in people if p["name"] == speaker), None)
        quote = {"speaker": speaker, "title": title, "verb": item.get("verb"), "text": text}
        if item.get("span"):
            quote["span"] = list(item["span"])
        quotes.append(quote)
    organisations = [{"name": o["name"].strip(), "abbreviation": o.get("abbreviation")}
                     for o in accepted_items.get("organisations", []) if (o.get("name") or "").strip()]
    places = [{"name": p["name"].strip(), "kind": p.get("kind")}
              for p in accepted_items.get("places", []) if (p.get("name") or "").strip()]
    dates = [{"date": d["date"], "text": d.get("text")} for d in accepted_items.get("dates", []) if d.get("date")]

    for person in people:
        _accept_person(session, activity, person)
    tags = [("person", p["name"], TAG_SOURCE) for p in people]
    tags += [("organisation", o["name"], TAG_SOURCE) for o in organisations]
    tags += [("place", p["name"], TAG_SOURCE) for p in places]
    attach_tags(session, "activity", activity.id, tags)
    tagged_photos = _tag_photos(session, activity, people)

    note.accepted = {"people": people, "quotes": quotes, "organisations": organisations,
                     "places": places, "dates": dates}
    note.reviewed_at = utcnow()
    session.flush()
    record(session, actor, "note.reviewed", note, activity_id=activity.id, people=len(people),
           quotes=len(quotes), photos_tagged=len(tagged_photos))
    enqueue_index(session, "note", note.id)
    enqueue_index(session, "activity", activity.id)
    for media_id in tagged_photos:
        enqueue_index(session, "photo", media_id)
    return note


def _accept_person(session: Session, activity: Activity, item: dict) -> Participant:
    person = get_or_create_person(session, item["name"], honorifics=" ".join(item["honorifics"]) or None,
                                  degrees=", ".join(item["degrees"]) or None)
    participant = next((p for p in activity.participants if p.person_id == person.id), None) \
        or _participant_for(activity, item["name"])
    if participant is None:
        participant = Participant(name=item["name"], position=len(activity.participants), person=person,
                                  role=item["role"])
        activity.participants.append(participant)
    participant.person = person
    participant.name = item["name"]
    participant.role = item["role"]
    participant.title = item["title"] or participant.title
    participant.organisation = item["organisation"] or participant.organisation
    return participant


def _tag_photos(session: Session, activity: Activity, people: list[dict]) -> list[int]:
    """Photos of the activity whose caption names an accepted person get the person tag
    and the person link; returns their ids."""
    tagged = []
    photos = session.scalars(select(Media).where(Media.activity_id == activity.id, Media.caption.is_not(None)))
    for media in photos:
        caption = " ".join(media.caption.split()).lower()
        named = [p for p in people if re.search(rf"(?<!\w){re.escape(p['name'].lower())}(?!\w)", caption)]
        if not named:
            continue
        attach_tags(session, "media", media.id, [("person", p["name"], TAG_SOURCE) for p in named])
        for item in named:
            person = get_or_create_person(session, item["name"])
            if person not in media.people:
                media.people.append(person)
        tagged.append(media.id)
    return tagged

"""Reviewing a note: what the review form starts from (:func:`suggestions`) and applying
what the writer accepted or corrected (:func:`review`), remembering the corrections for
the activity (``press.services.note_corrections``). Takes a session and the acting
user, never imports Flask, never commits. Imports models, the notes stages and the other
services.

``Note.accepted`` — what the drafting templates read — is an ``Accepted``
(``press/notes/accepted.py``, its shape and its one reader ``read_accepted``).
"""
from __future__ import annotations

import re
from dataclasses import asdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from press.codes import ParticipantRole
from press.errors import N_
from press.models import Activity, Media, Note, Participant, User, utcnow
from press.notes import Glossary, load_glossary
from press.notes.accepted import (
    Accepted, AcceptedDate, AcceptedOrganisation, AcceptedPerson, AcceptedPlace, AcceptedQuote, quote_form,
    read_accepted,
)

from .audit import record
from .indexing import enqueue_index
from .note_corrections import remember, require_note_writer, split_values
from .notes import TAG_SOURCE, NoteError
from .people import get_or_create_person
from .tags import attach_tags


def _words(text: str | None) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z0-9]+", text or "") if len(w) > 2}


STOP = {"kota", "kabupaten", "provinsi", "dan", "pemerintah", "daerah", "sekretariat", "dinas", "badan", "bagian"}


def guess_role(activity: Activity, person: dict, quoted: set[str], glossary: Glossary | None = None) -> ParticipantRole:
    """Host when of the host unit, guest when of the guest body, speaker when quoted,
    else attendee. A person already among the participants keeps their role."""
    existing = _participant_for(activity, person.get("name", ""))
    if existing is not None:
        return existing.role
    expand = (glossary or load_glossary()).expand
    said = _words(expand(f"{person.get('title') or ''} {person.get('organisation') or ''}"))
    guest = _words(activity.guest_body) - STOP
    if guest and said & guest:
        return ParticipantRole.GUEST
    unit = activity.unit
    unit_words = _words(expand(f"{unit.name} {unit.abbreviation or ''}")) - STOP if unit else set()
    if len((said - STOP) & unit_words) >= 2:
        return ParticipantRole.HOST
    if person.get("name") in quoted:
        return ParticipantRole.SPEAKER
    return ParticipantRole.GUEST if guest and person.get("organisation") else ParticipantRole.ATTENDEE


def _participant_for(activity: Activity, name: str) -> Participant | None:
    wanted = " ".join(name.split()).lower()
    return next((p for p in activity.participants if p.name.lower() == wanted), None)


def suggestions(note: Note, glossary: Glossary | None = None) -> dict:
    """The review form's starting point: extracted items in the accepted shape, each with
    ``accepted`` (already accepted in an earlier review) and people with a guessed role."""
    extraction, accepted = note.extraction or {}, read_accepted(note.accepted)
    reviewed = note.reviewed_at is not None
    quoted = {q.get("speaker") for q in extraction.get("quotes", []) if q.get("speaker")}
    titles = {p["name"]: p.get("title") for p in extraction.get("people", [])}
    people = []
    for item in extraction.get("people", []):
        previous = next((p for p in accepted.people if p.source_name == item["name"]), None)
        people.append({
            **{k: item.get(k) for k in ("name", "title", "organisation", "honorifics", "degrees", "span")},
            "ranks": item.get("ranks") or [],
            "role": guess_role(note.activity, item, quoted, glossary),
            **({"name": previous.name, "title": previous.title, "organisation": previous.organisation,
                "ranks": list(previous.ranks), "honorifics": list(previous.honorifics),
                "degrees": list(previous.degrees), "role": previous.role} if previous else {}),
            "source_name": item["name"],
            "accepted": previous is not None or not reviewed,
        })
    quotes = []
    for item in extraction.get("quotes", []):
        span = tuple(item["span"]) if item.get("span") else None
        previous = next((q for q in accepted.quotes if span and q.span == span), None)
        speaker = previous.speaker if previous else item.get("speaker")
        quotes.append({"speaker": speaker, "title": titles.get(speaker), "verb": item.get("verb"),
                       "text": item.get("text"), "span": item.get("span"),
                       "form": previous.form if previous else quote_form(item.get("form"), note.text, item.get("span")),
                       "accepted": previous is not None or (not reviewed and bool(item.get("speaker")))})

    def simple(kind, keys):
        names = {getattr(x, "name", None) or getattr(x, "date", None) for x in getattr(accepted, kind)}
        return [{**{k: x.get(k) for k in keys}, "span": x.get("span"),
                 "accepted": ((x.get("name") or x.get("date")) in names) if reviewed else True}
                for x in extraction.get(kind, [])]

    return {"people": people, "quotes": quotes,
            "organisations": simple("organisations", ("name", "abbreviation", "expansion")),
            "places": simple("places", ("name", "kind")),
            "dates": simple("dates", ("date", "text", "weekday", "weekday_mismatch"))}


# The longest value of each field a person row can hold (``Person``, ``Participant``),
# and what the writer is told when a value is longer.
PERSON_LIMITS = {
    "name": (200, N_("Nama “%(name)s” terlalu panjang (%(length)s karakter; paling banyak %(limit)s). "
                     "Tidak ada yang disimpan: perbaiki lalu simpan lagi.")),
    "title": (200, N_("Jabatan %(name)s terlalu panjang (%(length)s karakter; paling banyak %(limit)s). "
                      "Tidak ada yang disimpan: perbaiki lalu simpan lagi.")),
    "organisation": (200, N_("Instansi %(name)s terlalu panjang (%(length)s karakter; paling banyak %(limit)s). "
                             "Tidak ada yang disimpan: perbaiki lalu simpan lagi.")),
    "honorifics": (120, N_("Sapaan %(name)s terlalu panjang (%(length)s karakter; paling banyak %(limit)s). "
                           "Tidak ada yang disimpan: perbaiki lalu simpan lagi.")),
    "ranks": (120, N_("Pangkat %(name)s terlalu panjang (%(length)s karakter; paling banyak %(limit)s). "
                      "Tidak ada yang disimpan: perbaiki lalu simpan lagi.")),
    "degrees": (120, N_("Gelar %(name)s terlalu panjang (%(length)s karakter; paling banyak %(limit)s). "
                        "Tidak ada yang disimpan: perbaiki lalu simpan lagi.")),
}


def _checked(item: dict, key: str, value: str) -> str:
    limit, message = PERSON_LIMITS[key]
    if len(value) > limit:
        raise NoteError(message, name=(item.get("name") or "")[:60], length=len(value), limit=limit)
    return value


def _clean_person(item: dict) -> AcceptedPerson:
    name = _checked(item, "name", " ".join((item.get("name") or "").split()))
    if not name:
        raise NoteError(N_("Setiap orang yang diterima harus punya nama."))
    role = item.get("role") or ParticipantRole.ATTENDEE
    if role not in set(ParticipantRole):
        raise NoteError(N_("Peran peserta %(role)s tidak dikenal."), role=role)
    text = {key: _checked(item, key, " ".join((item.get(key) or "").split())) for key in ("title", "organisation")}
    lists = {key: tuple(split_values(item.get(key))) for key in ("ranks", "honorifics", "degrees")}
    for key, words in lists.items():
        _checked(item, key, (", " if key == "degrees" else " ").join(words))
    return AcceptedPerson(
        name=name, title=text["title"] or None, organisation=text["organisation"] or None,
        **lists, role=ParticipantRole(role), source_name=item.get("source_name") or None,
    )


def review(session: Session, note: Note, accepted_items: dict, actor: User | None) -> Note:
    """Apply what the writer accepted or corrected (``accepted_items``: lists of objects in
    the shape ``Note.accepted`` stores, as the form posts them; people may carry
    ``source_name``, the extracted name they correct; ``not_people``: extracted names the
    writer marked as not a person). ``actor`` must be one who may review notes.

    Accepted people become participants of the activity (linked to the people register,
    updated rather than duplicated on a second review) and person tags of the activity
    and of its photos whose caption names them; accepted organisations and places become
    tags of the activity; everything accepted is stored in ``note.accepted``. What the
    writer corrected is remembered for the activity (``note_corrections.remember``).
    Nothing is changed when any item is refused.
    """
    require_note_writer(session, actor, note)
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
        title = item.get("title") or next((p.title for p in people if p.name == speaker), None)
        quotes.append(AcceptedQuote(text=text, speaker=speaker, title=title, verb=item.get("verb"),
                                    span=tuple(item["span"]) if item.get("span") else None,
                                    form=quote_form(item.get("form"), note.text, item.get("span"))))
    organisations = [AcceptedOrganisation(o["name"].strip(), o.get("abbreviation"))
                     for o in accepted_items.get("organisations", []) if (o.get("name") or "").strip()]
    places = [AcceptedPlace(p["name"].strip(), p.get("kind"))
              for p in accepted_items.get("places", []) if (p.get("name") or "").strip()]
    dates = [AcceptedDate(d["date"], d.get("text")) for d in accepted_items.get("dates", []) if d.get("date")]

    remember(session, note, [asdict(p) for p in people],
             [n for n in accepted_items.get("not_people", []) if isinstance(n, str)], actor)
    for person in people:
        _accept_person(session, activity, person)
    tags = [("person", p.name, TAG_SOURCE) for p in people]
    tags += [("organisation", o.name, TAG_SOURCE) for o in organisations]
    tags += [("place", p.name, TAG_SOURCE) for p in places]
    attach_tags(session, "activity", activity.id, tags)
    tagged_photos = _tag_photos(session, activity, people)

    note.accepted = Accepted(tuple(people), tuple(quotes), tuple(organisations), tuple(places), tuple(dates)).as_json()
    note.reviewed_at = utcnow()
    session.flush()
    record(session, actor, "note.reviewed", note, activity_id=activity.id, people=len(people),
           quotes=len(quotes), photos_tagged=len(tagged_photos))
    enqueue_index(session, "note", note.id)
    enqueue_index(session, "activity", activity.id)
    for media_id in tagged_photos:
        enqueue_index(session, "photo", media_id)
    return note


def _accept_person(session: Session, activity: Activity, item: AcceptedPerson) -> Participant:
    person = get_or_create_person(session, item.name, ranks=" ".join(item.ranks) or None,
                                  honorifics=" ".join(item.honorifics) or None, degrees=", ".join(item.degrees) or None)
    participant = next((p for p in activity.participants if p.person_id == person.id), None) \
        or _participant_for(activity, item.name)
    if participant is None:
        participant = Participant(name=item.name, position=len(activity.participants), person=person,
                                  role=item.role)
        activity.participants.append(participant)
    participant.person = person
    participant.name = item.name
    participant.role = item.role
    participant.title = item.title or participant.title
    participant.organisation = item.organisation or participant.organisation
    return participant


def _tag_photos(session: Session, activity: Activity, people: list[AcceptedPerson]) -> list[int]:
    """Photos of the activity whose caption names an accepted person get the person tag
    and the person link; returns their ids."""
    tagged = []
    photos = session.scalars(select(Media).where(Media.activity_id == activity.id, Media.caption.is_not(None)))
    for media in photos:
        caption = " ".join(media.caption.split()).lower()
        named = [p for p in people if re.search(rf"(?<!\w){re.escape(p.name.lower())}(?!\w)", caption)]
        if not named:
            continue
        attach_tags(session, "media", media.id, [("person", p.name, TAG_SOURCE) for p in named])
        for item in named:
            person = get_or_create_person(session, item.name)
            if person not in media.people:
                media.people.append(person)
        tagged.append(media.id)
    return tagged

"""Reviewing a note: what the review form starts from (:func:`suggestions`) and applying
what the writer accepted or corrected (:func:`review`). Takes a session and the acting
user, never imports Flask, never commits. Imports models, the notes stages and the other
services.

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

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from press.errors import N_
from press.models import PARTICIPANT_ROLES, Activity, Media, Note, Participant, User, utcnow
from press.notes import Glossary, load_glossary

from .audit import record
from .indexing import enqueue_index
from .notes import TAG_SOURCE, NoteError
from .people import get_or_create_person
from .tags import attach_tags


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

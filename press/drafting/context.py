"""The one documented context every release template receives.

:func:`build_context` turns plain values (what the service reads from an activity, its
participants and its notes' accepted items) into a :class:`DraftContext`;
:meth:`DraftContext.variables` gives the template its names. A value the activity does
not have (``None``, an empty string) is *left out* of the variables, so a template that
prints it gets an undefined value: the renderer lists it as a missing field and writes
a visible placeholder instead of inventing text.

Names a template can use (``{{ name }}``; ``a.b`` for the attributes):

``activity``
    ``title``, ``kind`` (code, e.g. ``kunjungan_kerja``), ``kind_label`` ("kunjungan
    kerja"), ``topic``, ``guest_body`` (the visiting or receiving body), ``summary``,
    ``time`` ("09.00"), ``time_range`` ("09.00–12.00"), ``dress_code`` and ``contact``
    (what a press invitation tells journalists to wear and whom to call).
``kind_label``
    The kind in words, lower case ("rapat koordinasi").
``date``
    :class:`DateForms`: ``iso`` ("2021-09-30"), ``long`` ("Kamis, 30 September 2021"),
    ``release`` ("Kamis, (30/9/2021)"), ``short`` ("Kamis (30/9/2021)"), ``weekday``
    ("Kamis"), ``day_month_year`` ("30 September 2021"), ``numeric`` ("30/9/2021").
``venue``
    ``name``, ``city``, ``address`` (absent when the activity has no venue).
``unit``
    ``name`` and ``abbreviation`` of the organising unit.
``region``, ``city``, ``dateline``
    "Kota Bekasi", "Bekasi" and "BEKASI –" (from the venue's city, else the unit's name).
``host``, ``guest``, ``speaker``
    The first participant in that role (a person, below), absent when there is none.
``hosts``, ``guests``, ``speakers``, ``attendees``, ``participants``
    Lists of persons by role (``participants``: everyone, in order).
``others``
    Everyone except ``host``: who the "Turut hadir" paragraph lists, in the order of
    precedence of their titles (``precedence.in_precedence``: head of region, deputy,
    DPRD, Forkopimda and regional secretary, heads of offices …; one rank keeps its order).
``quotes``
    Accepted quotes, in order: ``text``, ``verb`` ("ujar"), ``form`` ("direct", or
    "indirect" for reported speech, which is never drafted inside quote marks),
    ``speaker`` (a person, absent when the note did not say who), ``speaker_name`` and
    ``short_name`` ("Lukita").
``office``, ``signature``
    The office's name and closing tag (``OFFICE_NAME``, ``OFFICE_SIGNATURE`` of the configuration).

A person has ``name``, ``full_name`` (ranks, honorifics, name, degrees: "Letkol Kav H.
Nama, S.Sos., M.Si"), ``ranks``, ``honorifics``, ``degrees``, ``title``,
``organisation``, ``role``, ``short_name`` (the first name, for later mentions),
``title_and_name`` ("Kepala Bagian Humas Sajekti Rubiyah") and ``mention``
(title, organisation and name: the first mention in a release).

Filters: ``daftar`` joins a list the Indonesian way ("A, B, dan C"); ``mentions`` maps
persons to their ``mention``; ``kutip`` writes a quotation before its verb ("…,");
``upper``, ``lower``, ``title``, ``trim``, ``join`` as in Jinja. Functions:
``turut_hadir(people)`` gives the attendance paragraph, ``quote_paragraphs(quotes,
introduced)`` one paragraph per quote (a speaker not in ``introduced`` is named in full
the first time; no quotes, or a quote without a speaker, is listed as missing).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date, time

from press import dates
from press.codes import ActivityKind, ParticipantRole
from press.errors import N_
from press.notes.accepted import AcceptedPerson, AcceptedQuote, read_accepted
from press.notes.glossary import load_glossary
from press.notes.rules import alternation

from .precedence import in_precedence

# The kinds in words, as a release writes them (genre text, not interface labels).
KIND_WORDS = {
    ActivityKind.KUNJUNGAN_KERJA: "kunjungan kerja",
    ActivityKind.STUDI_BANDING: "studi banding",
    ActivityKind.RAPAT_KOORDINASI: "rapat koordinasi",
    ActivityKind.PERESMIAN: "peresmian",
    ActivityKind.SOSIALISASI: "sosialisasi",
    ActivityKind.PENYERAHAN_BANTUAN: "penyerahan bantuan",
    ActivityKind.UPACARA: "upacara",
    ActivityKind.PENANDATANGANAN_MOU: "penandatanganan nota kesepahaman",
    ActivityKind.PELANTIKAN: "pelantikan",
    ActivityKind.AUDIENSI: "audiensi",
    ActivityKind.LOMBA_FESTIVAL: "lomba dan festival",
    ActivityKind.BAKTI_SOSIAL: "bakti sosial",
    ActivityKind.UNDANGAN_LIPUTAN: "undangan liputan",
}

# What a missing name means, for the writer (placeholders and the "missing" list).
FIELD_LABELS = {
    "activity.topic": N_("topik kegiatan"),
    "activity.guest_body": N_("instansi tamu atau sasaran kegiatan"),
    "activity.summary": N_("ringkasan kegiatan"),
    "activity.dress_code": N_("pakaian"),
    "activity.contact": N_("narahubung"),
    "activity.time": N_("jam kegiatan"),
    "activity.time_range": N_("jam kegiatan"),
    "venue": N_("tempat kegiatan"),
    "venue.name": N_("tempat kegiatan"),
    "venue.city": N_("kota tempat kegiatan"),
    "venue.address": N_("alamat tempat"),
    "host": N_("tuan rumah (peserta berperan tuan rumah)"),
    "guest": N_("tamu (peserta berperan tamu)"),
    "speaker": N_("narasumber (peserta berperan narasumber)"),
    "region": N_("daerah (kota tempat atau nama unit)"),
    "city": N_("kota"),
    "dateline": N_("baris tempat"),
    "unit.abbreviation": N_("singkatan unit"),
    "quotes": N_("kutipan (terima kutipan di catatan kegiatan)"),
    "quotes.speaker_name": N_("pembicara kutipan"),
}

_BUILTIN = load_glossary()
HONORIFIC_WORDS = {word.lower() for word in _BUILTIN.honorifics}
CITY_OR_REGENCY = alternation(_BUILTIN.region_words_of("kota", "kabupaten"))
REGION = re.compile(rf"\b({CITY_OR_REGENCY})\s+([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?)")


def field_label(name: str) -> str:
    """The Indonesian words for a missing field name (the msgid; callers translate)."""
    if name in FIELD_LABELS:
        return FIELD_LABELS[name]
    head = name.split(".", 1)[0]
    return FIELD_LABELS.get(head, name)


@dataclass(frozen=True)
class PersonRef:
    name: str
    title: str | None = None
    organisation: str | None = None
    role: str = ParticipantRole.ATTENDEE
    honorifics: tuple[str, ...] = ()
    degrees: tuple[str, ...] = ()
    ranks: tuple[str, ...] = ()

    @property
    def full_name(self) -> str:
        name = " ".join([*self.ranks, *self.honorifics, self.name])
        return f"{name}, {', '.join(self.degrees)}" if self.degrees else name

    @property
    def short_name(self) -> str:
        return short_name(self.name)

    @property
    def title_and_name(self) -> str:
        return f"{self.title} {self.name}" if self.title else self.name

    @property
    def mention(self) -> str:
        """Title, organisation and name, without saying the organisation twice:
        "Kepala Dinas Kesehatan" + "Dinas Kesehatan Kota Bekasi" -> "Kepala Dinas Kesehatan
        Kota Bekasi"; "Wali Kota Bekasi" + "Pemerintah Kota Bekasi" -> "Wali Kota Bekasi"."""
        return f"{title_with_organisation(self.title, self.organisation)} {self.name}".strip()

    def variables(self) -> dict:
        values = {k: v for k, v in asdict(self).items() if v not in (None, "", ())}
        values.update(full_name=self.full_name, short_name=self.short_name,
                      title_and_name=self.title_and_name, mention=self.mention)
        return values


@dataclass(frozen=True)
class QuoteRef:
    text: str
    verb: str = "ujar"
    speaker: PersonRef | None = None
    speaker_name: str | None = None
    form: str = "direct"

    @property
    def short_name(self) -> str | None:
        name = self.speaker.name if self.speaker else self.speaker_name
        return short_name(name) if name else None

    def variables(self) -> dict:
        values = {"text": self.text, "verb": self.verb, "form": self.form}
        if self.speaker:
            values["speaker"] = self.speaker.variables()
        name = self.speaker.name if self.speaker else self.speaker_name
        if name:
            values["speaker_name"] = name
            values["short_name"] = self.short_name
        return values


@dataclass(frozen=True)
class DateForms:
    iso: str
    long: str
    release: str
    short: str
    weekday: str
    day_month_year: str
    numeric: str

    @classmethod
    def of(cls, day: date) -> "DateForms":
        long = dates.long_date(day)
        return cls(
            iso=day.isoformat(), long=long, release=dates.release_date(day),
            short=dates.short_release_date(day), weekday=dates.weekday_name(day),
            day_month_year=long.split(", ", 1)[1], numeric=f"{day.day}/{day.month}/{day.year}",
        )


@dataclass(frozen=True)
class DraftContext:
    """Everything a release template may read; see the module docstring for the names."""

    kind: str
    title: str
    day: date
    topic: str | None = None
    guest_body: str | None = None
    summary: str | None = None
    starts_at: time | None = None
    ends_at: time | None = None
    dress_code: str | None = None
    contact: str | None = None
    venue_name: str | None = None
    venue_city: str | None = None
    venue_address: str | None = None
    unit_name: str | None = None
    unit_abbreviation: str | None = None
    participants: tuple[PersonRef, ...] = ()
    quotes: tuple[QuoteRef, ...] = ()
    office: str | None = None
    signature: str | None = None

    @property
    def region(self) -> str | None:
        for text in (self.venue_city, self.unit_name, self.office):
            match = REGION.search(text or "")
            if match:
                return f"{match.group(1)} {match.group(2)}"
        return (self.venue_city or "").strip() or None

    @property
    def city(self) -> str | None:
        region = self.region
        if not region:
            return None
        return re.sub(rf"^({CITY_OR_REGENCY})\s+", "", region)

    def in_role(self, role: str) -> list[PersonRef]:
        return [p for p in self.participants if p.role == role]

    def variables(self) -> dict:
        """The template's names (absent values left out, so they show as missing)."""
        def time_text(moment: time | None) -> str | None:
            return moment.strftime("%H.%M") if moment else None

        activity = {
            "title": self.title, "kind": self.kind, "kind_label": KIND_WORDS.get(self.kind, self.kind),
            "topic": self.topic, "guest_body": self.guest_body, "summary": self.summary,
            "time": time_text(self.starts_at),
            "time_range": (f"{time_text(self.starts_at)}–{time_text(self.ends_at)}"
                           if self.starts_at and self.ends_at else time_text(self.starts_at)),
            "dress_code": self.dress_code, "contact": self.contact,
        }
        venue = {"name": self.venue_name, "city": self.venue_city, "address": self.venue_address}
        people = [p.variables() for p in self.participants]
        by_role = {role: [p.variables() for p in self.in_role(role)]
                   for role in ParticipantRole}
        host = by_role["host"][0] if by_role["host"] else None
        values = {
            "activity": _present(activity),
            "kind_label": KIND_WORDS.get(self.kind, self.kind),
            "date": asdict(DateForms.of(self.day)),
            "venue": _present(venue) if self.venue_name else None,
            "unit": _present({"name": self.unit_name, "abbreviation": self.unit_abbreviation}),
            "region": self.region,
            "city": self.city,
            "dateline": f"{self.city.upper()} –" if self.city else None,
            "host": host,
            "guest": by_role["guest"][0] if by_role["guest"] else None,
            "speaker": by_role["speaker"][0] if by_role["speaker"] else None,
            "hosts": by_role["host"], "guests": by_role["guest"],
            "speakers": by_role["speaker"], "attendees": by_role["attendee"],
            "participants": people,
            "others": in_precedence([p for p in people if host is None or p["name"] != host["name"]],
                                   host=self.region),
            "quotes": [q.variables() for q in self.quotes],
            "office": self.office,
            "signature": self.signature,
        }
        return _present(values)


def title_with_organisation(title: str | None, organisation: str | None) -> str:
    title, organisation = (title or "").strip(), (organisation or "").strip()
    if not organisation or organisation.lower() in title.lower():
        return title
    if not title:
        return organisation
    region = REGION.search(organisation)
    if region and region.group(0).lower() in title.lower():
        return title
    title_words, org_words = title.split(), organisation.split()
    for size in range(min(len(title_words), len(org_words)), 0, -1):
        if [w.lower() for w in title_words[-size:]] == [w.lower() for w in org_words[:size]]:
            return " ".join(title_words + org_words[size:])
    return f"{title} {organisation}"


def _present(values: dict) -> dict:
    return {k: v for k, v in values.items() if v is not None and v != ""}


def short_name(name: str | None) -> str:
    """The first word of a name that is not an honorific: "Mas Indra Subhan" -> "Indra"."""
    words = [w for w in (name or "").split() if w.lower() not in HONORIFIC_WORDS]
    return words[0].rstrip(",") if words else (name or "")


def _text(value) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def build_context(
    *,
    kind: str,
    title: str,
    day: date,
    topic: str | None = None,
    guest_body: str | None = None,
    summary: str | None = None,
    starts_at: time | None = None,
    ends_at: time | None = None,
    dress_code: str | None = None,
    contact: str | None = None,
    venue: dict | None = None,
    unit: dict | None = None,
    participants: list[dict] = (),
    accepted_people: Sequence[AcceptedPerson] = (),
    accepted_quotes: Sequence[AcceptedQuote] = (),
    office: str | None = None,
    signature: str | None = None,
) -> DraftContext:
    """A context from plain values.

    ``participants`` are dicts with ``name``, ``title``, ``organisation``, ``role``;
    ``accepted_people`` and ``accepted_quotes`` are what the notes' reviews accepted
    (``press.notes.accepted``): people accepted from notes complete the participant of
    the same name and add the others. Anything missing is left out, never guessed.
    """
    people: list[PersonRef] = []
    index: dict[str, int] = {}
    # The activity's participants are read as people accepted from a note are (the same keys).
    for item in [*read_accepted({"people": list(participants)}).people, *accepted_people]:
        person = PersonRef(
            name=item.name, title=item.title, organisation=item.organisation,
            role=item.role, ranks=item.ranks, honorifics=item.honorifics, degrees=item.degrees,
        )
        key = item.name.lower()
        if key in index:
            known = people[index[key]]
            people[index[key]] = PersonRef(
                name=known.name, title=known.title or person.title,
                organisation=known.organisation or person.organisation, role=known.role,
                ranks=known.ranks or person.ranks, honorifics=known.honorifics or person.honorifics, degrees=known.degrees or person.degrees,
            )
        else:
            index[key] = len(people)
            people.append(person)
    quotes: list[QuoteRef] = []
    for item in accepted_quotes or ():
        speaker_name = item.speaker
        speaker = people[index[speaker_name.lower()]] if speaker_name and speaker_name.lower() in index else None
        if speaker is None and speaker_name:
            speaker = PersonRef(name=speaker_name, title=item.title, role=ParticipantRole.SPEAKER)
        text = item.text.strip("\"“”' ")
        quotes.append(QuoteRef(text=text, verb=item.verb or "ujar", speaker=speaker, speaker_name=speaker_name,
                               form=item.form))
    venue = venue or {}
    unit = unit or {}
    return DraftContext(
        kind=kind, title=_text(title) or "", day=day, topic=_text(topic), guest_body=_text(guest_body),
        summary=_text(summary), starts_at=starts_at, ends_at=ends_at,
        dress_code=_text(dress_code), contact=_text(contact),
        venue_name=_text(venue.get("name")), venue_city=_text(venue.get("city")),
        venue_address=_text(venue.get("address")),
        unit_name=_text(unit.get("name")), unit_abbreviation=_text(unit.get("abbreviation")),
        participants=tuple(people), quotes=tuple(quotes), office=_text(office), signature=_text(signature),
    )

"""What a note's review accepted: the contract between the notes and the drafting.

The review (``press.services.note_review.review``) builds an :class:`Accepted` from what
the writer accepted or corrected and stores ``Accepted.as_json()`` in ``Note.accepted``;
the review page, the search index and the drafting context read it back through
:func:`read_accepted`, the one reader, which tolerates rows written before this shape
(a key missing, an item that is not an object, a name left empty: skipped, never guessed;
a person without ``ranks`` has none, a quote without a known ``form`` is "direct", as
every quote was drafted before forms were told apart).

``ranks`` are a military or police rank and its corps as written (["Letkol", "Kav"]),
apart from the ``honorifics``; a quote's ``form`` says whether the note had the words
inside quote marks ("direct") or reported them ("indirect": "…, kata X", "Menurut X, …"),
and only a direct quote is drafted inside quote marks.

Stored JSON (every key present after a review, an empty list when nothing was accepted)::

    {"people": [{"name", "title", "organisation", "ranks": [str], "honorifics": [str],
                 "degrees": [str], "role": ParticipantRole, "source_name"?}],
     "quotes": [{"speaker", "title", "verb", "text", "form": "direct"|"indirect",
                 "span"?: [start, end]}],
     "organisations": [{"name", "abbreviation"}],
     "places": [{"name", "kind"}],
     "dates": [{"date": ISO, "text"}]}
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

from press.codes import ParticipantRole, QuoteForm

QUOTE_FORMS = tuple(QuoteForm)
QUOTE_MARKS = "\"“”„«»'‘’"


def quote_form(form, text: str | None = None, span=None) -> str:
    """A quote's form: ``form`` when it is one of :data:`QUOTE_FORMS`, else "direct" when the
    note has a quote mark where the quote starts (or nothing tells), else "indirect"."""
    if form in QUOTE_FORMS:
        return form
    if text is not None and isinstance(span, (list, tuple)) and len(span) == 2 and isinstance(span[0], int) \
            and 0 <= span[0] < len(text):
        return "direct" if text[span[0]] in QUOTE_MARKS else "indirect"
    return "direct"


@dataclass(frozen=True)
class AcceptedPerson:
    name: str
    title: str | None = None
    organisation: str | None = None
    honorifics: tuple[str, ...] = ()
    degrees: tuple[str, ...] = ()
    role: ParticipantRole = ParticipantRole.ATTENDEE
    source_name: str | None = None
    """The extracted name the writer accepted or corrected, so a second review starts from the first."""
    ranks: tuple[str, ...] = ()
    """Rank and corps as written (("Letkol", "Kav")), written before the honorifics."""


@dataclass(frozen=True)
class AcceptedQuote:
    text: str
    speaker: str | None = None
    """The speaker's full name; ``None`` when the note did not say who."""
    title: str | None = None
    verb: str | None = None
    span: tuple[int, int] | None = None
    """Where the quote is in the note, so a second review finds it again."""
    form: str = "direct"
    """"direct" (the note's words inside quote marks) or "indirect" (reported speech)."""


@dataclass(frozen=True)
class AcceptedOrganisation:
    name: str
    abbreviation: str | None = None


@dataclass(frozen=True)
class AcceptedPlace:
    name: str
    kind: str | None = None


@dataclass(frozen=True)
class AcceptedDate:
    date: str
    """ISO date."""
    text: str | None = None


@dataclass(frozen=True)
class Accepted:
    people: tuple[AcceptedPerson, ...] = ()
    quotes: tuple[AcceptedQuote, ...] = ()
    organisations: tuple[AcceptedOrganisation, ...] = ()
    places: tuple[AcceptedPlace, ...] = ()
    dates: tuple[AcceptedDate, ...] = ()

    def as_json(self) -> dict:
        """What ``Note.accepted`` stores (the module docstring's shape)."""
        stored = asdict(self)
        for person in stored["people"]:
            person["role"] = str(person["role"])
            for key in ("ranks", "honorifics", "degrees"):
                person[key] = list(person[key])
            if person["source_name"] is None:
                del person["source_name"]
        for quote in stored["quotes"]:
            if quote["span"] is None:
                del quote["span"]
            else:
                quote["span"] = list(quote["span"])
        return {key: list(items) for key, items in stored.items()}


def _text(value) -> str | None:
    text = " ".join(value.split()) if isinstance(value, str) else ""
    return text or None


def _words(value) -> tuple[str, ...]:
    if isinstance(value, str):
        value = value.replace(",", " ").split()
    if not isinstance(value, (list, tuple)):
        return ()
    return tuple(w for w in (_text(v) for v in value) if w)


def _span(value) -> tuple[int, int] | None:
    if isinstance(value, (list, tuple)) and len(value) == 2 and all(isinstance(v, int) for v in value):
        return (value[0], value[1])
    return None


def _objects(stored: dict, key: str) -> list[dict]:
    items = stored.get(key)
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []


def _role(value) -> ParticipantRole:
    return ParticipantRole(value) if isinstance(value, str) and value in set(ParticipantRole) else ParticipantRole.ATTENDEE


def read_accepted(stored) -> Accepted:
    """``Note.accepted`` as an :class:`Accepted`; anything unreadable is left out."""
    stored = stored if isinstance(stored, dict) else {}
    people = tuple(
        AcceptedPerson(name=name, title=_text(p.get("title")), organisation=_text(p.get("organisation")),
                       ranks=_words(p.get("ranks")), honorifics=_words(p.get("honorifics")),
                       degrees=_words(p.get("degrees")),
                       role=_role(p.get("role")), source_name=_text(p.get("source_name")))
        for p in _objects(stored, "people") if (name := _text(p.get("name")))
    )
    quotes = tuple(
        AcceptedQuote(text=text, speaker=_text(q.get("speaker")), title=_text(q.get("title")),
                      verb=_text(q.get("verb")), span=_span(q.get("span")), form=quote_form(q.get("form")))
        for q in _objects(stored, "quotes") if (text := _text(q.get("text")))
    )
    organisations = tuple(AcceptedOrganisation(name, _text(o.get("abbreviation")))
                          for o in _objects(stored, "organisations") if (name := _text(o.get("name"))))
    places = tuple(AcceptedPlace(name, _text(p.get("kind")))
                   for p in _objects(stored, "places") if (name := _text(p.get("name"))))
    dates = tuple(AcceptedDate(day, _text(d.get("text")))
                  for d in _objects(stored, "dates") if (day := _text(d.get("date"))))
    return Accepted(people, quotes, organisations, places, dates)

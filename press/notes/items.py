"""The items an extraction yields (people, organisations, places, quotes) and the
activity context that completes them. Owns their shape and `Extraction.as_dict()`, the
JSON the web layer and the database store. Imports the dates module only."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
import datetime

from press.notes.dates import FoundDate


@dataclass(frozen=True)
class Participant:
    """A participant the activity already knows about."""

    name: str
    title: str | None = None
    organisation: str | None = None


@dataclass(frozen=True)
class ActivityContext:
    """What the activity says, used to complete the note: its date supplies missing
    years, its participants complete bare names, `title_holders` maps a title as
    written ("Bupati", "Wali Kota Bekasi") to the full name of who holds it."""

    date: datetime.date | None = None
    region: str | None = None
    participants: tuple[Participant, ...] = ()
    title_holders: dict[str, str] = field(default_factory=dict)


@dataclass
class Person:
    """`ranks` holds a military or police rank and its corps as written (["Letkol",
    "Kav"], ["AKBP"]); `honorifics` the personal ones ("Dr", "H."), never a rank."""

    name: str
    title: str | None
    organisation: str | None
    honorifics: list[str]
    degrees: list[str]
    span: tuple[int, int]
    mentions: list[tuple[int, int]] = field(default_factory=list)
    ranks: list[str] = field(default_factory=list)


@dataclass
class Organisation:
    name: str
    abbreviation: str | None
    expansion: str | None
    span: tuple[int, int]
    mentions: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Place:
    name: str
    kind: str
    span: tuple[int, int]


@dataclass
class Quote:
    """`form` is "direct" (inside quote marks) or "indirect" (reported speech without
    them); `placement` is where the speaker stands: "after" (`"…," ujar X`),
    "interposed", "fronted" (`Menurut X, …`) or "reported" (`X mengatakan bahwa …`)."""

    speaker: str | None
    verb: str | None
    text: str
    span: tuple[int, int]
    form: str
    placement: str


@dataclass
class Extraction:
    people: list[Person]
    organisations: list[Organisation]
    places: list[Place]
    dates: list[FoundDate]
    quotes: list[Quote]

    def as_dict(self) -> dict:
        """The JSON shape: people, organisations, places, dates, quotes (spans as lists)."""
        def plain(item) -> dict:
            out = asdict(item) if not isinstance(item, FoundDate) else item.as_dict()
            return {k: _listify(v) for k, v in out.items()}
        return {kind: [plain(item) for item in getattr(self, kind)]
                for kind in ("people", "organisations", "places", "dates", "quotes")}


def _listify(value):
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, list):
        return [_listify(v) for v in value]
    return value

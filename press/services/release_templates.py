"""Release templates and the draft they render: the kind's template (the admin's override
or the file), saving and resetting an override (refused with its line if it does not
compile), the drafting context of an activity (its accepted people and quotes) and the
draft rendered from it."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from press.config import DEFAULTS
from press.drafting.context import DraftContext, build_context
from press.drafting.render import Draft, TemplateFailed, TemplateProblem, compile_template, load_default, render_draft
from press.errors import N_
from press.models import ACTIVITY_KINDS, Activity, Note, ReleaseTemplate, User, utcnow
from press.notes.accepted import AcceptedPerson, AcceptedQuote, read_accepted

from .audit import record
from .release_changes import require
from .release_text import ReleaseError


class DraftTemplateError(ReleaseError):
    """The kind's template cannot render; ``problem`` says where and why."""

    def __init__(self, problem: TemplateProblem, kind: str | None = None):
        super().__init__(N_("Templat siaran bermasalah (baris %(line)s): %(detail)s"),
                         line=problem.line or "?", detail=str(problem.message % problem.params
                                                              if problem.params else problem.message))
        self.problem = problem
        self.kind = kind


def template_source(session: Session, kind: str) -> tuple[str, bool]:
    """The template of ``kind``: the admin's override if there is one, else the file."""
    override = session.scalar(select(ReleaseTemplate).where(ReleaseTemplate.kind == kind))
    if override is not None:
        return override.source, True
    try:
        return load_default(kind), False
    except FileNotFoundError as exc:
        raise ReleaseError(N_("Tidak ada templat untuk jenis kegiatan %(kind)s."), kind=kind) from exc


def save_template(session: Session, kind: str, source: str, actor: User) -> ReleaseTemplate:
    """Store an admin's template for ``kind``; refused (with the line) if it does not compile."""
    require(session, actor, "template.edit")
    if kind not in ACTIVITY_KINDS:
        raise ReleaseError(N_("Jenis kegiatan %(kind)s tidak dikenal."), kind=kind)
    source = (source or "").replace("\r\n", "\n")
    if not source.strip():
        raise ReleaseError(N_("Templat tidak boleh kosong."))
    try:
        compile_template(source)
    except TemplateFailed as exc:
        raise DraftTemplateError(exc.problem, kind) from exc
    row = session.scalar(select(ReleaseTemplate).where(ReleaseTemplate.kind == kind))
    if row is None:
        row = ReleaseTemplate(kind=kind, source=source, updated_by_id=actor.id)
        session.add(row)
    else:
        row.source, row.updated_by_id, row.updated_at = source, actor.id, utcnow()
    session.flush()
    record(session, actor, "release_template.save", row, kind=kind)
    return row


def reset_template(session: Session, kind: str, actor: User) -> None:
    """Drop the admin's override: the file template applies again."""
    require(session, actor, "template.edit")
    row = session.scalar(select(ReleaseTemplate).where(ReleaseTemplate.kind == kind))
    if row is not None:
        record(session, actor, "release_template.reset", row, kind=kind)
        session.delete(row)
        session.flush()


def accepted_items(session: Session, activity: Activity) -> tuple[list[AcceptedPerson], list[AcceptedQuote]]:
    """People and quotes accepted in the activity's notes, oldest note first."""
    people: list[AcceptedPerson] = []
    quotes: list[AcceptedQuote] = []
    notes = session.scalars(select(Note).where(Note.activity_id == activity.id).order_by(Note.created_at, Note.id))
    for note in notes:
        accepted = read_accepted(note.accepted)
        people += accepted.people
        quotes += accepted.quotes
    return people, quotes


def context_for(session: Session, activity: Activity, *, office: str | None = None,
                signature: str | None = None) -> DraftContext:
    people, quotes = accepted_items(session, activity)
    venue = activity.venue
    return build_context(
        kind=activity.kind, title=activity.title, day=activity.starts_on, topic=activity.topic,
        guest_body=activity.guest_body, summary=activity.summary,
        starts_at=activity.starts_at_time, ends_at=activity.ends_at_time,
        dress_code=activity.dress_code, contact=activity.contact,
        venue={"name": venue.name, "city": venue.city, "address": venue.address} if venue else None,
        unit={"name": activity.unit.name, "abbreviation": activity.unit.abbreviation} if activity.unit else None,
        participants=[{"name": p.name, "title": p.title, "organisation": p.organisation, "role": p.role}
                      for p in activity.participants],
        accepted_people=people, accepted_quotes=quotes,
        office=office, signature=signature or DEFAULTS["OFFICE_SIGNATURE"],
    )


def render_for(session: Session, activity: Activity, source: str | None = None, *,
               office: str | None = None, signature: str | None = None) -> Draft:
    """The draft of ``activity`` from ``source`` (default: its kind's template)."""
    if source is None:
        source, _override = template_source(session, activity.kind)
    try:
        return render_draft(source, context_for(session, activity, office=office, signature=signature))
    except TemplateFailed as exc:
        raise DraftTemplateError(exc.problem, activity.kind) from exc

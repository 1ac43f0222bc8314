"""Releases as the writer works on them: the draft from an activity, saving with revisions
and optimistic locking, checks, comparisons; the templates are `release_templates`, the
photos `release_photos`, the DOCX and media kit `release_exports`.

Takes a session and the acting user, never imports Flask, never commits (the web layer
and the CLI do). Every change writes an audit event and queues the release for the
search index. Office values (name, signature, the media store) come as arguments.

Saving (:func:`save_release`) is refused with :class:`StaleEdit` when the release has
changed since the editor opened it (its ``version`` moved on): the refused text is kept
on the exception so the page can show it back and nothing is lost. The check is a
conditional UPDATE, so two processes saving at once cannot both win. A published
release is changed only by a correction (``press.services.workflow.apply(..., WorkflowAction.CORRECT)``,
editors only); approved, scheduled and retracted releases are not editable (send back first).
"""
from __future__ import annotations

import re

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, object_session

from press.codes import ReleaseState, WorkflowAction
from press.config import DEFAULTS
from press.drafting import checks as checks_stage
from press.drafting.diff import Row, compare
from press.drafting.finding import Finding
from press.errors import N_
from press.models import RELEASE_STATES, Activity, Media, Release, ReleasePhoto, Revision, User, utcnow

from . import workflow
from .indexing import enqueue_index
from .people import register_people
from .release_changes import EDITABLE_STATES, changed, require
from .release_photos import pick_photos, propose_caption
from .release_slugs import follow_headline, unique_slug
from .release_templates import render_for
from .release_text import LIMITS, ReleaseError, check_length, clean_text


class StaleEdit(ReleaseError):
    """The release changed since the editor opened it; ``submitted`` holds the refused text."""

    def __init__(self, release: Release, submitted: dict):
        super().__init__(N_("Siaran ini sudah disimpan orang lain (versi %(current)s) sejak Anda membukanya "
                            "(versi %(expected)s). Teks Anda belum disimpan dan ditampilkan di bawah: "
                            "bandingkan, lalu simpan lagi."),
                         current=release.version, expected=submitted.get("expected_version"))
        self.submitted = submitted


# -- the draft -----------------------------------------------------------------------

def create_draft(session: Session, activity: Activity, actor: User, *, office: str | None = None,
                 signature: str | None = None) -> tuple[Release, list[str]]:
    """A new draft release from the activity's kind template with its best photos attached, in the
    activity's PPID class.

    Returns the release and the fields the template needed and the activity lacked
    (they appear in the text as "[…]" placeholders)."""
    require(session, actor, "release.write", activity)
    draft = render_for(session, activity, office=office, signature=signature)
    release = Release(
        activity_id=activity.id, unit_id=activity.unit_id,
        slug=unique_slug(session, draft.headline or activity.title),
        title=(draft.headline or activity.title)[:LIMITS["title"]], dateline=draft.dateline[:LIMITS["dateline"]] or None,
        body=draft.body, signature=(draft.signature or "")[:LIMITS["signature"]] or None,
        state=ReleaseState.DRAFT, author_id=actor.id, version=1, ppid_class=activity.ppid_class,
    )
    session.add(release)
    session.flush()
    session.add(Revision(release=release, number=1, title=release.title, dateline=release.dateline,
                         body=release.body, signature=release.signature, author_id=actor.id,
                         comment="Draf dari templat"))
    media = session.scalars(select(Media).where(Media.activity_id == activity.id)).all()
    for position, item in enumerate(pick_photos(media)):
        session.add(ReleasePhoto(release=release, media_id=item.id, position=position,
                                 caption=propose_caption(activity, item)))
    session.flush()
    changed(session, release, actor, "release.draft", activity=activity.id,
             missing=list(draft.missing_fields))
    for photo in release.photos:
        enqueue_index(session, "photo", photo.media_id)
    return release, list(draft.missing_fields)


# -- saving --------------------------------------------------------------------------

def save_release(session: Session, release: Release, *, title: str, dateline: str | None, body: str,
                 signature: str | None, expected_version: int, actor: User, comment: str | None = None) -> Revision:
    """Save a new version: a revision, ``version`` + 1; refused with :class:`StaleEdit` if
    ``expected_version`` is not the current one (the refused text rides on the exception)."""
    submitted = {"title": title, "dateline": dateline, "body": body, "signature": signature,
                 "comment": comment, "expected_version": expected_version}
    require(session, actor, "release.write", release)
    text = clean_text(title, dateline, body, signature)
    check_length("comment", (comment or "").strip())
    session.refresh(release)
    if expected_version != release.version:
        raise StaleEdit(release, submitted)
    if release.state == ReleaseState.PUBLISHED:
        require(session, actor, "release.correct", release)
        note = (comment or "").strip()
        if not note:
            raise ReleaseError(N_("Siaran ini sudah terbit: menyimpan berarti koreksi. Tulis catatan "
                                  "\"Diperbarui\" untuk pembaca."))
        workflow.apply(session, release, WorkflowAction.CORRECT, actor, note=note, text=text, expected_version=expected_version)
        return release.revisions[-1]
    if release.state not in EDITABLE_STATES:
        raise ReleaseError(N_("Siaran berstatus %(state)s tidak bisa disunting; kembalikan ke draf dulu."),
                           state=ReleaseState(release.state))
    now = utcnow()
    updated = session.execute(
        update(Release)
        .where(Release.id == release.id, Release.version == expected_version)
        .values(version=expected_version + 1, updated_at=now, **text)
        .execution_options(synchronize_session=False)
    ).rowcount
    if updated != 1:
        session.refresh(release)
        raise StaleEdit(release, submitted)
    session.refresh(release)
    follow_headline(session, release)
    number = (session.scalar(select(func.max(Revision.number)).where(Revision.release_id == release.id)) or 0) + 1
    revision = Revision(release_id=release.id, number=number, author_id=actor.id,
                        comment=(comment or "").strip() or None, created_at=now, **text)
    session.add(revision)
    session.flush()
    changed(session, release, actor, "release.save", revision=number, version=release.version, slug=release.slug)
    return revision



# -- reading -------------------------------------------------------------------------

def releases_query(state: str | None = None, activity_id: int | None = None):
    query = select(Release).order_by(Release.updated_at.desc(), Release.id.desc())
    if state in RELEASE_STATES:
        query = query.where(Release.state == state)
    if activity_id:
        query = query.where(Release.activity_id == activity_id)
    return query


def photo_values(release: Release) -> list[dict]:
    return [{"caption": p.caption or p.media.caption, "credit": p.media.credit or _credit_in(p.caption)}
            for p in release.photos]


def _credit_in(caption: str | None) -> str | None:
    match = re.search(r"\bFoto\s*:\s*([^.]+)", caption or "", re.I)
    return match.group(1).strip() if match else None


def check(release: Release, *, title: str | None = None, body: str | None = None, dateline: str | None = None,
          signature: str | None = None, label: str | None = None) -> list[Finding]:
    """The editorial checks on the release (or on its unsaved ``title``, ``body``,
    ``dateline`` and ``signature``); ``label`` is the advertorial label it must close with
    (the office's ``OFFICE_SIGNATURE``)."""
    activity = release.activity
    people = [p.name for p in activity.participants] if activity else []
    session = object_session(release)
    return checks_stage.check_release(
        release.body if body is None else body,
        title=release.title if title is None else title,
        activity_date=activity.starts_on if activity else None,
        people=people, photos=photo_values(release),
        proper_names=[activity.venue.name] if activity and activity.venue else [],
        dateline=(release.dateline or "") if dateline is None else dateline,
        signature=(release.signature or "") if signature is None else signature,
        label=DEFAULTS["OFFICE_SIGNATURE"] if label is None else label,
        register=register_people(session) if session is not None else [],
    )


def revision(release: Release, number: int) -> Revision:
    for item in release.revisions:
        if item.number == number:
            return item
    raise ReleaseError(N_("Revisi %(number)s tidak ada."), number=number)


def diff_revisions(release: Release, old: int, new: int) -> list[Row]:
    a, b = revision(release, old), revision(release, new)
    fields = ("title", "dateline", "body", "signature")
    return compare({f: getattr(a, f) for f in fields}, {f: getattr(b, f) for f in fields})


def as_dict(release: Release, findings: list | None = None) -> dict:
    return {
        "id": release.id, "title": release.title, "dateline": release.dateline, "body": release.body,
        "signature": release.signature, "state": release.state, "version": release.version,
        "activity_id": release.activity_id,
        "photos": [{"media_id": p.media_id, "position": p.position, "caption": p.caption,
                    "credit": p.media.credit if p.media else None} for p in release.photos],
        "checks": [f.as_dict() for f in (findings or [])],
    }

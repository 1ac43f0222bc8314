"""The release workflow table: every transition allowed for the roles holding its permission
(``press.permissions``) on the release's unit, refused for the others, audited."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from press import permissions
from press.extensions import db
from press.models import RELEASE_STATES, ROLES, AuditEvent, IndexQueueEntry, Release, Unit, User
from press.services import workflow
from press.services.workflow import TRANSITIONS, WorkflowError

from tests.conftest import EMAILS

NOW = datetime(2026, 1, 5, 3, 0, tzinfo=timezone.utc)
ARGS = {
    "schedule": {"at": NOW + timedelta(days=1)},
    "send_back": {"comment": "Kutipan kedua belum dikonfirmasi."},
    "retract": {"notice": "Ditarik karena data keliru."},
    "correct": {"note": "Nama pejabat diperbaiki."},
}


def user(role: str) -> User:
    """The demo account of ``role``: the central office's, the unit editor of Dinkes."""
    return db.session.scalar(select(User).where(User.email == EMAILS[role]))


def release_in(state: str) -> Release:
    """A release of Dinkes, the unit editor's unit, which does not publish itself."""
    dinkes = db.session.scalar(select(Unit).where(Unit.abbreviation == "Dinkes"))
    release = Release(slug=f"uji-{state}-{datetime.now().timestamp()}", title=f"Siaran uji {state}",
                      body="Isi siaran uji.", state=state, version=1, unit_id=dinkes.id)
    if state == "scheduled":
        release.embargo_at = NOW + timedelta(hours=5)
    if state == "published":
        release.published_at = NOW - timedelta(days=1)
    db.session.add(release)
    db.session.flush()
    return release


def events_of(release: Release) -> list[AuditEvent]:
    return list(db.session.scalars(select(AuditEvent).where(
        AuditEvent.object_type == "release", AuditEvent.object_id == release.id)))


# Who may move a release of Dinkes (a unit that does not publish itself), and where to,
# written by hand from the design brief, not read from ``workflow.TRANSITIONS``: writers
# send for review; the unit editor (Dinkes') or the central editor approves or sends back;
# only the central editor publishes, schedules, corrects and retracts; the admin may do
# everything. Every other state and action is refused to everyone.
STATES = ("draft", "in_review", "approved", "scheduled", "published", "retracted")
HAND_ACTIONS = ("submit", "send_back", "approve", "publish", "schedule", "unschedule", "correct", "retract")
WRITERS = {"writer", "unit_editor", "editor", "admin"}
APPROVERS = {"unit_editor", "editor", "admin"}
PUBLISHERS_BY_HAND = {"editor", "admin"}
MAY = {
    ("draft", "submit"): ("in_review", WRITERS),
    ("in_review", "send_back"): ("draft", APPROVERS),
    ("in_review", "approve"): ("approved", APPROVERS),
    ("in_review", "publish"): ("published", PUBLISHERS_BY_HAND),  # approve and publish in one
    ("approved", "send_back"): ("draft", APPROVERS),
    ("approved", "publish"): ("published", PUBLISHERS_BY_HAND),
    ("approved", "schedule"): ("scheduled", PUBLISHERS_BY_HAND),
    ("scheduled", "schedule"): ("scheduled", PUBLISHERS_BY_HAND),  # a new embargo time
    ("scheduled", "unschedule"): ("approved", PUBLISHERS_BY_HAND),
    ("scheduled", "publish"): ("published", PUBLISHERS_BY_HAND),  # before the embargo ends
    ("published", "correct"): ("published", PUBLISHERS_BY_HAND),
    ("published", "retract"): ("retracted", PUBLISHERS_BY_HAND),
}


def test_the_hand_written_workflow_names_every_state_and_action(ctx):
    assert set(STATES) == set(RELEASE_STATES) and set(HAND_ACTIONS) == set(workflow.ACTIONS)


def _applied_as_written(state: str, action: str, role: str) -> str | None:
    """Apply ``action`` to a fresh release in ``state`` as the demo account of ``role``;
    what went wrong against ``MAY``, or ``None``."""
    release = release_in(state)
    actor = user(role)
    to, who = MAY.get((state, action), (None, set()))
    if role not in who:
        try:
            workflow.apply(db.session, release, action, actor, now=NOW, **ARGS.get(action, {}))
        except WorkflowError:
            return None if release.state == state and events_of(release) == [] else "refused but changed"
        return f"allowed (now {release.state})"
    workflow.apply(db.session, release, action, actor, now=NOW, **ARGS.get(action, {}))
    [event] = events_of(release)
    queued = db.session.scalars(select(IndexQueueEntry).where(IndexQueueEntry.doc_id == release.id)).all()
    audited = (event.actor_id, event.action, event.created_at, event.data["from"], event.data["to"])
    if release.state != to or audited != (actor.id, f"release.{action}", NOW, state, to):
        return f"moved to {release.state}, audited {audited}"
    return None if any(q.doc_kind == "release" for q in queued) else "not queued for the index"


@pytest.mark.parametrize("role", ROLES)
def test_every_state_action_role_is_allowed_exactly_as_the_office_decided(ctx, role):
    wrong = {(state, action): outcome for state in STATES for action in HAND_ACTIONS
             if (outcome := _applied_as_written(state, action, role))}
    assert wrong == {}


def test_a_unit_editor_publishes_only_where_the_unit_publishes_itself(ctx):
    dinkes = db.session.scalar(select(Unit).where(Unit.abbreviation == "Dinkes"))
    dinkes.publishes_itself = True
    for action, to in (("publish", "published"), ("schedule", "scheduled")):
        release = release_in("approved")
        workflow.apply(db.session, release, action, user("unit_editor"), now=NOW, **ARGS.get(action, {}))
        assert release.state == to
    elsewhere = release_in("in_review")
    elsewhere.unit_id = db.session.scalar(select(Unit.id).where(Unit.abbreviation == "Diskominfostandi"))
    db.session.flush()
    for action in ("approve", "send_back", "publish"):
        with pytest.raises(WorkflowError):
            workflow.apply(db.session, elsewhere, action, user("unit_editor"), now=NOW, **ARGS.get(action, {}))
    assert elsewhere.state == "in_review"


def held(role: str, needed: tuple[str, ...]) -> bool:
    return any(permissions.scope(role, name) for name in needed)


def test_photographers_and_writers_cannot_publish_and_only_writers_submit(ctx):
    assert not any(held("photographer", needed) for _to, needed in TRANSITIONS.values())
    assert {action for (_s, action), (_to, needed) in TRANSITIONS.items() if held("writer", needed)} == {"submit"}


def test_send_back_keeps_the_editors_comment_in_the_audit(ctx):
    release = release_in("in_review")
    with pytest.raises(WorkflowError, match="catatan"):
        workflow.apply(db.session, release, "send_back", user("editor"), now=NOW, comment="  ")
    workflow.apply(db.session, release, "send_back", user("editor"), now=NOW, comment="Perbaiki judul.")
    assert release.state == "draft"
    assert events_of(release)[0].data["comment"] == "Perbaiki judul."


def test_schedule_needs_a_future_time_with_a_zone(ctx):
    release = release_in("approved")
    editor = user("editor")
    with pytest.raises(WorkflowError, match="masa depan"):
        workflow.apply(db.session, release, "schedule", editor, at=NOW - timedelta(minutes=1), now=NOW)
    with pytest.raises(WorkflowError, match="zona"):
        workflow.apply(db.session, release, "schedule", editor, at=datetime(2030, 1, 1), now=NOW)
    with pytest.raises(WorkflowError):
        workflow.apply(db.session, release, "schedule", editor, now=NOW)
    workflow.apply(db.session, release, "schedule", editor, at=NOW + timedelta(hours=2), now=NOW)
    assert release.state == "scheduled" and release.embargo_at == NOW + timedelta(hours=2)
    workflow.apply(db.session, release, "unschedule", editor, now=NOW)
    assert release.state == "approved" and release.embargo_at is None


def test_parse_time_reads_wib_without_an_offset(ctx):
    assert workflow.parse_time("2021-10-01T09:00") == datetime(2021, 10, 1, 2, 0, tzinfo=timezone.utc)
    assert workflow.parse_time("2021-10-01T09:00+00:00") == datetime(2021, 10, 1, 9, 0, tzinfo=timezone.utc)
    with pytest.raises(WorkflowError):
        workflow.parse_time("besok pagi")


def test_retract_needs_a_notice_and_keeps_it(ctx):
    release = release_in("published")
    with pytest.raises(WorkflowError, match="pemberitahuan"):
        workflow.apply(db.session, release, "retract", user("editor"), now=NOW)
    workflow.apply(db.session, release, "retract", user("editor"), notice="Data keliru.", now=NOW)
    assert (release.state, release.retraction_notice, release.retracted_at) == ("retracted", "Data keliru.", NOW)


def test_a_correction_is_a_new_revision_with_its_public_note(ctx):
    release = release_in("published")
    version = release.version
    with pytest.raises(WorkflowError, match="Diperbarui"):
        workflow.apply(db.session, release, "correct", user("editor"), now=NOW)
    workflow.apply(db.session, release, "correct", user("editor"), note="Nama Kasubag diperbaiki.",
                   text={"body": "Isi yang sudah dikoreksi."}, now=NOW)
    assert release.state == "published"
    assert release.body == "Isi yang sudah dikoreksi."
    assert (release.corrected_at, release.correction_note) == (NOW, "Nama Kasubag diperbaiki.")
    assert release.version == version + 1
    assert release.revisions[-1].body == "Isi yang sudah dikoreksi."
    assert release.revisions[-1].comment == "Nama Kasubag diperbaiki."


def test_an_action_on_a_release_changed_since_it_was_opened_is_refused(ctx):
    release = release_in("in_review")
    with pytest.raises(WorkflowError, match="diubah orang lain"):
        workflow.apply(db.session, release, "approve", user("editor"), expected_version=release.version - 1 or 99, now=NOW)
    workflow.apply(db.session, release, "approve", user("editor"), expected_version=release.version, now=NOW)
    assert release.state == "approved"


def test_publish_due_publishes_only_what_is_due_and_only_once(ctx):
    due = release_in("scheduled")
    due.embargo_at = NOW - timedelta(minutes=1)
    later = release_in("scheduled")
    later.embargo_at = NOW + timedelta(days=1)
    db.session.commit()
    published = workflow.publish_due(db.session, NOW)
    db.session.commit()
    assert [r.id for r in published] == [due.id]
    assert workflow.publish_due(db.session, NOW) == []
    db.session.refresh(due)
    db.session.refresh(later)
    assert (due.state, due.published_at) == ("published", NOW - timedelta(minutes=1))
    assert later.state == "scheduled"
    [event] = events_of(due)
    assert event.actor_id is None and event.action == "release.publish_due"


def test_publish_due_waits_for_the_embargo_to_the_second(ctx):
    """A second before the embargo nothing is published; at the embargo it is, dated then."""
    release = release_in("scheduled")
    release.embargo_at = NOW
    db.session.commit()
    for early in (timedelta(seconds=59), timedelta(seconds=1)):
        assert workflow.publish_due(db.session, NOW - early) == [], f"published {early} before the embargo"
        db.session.commit()
        db.session.refresh(release)
        assert (release.state, release.published_at) == ("scheduled", None)
    assert [r.id for r in workflow.publish_due(db.session, NOW)] == [release.id]
    db.session.commit()
    db.session.refresh(release)
    assert (release.state, release.published_at) == ("published", NOW)

def test_demo_releases_carry_their_audit_trail(ctx):
    states = {r.state: r for r in db.session.scalars(select(Release).where(Release.ppid_class != "dikecualikan"))}
    assert {"draft", "in_review", "approved", "scheduled", "published", "retracted"} <= set(states)
    assert [e.data["to"] for e in events_of(states["retracted"])] == ["in_review", "published", "retracted"]
    assert states["scheduled"].embargo_at > datetime.now(timezone.utc)

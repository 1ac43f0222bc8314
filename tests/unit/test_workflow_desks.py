"""What the workflow shows each desk: the moves a user may take, the central editor's queue,
the lists by state, a release's history, and who counts as a unit editor."""
from __future__ import annotations

import itertools
from datetime import datetime, timedelta, timezone

from sqlalchemy import select

from press.extensions import db
from press.models import AuditEvent, Release, Unit, User
from press.services import embargo, workflow

from tests.conftest import EMAILS

OLD = datetime(2020, 1, 1, 8, 0, tzinfo=timezone.utc)  # before every demo release was last changed
_slugs = itertools.count(1)


def unit(abbreviation: str) -> Unit:
    return db.session.scalar(select(Unit).where(Unit.abbreviation == abbreviation))


def person(email: str) -> User:
    return db.session.scalar(select(User).where(User.email == email))


def release(state: str, unit_name: str, *, updated: datetime = OLD, embargo: datetime | None = None) -> Release:
    made = Release(slug=f"meja-uji-{next(_slugs)}",
                   title=f"Siaran {state} {unit_name}", body="Isi.", state=state, version=1,
                   unit_id=unit(unit_name).id, updated_at=updated, embargo_at=embargo)
    db.session.add(made)
    db.session.flush()
    return made


def moves(item: Release, email: str | None) -> list[tuple[str, str]]:
    return [(m.action, m.to) for m in workflow.available(item, person(email) if email else None)]


def test_each_user_is_offered_exactly_the_moves_they_may_take_in_table_order(ctx):
    in_review = release("in_review", "Dinkes")
    assert moves(in_review, EMAILS["editor"]) == [("send_back", "draft"), ("approve", "approved"),
                                                  ("publish", "published")]
    assert moves(in_review, "redaktur.dinkes@siaran.test") == [("send_back", "draft"), ("approve", "approved")]
    assert moves(in_review, "penulis.dinkes@siaran.test") == []
    assert moves(in_review, None) == []
    draft = release("draft", "Dinkes")
    assert moves(draft, "penulis.dinkes@siaran.test") == [("submit", "in_review")]
    assert moves(draft, "penulis.kominfo@siaran.test") == []  # another unit's draft
    assert moves(draft, EMAILS["photographer"]) == []
    unsaved = Release(title="Belum disimpan", body="Isi.", state="draft", unit_id=draft.unit_id)
    assert workflow.available(unsaved, person(EMAILS["editor"])) == []


def test_a_unit_editor_counts_for_the_unit_and_the_units_below_while_active(ctx):
    assert workflow.has_unit_editor(db.session, unit("Dinkes").id)
    assert workflow.has_unit_editor(db.session, unit("Puskesmas Pondok Gede").id)  # below Dinkes
    assert not workflow.has_unit_editor(db.session, unit("Diskominfostandi").id)
    assert not workflow.has_unit_editor(db.session, unit("Pemkot Bekasi").id)  # above Dinkes: not its editor
    assert not workflow.has_unit_editor(db.session, None)
    for role in ("admin", "editor"):  # the central office's, whatever unit their account sits in
        person(EMAILS[role]).unit_id = unit("Pemkot Bekasi").id
    db.session.flush()
    assert not workflow.has_unit_editor(db.session, unit("Diskominfostandi").id)
    person("redaktur.dinkes@siaran.test").active = False
    db.session.flush()
    assert not workflow.has_unit_editor(db.session, unit("Dinkes").id)


def test_the_central_queue_holds_what_no_unit_can_finish_oldest_first(ctx):
    unit("Puskesmas Pondok Gede").publishes_itself = True
    waiting_longest = release("approved", "Dinkes", updated=OLD)
    no_unit_editor = release("in_review", "Diskominfostandi", updated=OLD + timedelta(hours=1))
    release("in_review", "Dinkes", updated=OLD - timedelta(days=1))  # Dinkes' own editor reviews it
    release("approved", "Puskesmas Pondok Gede", updated=OLD - timedelta(days=1))  # publishes itself
    release("draft", "Diskominfostandi", updated=OLD - timedelta(days=1))
    release("scheduled", "Dinkes", updated=OLD - timedelta(days=1), embargo=OLD + timedelta(days=900))
    demo_approved = db.session.scalar(select(Release).where(Release.state == "approved"))  # the central office's
    assert workflow.central_queue(db.session) == [waiting_longest, no_unit_editor, demo_approved]
    assert workflow.central_queue(db.session, limit=2) == [waiting_longest, no_unit_editor]
    assert workflow.central_queue(db.session, limit=1) == [waiting_longest]


def test_the_lists_by_state_order_by_embargo_or_by_last_change_and_show_only_what_the_viewer_may_read(ctx):
    later = release("scheduled", "Dinkes", updated=OLD + timedelta(days=2), embargo=OLD + timedelta(days=900))
    sooner = release("scheduled", "Dinkes", updated=OLD, embargo=OLD + timedelta(days=800))
    demo = db.session.scalar(select(Release).where(Release.state == "scheduled", Release.id < sooner.id))
    editor = person(EMAILS["editor"])
    assert workflow.releases_in_state(db.session, "scheduled", editor) == [sooner, later, demo]
    assert workflow.releases_in_state(db.session, "scheduled", editor, limit=2) == [sooner, later]
    older = release("draft", "Diskominfostandi", updated=OLD)
    newer = release("draft", "Diskominfostandi", updated=OLD + timedelta(days=1))
    same_time = release("draft", "Diskominfostandi", updated=OLD + timedelta(days=1))
    kominfo = person("penulis.kominfo@siaran.test")
    demo_draft = db.session.scalar(select(Release).where(Release.state == "draft", Release.id < sooner.id))
    assert workflow.releases_in_state(db.session, "draft", kominfo) == [demo_draft, same_time, newer, older]
    assert workflow.releases_in_state(db.session, "draft", person("penulis.dinkes@siaran.test")) == []


def test_a_releases_history_is_its_own_events_oldest_first(ctx):
    item = release("draft", "Dinkes")
    writer, editor = person("penulis.dinkes@siaran.test"), person(EMAILS["editor"])
    workflow.apply(db.session, item, "submit", writer, now=OLD + timedelta(hours=2))
    workflow.apply(db.session, item, "send_back", editor, comment="Tambah kutipan.", now=OLD + timedelta(hours=1))
    workflow.apply(db.session, item, "submit", writer, now=OLD + timedelta(hours=1))
    db.session.add(AuditEvent(action="media.update", object_type="media", object_id=item.id, created_at=OLD))
    db.session.flush()
    assert [(e.action, e.created_at) for e in workflow.history(db.session, item)] == [
        ("release.send_back", OLD + timedelta(hours=1)),  # the clock said so: time first,
        ("release.submit", OLD + timedelta(hours=1)),     # then the order they were written
        ("release.submit", OLD + timedelta(hours=2)),
    ]


def test_a_release_taken_off_the_schedule_is_closed_to_journalists_by_whoever_took_it_off(ctx):
    editor = person(EMAILS["editor"])
    taken_off, kept = (release("scheduled", "Dinkes", embargo=OLD + timedelta(days=400)) for _ in range(2))
    for item in (taken_off, kept):
        embargo.open_to_journalists(db.session, item, editor, "all")
    workflow.apply(db.session, kept, "schedule", editor, at=OLD + timedelta(days=300), now=OLD)
    workflow.apply(db.session, kept, "publish", editor, now=OLD)
    workflow.apply(db.session, taken_off, "unschedule", editor, now=OLD)
    assert ("release.close_to_journalists", editor.id) in [(e.action, e.actor_id) for e in workflow.history(db.session, taken_off)]
    assert embargo.opening_of(db.session, taken_off) is None
    assert "release.close_to_journalists" not in [e.action for e in workflow.history(db.session, kept)]
    assert embargo.opening_of(db.session, kept) is not None

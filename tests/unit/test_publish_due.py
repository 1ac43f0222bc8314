"""The embargo clock: ``publish_due`` publishes each scheduled release once, when its time has
come and not a second before, in the order the embargoes fell, and owes the subscribers their alert."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from press.extensions import db
from press.models import MailOwed, Release
from press.services import workflow

from tests.unit.test_workflow import NOW, events_of, release_in, user


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
    # the history shows it as the clock's, when it ran, dated at the embargo
    assert (event.data, event.created_at) == ({"from": "scheduled", "to": "published",
                                               "at": (NOW - timedelta(minutes=1)).isoformat()}, NOW)


def test_a_release_another_process_published_or_rescheduled_meanwhile_is_left_alone(ctx):
    """What ``publish_due`` read may change before it writes: each release is published only
    if it is still scheduled and due then."""
    taken, moved = release_in("scheduled"), release_in("scheduled")
    taken.embargo_at = moved.embargo_at = NOW - timedelta(minutes=5)
    db.session.commit()
    assert {r.id for r in workflow.publish_due(db.session, NOW - timedelta(minutes=1))} == {taken.id, moved.id}
    db.session.commit()
    moved.state, moved.embargo_at = "scheduled", NOW + timedelta(hours=1)  # unpublished, then scheduled later
    db.session.commit()
    assert workflow.publish_one_due(db.session, taken.id, NOW) is None  # the second process, too late
    assert workflow.publish_one_due(db.session, moved.id, NOW) is None
    db.session.commit()
    db.session.refresh(taken)
    assert (taken.published_at, taken.updated_at) == (NOW - timedelta(minutes=5), NOW - timedelta(minutes=1))
    assert [e.action for e in events_of(taken)] == ["release.publish_due"]
    assert db.session.get(Release, moved.id).state == "scheduled"


def test_publish_due_starts_again_after_a_write_conflict_and_gives_up_after_three(ctx, monkeypatch):
    release = release_in("scheduled")
    release.embargo_at = NOW - timedelta(minutes=1)
    db.session.commit()
    real, calls = workflow.publish_one_due, []

    def conflicting(failures):
        def publish(session, release_id, now):
            calls.append(release_id)
            if len(calls) <= failures:
                raise OperationalError("UPDATE release", {}, Exception("database is locked"))
            return real(session, release_id, now)
        return publish

    monkeypatch.setattr(workflow, "publish_one_due", conflicting(3))
    with pytest.raises(OperationalError):
        workflow.publish_due(db.session, NOW)
    assert (len(calls), db.session.get(Release, release.id).state) == (3, "scheduled")
    calls.clear()
    monkeypatch.setattr(workflow, "publish_one_due", conflicting(2))
    assert [r.id for r in workflow.publish_due(db.session, NOW)] == [release.id]
    assert len(calls) == 3


def test_publish_due_publishes_in_the_order_the_embargoes_fell(ctx):
    first_made, second_made = release_in("scheduled"), release_in("scheduled")
    first_made.embargo_at, second_made.embargo_at = NOW - timedelta(minutes=1), NOW - timedelta(minutes=2)
    db.session.commit()
    assert [r.id for r in workflow.publish_due(db.session, NOW)] == [second_made.id, first_made.id]


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


def test_subscribers_are_owed_the_alert_and_each_follow_up_whichever_way_it_went_out(ctx):
    by_hand, by_clock = release_in("approved"), release_in("scheduled")
    by_clock.embargo_at = NOW - timedelta(minutes=1)
    db.session.commit()
    workflow.apply(db.session, by_hand, "publish", user("editor"), now=NOW)
    workflow.publish_due(db.session, NOW)
    workflow.apply(db.session, by_hand, "correct", user("editor"), note="Koreksi.", text={"body": "Isi baru."}, now=NOW)
    workflow.apply(db.session, by_hand, "retract", user("editor"), notice="Ditarik.", now=NOW)
    owed = db.session.scalars(select(MailOwed.object_key).where(
        MailOwed.object_key.in_([f"release:{r.id}" for r in (by_hand, by_clock)] +
                                [f"release:{by_hand.id}:{change}" for change in ("v2", "retract")]))).all()
    assert sorted(owed) == sorted([f"release:{by_hand.id}", f"release:{by_clock.id}", f"release:{by_hand.id}:v2",
                                   f"release:{by_hand.id}:retract"])

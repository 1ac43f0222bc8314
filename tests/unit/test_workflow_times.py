"""The release workflow's times: an embargo is set in the future, with its zone, at most two
years and a day ahead; publishing before it dates the release now; and the times operators
type are read as Jakarta time unless they say otherwise (``workflow.parse_time``)."""
from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone

import pytest

from press.extensions import db
from press.services import workflow
from press.services.workflow import WorkflowError
from tests.unit.test_workflow import NOW, events_of, release_in, user


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


def test_an_embargo_may_be_set_two_years_and_a_day_ahead_and_no_further(ctx):
    release = release_in("approved")
    furthest = NOW + timedelta(days=731)
    with pytest.raises(WorkflowError, match="paling jauh 2 tahun"):
        workflow.apply(db.session, release, "schedule", user("editor"), at=furthest + timedelta(seconds=1), now=NOW)
    workflow.apply(db.session, release, "schedule", user("editor"), at=furthest.astimezone(workflow.OFFICE_ZONE), now=NOW)
    assert (release.embargo_at, events_of(release)[-1].data["at"]) == (furthest, "2028-01-06T03:00:00+00:00")
    with pytest.raises(WorkflowError, match="masa depan"):
        workflow.apply(db.session, release, "schedule", user("editor"), at=NOW, now=NOW)


def test_publishing_before_the_embargo_dates_it_now_and_clears_the_embargo(ctx):
    release = release_in("scheduled")
    workflow.apply(db.session, release, "publish", user("editor"), now=NOW)
    assert (release.state, release.published_at, release.embargo_at) == ("published", NOW, None)


def test_parse_time_reads_wib_without_an_offset(ctx):
    assert workflow.parse_time("2021-10-01T09:00") == datetime(2021, 10, 1, 2, 0, tzinfo=timezone.utc)
    assert workflow.parse_time("2021-10-01T09:00+00:00") == datetime(2021, 10, 1, 9, 0, tzinfo=timezone.utc)
    with pytest.raises(WorkflowError):
        workflow.parse_time("besok pagi")


@pytest.mark.parametrize("typed, meant", [
    ("  2021-10-01 09:00 \n", datetime(2021, 10, 1, 2, 0, tzinfo=timezone.utc)),  # pasted with spaces, a space for T
    ("2021-10-01T09:00+08:00", datetime(2021, 10, 1, 1, 0, tzinfo=timezone.utc)),  # WITA, said so
    ("2021-10-01", datetime(2021, 9, 30, 17, 0, tzinfo=timezone.utc)),  # midnight in Jakarta
])
def test_parse_time_reads_the_times_operators_type(ctx, typed, meant, monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Makassar")  # a server set to its own zone still answers in UTC
    time.tzset()
    try:
        moment = workflow.parse_time(typed)
    finally:
        monkeypatch.undo()
        time.tzset()
    assert (moment, moment.utcoffset()) == (meant, timedelta(0))


def test_parse_time_refuses_with_the_text_and_an_example(ctx):
    with pytest.raises(WorkflowError) as unreadable:
        workflow.parse_time("besok pagi jam 9")
    assert str(unreadable.value) == "Waktu besok pagi jam 9 tidak terbaca; tulis misalnya 2021-10-01T09:00."
    with pytest.raises(WorkflowError) as year_one:  # before the first moment a datetime holds, in UTC
        workflow.parse_time("0001-01-01T03:00")
    assert str(year_one.value) == "Waktu embargo harus di masa depan."

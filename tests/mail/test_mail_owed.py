"""A publication owes its alerts in one row; the send job lists them per address, a
committed batch at a time, each address once even when cut off half way; follow-ups reach
alert and digest readers alike."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from press.codes import OutboxPurpose, Role
from press.dates import OFFICE_ZONE
from press.demo.staff import demo_account
from press.extensions import db
from press.models import MailOwed, OutboxMessage, Release, Unit
from press.services import outbox, release_mail, units, workflow
from tests.mail.conftest import publish, ready_release, send, subscriber


def _addresses(purpose=OutboxPurpose.RELEASE_ALERT, release_id=None) -> list[str]:
    query = select(OutboxMessage.address).where(OutboxMessage.purpose == purpose,
                                                OutboxMessage.address.not_like("%.example"))
    if release_id is not None and purpose == OutboxPurpose.RELEASE_ALERT:
        query = query.where(OutboxMessage.object_key == release_mail.alert_key(release_id))
    return sorted(db.session.scalars(query))


def _owed(release_id: int) -> list[MailOwed]:
    return list(db.session.scalars(select(MailOwed).where(
        MailOwed.object_key == release_mail.alert_key(release_id))))


def test_the_publish_request_owes_one_row_and_the_job_lists_every_subscriber(app, client, auth, queued_jobs, smtp):
    with app.app_context():
        for n in range(30):
            subscriber(f"wartawan{n:02d}@media-bekasi.id")
        release_id = ready_release().id
        db.session.commit()
    auth.login(Role.EDITOR)
    answer = client.post(f"/staf/siaran/{release_id}/alur", data={"action": "publish", "csrf_token": auth.token()})
    assert answer.status_code == 302
    with app.app_context():
        [owed] = _owed(release_id)
        assert owed.done_at is None and _addresses() == []  # the request listed nobody
        db.session.remove()
    while (task := queued_jobs.dequeue()) is not None:  # the worker's turn
        queued_jobs.execute(task)
    with app.app_context():
        assert _addresses() == [f"wartawan{n:02d}@media-bekasi.id" for n in range(30)]
        [owed] = _owed(release_id)
        assert owed.done_at is not None and owed.queued == 30
    assert sorted(m["To"] for m in smtp.sink.accepted if m["To"].endswith("media-bekasi.id")) == [
        f"wartawan{n:02d}@media-bekasi.id" for n in range(30)]


def test_a_listing_cut_off_half_way_and_run_again_queues_each_address_once(app, ctx, queued_jobs, monkeypatch):
    for n in range(25):
        subscriber(f"redaksi{n:02d}@koran-bekasi.co.id")
    release = publish(ready_release())
    db.session.commit()
    real, calls = outbox.queue_select, []

    def dies_on_the_third_batch(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise SystemExit("killed")
        return real(*args, **kwargs)

    monkeypatch.setattr(outbox, "queue_select", dies_on_the_third_batch)
    with pytest.raises(SystemExit):
        outbox.expand_owed(db.session, batch=10)
    db.session.rollback()
    monkeypatch.setattr(outbox, "queue_select", real)
    assert len(_addresses()) == 20 and _owed(release.id)[0].done_at is None

    [owed] = _owed(release.id)
    owed.cursor = None  # even from the start again, nobody is listed twice
    db.session.commit()
    outbox.expand_owed(db.session, batch=10)
    listed = _addresses()
    assert listed == sorted(f"redaksi{n:02d}@koran-bekasi.co.id" for n in range(25))
    assert _owed(release.id)[0].done_at is not None
    outbox.expand_owed(db.session, batch=10)
    assert db.session.scalar(select(func.count()).select_from(OutboxMessage).where(
        OutboxMessage.address.like("redaksi%@koran-bekasi.co.id"))) == 25


def test_a_release_withdrawn_before_its_alerts_are_listed_sends_nothing(app, ctx, queued_jobs, smtp):
    subscriber("redaksi@koran-bekasi.co.id")
    release = publish(ready_release("Siaran yang ditarik sebelum dikirim"))
    db.session.commit()
    workflow.apply(db.session, db.session.get(Release, release.id), "retract", demo_account(db.session, Role.EDITOR),
                   notice="Ditarik karena data keliru.")
    db.session.commit()
    report = send(app)
    assert report.sent == 0 and smtp.sink.accepted == []
    assert _addresses(release_id=release.id) == [] and _addresses(OutboxPurpose.FOLLOW_UP) == []
    assert _owed(release.id)[0].done_at is not None


def _morning_after(release: Release) -> datetime:
    day = release.published_at.astimezone(OFFICE_ZONE).date()
    if release.published_at.astimezone(OFFICE_ZONE).hour >= 7:
        day += timedelta(days=1)
    return datetime.combine(day, datetime.min.time(), OFFICE_ZONE).replace(hour=7, minute=5)


def test_a_correction_reaches_digest_readers_who_got_the_release_once_per_address(app, ctx, queued_jobs, smtp):
    release = ready_release("Jadwal Vaksinasi Keliling")
    subscriber("pagi@koran-bekasi.co.id", cadence="digest")
    subscriber("segera@tv-lokal.id")
    subscriber("keduanya@radio-bekasi.id")
    subscriber("keduanya@radio-bekasi.id", scope="unit", value=release.unit_id, cadence="digest")
    around = units.above(db.session, release.unit_id)
    elsewhere = db.session.scalars(select(Unit.id).where(Unit.id.not_in(around))).first()
    subscriber("lain@koran-bekasi.co.id", scope="unit", value=elsewhere, cadence="digest")
    publish(release)
    db.session.commit()
    send(app)
    assert release_mail.queue_digests(db.session, _morning_after(release)) >= 2
    db.session.commit()
    send(app)
    digests = sorted(m["To"] for m in smtp.sink.accepted if m["Subject"].startswith("Ringkasan"))
    assert digests == ["keduanya@radio-bekasi.id", "pagi@koran-bekasi.co.id"]

    workflow.apply(db.session, db.session.get(Release, release.id), "correct", demo_account(db.session, Role.EDITOR),
                   note="Jam vaksinasi diperbaiki menjadi 09.00 WIB.")
    db.session.commit()
    send(app)
    corrections = sorted(m["To"] for m in smtp.sink.accepted if m["Subject"].startswith("Koreksi"))
    assert corrections == ["keduanya@radio-bekasi.id", "pagi@koran-bekasi.co.id", "segera@tv-lokal.id"]
    notice = next(m for m in smtp.sink.accepted if m["Subject"].startswith("Koreksi"))
    assert "09.00 WIB" in notice.get_body(("plain",)).get_content()

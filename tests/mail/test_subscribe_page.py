"""The public subscribe page: double opt-in by e-mail, bad input refused with its reason,
the morning digest, assignment notices by e-mail, and the command line."""
from __future__ import annotations

import json
import re
from datetime import datetime, time, timedelta
from urllib.parse import urlsplit

import pytest
from sqlalchemy import select

from press.codes import ActivityState, AssignmentRole, OutboxPurpose, Role, SubscriptionState
from press.dates import OFFICE_ZONE, office_today
from press.demo.staff import demo_account
from press.extensions import db
from press.models import Activity, OutboxMessage, Subscription, Unit
from press.services import planning, release_mail, subscriptions
from tests.mail.conftest import publish, ready_release, send, subscriber

FORM_TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


def _token(client, path: str) -> str:
    return FORM_TOKEN.search(client.get(path).get_data(as_text=True)).group(1)


def _subscribe(client, **form):
    return client.post("/langganan", data={"csrf_token": _token(client, "/langganan"), **form})


def test_anyone_subscribes_confirms_by_email_then_receives_alerts(app, client, queued_jobs, smtp):
    with app.app_context():
        unit = db.session.scalar(select(Unit).where(Unit.id == ready_release().unit_id))
        unit_id = unit.id
        db.session.rollback()
    answer = _subscribe(client, email="Redaksi@Koran-Bekasi.co.id", scope="unit", unit=str(unit_id), cadence="immediate")
    assert answer.status_code == 200 and "redaksi@koran-bekasi.co.id" in answer.text
    with app.app_context():
        send(app)
        publish(ready_release("Belum terkonfirmasi, belum dikirim"))
        db.session.commit()
        send(app)
    [confirmation] = smtp.sink.accepted  # an unconfirmed address gets nothing but the confirmation
    assert confirmation["Subject"] == "Konfirmasi langganan siaran pers"
    link = urlsplit(re.search(r"https?://\S+/langganan/konfirmasi/\S+", confirmation.get_body(("plain",)).get_content()).group(0)).path
    assert client.get(link).status_code == 200
    with app.app_context():  # opening the link confirms nothing: a mail scanner follows links
        assert db.session.scalar(select(Subscription.state).where(
            Subscription.address == "redaksi@koran-bekasi.co.id")) == SubscriptionState.PENDING
    done = client.post(link, data={"csrf_token": _token(client, link)})
    assert done.status_code == 200 and "aktif" in done.text
    with app.app_context():
        publish(ready_release("Pemkot Bekasi Buka Layanan Adminduk Keliling"))
        db.session.commit()
        send(app)
    assert [m["Subject"] for m in smtp.sink.accepted[1:]] == ["Pemkot Bekasi Buka Layanan Adminduk Keliling"]


def test_bad_subscriptions_are_refused_with_their_reason(app, client, queued_jobs):
    cases = [
        ({"email": "bukan-alamat", "scope": "all"}, "bukan alamat surel"),
        ({"email": "a@b.id\r\nBcc: x@evil.example", "scope": "all"}, "bukan alamat surel"),
        ({"email": "a@b.id", "scope": "unit", "unit": "99999999999999999999"}, "Pilih unit yang ada"),
        ({"email": "a@b.id", "scope": "tag", "tag": "0"}, "Pilih topik yang ada"),
        ({"email": "a@b.id", "scope": "kind", "kind": "pesta"}, "Pilih jenis kegiatan yang ada"),
        ({"email": "a@b.id", "scope": "semua"}, "Pilih apa yang ingin diikuti"),
        ({"email": "a@b.id", "scope": "all", "cadence": "tiap-jam"}, "Pilih apa yang ingin diikuti"),
    ]
    for form, reason in cases:
        answer = _subscribe(client, **form)
        assert answer.status_code == 400 and reason in answer.text, (form, answer.text[:300])
    with app.app_context():
        assert db.session.scalar(select(Subscription).where(Subscription.address == "a@b.id")) is None


def test_the_form_cannot_flood_an_inbox_with_confirmation_requests(app, client, queued_jobs):
    kinds = ["peresmian", "upacara", "pelantikan", "audiensi", "sosialisasi", "bakti_sosial"]
    answers = [_subscribe(client, email="korban@contoh.id", scope="kind", kind=kind) for kind in kinds]
    assert [a.status_code for a in answers] == [200] * 5 + [400]
    assert _subscribe(client, email="korban@contoh.id", scope="kind", kind="peresmian").status_code == 200
    with app.app_context():
        confirmations = db.session.scalars(select(OutboxMessage).where(
            OutboxMessage.purpose == OutboxPurpose.CONFIRMATION, OutboxMessage.address == "korban@contoh.id")).all()
        assert len(confirmations) == 5


@pytest.mark.parametrize(("published_at", "digest_day_later"), [(time(6, 30), 0), (time(19, 0), 1)])
def test_the_morning_digest_is_queued_once_from_seven_wib(app, ctx, queued_jobs, smtp, published_at, digest_day_later):
    subscriber("pagi@koran-bekasi.co.id", cadence="digest")
    subscriber("segera@koran-bekasi.co.id")
    release = publish(ready_release("Festival Kuliner Kota Bekasi"))
    published_on = office_today() - timedelta(days=3)
    release.published_at = datetime.combine(published_on, published_at, OFFICE_ZONE)
    db.session.commit()
    day = published_on + timedelta(days=digest_day_later)
    before = datetime.combine(day, time(6, 59), OFFICE_ZONE)
    assert release_mail.queue_digests(db.session, before) == 0
    at_seven = before + timedelta(minutes=1)
    assert release_mail.queue_digests(db.session, at_seven) == 1
    assert release_mail.queue_digests(db.session, at_seven + timedelta(hours=3)) == 0
    db.session.commit()
    send(app)
    [digest] = [m for m in smtp.sink.accepted if m["To"] == "pagi@koran-bekasi.co.id"]
    assert digest["Subject"].startswith("Ringkasan siaran pers")
    assert "Festival Kuliner Kota Bekasi" in digest.get_body(("plain",)).get_content()
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert [m["Subject"] for m in smtp.sink.accepted if m["To"] == "segera@koran-bekasi.co.id"] == [
        "Festival Kuliner Kota Bekasi"]


def test_an_assignment_is_also_sent_by_email(app, ctx, queued_jobs, smtp):
    activity = db.session.scalars(select(Activity).where(Activity.state == ActivityState.PLANNED)
                                  .order_by(Activity.id.desc())).first()
    photographer = demo_account(db.session, Role.PHOTOGRAPHER)
    planning.unassign(db.session, activity, photographer, actor=demo_account(db.session, Role.EDITOR))
    planning.assign(db.session, activity, photographer, AssignmentRole.PHOTOGRAPHER,
                    actor=demo_account(db.session, Role.EDITOR))
    db.session.commit()
    send(app)
    subjects = [m["Subject"] for m in smtp.sink.accepted if m["To"] == photographer.email]
    assert f"Penugasan baru: {activity.title}" in subjects


def test_the_command_line_lists_subscribers_and_the_outbox_and_sends(app, queued_jobs, runner, smtp):
    with app.app_context():
        subscriber("redaksi@koran-bekasi.co.id")
        subscriptions.subscribe(db.session, address="baru@contoh.id", scope="all")
        db.session.commit()
    listed = [json.loads(line) for line in runner.invoke(args=["subscribers", "list", "--json"]).output.splitlines()]
    assert [(s["address"], s["kind"], s["state"]) for s in listed if s["state"] != "unsubscribed"] == [
        ("redaksi@koran-bekasi.co.id", "all", "confirmed"), ("baru@contoh.id", "all", "pending")]
    queued = runner.invoke(args=["outbox", "list", "--state", "queued", "--json"]).output.splitlines()
    assert any(json.loads(line)["purpose"] == "confirmation" for line in queued)
    sent = json.loads(runner.invoke(args=["outbox", "send", "--json"]).output)
    assert sent["sent"] >= 1 and sent["failed"] == 0
    assert runner.invoke(args=["outbox", "list", "--state", "queued", "--json"]).output == ""
    assert runner.invoke(args=["outbox", "list", "--state", "bogus"]).exit_code == 2

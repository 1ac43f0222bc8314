"""Delivery through a real SMTP server (aiosmtpd on loopback), messages parsed with the
standard library: what a subscriber receives, retries, refusals, no leak before publication."""
from __future__ import annotations

import threading
from datetime import timedelta
from urllib.parse import urlsplit

from sqlalchemy import select

from press.codes import OutboxPurpose, OutboxState, Role
from press.demo.staff import demo_account
from press.extensions import db
from press.models import MailAddress, OutboxMessage, Release, utcnow
from press.services import outbox, outbox_sender, workflow
from press.services.mail_transport import open_transport
from tests.mail.conftest import publish, ready_release, send, subscriber


def _rows(purpose=OutboxPurpose.RELEASE_ALERT):
    """This test's rows (not the demo subscribers', whose addresses end in ``.example``)."""
    return list(db.session.scalars(select(OutboxMessage).where(OutboxMessage.purpose == purpose,
                                                               OutboxMessage.address.not_like("%.example"))))


def test_a_subscriber_receives_the_release_with_both_parts_and_one_click_unsubscribe(app, ctx, queued_jobs, smtp):
    subscriber("redaksi@koran-bekasi.co.id")
    release = publish(ready_release())
    db.session.commit()
    assert send(app).sent >= 1
    [message] = [m for m in smtp.sink.accepted if m["To"] == "redaksi@koran-bekasi.co.id"]
    assert message["Subject"] == "Wali Kota Resmikan Jembatan Kali Bekasi"
    unit = release.unit or release.activity.unit
    assert message["From"].addresses[0].display_name == unit.name
    plain = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert "Wali Kota Resmikan Jembatan Kali Bekasi" in plain and "Wali Kota Resmikan Jembatan Kali Bekasi" in html
    assert f"/siaran/{release.slug}" in plain and f"/siaran/{release.slug}" in html
    assert "/media/" not in plain + html  # the photo through its page, never a rendition address
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = message["List-Unsubscribe"].strip("<>")
    assert message["Message-ID"] == _rows()[0].message_id

    # RFC 8058: the mail client POSTs to the link, no session, no form token.
    answer = app.test_client().post(urlsplit(link).path, data={"List-Unsubscribe": "One-Click"})
    assert answer.status_code == 200
    with app.app_context():
        second = ready_release("Pemkot Bekasi Gelar Pasar Murah Ramadan")
        publish(second)
        db.session.commit()
        send(app)
    assert [m["Subject"] for m in smtp.sink.accepted if m["To"] == "redaksi@koran-bekasi.co.id"] == [
        "Wali Kota Resmikan Jembatan Kali Bekasi"]


def test_the_unsubscribe_page_needs_no_login_and_a_forged_link_is_refused(app, ctx, queued_jobs, smtp):
    subscriber("humas@radio-bekasi.id")
    publish(ready_release())
    db.session.commit()
    send(app)
    link = urlsplit(smtp.sink.accepted[-1]["List-Unsubscribe"].strip("<>")).path
    client = app.test_client()
    page = client.get(link)
    assert page.status_code == 200 and "humas@radio-bekasi.id" in page.text
    assert page.headers["Cache-Control"] == "private, no-store"
    forged = client.post(link[:-3] + "abc")
    assert forged.status_code == 400 and "tidak sah" in forged.text


def test_a_451_is_retried_later_and_the_message_arrives_once(app, ctx, queued_jobs, smtp):
    subscriber("desk@tv-lokal.id")
    publish(ready_release())
    db.session.commit()
    smtp.sink.answers = ["451 4.3.0 Coba lagi nanti"]
    first = send(app)
    assert first.retried == 1 and smtp.sink.accepted == []
    [row] = _rows()
    assert row.state == OutboxState.QUEUED and row.next_attempt_at > utcnow() and "451" in row.last_error
    assert send(app).sent == 0  # not before its backoff
    later = utcnow() + timedelta(hours=1)
    assert send(app, now=later).sent == 1
    assert [m["To"] for m in smtp.sink.accepted] == ["desk@tv-lokal.id"]
    assert smtp.sink.tried == 2
    db.session.refresh(row)
    assert row.state == OutboxState.SENT and row.attempts == 2


def test_a_550_marks_the_address_and_is_not_retried_three_in_a_row_disable_it(app, ctx, queued_jobs, smtp):
    subscriber("tidak-ada@contoh.co.id")
    smtp.sink.answers = ["550 5.1.1 Mailbox tidak ada"] * 3
    for n in range(3):
        publish(ready_release(f"Siaran uji ke-{n}"))
        db.session.commit()
        assert send(app, now=utcnow() + timedelta(days=n)).failed == 1
        assert send(app, now=utcnow() + timedelta(days=n, hours=12)).sent == 0  # never retried
    assert smtp.sink.tried == 3 and smtp.sink.accepted == []
    record = db.session.scalar(select(MailAddress).where(MailAddress.address == "tidak-ada@contoh.co.id"))
    assert record.refusals == 3 and record.disabled_at is not None
    assert all(row.state == OutboxState.FAILED and "550" in row.last_error for row in _rows())
    publish(ready_release("Siaran sesudah dinonaktifkan"))
    db.session.commit()
    assert len(_rows()) == 3  # a disabled address gets no new row
    assert smtp.sink.tried == 3


def test_an_unreachable_server_is_retried_with_backoff(app, ctx, queued_jobs):
    from bench.support.smtp_sink import free_port
    app.config["SMTP_URL"] = f"smtp://127.0.0.1:{free_port()}"
    subscriber("redaksi@koran-bekasi.co.id")
    publish(ready_release())
    db.session.commit()
    report = send(app)
    assert report.retried == 1 and report.left == 0
    [row] = _rows()
    assert row.state == OutboxState.QUEUED and "cannot reach" in row.last_error


def test_nothing_scheduled_reaches_a_subscriber_before_publication(app, ctx, queued_jobs, smtp):
    subscriber("redaksi@koran-bekasi.co.id")
    editor = demo_account(db.session, Role.EDITOR)
    release = ready_release("Embargo: Kota Bekasi Raih Adipura")
    if release.state == "in_review":
        workflow.apply(db.session, release, "approve", editor)
    workflow.apply(db.session, release, "schedule", editor, at=utcnow() + timedelta(hours=2))
    db.session.commit()
    send(app)
    assert workflow.publish_due(db.session, now=utcnow() + timedelta(hours=1)) == []
    db.session.commit()
    send(app, now=utcnow() + timedelta(hours=1))
    assert not any("Adipura" in str(m["Subject"]) for m in smtp.sink.accepted)
    assert _rows() == []

    assert [r.id for r in workflow.publish_due(db.session, now=utcnow() + timedelta(hours=3))] == [release.id]
    db.session.commit()
    send(app, now=utcnow() + timedelta(hours=3))
    assert [m["Subject"] for m in smtp.sink.accepted] == ["Embargo: Kota Bekasi Raih Adipura"]


def test_an_alert_still_queued_when_its_release_is_retracted_is_dropped(app, ctx, queued_jobs, smtp):
    subscriber("redaksi@koran-bekasi.co.id")
    release = publish(ready_release("Siaran yang segera ditarik"))
    db.session.commit()
    outbox.expand_owed(db.session)  # listed, not sent yet
    assert len(_rows()) == 1
    workflow.apply(db.session, db.session.get(Release, release.id), "retract", demo_account(db.session, Role.EDITOR),
                   notice="Ditarik karena data keliru.")
    db.session.commit()
    report = send(app)
    assert report.dropped == 1 and smtp.sink.accepted == []
    assert _rows(OutboxPurpose.FOLLOW_UP) == []  # they never received the original


def test_a_correction_and_a_retraction_follow_up_everyone_who_received_it(app, ctx, queued_jobs, smtp):
    subscriber("redaksi@koran-bekasi.co.id")
    subscriber("desk@tv-lokal.id")
    release = publish(ready_release("Jadwal Vaksinasi Keliling"))
    db.session.commit()
    send(app)
    editor = demo_account(db.session, Role.EDITOR)
    subscriber("baru@media-baru.id")  # subscribed after: did not get the original
    workflow.apply(db.session, db.session.get(Release, release.id), "correct", editor,
                   note="Jam vaksinasi diperbaiki menjadi 09.00 WIB.")
    db.session.commit()
    send(app)
    workflow.apply(db.session, db.session.get(Release, release.id), "retract", editor, notice="Kegiatan ditunda.")
    db.session.commit()
    send(app)
    subjects = sorted((m["To"], m["Subject"]) for m in smtp.sink.accepted)
    assert subjects == [
        ("desk@tv-lokal.id", "Ditarik: Jadwal Vaksinasi Keliling"),
        ("desk@tv-lokal.id", "Jadwal Vaksinasi Keliling"),
        ("desk@tv-lokal.id", "Koreksi: Jadwal Vaksinasi Keliling"),
        ("redaksi@koran-bekasi.co.id", "Ditarik: Jadwal Vaksinasi Keliling"),
        ("redaksi@koran-bekasi.co.id", "Jadwal Vaksinasi Keliling"),
        ("redaksi@koran-bekasi.co.id", "Koreksi: Jadwal Vaksinasi Keliling"),
    ]
    retraction = next(m for m in smtp.sink.accepted if m["Subject"].startswith("Ditarik"))
    assert "Kegiatan ditunda." in retraction.get_body(("plain",)).get_content()


def test_a_retraction_while_alerts_go_out_stops_them_at_the_next_batch_and_follows_up_the_rest(
        app, ctx, queued_jobs, smtp):
    addresses = [f"wartawan{n:03d}@media-bekasi.co.id" for n in range(outbox_sender.BATCH + 10)]
    for address in addresses:
        subscriber(address)
    release = publish(ready_release("Siaran yang ditarik saat dikirim"))
    db.session.commit()

    def retract():
        with app.app_context():
            workflow.apply(db.session, db.session.get(Release, release.id), "retract",
                           demo_account(db.session, Role.EDITOR), notice="Data keliru.")
            db.session.commit()

    class RetractAfterFirst:
        """The SMTP transport; the editor retracts (another connection) once the first alert is out."""

        def __init__(self):
            self.smtp, self.sent = open_transport(app.config), 0

        def send(self, *message):
            self.smtp.send(*message)
            self.sent += 1
            if self.sent == 1:
                worker = threading.Thread(target=retract)
                worker.start()
                worker.join()

        def close(self):
            self.smtp.close()

    report = send(app, transport=RetractAfterFirst())
    alerted = sorted(m["To"] for m in smtp.sink.accepted)
    assert 1 <= report.sent <= outbox_sender.BATCH and report.dropped == len(addresses) - report.sent
    send(app)
    followed = sorted(m["To"] for m in smtp.sink.accepted if m["Subject"].startswith("Ditarik"))
    assert followed == alerted

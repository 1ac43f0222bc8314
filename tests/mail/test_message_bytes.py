"""What the outbox writes reads back, through a real SMTP server and the standard
library's parser, as exactly what was queued: both parts, every header, the inline images."""
from __future__ import annotations


from sqlalchemy import select

from bench.support.smtp_sink import SmtpServer
from press.codes import OutboxPurpose, OutboxState
from press.extensions import db
from press.models import MailAddress, OutboxMessage
from press.services import outbox
from tests.mail.conftest import send

PHOTO = bytes(range(256)) * 1200  # every byte value, over many base64 lines
TEXT = ("Wali Kota meresmikan jembatan — tahap é\r\nbaris dengan CR LF\rbaris dengan CR saja\n"
        ".\n.titik di awal baris\nFrom baris seperti kotak surat\n--=_siaran_alternative_0\n"
        "spasi di akhir   \n\ttab di awal\n= sama dengan =3D\n" + "kata panjang " * 40 + "\nakhir tanpa baris baru")
HTML = "<p>Jembatan <b>Kali Bekasi</b> — é</p>\n<p><img src=\"cid:foto-1@siaran\"></p>\n" + "<i>x</i>" * 60
LINK = "<https://siaran.bekasikota.go.id/langganan/berhenti/" + "A" * 930 + ">"  # too long for one line with its name


def _queue(address: str, **extra) -> None:
    outbox.enqueue(db.session, purpose=OutboxPurpose.CONFIRMATION, object_key=f"uji:{address}", address=address,
                   subject="Jembatan — Kali Bekasi diresmikan", text=TEXT, html=HTML,
                   sender_name="Dinas Komunikasi dan Informatika — Kota Bekasi", **extra)


def test_a_message_reads_back_exactly_as_it_was_queued(app, ctx, queued_jobs, smtp):
    _queue("redaksi@koran-bekasi.co.id", headers={"List-Unsubscribe": LINK, "X-Catatan": "catatan ü"},
           inline_images=[("foto-1@siaran", PHOTO, "image/jpeg"), ("logo@siaran", b"\x89PNG\r\n", "image/png")])
    db.session.commit()
    assert send(app).sent == 1
    [message] = [m for m in smtp.sink.accepted if m["To"] == "redaksi@koran-bekasi.co.id"]
    assert all(part.defects == [] for part in message.walk())
    assert message["Subject"] == "Jembatan — Kali Bekasi diresmikan"
    assert message["From"].addresses[0].display_name == "Dinas Komunikasi dan Informatika — Kota Bekasi"
    assert message["List-Unsubscribe"].strip() == LINK and message["X-Catatan"] == "catatan ü"
    lines = TEXT.replace("\r\n", "\n").replace("\r", "\n")
    assert message.get_body(("plain",)).get_content().replace("\r\n", "\n") == lines
    assert message.get_body(("html",)).get_content().replace("\r\n", "\n") == HTML
    images = {part["Content-ID"]: (part.get_content_type(), part.get_payload(decode=True))
              for part in message.walk() if part.get_content_maintype() == "image"}
    assert images == {"<foto-1@siaran>": ("image/jpeg", PHOTO), "<logo@siaran>": ("image/png", b"\x89PNG\r\n")}
    [row] = db.session.scalars(select(OutboxMessage).where(OutboxMessage.address == "redaksi@koran-bekasi.co.id"))
    assert message["Message-ID"] == row.message_id


def test_an_address_with_a_non_ascii_name_goes_out_where_the_server_takes_it(app, ctx, queued_jobs):
    with SmtpServer(smtputf8=True) as server:
        app.config["SMTP_URL"] = server.url
        _queue("bérita@koran-bekasi.co.id")
        db.session.commit()
        assert send(app).sent == 1
        [message] = server.sink.accepted
        assert message["To"] == "bérita@koran-bekasi.co.id" and server.sink.recipients == ["bérita@koran-bekasi.co.id"]


def test_a_server_without_smtputf8_refuses_that_address_and_the_others_still_go(app, ctx, queued_jobs, smtp):
    _queue("bérita@koran-bekasi.co.id")
    _queue("redaksi@koran-bekasi.co.id")
    db.session.commit()
    report = send(app)
    assert (report.sent, report.failed) == (1, 1)
    assert [m["To"] for m in smtp.sink.accepted] == ["redaksi@koran-bekasi.co.id"]
    refused = db.session.scalar(select(OutboxMessage).where(OutboxMessage.address == "bérita@koran-bekasi.co.id"))
    assert refused.state == OutboxState.FAILED and "SMTPUTF8" in refused.last_error
    record = db.session.scalar(select(MailAddress).where(MailAddress.address == "bérita@koran-bekasi.co.id"))
    assert record.refusals == 1

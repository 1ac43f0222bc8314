"""The outbox's interface: one row per (purpose, object, address), sent as an .eml file without SMTP."""
from email import policy
from email.parser import BytesParser

from sqlalchemy import func, select

from press.codes import OutboxPurpose, OutboxState
from press.extensions import db
from press.models import OutboxMessage
from press.services import outbox, outbox_sender


def _queue(**extra):
    return outbox.enqueue(db.session, purpose=OutboxPurpose.CONFIRMATION, object_key="journalist:1",
                          address=" Wartawan@Contoh.co.id ", subject="Konfirmasi\nalamat", text="Klik tautan ini.",
                          html="<p>Klik <img src=\"cid:logo\"></p>", sender_name="Bagian Humas",
                          inline_images=[("logo", b"\x89PNG-not-really", "image/png")], **extra)


def test_the_same_message_is_queued_once(ctx, queued_jobs):
    assert _queue() is not None
    assert _queue() is None
    db.session.commit()
    assert db.session.scalar(select(func.count()).select_from(OutboxMessage).where(
        OutboxMessage.object_key == "journalist:1")) == 1


def test_without_smtp_a_message_is_written_as_an_eml_file(ctx, queued_jobs, tmp_path):
    _queue()
    db.session.commit()
    report = outbox_sender.drain(db.session, ctx.config)
    assert report.sent >= 1 and report.failed == 0
    row = db.session.scalar(select(OutboxMessage).where(OutboxMessage.object_key == "journalist:1"))
    eml = tmp_path / "outbox" / f"{row.id:07d}-confirmation.eml"
    message = BytesParser(policy=policy.default).parsebytes(eml.read_bytes())
    assert message["To"] == "wartawan@contoh.co.id"
    assert message["Subject"] == "Konfirmasi alamat"
    assert message["From"].addresses[0].display_name == "Bagian Humas"
    assert message.get_body(("plain",)).get_content().strip() == "Klik tautan ini."
    assert "cid:logo" in message.get_body(("html",)).get_content()
    assert [part["Content-ID"] for part in message.walk() if part.get_content_type() == "image/png"] == ["<logo>"]
    row = db.session.scalar(select(OutboxMessage).where(OutboxMessage.object_key == "journalist:1"))
    assert row.state == OutboxState.SENT and message["Message-ID"] == row.message_id
    assert outbox_sender.drain(db.session, ctx.config).sent == 0

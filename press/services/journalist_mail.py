"""The e-mails a journalist gets about the account: the confirmation link, the editor's
decision. Written into the outbox (``press.services.outbox``) in the caller's
transaction, so a registration or a decision that rolls back sends nothing and one that
commits is sent by the outbox's job, never inside the request.

The journalist's side of the site is Indonesian, so are these messages. The paths the
messages link to are the blueprint's (``press.web.journalists``; a test checks they agree).
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from press.codes import JournalistState, OutboxPurpose
from press.models import Journalist

from . import outbox

SIGN_IN_PATH = "/wartawan/masuk"


@dataclass(frozen=True)
class Sender:
    """Where the messages come from: the office's name and the site's address."""

    office_name: str
    site_url: str

    def link(self, path: str) -> str:
        return self.site_url.rstrip("/") + path


def send_confirmation(session: Session, journalist: Journalist, confirm_url: str, sender: Sender):
    """The signed link that confirms ``journalist``'s address (one row per address)."""
    text = (
        f"Halo {journalist.name},\n\n"
        f"Terima kasih telah mendaftar sebagai wartawan di Siaran {sender.office_name}.\n"
        f"Buka tautan berikut untuk mengonfirmasi alamat surel Anda (berlaku 7 hari):\n\n{confirm_url}\n\n"
        "Setelah itu redaktur Humas memeriksa pendaftaran Anda; keputusannya kami kirim ke alamat ini.\n"
        "Bila Anda tidak merasa mendaftar, abaikan surel ini.\n"
    )
    return outbox.enqueue(session, purpose=OutboxPurpose.CONFIRMATION, object_key=f"journalist:{journalist.id}",
                          address=journalist.email, subject="Konfirmasi pendaftaran wartawan",
                          text=text, sender_name=sender.office_name)


def send_decision(session: Session, journalist: Journalist, sender: Sender):
    """The editor's decision: approved (with the sign-in page) or rejected (with the reason)."""
    if journalist.state == JournalistState.APPROVED:
        subject = "Pendaftaran wartawan disetujui"
        text = (f"Halo {journalist.name},\n\nPendaftaran Anda sebagai wartawan {journalist.outlet.name} "
                f"telah disetujui. Masuk di:\n\n{sender.link(SIGN_IN_PATH)}\n\n"
                "Di sana Anda membaca siaran yang dibuka redaktur sebelum embargonya berakhir.\n")
    else:
        subject = "Pendaftaran wartawan ditolak"
        text = (f"Halo {journalist.name},\n\nMohon maaf, pendaftaran Anda sebagai wartawan belum dapat "
                f"kami setujui.\n\nAlasan: {journalist.rejection_reason}\n\n"
                f"Bila ada yang perlu diluruskan, balas surel ini atau hubungi Humas {sender.office_name}.\n")
    key = f"journalist:{journalist.id}:{journalist.state}:{journalist.decided_at.isoformat()}"
    return outbox.enqueue(session, purpose=OutboxPurpose.JOURNALIST_DECISION, object_key=key,
                          address=journalist.email, subject=subject, text=text, sender_name=sender.office_name)

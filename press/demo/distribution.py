"""The demo's hand-out of releases: the Humas office's press contact card, two WhatsApp
groups, and the published example release ticked as sent to one of them (so the release
page shows the other still waiting)."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from press.codes import Role
from press.models import Release, Unit
from press.services import distribution, press_contact

from .releases import EXAMPLE_RELEASE_TITLE
from .staff import demo_account

GROUPS = (
    ("Wartawan Pemkot Bekasi", "Diah Setiyawati", 187),
    ("Media Daring Bekasi Raya", "Rudi Hartono", 64),
)


def load_demo_distribution(session: Session, humas: Unit) -> None:
    press_contact.set_contact(session, humas, None, name="Diah Setiyawati",
                              role="Kasubag Hubungan Dokumentasi Internal", phone="(021) 8897 0101",
                              whatsapp="0812 8800 1234", email="humas@bekasikota.go.id")
    groups = [distribution.save_group(session, None, name=name, admin=admin, members=members)
              for name, admin, members in GROUPS]
    release = session.scalar(select(Release).where(Release.title == EXAMPLE_RELEASE_TITLE))
    distribution.record_sends(session, release, [groups[0].id], demo_account(session, Role.EDITOR))

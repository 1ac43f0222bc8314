"""The demo staff accounts: one per role, and the units' own writers and photographer."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from press.codes import Role
from press.models import User

DEMO_ACCOUNTS = (
    ("admin@siaran.test", Role.ADMIN, "Admin Siaran", "demo-admin-2021"),
    ("redaktur@siaran.test", Role.EDITOR, "Rina Redaktur", "demo-redaktur-2021"),
    ("penulis@siaran.test", Role.WRITER, "Wulan Penulis", "demo-penulis-2021"),
    ("fotografer@siaran.test", Role.PHOTOGRAPHER, "Fajar Fotografer", "demo-fotografer-2021"),
    ("redaktur.dinkes@siaran.test", Role.UNIT_EDITOR, "Dewi Redaktur Dinkes", "demo-redaktur-dinkes-2021"),
)  # one account per role: the first four in the central Humas office, the unit editor in Dinkes
# The units' own people (email, role, name, password, unit abbreviation).
DEMO_UNIT_ACCOUNTS = (
    ("penulis.dinkes@siaran.test", Role.WRITER, "Dimas Penulis Dinkes", "demo-penulis-dinkes-2021", "Dinkes"),
    ("fotografer.dinkes@siaran.test", Role.PHOTOGRAPHER, "Dian Fotografer Dinkes", "demo-fotografer-dinkes-2021", "Dinkes"),
    ("penulis.kominfo@siaran.test", Role.WRITER, "Kiki Penulis Kominfo", "demo-penulis-kominfo-2021", "Diskominfostandi"),
)


def demo_account(session: Session, role: Role) -> User:
    """The demo account of ``role`` among ``DEMO_ACCOUNTS`` (the central office's, but for the unit editor)."""
    email = next(email for email, held, *_rest in DEMO_ACCOUNTS if held == role)
    return session.scalar(select(User).where(User.email == email))

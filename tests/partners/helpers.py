"""Shared by the partners tests: a new partner with a contract running today, the
published demo release, a staff account by role."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from press.codes import ReleaseState
from press.dates import office_today
from press.extensions import db
from press.models import Release, User
from press.services import partners


def published_release() -> Release:
    return db.session.scalar(select(Release).where(Release.state == ReleaseState.PUBLISHED).order_by(Release.id))


def user(role: str) -> User:
    return db.session.scalar(select(User).where(User.role == role).order_by(User.id))


def new_partner(name: str = "Warta Kota Patriot", *, due_days: int = 3, tolerance_days: int = 3, quota: int = 10):
    today = office_today()
    partner = partners.save_partner(db.session, None, partners.PartnerData(
        outlet_name=name, legal_name=f"PT {name}", site_url="https://warta.example.id"))
    partners.save_contract(db.session, None, partner, partners.ContractData(
        number=f"K-{name}", starts_on=today - timedelta(days=30), ends_on=today + timedelta(days=300),
        value=10_000_000, rate=1_000_000, quota=quota, due_days=due_days, tolerance_days=tolerance_days))
    return partner

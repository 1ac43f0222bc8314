"""The demo's press: outlets of every kind (some verified by the Dewan Pers), an approved
journalist who can sign in and follows the Humas office's releases by e-mail (their
account page lists it), one waiting for an editor, and the scheduled demo release opened
to journalists, so the embargoed preview shows at ``make run``."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from press.codes import EmbargoAudience, OutletKind, ReleaseState, Role
from press.models import Release, utcnow
from press.services import embargo, journalists, outlets

# (name, kind, site, Dewan Pers verification day or None)
DEMO_OUTLETS = (
    ("Radar Bekasi", OutletKind.PRINT, "https://radarbekasi.example.id", date(2019, 3, 14)),
    ("Bekasi Hari Ini", OutletKind.ONLINE, "https://bekasihariini.example.id", date(2020, 8, 5)),
    ("Radio Suara Patriot", OutletKind.RADIO, None, None),
    ("TV Jabar Satu", OutletKind.TV, "https://tvjabarsatu.example.id", date(2018, 11, 20)),
)
# (email, password, name, outlet, WhatsApp, press card or UKW number, UKW level, approved)
DEMO_JOURNALISTS = (
    ("wartawan@siaran.test", "demo-wartawan-2021", "Wahyu Wartawan", "Radar Bekasi", "0812-1111-2021",
     "UKW-12345/MADYA/DP/2019", "madya", True),
    ("calon.wartawan@siaran.test", "demo-calon-wartawan-2021", "Citra Calon Wartawan", "Radio Suara Patriot",
     "0813-2222-2021", "KP-0042/RSP/2021", None, False),
)


def load_demo_journalists(session: Session) -> list[tuple[str, str, str]]:
    """Add the outlets and journalists, open the scheduled release; the approved journalist's
    sign-in as ``(email, role, password)`` for the setup summary."""
    for name, kind, site, verified_on in DEMO_OUTLETS:
        outlet = outlets.save(session, None, name=name, kind=kind, site_url=site)
        if verified_on:
            outlets.set_verification(session, None, outlet, True, verified_on)
    scheduled = session.scalar(select(Release).where(Release.state == ReleaseState.SCHEDULED).order_by(Release.id))
    credentials = []
    for email, password, name, outlet, whatsapp, credential, level, approved in DEMO_JOURNALISTS:
        profile = journalists.Profile(name=name, whatsapp=whatsapp, credential=credential, ukw_level=level,
                                      outlet_id=outlets.find(session, outlet).id)
        journalist = journalists.register(session, email, password, profile)
        journalist.email_confirmed_at = utcnow()
        if approved:
            journalists.approve(session, journalist, None)
            credentials.append((email, Role.JOURNALIST.value, password))
    if scheduled is not None:
        embargo.open_to_journalists(session, scheduled, None, EmbargoAudience.ALL)
    return credentials

"""The demo's plan: an audience planned for today with its photographer and writer assigned,
and the public agenda (a press invitation for tomorrow, a social service called off)."""
from __future__ import annotations

from datetime import time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from press.codes import ActivityKind, ActivityState, AssignmentRole, Role
from press.dates import office_today
from press.models import Activity
from press.services import planning
from press.services.activities import ActivityData, create_activity

from .staff import demo_account


def load_demo_planning(session: Session, *, unit_id: int, venue_id: int) -> Activity:
    """The 2021 activities done, and an audience with the city's journalists planned for today with the
    demo photographer and writer assigned by the editor (each notified)."""
    for activity in session.scalars(select(Activity)):
        activity.state = ActivityState.DONE
    editor = demo_account(session, Role.EDITOR)
    planned = create_activity(
        session,
        ActivityData(
            title="Audiensi Persatuan Wartawan Indonesia Kota Bekasi dengan Wali Kota",
            kind=ActivityKind.AUDIENSI,
            starts_on=office_today(),
            starts_at_time=time(10, 0),
            ends_at_time=time(12, 0),
            unit_id=unit_id,
            venue_id=venue_id,
            guest_body="Persatuan Wartawan Indonesia (PWI) Kota Bekasi",
            topic="Kemitraan peliputan kegiatan Pemerintah Kota Bekasi",
        ),
        actor=editor,
    )
    planning.assign(session, planned, demo_account(session, Role.PHOTOGRAPHER), AssignmentRole.PHOTOGRAPHER,
                    note="Foto pembukaan dan sesi tanya jawab", actor=editor)
    planning.assign(session, planned, demo_account(session, Role.WRITER), AssignmentRole.WRITER, actor=editor)
    return planned


def load_demo_agenda(session: Session, *, unit_id: int, venue_id: int, cancelled_unit_id: int,
                     cancelled_venue_id: int) -> list[Activity]:
    """The public agenda: a press invitation planned for tomorrow, and a social service two days
    ahead that was called off (it stays on the agenda, cancelled)."""
    editor = demo_account(session, Role.EDITOR)
    invitation = create_activity(
        session,
        ActivityData(
            title="Peluncuran Aplikasi Layanan Informasi Publik Kota Bekasi",
            kind=ActivityKind.UNDANGAN_LIPUTAN,
            starts_on=office_today() + timedelta(days=1),
            starts_at_time=time(9, 0),
            ends_at_time=time(11, 0),
            unit_id=unit_id,
            venue_id=venue_id,
            topic="Peluncuran aplikasi layanan permohonan informasi publik oleh Wali Kota Bekasi",
            dress_code="Batik lengan panjang",
            contact="Diah Setiyawati, Bagian Humas Setda (0812-8000-1234)",
            on_agenda=True,
        ),
        actor=editor,
    )
    called_off = create_activity(
        session,
        ActivityData(
            title="Bakti Sosial Pengobatan Gratis Kelurahan Jatimulya",
            kind=ActivityKind.BAKTI_SOSIAL,
            starts_on=office_today() + timedelta(days=2),
            starts_at_time=time(8, 0),
            unit_id=cancelled_unit_id,
            venue_id=cancelled_venue_id,
            topic="Pengobatan gratis bagi warga",
            on_agenda=True,
        ),
        actor=editor,
    )
    planning.set_state(session, called_off, ActivityState.CANCELLED, actor=editor)
    return [invitation, called_off]


# The demo unit tree: (name, abbreviation, parent abbreviation, central). Bagian Humas is the
# central office; Dinkes has its own unit editor and a Puskesmas below it.

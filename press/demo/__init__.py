"""Demo data for an empty instance: units with their own people, the activity of
``example-release.txt`` and more, releases in every workflow state and PPID class, a plan,
the public agenda, and the press (outlets, an approved and a pending journalist, the
scheduled release opened to journalists), and the media partners (a contract, a verified and a
late placement of the published release, a clipping).

Plain package (no Flask): ``load_demo(session)`` adds everything and returns the demo
accounts with their passwords so ``flask setup`` can print them; ``load_demo_photos`` adds
the gallery once a media store exists.
"""
from __future__ import annotations

from datetime import date, time

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from press.codes import ActivityKind, ParticipantRole, Role
from press.models import User
from press.services import accounts, directory
from press.services.activities import ActivityData, ParticipantData, create_activity
from press.storage import Store

from .distribution import load_demo_distribution
from .staff import DEMO_ACCOUNTS, DEMO_UNIT_ACCOUNTS
from .offices import EXAMPLE_PEOPLE, demo_units, register_people
from .journalists import load_demo_journalists
from .partners import load_demo_partners
from .photos import demo_photo_jpeg, load_demo_photos
from .planning import load_demo_agenda, load_demo_planning
from .releases import load_demo_ppid_classes, load_demo_releases
from .subscriptions import load_demo_subscriptions

__all__ = ["DEMO_ACCOUNTS", "DEMO_UNIT_ACCOUNTS", "demo_photo_jpeg", "instance_is_empty", "load_demo", "load_demo_photos"]


def instance_is_empty(session: Session) -> bool:
    return session.scalar(select(func.count()).select_from(User)) == 0


def load_demo(session: Session, storage: Store | None = None) -> list[tuple[str, str, str]]:
    """Add the demo units, venues, people, accounts and activities; the caller commits.
    ``storage``: where the demo proof's snapshot goes (none: the row only)."""
    units = demo_units(session)
    humas, kominfo, dinkes = units["Bagian Humas Setda"], units["Diskominfostandi"], units["Dinkes"]

    ruang_humas = directory.save_venue(
        session, None, name="Ruang Rapat Bagian Humas Setda Kota Bekasi",
        address="Jl. Jend. Ahmad Yani No. 1, Bekasi Selatan", city="Kota Bekasi",
        latitude=-6.23827, longitude=106.99405,
    )
    aula = directory.save_venue(
        session, None, name="Aula Nonon Sonthanie", address="Plaza Pemkot Bekasi",
        city="Kota Bekasi", latitude=-6.23790, longitude=106.99330,
    )
    puskesmas = directory.save_venue(
        session, None, name="Puskesmas Jatisampurna", address="Jl. Raya Hankam, Jatisampurna",
        city="Kota Bekasi", latitude=-6.36880, longitude=106.92340,
    )

    credentials = []
    for email, role, name, password in DEMO_ACCOUNTS:
        unit = dinkes if role == Role.UNIT_EDITOR else humas
        accounts.create_user(
            session, email, password, role, name=name, unit_id=unit.id,
            default_credit="Dok. Humas Pemkot Bekasi" if role == Role.PHOTOGRAPHER else None,
        )
        credentials.append((email, role, password))
    for email, role, name, password, unit in DEMO_UNIT_ACCOUNTS:
        accounts.create_user(session, email, password, role, name=name, unit_id=units[unit].id,
                             default_credit=f"Dok. {unit} Kota Bekasi" if role == Role.PHOTOGRAPHER else None)
        credentials.append((email, role, password))

    register_people(session, humas, kominfo)

    create_activity(
        session,
        ActivityData(
            title="Kunjungan Kerja PPID Utama Kabupaten Subang",
            kind=ActivityKind.KUNJUNGAN_KERJA,
            starts_on=date(2021, 9, 30),
            starts_at_time=time(9, 0),
            ends_at_time=time(12, 0),
            unit_id=humas.id,
            venue_id=ruang_humas.id,
            guest_body="PPID Utama Kabupaten Subang",
            topic="Pengelolaan Informasi dan Dokumentasi",
            summary=(
                "Bagian Humas Setda Kota Bekasi selaku PPID Utama Pemerintah Kota Bekasi menerima "
                "kunjungan kerja PPID Utama Kabupaten Subang terkait pengelolaan informasi dan dokumentasi."
            ),
            participants=[
                ParticipantData(name, title, organisation, role)
                for name, _h, title, organisation, role in EXAMPLE_PEOPLE
            ],
        ),
        actor=None,
    )
    create_activity(
        session,
        ActivityData(
            title="Sosialisasi Keterbukaan Informasi Publik bagi PPID Pembantu",
            kind=ActivityKind.SOSIALISASI,
            starts_on=date(2021, 10, 12),
            starts_at_time=time(13, 0),
            unit_id=kominfo.id,
            venue_id=aula.id,
            topic="Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik",
            summary="Diskominfostandi menggelar sosialisasi keterbukaan informasi publik bagi PPID Pembantu di lingkungan Pemkot Bekasi.",
            participants=[
                ParticipantData("Sajekti Rubiyah", "Kepala Bagian Humas", "Sekretariat Daerah Kota Bekasi", ParticipantRole.SPEAKER),
                ParticipantData("Diah Setiyawati", "Kasubag Hubungan Dokumentasi Internal", "Bagian Humas Setda Kota Bekasi", ParticipantRole.ATTENDEE),
            ],
        ),
        actor=None,
    )
    create_activity(
        session,
        ActivityData(
            title="Peresmian Gedung Baru Puskesmas Jatisampurna",
            kind=ActivityKind.PERESMIAN,
            starts_on=date(2021, 11, 3),
            starts_at_time=time(8, 30),
            unit_id=dinkes.id,
            venue_id=puskesmas.id,
            topic="Gedung pelayanan rawat jalan dua lantai",
            summary="Wali Kota Bekasi meresmikan gedung baru Puskesmas Jatisampurna.",
            participants=[
                ParticipantData("Ahmad Suryana", "Wali Kota Bekasi", "Pemerintah Kota Bekasi", ParticipantRole.HOST),
                ParticipantData("Tanti Rohilawati", "Kepala Dinas Kesehatan", "Dinas Kesehatan Kota Bekasi", ParticipantRole.SPEAKER),
            ],
        ),
        actor=None,
    )
    load_demo_subscriptions(session, health_unit_id=dinkes.id)
    load_demo_releases(session)
    load_demo_ppid_classes(session)
    load_demo_planning(session, unit_id=humas.id, venue_id=aula.id)
    load_demo_agenda(session, unit_id=kominfo.id, venue_id=aula.id, cancelled_unit_id=dinkes.id,
                     cancelled_venue_id=puskesmas.id)
    credentials += load_demo_journalists(session)
    load_demo_distribution(session, humas)
    load_demo_partners(session, storage)
    return credentials

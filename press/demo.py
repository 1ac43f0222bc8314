"""Demo data for an empty instance: the activity of ``example-release.txt`` and two more.

Plain module (no Flask): ``load_demo(session)`` adds everything and returns the demo
accounts with their passwords so ``flask setup`` can print them.
"""
from __future__ import annotations

from datetime import date, time

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from press.models import User
from press.services import accounts, directory, people
from press.services.activities import ActivityData, ParticipantData, create_activity

DEMO_ACCOUNTS = (
    ("admin@siaran.test", "admin", "Admin Siaran", "demo-admin-2021"),
    ("redaktur@siaran.test", "editor", "Rina Redaktur", "demo-redaktur-2021"),
    ("penulis@siaran.test", "writer", "Wulan Penulis", "demo-penulis-2021"),
    ("fotografer@siaran.test", "photographer", "Fajar Fotografer", "demo-fotografer-2021"),
)

EXAMPLE_PEOPLE = (
    # name, honorifics, title, organisation, role
    ("Sajekti Rubiyah", None, "Kepala Bagian Humas", "Sekretariat Daerah Kota Bekasi", "host"),
    ("Diah Setiyawati", None, "Kasubag Hubungan Dokumentasi Internal", "Bagian Humas Setda Kota Bekasi", "host"),
    ("Muhammad Muchlis", None, "Kasubag Publikasi Eksternal", "Bagian Humas Setda Kota Bekasi", "host"),
    ("Indra Subhan", "Mas", "Kepala Diskominfo", "Kabupaten Subang", "guest"),
    ("Lukita Harjana", None, "Sekretaris Diskominfo", "Kabupaten Subang", "guest"),
)


def instance_is_empty(session: Session) -> bool:
    return session.scalar(select(func.count()).select_from(User)) == 0


def load_demo(session: Session) -> list[tuple[str, str, str]]:
    """Add the demo units, venues, people, accounts and activities; the caller commits."""
    humas = directory.create_unit(session, "Bagian Humas Sekretariat Daerah Kota Bekasi", "Bagian Humas Setda")
    kominfo = directory.create_unit(
        session, "Dinas Komunikasi, Informatika, Statistik dan Persandian Kota Bekasi", "Diskominfostandi"
    )
    dinkes = directory.create_unit(session, "Dinas Kesehatan Kota Bekasi", "Dinkes")
    session.flush()

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
        accounts.create_user(
            session, email, password, role, name=name, unit_id=humas.id,
            default_credit="Dok. Humas Pemkot Bekasi" if role == "photographer" else None,
        )
        credentials.append((email, role, password))

    _register_people(session, humas, kominfo)

    create_activity(
        session,
        ActivityData(
            title="Kunjungan Kerja PPID Utama Kabupaten Subang",
            kind="kunjungan_kerja",
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
            kind="sosialisasi",
            starts_on=date(2021, 10, 12),
            starts_at_time=time(13, 0),
            unit_id=kominfo.id,
            venue_id=aula.id,
            topic="Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik",
            summary="Diskominfostandi menggelar sosialisasi keterbukaan informasi publik bagi PPID Pembantu di lingkungan Pemkot Bekasi.",
            participants=[
                ParticipantData("Sajekti Rubiyah", "Kepala Bagian Humas", "Sekretariat Daerah Kota Bekasi", "speaker"),
                ParticipantData("Diah Setiyawati", "Kasubag Hubungan Dokumentasi Internal", "Bagian Humas Setda Kota Bekasi", "attendee"),
            ],
        ),
        actor=None,
    )
    create_activity(
        session,
        ActivityData(
            title="Peresmian Gedung Baru Puskesmas Jatisampurna",
            kind="peresmian",
            starts_on=date(2021, 11, 3),
            starts_at_time=time(8, 30),
            unit_id=dinkes.id,
            venue_id=puskesmas.id,
            topic="Gedung pelayanan rawat jalan dua lantai",
            summary="Wali Kota Bekasi meresmikan gedung baru Puskesmas Jatisampurna.",
            participants=[
                ParticipantData("Ahmad Suryana", "Wali Kota Bekasi", "Pemerintah Kota Bekasi", "host"),
                ParticipantData("Tanti Rohilawati", "Kepala Dinas Kesehatan", "Dinas Kesehatan Kota Bekasi", "speaker"),
            ],
        ),
        actor=None,
    )
    return credentials


def _register_people(session: Session, humas, kominfo) -> None:
    """Dated positions, including an acting holder, so title look-ups have one answer."""
    for name, honorifics, title, organisation, _role in EXAMPLE_PEOPLE:
        person = people.get_or_create_person(session, name, honorifics=honorifics)
        people.add_position(
            session, person, title, organisation=organisation,
            unit=humas if "Bekasi" in organisation else None, starts_on=date(2020, 1, 2),
        )
    mayor = people.get_or_create_person(session, "Ahmad Suryana", honorifics="H.", degrees="S.E., M.M.")
    people.add_position(session, mayor, "Wali Kota", organisation="Pemerintah Kota Bekasi",
                        starts_on=date(2018, 9, 20), ends_on=date(2022, 1, 6))
    acting = people.get_or_create_person(session, "Budi Hartanto", degrees="S.Sos.")
    people.add_position(session, acting, "Wali Kota", organisation="Pemerintah Kota Bekasi",
                        acting="Plt.", starts_on=date(2022, 1, 7), ends_on=date(2023, 9, 20))
    head = people.get_or_create_person(session, "Tanti Rohilawati", honorifics="dr.", degrees="M.Kes.")
    people.add_position(session, head, "Kepala Dinas Kesehatan", organisation="Dinas Kesehatan Kota Bekasi",
                        starts_on=date(2019, 3, 1))

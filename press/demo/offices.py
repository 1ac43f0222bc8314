"""The demo's unit tree and the people with their dated positions."""
from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from press.codes import ParticipantRole
from press.services import directory, people

EXAMPLE_PEOPLE = (
    # name, honorifics, title, organisation, role
    ("Sajekti Rubiyah", None, "Kepala Bagian Humas", "Sekretariat Daerah Kota Bekasi", ParticipantRole.HOST),
    ("Diah Setiyawati", None, "Kasubag Hubungan Dokumentasi Internal", "Bagian Humas Setda Kota Bekasi", ParticipantRole.HOST),
    ("Muhammad Muchlis", None, "Kasubag Publikasi Eksternal", "Bagian Humas Setda Kota Bekasi", ParticipantRole.HOST),
    ("Indra Subhan", "Mas", "Kepala Diskominfo", "Kabupaten Subang", ParticipantRole.GUEST),
    ("Lukita Harjana", None, "Sekretaris Diskominfo", "Kabupaten Subang", ParticipantRole.GUEST),
)

DEMO_UNITS = (
    ("Pemerintah Kota Bekasi", "Pemkot Bekasi", None, False),
    ("Sekretariat Daerah Kota Bekasi", "Setda", "Pemkot Bekasi", False),
    ("Bagian Humas Sekretariat Daerah Kota Bekasi", "Bagian Humas Setda", "Setda", True),
    ("Dinas Komunikasi, Informatika, Statistik dan Persandian Kota Bekasi", "Diskominfostandi", "Pemkot Bekasi", False),
    ("Dinas Kesehatan Kota Bekasi", "Dinkes", "Pemkot Bekasi", False),
    ("UPTD Puskesmas Pondok Gede", "Puskesmas Pondok Gede", "Dinkes", False),
)


def demo_units(session: Session) -> dict:
    made: dict = {}
    for name, abbreviation, parent, central in DEMO_UNITS:
        parent_id = made[parent].id if parent else None
        made[abbreviation] = directory.create_unit(session, name, abbreviation, central=central, parent_id=parent_id)
        session.flush()
    return made


def register_people(session: Session, humas, kominfo) -> None:
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

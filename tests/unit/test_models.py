from __future__ import annotations

from datetime import date, time

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, select

from press import create_app
from press.extensions import db
from press.models import Activity, AuditEvent, Base, IndexQueueEntry, Media, Participant, Person, Rendition, Unit, Venue
from press.search.pg_rows import not_search_table
from press.services import people
from press.services.activities import ActivityData, ParticipantData, create_activity

from tests.conftest import REPO_ROOT, make_config


def test_migrations_create_the_whole_model_on_an_empty_database(tmp_path):
    app = create_app(make_config(tmp_path))
    with app.app_context():
        upgrade()
        tables = set(inspect(db.engine).get_table_names())
        assert set(Base.metadata.tables) <= tables
        with db.engine.connect() as connection:
            # As `flask db migrate` compares them: the PostgreSQL search backend's own tables
            # (migration 0021, raw SQL) are not models.
            context = MigrationContext.configure(connection, opts={"include_name": not_search_table})
            diff = compare_metadata(context, Base.metadata)
        assert diff == [], f"models and migrations disagree: {diff}"
        downgrade(revision="base")
        assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
        db.engine.dispose()


def test_migrations_have_a_single_head():
    """Two migrations written beside each other off the same parent leave two heads, and
    ``flask db upgrade`` refuses to run: each new one must follow the current head."""
    config = Config()
    config.set_main_option("script_location", str(REPO_ROOT / "press" / "migrations"))
    heads = ScriptDirectory.from_config(config).get_heads()
    assert len(heads) == 1, f"migrations have several heads: {heads}; chain them one after another"


def test_activity_with_participants_round_trips(ctx, queued_jobs):
    unit = db.session.scalar(select(Unit).limit(1))
    venue = db.session.scalar(select(Venue).limit(1))
    activity = create_activity(
        db.session,
        ActivityData(
            title="Upacara Hari Kesaktian Pancasila",
            kind="upacara",
            starts_on=date(2021, 10, 1),
            starts_at_time=time(7, 30),
            unit_id=unit.id,
            venue_id=venue.id,
            participants=[
                ParticipantData("Ahmad Suryana", "Wali Kota Bekasi", "Pemerintah Kota Bekasi", "host"),
                ParticipantData("Budi Santoso", "Komandan Upacara", "Kodim 0507", "speaker"),
            ],
        ),
        actor=None,
    )
    db.session.commit()
    activity_id = activity.id
    db.session.expunge_all()

    loaded = db.session.get(Activity, activity_id)
    assert loaded.title == "Upacara Hari Kesaktian Pancasila"
    assert loaded.starts_at_time == time(7, 30)
    assert [(p.name, p.title, p.role) for p in loaded.participants] == [
        ("Ahmad Suryana", "Wali Kota Bekasi", "host"),
        ("Budi Santoso", "Komandan Upacara", "speaker"),
    ]
    assert loaded.participants[0].person.name == "Ahmad Suryana"
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "activity.created", AuditEvent.object_id == activity_id))
    assert db.session.scalar(select(IndexQueueEntry).where(IndexQueueEntry.doc_kind == "activity", IndexQueueEntry.doc_id == activity_id))


def test_the_holder_of_a_title_on_a_day_has_one_answer(ctx):
    assert people.holder_of(db.session, "Wali Kota", date(2021, 9, 30)).name == "Ahmad Suryana"
    acting = people.holders_of(db.session, "Wali Kota", date(2022, 3, 1))
    assert [(p.person.name, p.display_title) for p in acting] == [("Budi Hartanto", "Plt. Wali Kota")]
    assert people.holder_of(db.session, "Wali Kota", date(2030, 1, 1)) is None


def test_two_holders_on_one_day_give_no_single_answer(ctx):
    other = people.get_or_create_person(db.session, "Citra Lestari")
    people.add_position(db.session, other, "Wali Kota", organisation="Pemerintah Kota Bogor", starts_on=date(2019, 1, 1))
    db.session.flush()
    assert people.holder_of(db.session, "Wali Kota", date(2021, 9, 30)) is None
    narrowed = people.holder_of(db.session, "Wali Kota", date(2021, 9, 30), organisation="Pemerintah Kota Bogor")
    assert narrowed.name == "Citra Lestari"


def test_a_position_cannot_end_before_it_starts(ctx):
    person = people.get_or_create_person(db.session, "Dewi Anggraini")
    with pytest.raises(ValueError):
        people.add_position(db.session, person, "Camat", starts_on=date(2022, 1, 1), ends_on=date(2021, 1, 1))


def test_person_full_name_joins_honorifics_and_degrees(ctx):
    person = db.session.scalar(select(Person).where(Person.name == "Tanti Rohilawati"))
    assert person.full_name == "dr. Tanti Rohilawati, M.Kes."


def test_participants_in_a_role_keep_their_order():
    activity = Activity(participants=[
        Participant(name="Ahmad Suryana", role="host", position=0),
        Participant(name="Budi Santoso", role="speaker", position=1),
        Participant(name="Citra Lestari", role="host", position=2),
    ])
    assert [p.name for p in activity.participants_in("host")] == ["Ahmad Suryana", "Citra Lestari"]
    assert activity.participants_in("moderator") == []


def test_the_position_a_person_held_on_a_day(ctx):
    person = people.get_or_create_person(db.session, "Dewi Anggraini")
    people.add_position(db.session, person, "Lurah", starts_on=date(2019, 1, 1), ends_on=date(2021, 6, 30))
    people.add_position(db.session, person, "Camat", starts_on=date(2021, 7, 1))
    db.session.flush()
    db.session.refresh(person)
    assert person.position_on(date(2020, 5, 1)).title == "Lurah"
    assert person.position_on(date(2021, 7, 1)).title == "Camat"
    assert person.position_on(date(2018, 12, 31)) is None


def test_a_photo_is_usable_in_a_release_with_whole_pixels_and_a_web_rendition():
    def photo(status, *variants):
        return Media(status=status, renditions=[Rendition(variant=v) for v in variants])

    assert photo("ok", "thumb", "web").usable_in_release
    assert not photo("ok", "thumb").usable_in_release
    assert not photo("metadata_only").usable_in_release
    assert not photo("damaged", "web").usable_in_release

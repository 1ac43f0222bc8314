"""The same migrations run on PostgreSQL: a throw-away server is started for the test.

Needs Debian's ``postgresql`` package (``make test`` installs it); without it the test
fails and says so, rather than skipping.
"""
from __future__ import annotations

import threading
from datetime import date, timedelta

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import create_engine, inspect, select, text
from sqlalchemy.orm import Session
from sqlalchemy.engine import make_url

from press import create_app
from press.demo import load_demo
from press.extensions import db
from press.models import Activity, Base, OutboxMessage
from press.search.pg_rows import not_search_table
from press.models.base import utcnow
from press.services import outbox_sender, people

from tests.conftest import make_config
from tests.pg_server import PostgresMissing, throwaway_server


@pytest.fixture(scope="module")
def postgres_server():
    try:
        with throwaway_server() as server_url:
            yield server_url
    except PostgresMissing as missing:
        pytest.fail(str(missing))


def _new_database(server_url: str, name: str) -> str:
    with create_engine(server_url, isolation_level="AUTOCOMMIT").connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name}"))
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


@pytest.fixture
def postgres_url(postgres_server):
    return _new_database(postgres_server, "siaran")


def test_migrations_build_the_model_on_postgresql_and_hold_the_demo(tmp_path, postgres_url):
    app = create_app(make_config(tmp_path, DATABASE_URL=postgres_url, SQLALCHEMY_DATABASE_URI=postgres_url))
    with app.app_context():
        upgrade()
        with db.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"include_name": not_search_table})
            diff = compare_metadata(context, Base.metadata)
        assert diff == [], f"models and migrations disagree on PostgreSQL: {diff}"
        load_demo(db.session)
        db.session.commit()
        assert db.session.scalar(select(Activity).where(Activity.kind == "kunjungan_kerja")).starts_on == date(2021, 9, 30)
        assert people.holder_of(db.session, "Wali Kota", date(2021, 9, 30)).name == "Ahmad Suryana"
        db.session.remove()
        downgrade(revision="base")
        assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
        db.engine.dispose()


def test_two_senders_draining_one_outbox_on_postgresql_claim_each_row_once(tmp_path, postgres_server):
    url = _new_database(postgres_server, "outbox")
    app = create_app(make_config(tmp_path, DATABASE_URL=url, SQLALCHEMY_DATABASE_URI=url))
    window = timedelta(minutes=15)
    with app.app_context():
        upgrade()
        db.session.add_all(OutboxMessage(purpose="alert", object_key="r1", address=f"wartawan{n}@example.org",
                                         subject="Rilis", text="isi") for n in range(60))
        db.session.commit()
        ids = db.session.scalars(select(OutboxMessage.id).order_by(OutboxMessage.id)).all()
        engine = db.engine

    # A sender has picked its batch and not yet committed: the next sender takes the rows after
    # it at once instead of waiting on its locks (lock_timeout only stops a hang).
    with Session(engine) as first, Session(engine) as second:
        held = first.scalars(select(OutboxMessage.id).order_by(OutboxMessage.id).limit(10).with_for_update()).all()
        second.execute(text("SET lock_timeout = '10s'"))
        taken = [row.id for row in outbox_sender._claim(second, 5, utcnow(), window)]
        assert taken == ids[10:15] and not set(taken) & set(held)
        first.rollback()

    claimed: list[list[int]] = [[], []]

    def sender(slot: int) -> None:
        with Session(engine) as session:
            while batch := outbox_sender._claim(session, 3, utcnow(), window):
                claimed[slot].extend(row.id for row in batch)

    threads = [threading.Thread(target=sender, args=(slot,)) for slot in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    everything = claimed[0] + claimed[1]
    assert sorted(everything) == [i for i in ids if i not in taken], "a row was claimed twice or not at all"
    engine.dispose()

"""``flask migrate-to`` killed with SIGKILL half way, twice (in the tables, then in the
blobs: real processes), and run again (in this process): the demo instance (SQLite, a folder of photos) ends on PostgreSQL
and a Swift node speaking S3 with the same rows in every table, every blob whole, ids
that go on past the copied ones, and a search index that matches the database."""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import uuid
from datetime import date, datetime, time

import boto3
import pytest
from botocore.config import Config
from sqlalchemy import create_engine, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from press import create_app
from press.extensions import db
from press.demo import load_demo_photos
from press.models import Base, Tag
from press.search import open_index
from press.services import indexing
from press.services.media import IngestConfig
from press.storage import store_from_config
from tests import databases
from tests.conftest import REPO_ROOT, make_config
from tests.faults.conftest import kill_group
from tests.pg_server import PostgresMissing, throwaway_server

pytestmark = [pytest.mark.postgres, pytest.mark.objectstore]


@pytest.fixture(scope="module")
def pg_server():
    try:
        with throwaway_server() as url:
            yield url
    except PostgresMissing as missing:
        pytest.fail(str(missing))


@pytest.fixture
def instance(tmp_path, migrated_db):
    """The demo instance with its photos in a folder, as ``flask setup`` leaves it."""
    databases.copy_demo(migrated_db, tmp_path)
    app = create_app(make_config(tmp_path))
    with app.app_context():
        load_demo_photos(db.session, store_from_config(app.config), IngestConfig.from_mapping(app.config))
        db.session.commit()
        db.engine.dispose()
    return app


def command_env(app, node, tmp_path) -> dict:
    config = app.config
    return {**os.environ, "PRESS_ENV": "development", "PRESS_SECRET_KEY": "k" * 40,
            "PRESS_DATABASE_URL": config["SQLALCHEMY_DATABASE_URI"], "PRESS_MEDIA_ROOT": config["MEDIA_ROOT"],
            "PRESS_INDEX_ROOT": config["INDEX_ROOT"], "PRESS_JOBS_URL": "immediate",
            "PRESS_OUTBOX_DIR": str(tmp_path / "outbox"), "PRESS_MEDIA_SPOOL_DIR": str(tmp_path / "spool"),
            "PRESS_S3_ENDPOINT_URL": node.endpoint, "PRESS_S3_REGION": node.region,
            "PRESS_S3_ACCESS_KEY_ID": node.access_key, "PRESS_S3_SECRET_ACCESS_KEY": node.secret_key}


def start(args: list[str], env: dict) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "flask", "--app", "wsgi", "migrate-to", *args, "--json"],
                            cwd=REPO_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)


def kill_when(process: subprocess.Popen, reached) -> dict:
    """Read the progress lines until one satisfies ``reached``, then SIGKILL the command."""
    for line in process.stdout:
        event = json.loads(line)
        if reached(event):
            kill_group(process)
            return event
    process.wait()
    raise AssertionError(f"the move ended before the point to kill it:\n{process.stderr.read()[-3000:]}")


def table_contents(engine, table) -> list[str]:
    with engine.connect() as connection:
        return sorted(json.dumps([_plain(v) for v in row], sort_keys=True, ensure_ascii=False)
                      for row in connection.execute(select(table)))


def _plain(value):
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    return bytes(value).hex() if isinstance(value, (bytes, memoryview)) else value


def test_a_move_killed_twice_and_run_again_ends_with_the_same_data(pg_server, swift, instance, tmp_path):
    node = swift
    with create_engine(pg_server, isolation_level="AUTOCOMMIT").connect() as connection:
        connection.execute(text("CREATE DATABASE moved"))
    target_url = make_url(pg_server).set(database="moved").render_as_string(hide_password=False)
    bucket = f"m{uuid.uuid4().hex[:16]}"
    args = ["--database", target_url, "--media", f"s3://{bucket}/siaran", "--batch", "10"]
    env = command_env(instance, node, tmp_path)
    target = create_engine(target_url)

    first = kill_when(start(args, env), lambda e: e["step"] == "tables" and e["total_rows"] >= 100)
    assert first["total_rows"] >= 100
    assert "siaran_move" in inspect(target).get_table_names()  # the ledger of a move not finished

    second = kill_when(start(args, env), lambda e: e["step"] == "blobs" and e["originals"] + e["skipped"] >= 2)
    assert second["originals"] >= 1

    # The last run in this process (what it checks is the same; a command's start-up costs seconds).
    finishing = create_app(make_config(tmp_path, S3_ENDPOINT_URL=node.endpoint, S3_REGION=node.region,
                                       S3_ACCESS_KEY_ID=node.access_key, S3_SECRET_ACCESS_KEY=node.secret_key,
                                       MEDIA_SPOOL_DIR=str(tmp_path / "spool")))
    result = finishing.test_cli_runner().invoke(args=["migrate-to", *args, "--json"])
    assert result.exit_code == 0, result.output[-3000:]
    with finishing.app_context():
        db.engine.dispose()
    summary = json.loads(result.output.strip().splitlines()[-1])
    assert summary["done"] and summary["resumed"]
    assert summary["tables_skipped"] == len(Base.metadata.tables)  # all copied before the second kill
    assert summary["blobs"]["skipped"] >= 2 and summary["checked_tables"] == len(Base.metadata.tables)

    # Every table holds what the source holds; the ledger is gone; the schema is at head.
    source = create_engine(instance.config["SQLALCHEMY_DATABASE_URI"])
    for table in Base.metadata.sorted_tables:
        assert table_contents(target, table) == table_contents(source, table), table.name
    assert "siaran_move" not in inspect(target).get_table_names()
    with source.connect() as left, target.connect() as right:
        revision = left.scalar(text("SELECT version_num FROM alembic_version"))
        assert right.scalar(text("SELECT version_num FROM alembic_version")) == revision

    # Every original hashes to its key in the bucket, every rendition as in the folder.
    client = boto3.client("s3", endpoint_url=node.endpoint, region_name=node.region,
                          aws_access_key_id=node.access_key, aws_secret_access_key=node.secret_key,
                          config=Config(request_checksum_calculation="when_required",
                                        response_checksum_validation="when_required", s3={"addressing_style": "path"}))
    folder = instance.config["MEDIA_ROOT"]
    expected = {}
    for where, _dirs, files in os.walk(folder):
        for name in files:
            relative = os.path.relpath(os.path.join(where, name), folder)
            if relative.startswith(("originals/", "renditions/")):
                with open(os.path.join(where, name), "rb") as handle:
                    expected[relative] = hashlib.sha256(handle.read()).hexdigest()
    assert sum(1 for name in expected if name.startswith("originals/")) >= 6
    stored = {}
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix="siaran/"):
        for item in page.get("Contents", []):
            body = client.get_object(Bucket=bucket, Key=item["Key"])["Body"].read()
            stored[item["Key"].removeprefix("siaran/")] = hashlib.sha256(body).hexdigest()
    assert stored == expected
    assert all(digest == name.rsplit("/", 1)[-1] for name, digest in stored.items() if name.startswith("originals/"))

    # New rows get ids past the copied ones; search on PostgreSQL matches the database.
    with Session(target) as session:
        before = session.scalar(select(Tag.id).order_by(Tag.id.desc()).limit(1))
        tag = Tag(kind="topik", name="Pindah", slug="pindah")
        session.add(tag)
        session.flush()
        assert tag.id > before
        session.rollback()
        index = open_index(target_url)
        try:
            assert indexing.check(session, index).ok
            assert summary["documents"] == indexing.count_documents(session) > 0
        finally:
            index.close()
    source.dispose()
    target.dispose()

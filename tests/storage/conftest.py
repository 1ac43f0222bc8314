"""The blob store on each backend: the folder, and a real object store (one OpenStack
Swift node with ``s3api``, started once per session on loopback by ``tests/swift_server.py``).

``backend`` is parametrised (``file``, ``s3``); the ``s3`` case carries the ``objectstore``
marker, so ``make test-fast`` leaves it out and ``make test`` runs it. Each test gets its
own bucket (the node is ``tests/conftest.py``'s ``swift``). ``media_config`` is what a test adds to ``make_config`` to put an application
on that backend; ``store`` is the store itself.
"""
from __future__ import annotations

import os
import uuid

import boto3
import pytest
from botocore.config import Config

from press import create_app
from press.extensions import db
from press.storage import store_from_config
from tests import databases
from tests.conftest import make_config

BACKENDS = ["file", pytest.param("s3", marks=pytest.mark.objectstore)]


def s3_config(node, bucket: str, tmp_path, **extra) -> dict:
    return {"MEDIA_URL": f"s3://{bucket}/siaran", "S3_ENDPOINT_URL": node.endpoint, "S3_REGION": node.region,
            "S3_ACCESS_KEY_ID": node.access_key, "S3_SECRET_ACCESS_KEY": node.secret_key,
            "MEDIA_SPOOL_DIR": str(tmp_path / "spool"), **extra}


def raw_client(node):
    """boto3 without Siaran, for a test to look at (or damage) the bucket itself."""
    return boto3.client("s3", endpoint_url=node.endpoint, region_name=node.region, aws_access_key_id=node.access_key,
                        aws_secret_access_key=node.secret_key,
                        config=Config(request_checksum_calculation="when_required",
                                      response_checksum_validation="when_required", s3={"addressing_style": "path"}))


@pytest.fixture(params=BACKENDS)
def backend(request):
    return request.param


@pytest.fixture
def media_config(backend, request, tmp_path) -> dict:
    if backend == "file":
        return {"MEDIA_ROOT": str(tmp_path / "media")}
    node = request.getfixturevalue("swift")
    return s3_config(node, f"t{uuid.uuid4().hex[:20]}", tmp_path)


@pytest.fixture
def store(media_config):
    return store_from_config(media_config)


@pytest.fixture
def app(tmp_path, migrated_db, media_config):
    """The demo application with its blobs on the test's backend."""
    databases.copy_demo(migrated_db, tmp_path)
    app = create_app(make_config(tmp_path, **media_config))
    yield app
    with app.app_context():
        db.engine.dispose()


def damage(store, name: str, data: bytes, request) -> None:
    """Write ``data`` over the object ``name`` (a name of the layout) behind the store's back."""
    if store.describe().startswith("file://"):
        with open(os.path.join(store.root, *name.split("/")), "wb") as handle:
            handle.write(data)
        return
    raw_client(request.getfixturevalue("swift")).put_object(Bucket=store.bucket, Key=store.prefix + name, Body=data)

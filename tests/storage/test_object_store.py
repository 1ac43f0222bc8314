"""What only the object store backend does: sign URLs for public renditions, refuse an
upload that changed or that the store refused, check the hash on every read of an
original, and share one bucket between nodes. Runs against the Swift node of
``tests/swift_server.py`` (marker ``objectstore``)."""
from __future__ import annotations

import hashlib
import urllib.request
import uuid
from urllib.parse import urlsplit

import pytest

from press import create_app
from press.demo import demo_photo_jpeg
from press.extensions import db
from press.models import Media
from press.storage import StorageError, store_from_config
from press.storage.layout import original_name
from tests import databases
from tests.conftest import Auth, make_config
from tests.storage.conftest import raw_client, s3_config

BLOB = b"pindaian formulir persetujuan " * 4000


@pytest.fixture
def bucket():
    return f"t{uuid.uuid4().hex[:20]}"


@pytest.fixture
def store(swift, bucket, tmp_path):
    return store_from_config(s3_config(swift, bucket, tmp_path))


def _objects(swift, bucket) -> list[str]:
    listing = raw_client(swift).list_objects_v2(Bucket=bucket)
    return [item["Key"] for item in listing.get("Contents", ())]


def test_a_spool_file_changed_before_its_upload_is_refused_and_nothing_is_stored(store, swift, bucket):
    incoming = store.receive()
    incoming.write(BLOB)
    incoming.finish()
    with open(incoming.path, "r+b") as spool:  # a bit flips on this node's disk
        spool.write(b"P")
    with pytest.raises(StorageError, match="changed before its upload"):
        store.keep(incoming)
    assert _objects(swift, bucket) == [] and store.temp_files() == []


def test_an_upload_the_store_refuses_leaves_nothing_on_this_node(store, swift, bucket):
    raw_client(swift).delete_bucket(Bucket=bucket)  # e.g. removed by an operator
    with pytest.raises(StorageError, match="cannot store"):
        store.put(BLOB)
    assert store.temp_files() == []


def test_wrong_keys_are_refused_when_the_store_is_opened(swift, bucket, tmp_path):
    with pytest.raises(StorageError, match=f"cannot reach the bucket {bucket}: 403"):
        store_from_config(s3_config(swift, bucket, tmp_path, S3_SECRET_ACCESS_KEY="not-the-key"))


def test_reading_a_damaged_original_is_refused(store, swift):
    key = store.put(BLOB)
    raw_client(swift).put_object(Bucket=store.bucket, Key=store.prefix + original_name(key), Body=b"damaged")
    with pytest.raises(StorageError, match="damaged"):
        store.open(key)


def test_two_nodes_share_one_bucket(swift, bucket, tmp_path):
    node_a = store_from_config(s3_config(swift, bucket, tmp_path / "a"))
    node_b = store_from_config(s3_config(swift, bucket, tmp_path / "b"))
    key = node_a.put(BLOB)
    node_a.put_rendition(key, "web", b"jpeg")
    assert node_b.exists(key) and node_b.rendition_variants(key) == ["web"]
    with node_b.open(key) as handle:
        assert hashlib.sha256(handle.read()).hexdigest() == key


@pytest.fixture
def presigned_app(tmp_path, migrated_db, swift, bucket):
    databases.copy_demo(migrated_db, tmp_path)
    app = create_app(make_config(tmp_path, **s3_config(swift, bucket, tmp_path, MEDIA_SERVE="presigned",
                                                       MEDIA_URL_SECONDS=120)))
    yield app
    with app.app_context():
        db.engine.dispose()


def test_public_renditions_are_redirected_to_signed_urls_and_private_ones_never(presigned_app, swift):
    from tests.web.test_photos import first_activity_id, ingest_files

    app, client = presigned_app, presigned_app.test_client()
    auth = Auth(client)
    auth.login("photographer")
    public_id, private_id = ingest_files(client, auth.token(), first_activity_id(app),
                                         [("a.jpg", demo_photo_jpeg(2)), ("b.jpg", demo_photo_jpeg(3))])
    staff_view = client.get(f"/staf/foto/{private_id}/web.jpg")
    assert staff_view.status_code == 200 and staff_view.mimetype == "image/jpeg"  # staff: through Siaran
    auth.logout()
    auth.login("editor")
    assert client.post(f"/staf/foto/{public_id}/publik", data={"csrf_token": auth.token(), "value": "1"}).status_code == 302
    auth.logout()
    with app.app_context():
        public_web = db.session.get(Media, public_id).rendition("web").sha256
        private_web = db.session.get(Media, private_id).rendition("web").sha256

    answer = client.get(f"/media/{public_web}/web.jpg")
    assert answer.status_code == 302
    location = answer.headers["Location"]
    assert urlsplit(location).netloc == urlsplit(swift.endpoint).netloc and "X-Amz-Signature=" in location
    assert "X-Amz-Expires=120" in location and answer.headers["Cache-Control"] == "public, max-age=60"
    with urllib.request.urlopen(location, timeout=10) as fetched:
        assert hashlib.sha256(fetched.read()).hexdigest() == public_web
    assert client.get(f"/media/{private_web}/web.jpg").status_code == 404  # no URL for a private photo


def test_public_mode_redirects_to_the_buckets_public_address(swift, bucket, tmp_path):
    store = store_from_config(s3_config(swift, bucket, tmp_path, MEDIA_SERVE="public",
                                        MEDIA_PUBLIC_BASE_URL="https://cdn.example.go.id/"))
    key = "a" * 64
    assert store.rendition_url(key, "web") == f"https://cdn.example.go.id/siaran/renditions/aa/aa/{key}/web.jpg"

"""Which store the settings open: ``PRESS_MEDIA_URL`` (``file://``, ``s3://``), its alias
``PRESS_MEDIA_ROOT``, and settings refused with a message that says what to write."""
from __future__ import annotations

import re

import pytest

from press.config import ConfigError, flask_settings, from_environment
from press.storage import FileStorage, StorageError, store_spec


def _settings(tmp_path, **environ) -> dict:
    return flask_settings(from_environment({f"PRESS_{k}": v for k, v in environ.items()}), str(tmp_path))


def test_media_root_stays_an_alias_and_file_urls_name_a_folder(tmp_path):
    assert store_spec(_settings(tmp_path, MEDIA_ROOT=str(tmp_path / "old"))) == str(tmp_path / "old")
    settings = _settings(tmp_path, MEDIA_URL=f"file://{tmp_path}/baru", MEDIA_ROOT=str(tmp_path / "old"))
    assert store_spec(settings) == str(tmp_path / "baru")


def test_an_s3_url_names_the_bucket_and_prefix_with_the_endpoint(tmp_path):
    spec = store_spec(_settings(tmp_path, MEDIA_URL="s3://humas-media/bekasi/", S3_ENDPOINT_URL="http://127.0.0.1:9",
                                S3_REGION="ap-southeast-3", MEDIA_SERVE="presigned"))
    assert (spec.bucket, spec.prefix, spec.endpoint, spec.region, spec.serve) == \
        ("humas-media", "bekasi", "http://127.0.0.1:9", "ap-southeast-3", "presigned")
    assert spec.spool_dir == str(tmp_path / "media-spool")


@pytest.mark.parametrize("environ, message", [
    ({"MEDIA_URL": "ftp://host/media"}, "must start with file:// (a folder) or s3:// (a bucket)"),
    ({"MEDIA_SERVE": "cdn"}, "MEDIA_SERVE must be one of siaran, presigned, public"),
    ({"MEDIA_SERVE": "presigned"}, "needs an object store"),
    ({"MEDIA_URL_SECONDS": "lima"}, "must be a whole number"),
])
def test_bad_media_settings_are_refused_with_what_to_write(tmp_path, environ, message):
    with pytest.raises(ConfigError, match=re.escape(message)):
        _settings(tmp_path, **environ)


def test_a_bucketless_url_is_refused():
    with pytest.raises(StorageError, match="names no bucket"):
        store_spec({"MEDIA_URL": "s3:///prefix"})


def test_a_folder_store_never_hands_out_urls(tmp_path):
    assert FileStorage(tmp_path).rendition_url("a" * 64, "web") is None


def test_an_unreachable_object_store_is_said_by_media_verify_and_doctor(tmp_path, migrated_db):
    import json
    import socket

    from press import create_app
    from tests import databases
    from tests.conftest import make_config

    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    databases.copy_demo(migrated_db, tmp_path)
    app = create_app(make_config(tmp_path, MEDIA_URL="s3://siaran/media", S3_ENDPOINT_URL=f"http://127.0.0.1:{port}",
                                 S3_REGION="us-east-1", S3_ACCESS_KEY_ID="k", S3_SECRET_ACCESS_KEY="s",
                                 MEDIA_SPOOL_DIR=str(tmp_path / "spool")))
    runner = app.test_cli_runner()
    result = runner.invoke(args=["media", "verify"])
    assert result.exit_code == 1 and "cannot open the media store" in result.output
    assert "Traceback" not in result.output
    result = runner.invoke(args=["doctor", "--json"])
    assert result.exit_code == 1
    assert json.loads(result.output)["stopped_code"] == "store_unopenable"

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from press import create_app
from press.config import (
    ConfigError, ensure_secret_key, from_environment, parse_rendition_sizes, parse_trusted_proxies,
)

from tests.conftest import REPO_ROOT


def test_production_without_secret_key_refuses_to_start(tmp_path, monkeypatch):
    monkeypatch.delenv("PRESS_SECRET_KEY", raising=False)
    with pytest.raises(ConfigError, match="PRESS_SECRET_KEY"):
        create_app({"ENV": "production", "DATABASE_URL": f"sqlite:///{tmp_path}/x.db"})


def test_production_refusal_reaches_the_operator_from_the_command_line(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PRESS_")}
    env.update(PRESS_ENV="production", PRESS_DATABASE_URL=f"sqlite:///{tmp_path}/x.db")
    result = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "wsgi", "users", "list"],
        cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode != 0
    assert "export PRESS_SECRET_KEY=" in result.stderr


def test_production_with_a_secret_key_starts_with_secure_cookies(tmp_path):
    app = create_app({"ENV": "production", "SECRET_KEY": "s" * 32, "DATABASE_URL": f"sqlite:///{tmp_path}/x.db"})
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["REMEMBER_COOKIE_SECURE"] is True


def test_development_keeps_a_generated_key_between_starts(tmp_path, monkeypatch):
    monkeypatch.delenv("PRESS_SECRET_KEY", raising=False)
    config = {"ENV": "development", "DATABASE_URL": f"sqlite:///{tmp_path}/x.db"}
    first = create_app(config).config["SECRET_KEY"]
    second = create_app(config).config["SECRET_KEY"]
    assert first and first == second


def test_each_node_keeps_its_own_files_in_the_instance_folder_it_is_given(tmp_path, monkeypatch):
    monkeypatch.delenv("PRESS_SECRET_KEY", raising=False)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PRESS_INSTANCE_PATH", "node-b")  # relative to where the node starts
    config = {"ENV": "development", "DATABASE_URL": f"sqlite:///{tmp_path}/x.db"}
    node_a = create_app({**config, "INSTANCE_PATH": str(tmp_path / "node-a")})
    node_b = create_app(config)
    assert (node_a.instance_path, node_b.instance_path) == (str(tmp_path / "node-a"), str(tmp_path / "node-b"))
    assert node_b.config["MEDIA_SPOOL_DIR"] == str(tmp_path / "node-b" / "media-spool")
    assert node_a.config["SECRET_KEY"] != node_b.config["SECRET_KEY"]  # each generated its own development key


def test_environment_variables_override_defaults():
    values = from_environment({"PRESS_MAX_UPLOAD_MB": "5", "PRESS_MEDIA_ROOT": "/srv/blobs"})
    assert values["MAX_UPLOAD_MB"] == 5
    assert values["MEDIA_ROOT"] == "/srv/blobs"


def test_a_non_numeric_limit_is_a_clear_error():
    with pytest.raises(ConfigError, match="PRESS_MAX_UPLOAD_MB must be a whole number"):
        from_environment({"PRESS_MAX_UPLOAD_MB": "lots"})


def test_rendition_sizes_are_configuration():
    assert parse_rendition_sizes("thumb:300,web:1200") == {"thumb": 300, "web": 1200}
    with pytest.raises(ConfigError):
        parse_rendition_sizes("thumb")


def test_locations_follow_the_configuration(tmp_path):
    app = create_app({"ENV": "testing", "SECRET_KEY": "x", "DATABASE_URL": f"sqlite:///{tmp_path}/a.db",
                      "MEDIA_ROOT": str(tmp_path / "m"), "INDEX_ROOT": str(tmp_path / "i"), "MAX_UPLOAD_MB": 7,
                      "MAX_REQUEST_MB": 20})
    assert app.config["MEDIA_ROOT"] == str(tmp_path / "m")
    assert app.config["INDEX_ROOT"] == str(tmp_path / "i")
    assert app.config["MAX_UPLOAD_BYTES"] == 7 * 1024 * 1024
    assert app.config["MAX_CONTENT_LENGTH"] == 20 * 1024 * 1024


def test_public_site_settings_come_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("PRESS_SITE_URL", "https://humas.bekasikota.go.id")
    monkeypatch.setenv("PRESS_PUBLISH_CHECK_SECONDS", "30")
    monkeypatch.setenv("PRESS_PAGE_CACHE_CHECK_SECONDS", "0.5")
    monkeypatch.setenv("PRESS_PAGE_CACHE_MAX_AGE", "120")
    app = create_app({"ENV": "development", "DATABASE_URL": f"sqlite:///{tmp_path}/x.db"})
    assert app.config["SITE_URL"] == "https://humas.bekasikota.go.id"
    assert app.config["PUBLISH_CHECK_SECONDS"] == 30
    assert app.config["PAGE_CACHE_CHECK_SECONDS"] == 0.5
    assert app.config["PAGE_CACHE_MAX_AGE"] == 120
    with app.test_request_context("/"):
        from press.web.links import absolute
        assert absolute("site.home") == "https://humas.bekasikota.go.id/"
    monkeypatch.setenv("PRESS_PAGE_CACHE_CHECK_SECONDS", "sometimes")
    with pytest.raises(ConfigError, match="PRESS_PAGE_CACHE_CHECK_SECONDS must be a number of seconds"):
        from_environment()


@pytest.mark.parametrize("key", ["s", "x" * 31])
def test_production_refuses_a_short_secret_key(tmp_path, key):
    with pytest.raises(ConfigError, match=f"secret key of {len(key)} characters.*at least 32"):
        create_app({"ENV": "production", "SECRET_KEY": key, "DATABASE_URL": f"sqlite:///{tmp_path}/x.db"})


def test_the_development_key_file_is_readable_by_its_owner_only(tmp_path):
    old_umask = os.umask(0o022)
    try:
        settings = {"PRESS_ENV": "development", "SECRET_KEY": None}
        ensure_secret_key(settings, str(tmp_path))
    finally:
        os.umask(old_umask)
    key_file = tmp_path / "dev-secret-key"
    assert len(settings["SECRET_KEY"]) == 64
    assert oct(key_file.stat().st_mode & 0o777) == oct(0o600)


def test_an_existing_world_readable_key_file_is_made_private(tmp_path):
    key_file = tmp_path / "dev-secret-key"
    key_file.write_text("a" * 64)
    key_file.chmod(0o644)
    settings = {"PRESS_ENV": "development", "SECRET_KEY": None}
    ensure_secret_key(settings, str(tmp_path))
    assert settings["SECRET_KEY"] == "a" * 64
    assert oct(key_file.stat().st_mode & 0o777) == oct(0o600)


@pytest.mark.parametrize("spec, expected", [(None, None), ("", None), ("0", None), ("2", 2)])
def test_trusted_proxies_as_a_count(spec, expected):
    assert parse_trusted_proxies(spec) == expected


def test_trusted_proxies_as_addresses_and_a_bad_one():
    assert [str(n) for n in parse_trusted_proxies("10.0.0.5, 10.1.0.0/16 2001:db8::1")] == [
        "10.0.0.5/32", "10.1.0.0/16", "2001:db8::1/128"]
    with pytest.raises(ConfigError, match="PRESS_TRUSTED_PROXIES: 'proxy.local' is not an address"):
        parse_trusted_proxies("10.0.0.5,proxy.local")

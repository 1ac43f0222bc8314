"""``flask doctor`` says where the secret key signing the cookies comes from: a key
generated in this node's instance folder is fine on one machine and named as such; a
missing or short key in production is a problem (every node must share one long key)."""
from __future__ import annotations

import json

from press.config import ensure_secret_key


def test_the_doctor_names_a_key_generated_on_this_node(app, runner, tmp_path):
    settings = {"PRESS_ENV": "development", "SECRET_KEY": None}
    ensure_secret_key(settings, str(tmp_path / "node"))  # what create_app does without PRESS_SECRET_KEY
    app.config.update(PRESS_ENV="development", SECRET_KEY=settings["SECRET_KEY"],
                      SECRET_KEY_GENERATED=settings["SECRET_KEY_GENERATED"])
    result = runner.invoke(args=["doctor"])
    assert "Secret key: generated in this node's instance/dev-secret-key" in result.output, result.output
    assert "PRESS_SECRET_KEY, the same on every node" in result.output
    report = json.loads(runner.invoke(args=["doctor", "--json"]).output)
    assert report["counts"]["secret_key"] == "generated"
    assert all(f["check"] != "config" for f in report["findings"])


def test_the_doctor_reports_a_short_key_in_production(app, runner):
    app.config.update(PRESS_ENV="production", SECRET_KEY="pendek")
    report = json.loads(runner.invoke(args=["doctor", "--json"]).output)
    (finding,) = [f for f in report["findings"] if f["check"] == "config"]
    assert finding["code"] == "secret_key_short" and finding["subject"] == "PRESS_SECRET_KEY"
    assert "6 karakter" in finding["detail"] or "6 characters" in finding["detail"]
    assert report["ok"] is False


def test_the_doctor_is_content_with_a_long_configured_key(app, runner):
    app.config.update(SECRET_KEY="k" * 64)
    report = json.loads(runner.invoke(args=["doctor", "--json"]).output)
    assert report["counts"]["secret_key"] == "configured"
    assert all(f["check"] != "config" for f in report["findings"])

"""Stored problems and integrity findings are codes with parameters, each rendered in
Indonesian and English from one table (``press/problems.py``); rows stored before the
codes are converted by migration 0005."""
from __future__ import annotations

import json
import re

import pytest
from flask_babel import force_locale, gettext
from flask_migrate import downgrade, upgrade
from sqlalchemy import text as sql

from press import create_app, problems
from press.cli.language import cli_locale
from press.extensions import db
from tests.conftest import make_config

PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def sample(code: str) -> dict:
    """The problem with each parameter its message names set to a recognisable value."""
    names = PLACEHOLDER.findall(problems.MESSAGES[code])
    return problems.problem(code, **{name: f"<{name}-{n}>" for n, name in enumerate(names)})


@pytest.mark.parametrize("code", sorted(problems.MESSAGES))
def test_each_problem_code_renders_in_indonesian_and_in_english(app, code):
    found = sample(code)
    with app.test_request_context():
        with force_locale("id"):
            indonesian = problems.text(found, gettext)
        with force_locale("en"):
            english = problems.text(found, gettext)
    assert indonesian == problems.MESSAGES[code] % problems.params_of(found)
    for value in problems.params_of(found).values():
        assert value in indonesian and value in english
    assert "%(" not in indonesian + english
    if code != "legacy":
        assert english != indonesian, f"{code} has no English translation"


def test_an_unknown_code_is_refused_where_it_is_made_and_shown_plainly_where_it_is_read(app):
    with pytest.raises(KeyError):
        problems.problem("no_such_problem")
    with app.test_request_context(), force_locale("id"):
        assert problems.text({"code": "gone_code"}, gettext) == "gone_code"
        assert problems.text({"code": "gps_out_of_range"}, gettext).count("?") == 2


def test_cli_language_follows_the_environment():
    assert cli_locale({"LANG": "id_ID.UTF-8"}) == "id"
    assert cli_locale({"LANG": "C.UTF-8"}) == "en"
    assert cli_locale({"LANGUAGE": "fr:id", "LANG": "en_US.UTF-8"}) == "id"
    assert cli_locale({"LC_ALL": "en_GB.UTF-8", "LANG": "id_ID.UTF-8"}) == "en"
    assert cli_locale({}) == "en"


OLD_ROW = {
    "exif_problems": [
        "The EXIF block could not be parsed by exifread (KeyError); other readers were used.",
        "Pillow: Corrupt EXIF data.  Expecting to read 12 bytes but only got 6. ",
        "GPS GPSLatitude is out of range (91.50000); ignored.",
        "EXIF Orientation 0 is not a valid value; treated as upright (1).",
        "The date the photo was taken is not readable: '2021:13:45'.",
        "A sentence nobody wrote in code.",
    ],
    "problems": ["The original file is missing from the store; upload the photo again.",
                 "The image data is damaged or cut short, so no preview could be made (broken data stream)."],
}


def _decoded(value):
    """A JSON column read by raw SQL: text on SQLite, already decoded by psycopg on PostgreSQL."""
    return json.loads(value) if isinstance(value, str) else value


def test_the_migration_turns_stored_sentences_into_codes_and_back(tmp_path):

    app = create_app(make_config(tmp_path))
    with app.app_context():
        upgrade(revision="0005")
        db.session.execute(sql(
            "INSERT INTO media (sha256, mime, bytes, width, height, orientation, exif_problems, status, problems, "
            "is_public, is_highlight, created_at, updated_at) VALUES ('ab', 'image/jpeg', 1, 1, 1, 1, :exif, "
            "'missing', :problems, false, false, '2026-01-01', '2026-01-01')"),
            {"exif": json.dumps(OLD_ROW["exif_problems"]), "problems": json.dumps(OLD_ROW["problems"])})
        db.session.commit()
        upgrade(revision="0006")
        exif, stored = (_decoded(v) for v in db.session.execute(
            sql("SELECT exif_problems, problems FROM media")).one())
        assert exif == [
            {"code": "exif_unreadable", "reader": "exifread", "error": "KeyError"},
            {"code": "exif_warning", "message": "Corrupt EXIF data.  Expecting to read 12 bytes but only got 6. "},
            {"code": "gps_out_of_range", "field": "GPSLatitude", "value": "91.50000"},
            {"code": "orientation_invalid", "value": "0"},
            {"code": "taken_at_unreadable", "value": "'2021:13:45'"},
            {"code": "legacy", "text": "A sentence nobody wrote in code."},
        ]
        assert stored == [{"code": "original_missing"}, {"code": "pixels_damaged", "error": "broken data stream"}]
        assert all(p["code"] in problems.MESSAGES for p in exif + stored)
        db.session.commit()
        downgrade(revision="0005")
        back = [_decoded(v) for v in db.session.execute(sql("SELECT exif_problems, problems FROM media")).one()]
        assert back == [OLD_ROW["exif_problems"], OLD_ROW["problems"]]
        db.session.remove()
        db.engine.dispose()

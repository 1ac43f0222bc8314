"""Hostile form posts: forged or missing CSRF tokens, script in the fields, enormous
text, broken Unicode. Nothing changes without a valid token; what is saved is shown as
text; an over-long field is refused with the field's message and the rest kept."""
from __future__ import annotations

import html
import re

import pytest
from sqlalchemy import func, select

from press.extensions import db
from press.models import Activity, Unit

CSRF_REFUSED = "Formulir kedaluwarsa atau tidak sah"


def activity_count(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Activity))


def form(app, token, **fields) -> dict:
    with app.app_context():
        unit = db.session.scalars(select(Unit.id)).first()
    return {"csrf_token": token, "kind": "audiensi", "starts_on": "2026-11-20", "unit_id": str(unit),
            "title": "Rapat koordinasi", **fields}


@pytest.mark.parametrize("token", [None, "", "forged", "IjAwMDAi.aaaa.bbbb"], ids=["missing", "empty", "forged", "forged_signed_shape"])
def test_login_without_a_valid_csrf_token_is_refused(client, token):
    data = {"email": "penulis@siaran.test", "password": "demo-penulis-2021"}
    if token is not None:
        data["csrf_token"] = token
    response = client.post("/staf/login", data=data)
    assert response.status_code == 400
    assert CSRF_REFUSED in response.get_data(as_text=True)
    assert client.get("/staf/").status_code == 302  # still logged out


@pytest.mark.parametrize("token", [None, "forged"], ids=["missing", "forged"])
def test_a_staff_form_without_a_valid_token_changes_nothing(app, client, auth, token):
    auth.login("writer")
    before = activity_count(app)
    data = form(app, token)
    if token is None:
        data.pop("csrf_token")
    response = client.post("/staf/kegiatan/baru", data=data)
    assert response.status_code == 400
    assert "tidak ada yang diubah" in response.get_data(as_text=True)
    assert activity_count(app) == before


def test_a_token_from_another_session_is_refused(app, client, auth):
    other = app.test_client()
    from tests.conftest import csrf_token
    stolen = csrf_token(other)
    auth.login("writer")
    response = client.post("/staf/kegiatan/baru", data=form(app, stolen))
    assert response.status_code == 400


SCRIPTS = {
    "script_tag": "<script>alert('x')</script>",
    "img_onerror": '<img src=x onerror="alert(1)">',
    "attribute_break": '" onmouseover="alert(1)',
    "javascript_url": "javascript:alert(1)",
}


@pytest.mark.parametrize("name", SCRIPTS)
def test_script_in_activity_fields_is_saved_and_shown_as_text(app, client, auth, name):
    payload = SCRIPTS[name]
    auth.login("writer")
    token = auth.token("/staf/kegiatan/baru")
    response = client.post("/staf/kegiatan/baru", data=form(
        app, token, title=f"Rapat {payload}", summary=f"Ringkasan {payload}",
        **{"participants-0-role": "host", "participants-0-name": f"Budi {payload}"}))
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    if any(c in payload for c in "<>\""):
        assert payload not in page                   # never as markup
    assert f"Rapat {html.escape(payload, quote=False)}" in page.replace("&#34;", '"').replace("&#39;", "'")
    assert not re.search(r"<(script|img)[^>]*alert", page)
    assert not re.search(r"""(href|src)=["']?javascript:""", page)


def test_an_enormous_field_is_refused_with_its_message_and_nothing_saved(app, client, auth):
    auth.login("writer")
    before = activity_count(app)
    token = auth.token("/staf/kegiatan/baru")
    response = client.post("/staf/kegiatan/baru", data=form(app, token, summary="kata " * 1_000_000))  # 5 MB
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Isian ini paling banyak 5000 karakter." in page   # the field says its limit, in Indonesian
    assert 'value="Rapat koordinasi"' in page        # the rest of the form is kept
    assert activity_count(app) == before


@pytest.mark.parametrize("raw", ["%FF%FE", "%ED%A0%80", "%C3", "%00"], ids=["invalid_utf8", "lone_surrogate", "cut_sequence", "nul"])
def test_broken_unicode_in_a_form_is_saved_as_readable_text(app, client, auth, raw):
    auth.login("writer")
    token = auth.token("/staf/kegiatan/baru")
    with app.app_context():
        unit = db.session.scalars(select(Unit.id)).first()
    body = f"csrf_token={token}&kind=audiensi&starts_on=2026-11-20&unit_id={unit}&title=Rapat{raw}x".encode()
    response = client.post("/staf/kegiatan/baru", data=body, content_type="application/x-www-form-urlencoded")
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        page = client.get(response.headers["Location"])
        assert page.status_code == 200
        with app.app_context():
            title = db.session.scalars(select(Activity.title).order_by(Activity.id.desc())).first()
        title.encode("utf-8")  # a string that can be written out again
        assert title.startswith("Rapat")

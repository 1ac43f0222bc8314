from __future__ import annotations

from sqlalchemy import select

from press.extensions import db
from press.models import Activity

from tests.conftest import EMAILS, PASSWORDS


def test_login_page_is_indonesian_by_default(client):
    page = client.get("/staf/login").get_data(as_text=True)
    assert "Masuk ke Siaran" in page
    assert 'lang="id"' in page


def test_login_then_activity_list_shows_demo_activities(client, auth):
    response = auth.login("writer")
    assert response.status_code == 302
    page = client.get("/staf/kegiatan/").get_data(as_text=True)
    assert "Kunjungan Kerja PPID Utama Kabupaten Subang" in page
    assert "Kamis, 30 September 2021" in page
    assert "Peresmian Gedung Baru Puskesmas Jatisampurna" in page


def test_wrong_password_is_refused_with_a_message(client, auth):
    response = auth.login("editor", password="wrong-password-1")
    assert response.status_code == 401
    assert "Email atau kata sandi salah." in response.get_data(as_text=True)


def test_post_without_csrf_token_is_refused_and_changes_nothing(app, client, auth):
    auth.login("writer")
    with app.app_context():
        activity = db.session.scalar(select(Activity).order_by(Activity.id))
        activity_id, unit_id, before = activity.id, activity.unit_id, activity.title
    response = client.post(
        f"/staf/kegiatan/{activity_id}/ubah",
        data={"title": "Judul palsu", "kind": "upacara", "starts_on": "2021-01-01", "unit_id": unit_id},
    )
    assert response.status_code == 400
    assert "token keamanan" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Activity, activity_id).title == before


def test_login_without_csrf_token_is_refused(client):
    response = client.post("/staf/login", data={"email": EMAILS["admin"], "password": PASSWORDS["admin"]})
    assert response.status_code == 400
    assert client.get("/staf/kegiatan/").status_code == 302


def test_login_does_not_follow_an_offsite_next(client, auth):
    token = auth.token()
    response = client.post(
        "/staf/login?next=https://evil.example/",
        data={"email": EMAILS["writer"], "password": PASSWORDS["writer"], "csrf_token": token},
    )
    assert response.status_code == 302
    assert response.headers["Location"] == "/staf/kegiatan/"


def test_session_cookie_is_httponly_and_samesite(client, auth):
    response = auth.login("writer")
    cookie = response.headers.get("Set-Cookie", "")
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie


def test_logout_ends_the_session(client, auth):
    auth.login("writer")
    assert auth.logout().status_code == 302
    assert client.get("/staf/kegiatan/").status_code == 302


def test_english_is_selectable_per_user(client, auth):
    auth.login("writer")
    token = auth.token("/staf/profil")
    response = client.post(
        "/staf/profil",
        data={"csrf_token": token, "name": "Wulan Penulis", "locale": "en", "default_credit": "", "submit": "1"},
    )
    assert response.status_code == 302
    page = client.get("/staf/kegiatan/").get_data(as_text=True)
    assert 'lang="en"' in page
    assert "Thursday, 30 September 2021" in page
    assert "Activities" in page

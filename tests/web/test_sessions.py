"""A session ends when its user logs out, changes password, is deactivated or logs out
everywhere: a copied session or remember cookie replayed afterwards opens nothing."""
from __future__ import annotations

from flask_login.utils import encode_cookie
from sqlalchemy import select

from press.extensions import db
from press.models import User

from tests.conftest import EMAILS, PASSWORDS, Auth

ACTIVITY_TITLE = "Kunjungan Kerja PPID Utama Kabupaten Subang"


def replay(app, cookie_name: str, value: str):
    """A fresh browser that only has the copied cookie, opening the activity list."""
    thief = app.test_client()
    thief.set_cookie(cookie_name, value)
    return thief.get("/staf/kegiatan/")


def assert_refused(response) -> None:
    assert response.status_code == 302
    assert "/staf/login" in response.headers["Location"]
    assert ACTIVITY_TITLE not in response.get_data(as_text=True)


def session_cookie(client) -> str:
    return client.get_cookie("session").value


def test_a_session_cookie_copied_before_logout_does_not_work_after_it(app, client, auth):
    auth.login("writer")
    copied = session_cookie(client)
    assert ACTIVITY_TITLE in replay(app, "session", copied).get_data(as_text=True)  # it did work
    auth.logout()
    assert_refused(replay(app, "session", copied))


def test_a_remember_cookie_stops_working_after_logout(app, client, auth):
    auth.login("writer")
    with app.test_request_context():
        user = db.session.scalar(select(User).where(User.email == EMAILS["writer"]))
        remember = encode_cookie(user.get_id())
    assert ACTIVITY_TITLE in replay(app, "remember_token", remember).get_data(as_text=True)
    auth.logout()
    assert_refused(replay(app, "remember_token", remember))


def test_changing_the_password_ends_the_other_sessions_and_keeps_this_one(app, client, auth):
    auth.login("writer")
    phone = app.test_client()
    Auth(phone).login("writer")
    copied = session_cookie(phone)
    response = client.post("/staf/profil", data={
        "csrf_token": auth.token("/staf/profil"),
        "pw-current": PASSWORDS["writer"], "pw-new": "sandi-baru-yang-panjang", "pw-submit": "1",
    })
    assert response.status_code == 302
    assert "Sesi di perangkat lain sudah diakhiri" in client.get("/staf/profil").get_data(as_text=True)
    assert ACTIVITY_TITLE in client.get("/staf/kegiatan/").get_data(as_text=True)
    assert_refused(phone.get("/staf/kegiatan/"))
    assert_refused(replay(app, "session", copied))


class AdminEditingTheWriter:
    """An admin in another browser saving the writer's account form."""

    def __init__(self, app):
        self.auth = Auth(app.test_client())
        self.auth.login("admin")
        with app.app_context():
            writer = db.session.scalar(select(User).where(User.email == EMAILS["writer"]))
            self.url, self.unit_id = f"/staf/admin/pengguna/{writer.id}", writer.unit_id

    def save(self, *, password: str = "", active: bool = True) -> None:
        data = {
            "csrf_token": self.auth.token(self.url), "email": EMAILS["writer"], "name": "Wulan Penulis",
            "role": "writer", "unit_id": self.unit_id, "locale": "id", "password": password,
        }
        if active:
            data["active"] = "y"
        assert self.auth.client.post(self.url, data=data).status_code == 302


def test_an_admin_password_reset_ends_the_users_sessions(app, client, auth):
    auth.login("writer")
    copied = session_cookie(client)
    AdminEditingTheWriter(app).save(password="sandi-atur-ulang-admin")
    assert_refused(client.get("/staf/kegiatan/"))
    assert_refused(replay(app, "session", copied))


def test_deactivation_ends_the_sessions_and_reactivation_does_not_revive_them(app, client, auth):
    auth.login("writer")
    copied = session_cookie(client)
    admin = AdminEditingTheWriter(app)
    admin.save(active=False)
    assert_refused(replay(app, "session", copied))
    admin.save(active=True)
    assert_refused(replay(app, "session", copied))
    assert_refused(client.get("/staf/kegiatan/"))
    assert auth.login("writer").status_code == 302  # a new login works


def test_logout_everywhere_ends_every_browser_of_the_user(app, client, auth):
    auth.login("editor")
    laptop = app.test_client()
    Auth(laptop).login("editor")
    copied = session_cookie(laptop)
    page = client.get("/staf/profil").get_data(as_text=True)
    assert "Keluar dari semua perangkat" in page
    response = client.post("/staf/keluar-semua", data={"csrf_token": auth.token("/staf/profil")})
    assert response.status_code == 302
    assert "Anda sudah keluar dari semua perangkat" in client.get("/staf/login").get_data(as_text=True)
    assert_refused(client.get("/staf/kegiatan/"))
    assert_refused(laptop.get("/staf/kegiatan/"))
    assert_refused(replay(app, "session", copied))
    assert auth.login("editor").status_code == 302


def test_logout_everywhere_needs_the_form_token(app, client, auth):
    auth.login("editor")
    assert client.post("/staf/keluar-semua", data={}).status_code == 400
    assert ACTIVITY_TITLE in client.get("/staf/kegiatan/").get_data(as_text=True)

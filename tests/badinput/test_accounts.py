"""Account and unit input: passwords of spaces, and names that only look the same
(zero-width and bidi characters, full-width letters) are refused with a reason."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from press.extensions import db
from press.models import Unit, User

from tests.conftest import EMAILS, PASSWORDS

WEAK_PASSWORDS = {
    "ten_spaces": " " * 10,
    "tabs_and_spaces": "\t \t \t \t \t \t",
    "one_letter_padded": "a" + " " * 12,
    "nine_letters_spaced": "a b c d e f g h i",
}
TOO_SHORT = "Kata sandi minimal 10 karakter, tidak termasuk spasi."


def _count_users(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count(User.id)))


@pytest.mark.parametrize("password", WEAK_PASSWORDS.values(), ids=WEAK_PASSWORDS.keys())
def test_cli_refuses_a_password_of_spaces(app, runner, password):
    before = _count_users(app)
    result = runner.invoke(args=["users", "create", "--role", "writer", "baru@siaran.test", "--password", password])
    assert result.exit_code != 0
    assert TOO_SHORT in result.output
    assert _count_users(app) == before


def _a_unit_id(app) -> int:
    """Every account belongs to a unit: the form's first."""
    with app.app_context():
        return db.session.scalar(select(Unit.id).order_by(Unit.id))


@pytest.mark.parametrize("password", WEAK_PASSWORDS.values(), ids=WEAK_PASSWORDS.keys())
def test_the_admin_form_refuses_a_password_of_spaces(app, client, auth, password):
    auth.login("admin")
    before = _count_users(app)
    response = client.post("/staf/admin/pengguna/baru", data={
        "csrf_token": auth.token("/staf/admin/pengguna/baru"), "email": "baru@siaran.test", "name": "Pegawai Baru",
        "role": "writer", "unit_id": _a_unit_id(app), "locale": "id", "password": password})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert TOO_SHORT in page
    assert _count_users(app) == before


def test_an_admin_reset_to_spaces_is_refused_and_the_old_password_kept(app, client, auth):
    auth.login("admin")
    with app.app_context():
        writer = db.session.scalar(select(User).where(User.email == EMAILS["writer"]))
        writer_id, unit_id = writer.id, writer.unit_id
    response = client.post(f"/staf/admin/pengguna/{writer_id}", data={
        "csrf_token": auth.token(f"/staf/admin/pengguna/{writer_id}"), "email": EMAILS["writer"],
        "name": "Wulan Penulis", "role": "writer", "unit_id": unit_id, "locale": "id",
        "password": " " * 12, "active": "y"})
    assert response.status_code == 200
    assert TOO_SHORT in response.get_data(as_text=True)
    auth.logout()
    assert auth.login("writer").status_code == 302


def test_the_profile_refuses_a_new_password_of_one_letter_and_spaces(app, client, auth):
    auth.login("writer")
    response = client.post("/staf/profil", data={
        "csrf_token": auth.token("/staf/profil"), "pw-current": PASSWORDS["writer"],
        "pw-new": "x" + " " * 11, "pw-submit": "1"})
    assert response.status_code == 200
    assert TOO_SHORT in response.get_data(as_text=True)
    auth.logout()
    assert auth.login("writer").status_code == 302


LOOK_ALIKE_UNITS = {
    "zero_width_space": "Dinas Kese\u200bhatan Kota Bekasi",
    "zero_width_joiner": "Dinas\u200d Kesehatan Kota Bekasi",
    "bidi_override": "\u202dDinas Kesehatan Kota Bekasi\u202c",
    "byte_order_mark": "\ufeffDinas Kesehatan Kota Bekasi",
    "full_width": "Ｄｉｎａｓ Kesehatan Kota Bekasi",
    "extra_spaces": "Dinas   Kesehatan\u00a0Kota Bekasi ",
    "soft_hyphen_and_case": "DINAS KESE\u00adHATAN KOTA BEKASI",
}


@pytest.mark.parametrize("name", LOOK_ALIKE_UNITS.values(), ids=LOOK_ALIKE_UNITS.keys())
def test_a_look_alike_unit_is_refused(app, client, auth, name):
    auth.login("admin")
    with app.app_context():
        before = db.session.scalar(select(func.count(Unit.id)))
    response = client.post("/staf/admin/unit", data={"csrf_token": auth.token("/staf/admin/unit"), "name": name})
    assert "Unit Dinas Kesehatan Kota Bekasi sudah ada." in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(func.count(Unit.id))) == before


def test_renaming_a_unit_to_a_look_alike_of_another_is_refused(app, client, auth):
    auth.login("admin")
    with app.app_context():
        unit_id = db.session.scalar(select(Unit.id).where(Unit.abbreviation == "Diskominfostandi"))
    response = client.post(f"/staf/admin/unit/{unit_id}", data={
        "csrf_token": auth.token(f"/staf/admin/unit/{unit_id}"), "name": "Dinas Kesehatan\u2060 Kota Bekasi",
        "abbreviation": "Diskominfostandi"})
    assert "Unit Dinas Kesehatan Kota Bekasi sudah ada." in response.get_data(as_text=True)


def test_a_new_unit_is_stored_without_invisible_characters(app, client, auth):
    auth.login("admin")
    response = client.post("/staf/admin/unit", data={
        "csrf_token": auth.token("/staf/admin/unit"), "name": " Dinas\u200b  Perhubungan\u202e Kota Bekasi ",
        "abbreviation": "Dis\u200bhub"})
    assert response.status_code == 302
    with app.app_context():
        unit = db.session.scalar(select(Unit).where(Unit.abbreviation == "Dishub"))
        assert unit.name == "Dinas Perhubungan Kota Bekasi"
        assert unit.slug == "dishub"


@pytest.mark.parametrize("email", [
    "redaktur\u200b@siaran.test", "\u202eredaktur@siaran.test", "ＲＥＤＡＫＴＵＲ@siaran.test", " Redaktur@Siaran.Test\u200c"])
def test_a_look_alike_email_is_the_same_account(app, runner, email):
    before = _count_users(app)
    result = runner.invoke(args=["users", "create", "--role", "writer", email, "--password", "sandi-yang-panjang"])
    assert result.exit_code != 0
    assert "redaktur@siaran.test sudah punya akun." in result.output
    assert _count_users(app) == before


def test_a_user_name_is_stored_without_invisible_characters(app, client, auth):
    auth.login("admin")
    response = client.post("/staf/admin/pengguna/baru", data={
        "csrf_token": auth.token("/staf/admin/pengguna/baru"), "email": "baru@siaran.test",
        "name": "Rina\u200b  Redaktur\u202e", "role": "writer", "unit_id": _a_unit_id(app), "locale": "id",
        "password": "kata-sandi-panjang"})
    assert response.status_code == 302
    with app.app_context():
        assert db.session.scalar(select(User.name).where(User.email == "baru@siaran.test")) == "Rina Redaktur"


def test_a_name_of_only_invisible_characters_is_refused(app, client, auth):
    auth.login("writer")
    response = client.post("/staf/profil", data={
        "csrf_token": auth.token("/staf/profil"), "name": "\u200b\u200b\u202e", "locale": "id",
        "default_credit": "", "submit": "1"})
    assert "Nama pengguna tidak boleh kosong." in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(User.name).where(User.email == EMAILS["writer"])) == "Wulan Penulis"

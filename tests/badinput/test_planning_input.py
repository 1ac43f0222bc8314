"""Bad input to the planning forms and commands: each refused with its reason in
Indonesian (4xx on the pages, exit 1 at the command line), nothing assigned, no
notification sent, never a 500 or a traceback."""
from __future__ import annotations

import html

import pytest
from sqlalchemy import func, select

from press.codes import ActivityState
from press.extensions import db
from press.models import Activity, Assignment, Notification, User
from press.services import planning

PLANNED_TITLE = "Audiensi Persatuan Wartawan Indonesia Kota Bekasi dengan Wali Kota"


def _ids(app, email: str = "penulis@siaran.test") -> tuple[int, int]:
    with app.app_context():
        activity = db.session.scalar(select(Activity.id).where(Activity.title == PLANNED_TITLE))
        return activity, db.session.scalar(select(User.id).where(User.email == email))


def _counts(app) -> tuple[int, int]:
    with app.app_context():
        return (db.session.scalar(select(func.count()).select_from(Assignment)),
                db.session.scalar(select(func.count()).select_from(Notification)))


@pytest.mark.parametrize("form, reason", [
    ({"note": "x" * 301}, "Catatan penugasan paling panjang 300 karakter; yang dikirim 301."),
    ({"role": "sopir"}, "Tugas sopir tidak dikenal; pilih fotografer atau penulis."),
    ({"user_id": "abc"}, "Pilih staf yang ditugaskan; tidak ada yang diubah."),
    ({"user_id": "99999999999999999999"}, "Pilih staf yang ditugaskan; tidak ada yang diubah."),
    ({"user_id": "424242"}, "Pilih staf yang ditugaskan; tidak ada yang diubah."),
], ids=["note_too_long", "unknown_role", "user_not_a_number", "user_huge", "user_unknown"])
def test_an_assignment_form_with_bad_input_is_refused_with_the_reason(app, client, auth, form, reason):
    activity_id, writer_id = _ids(app, "admin@siaran.test")
    before = _counts(app)
    auth.login("editor")
    response = client.post(f"/staf/kegiatan/{activity_id}/tugas",
                           data={"csrf_token": auth.token(), "user_id": writer_id, **form})
    assert response.status_code == 400
    assert reason in html.unescape(response.get_data(as_text=True))
    assert _counts(app) == before


def test_an_inactive_account_or_a_cancelled_activity_takes_no_assignment(app, client, auth):
    activity_id, writer_id = _ids(app)
    with app.app_context():
        admin = db.session.scalar(select(User).where(User.email == "admin@siaran.test"))
        retired = db.session.get(User, writer_id)
        retired.active = False
        db.session.commit()
    before = _counts(app)
    auth.login("editor")
    refused = client.post(f"/staf/kegiatan/{activity_id}/tugas", data={"csrf_token": auth.token(), "user_id": writer_id})
    assert refused.status_code == 400
    assert "Akun penulis@siaran.test tidak aktif; pilih staf lain." in refused.get_data(as_text=True)
    with app.app_context():
        planning.set_state(db.session, db.session.get(Activity, activity_id), ActivityState.CANCELLED,
                           actor=db.session.merge(admin))
        db.session.commit()
    before = _counts(app)
    refused = client.post(f"/staf/kegiatan/{activity_id}/tugas",
                          data={"csrf_token": auth.token(), "user_id": _ids(app, "admin@siaran.test")[1]})
    assert refused.status_code == 400
    assert "Kegiatan ini sudah batal" in refused.get_data(as_text=True)
    assert _counts(app) == before


def test_an_unknown_state_is_refused_with_the_reason(app, client, auth):
    activity_id, _writer = _ids(app)
    auth.login("editor")
    response = client.post(f"/staf/kegiatan/{activity_id}/status", data={"csrf_token": auth.token(), "state": "ditunda"})
    assert response.status_code == 400
    assert "Status kegiatan ditunda tidak dikenal." in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Activity, activity_id).state == ActivityState.PLANNED


@pytest.mark.parametrize("args, reason", [
    (["--user", "nobody@siaran.test", "--as", "redaktur@siaran.test"], "Tidak ada akun nobody@siaran.test."),
    (["--user", "fotografer@siaran.test", "--as", "penulis@siaran.test"], "Hanya redaktur dan admin"),
    (["--user", "fotografer@siaran.test", "--as", "redaktur@siaran.test", "--note", "y" * 400],
     "Catatan penugasan paling panjang 300 karakter; yang dikirim 400."),
], ids=["unknown_user", "writer_acting", "note_too_long"])
def test_activities_assign_refuses_with_the_reason(app, runner, args, reason):
    activity_id, _writer = _ids(app)
    before = _counts(app)
    result = runner.invoke(args=["activities", "assign", str(activity_id), *args])
    assert result.exit_code == 1 and reason in result.output
    assert "Traceback" not in result.output
    assert _counts(app) == before


def test_activities_assign_to_an_activity_that_does_not_exist(runner):
    result = runner.invoke(args=["activities", "assign", "424242", "--user", "fotografer@siaran.test",
                                 "--as", "redaktur@siaran.test"])
    assert result.exit_code == 1 and "Kegiatan 424242 tidak ada." in result.output

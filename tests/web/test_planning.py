"""Planning: an editor assigns staff to an activity, the assigned see it under "Tugas saya"
and are told in the app; the state moves as each role may move it, through the pages and
through the service called directly."""
from __future__ import annotations

from datetime import time, timedelta

import pytest
from sqlalchemy import select

from press.codes import ActivityState, NotificationKind, Role
from press.dates import office_today
from press.extensions import db
from press.models import Activity, Assignment, Notification, Unit, User
from press.services import planning
from press.services.activities import ActivityData, create_activity, update_activity


def _user(role: str) -> User:
    return db.session.scalar(select(User).where(User.email.like("%@siaran.test"), User.role == role))


def _activity(title: str, days_ahead: int = 0, at: time | None = time(9, 0)) -> Activity:
    unit = db.session.scalar(select(Unit).limit(1))
    activity = create_activity(db.session, ActivityData(
        title=title, kind="rapat_koordinasi", starts_on=office_today() + timedelta(days=days_ahead),
        starts_at_time=at, unit_id=unit.id), actor=_user(Role.EDITOR))
    db.session.commit()
    return activity


def _notifications(user: User) -> list[tuple[str, int]]:
    return [(n.kind, n.activity_id) for n in planning.notifications_for(db.session, user)]


@pytest.mark.parametrize("role", [Role.WRITER, Role.PHOTOGRAPHER])
def test_the_service_refuses_an_assignment_by_a_role_that_does_not_plan(ctx, role):
    activity = _activity("Rapat Persiapan Pameran UMKM")
    with pytest.raises(planning.NotAllowed, match="Hanya redaktur dan admin"):
        planning.assign(db.session, activity, _user(Role.PHOTOGRAPHER), "photographer", actor=_user(role))
    db.session.rollback()
    assert db.session.scalar(select(Assignment).where(Assignment.activity_id == activity.id)) is None


def test_only_the_assigned_mark_an_activity_covered_and_they_never_cancel_it(ctx):
    activity = _activity("Rapat Persiapan Car Free Day")
    photographer, writer, editor = _user(Role.PHOTOGRAPHER), _user(Role.WRITER), _user(Role.EDITOR)
    with pytest.raises(planning.NotAllowed):
        planning.set_state(db.session, activity, ActivityState.COVERED, actor=photographer)
    planning.assign(db.session, activity, photographer, "photographer", actor=editor)
    planning.set_state(db.session, activity, ActivityState.COVERED, actor=photographer)
    assert activity.state == ActivityState.COVERED
    with pytest.raises(planning.NotAllowed, match="hanya dapat menandai"):
        planning.set_state(db.session, activity, ActivityState.CANCELLED, actor=photographer)
    with pytest.raises(planning.NotAllowed):
        planning.set_state(db.session, activity, ActivityState.DONE, actor=writer)
    planning.set_state(db.session, activity, ActivityState.CANCELLED, actor=editor)
    assert activity.state == ActivityState.CANCELLED
    assert (NotificationKind.CANCELLED, activity.id) in _notifications(photographer)


def test_my_assignments_hold_today_and_the_week_ahead_only(ctx):
    photographer, editor = _user(Role.PHOTOGRAPHER), _user(Role.EDITOR)
    today = _activity("Apel Pagi Gabungan", 0)
    soon = _activity("Pameran Pembangunan", 3)
    later = _activity("Festival Kuliner", 9)
    for activity in (today, soon, later):
        planning.assign(db.session, activity, photographer, "photographer", actor=editor)
    mine = planning.my_assignments(db.session, photographer)
    assert today.id in [a.activity_id for a in mine.today]
    assert soon.id in [a.activity_id for a in mine.week]
    assert later.id not in [a.activity_id for a in mine.today + mine.week]


def test_a_change_of_time_tells_everyone_assigned_but_whoever_changed_it(ctx):
    photographer, writer, editor = _user(Role.PHOTOGRAPHER), _user(Role.WRITER), _user(Role.EDITOR)
    activity = _activity("Rapat Evaluasi Banjir", 1, time(9, 0))
    planning.assign(db.session, activity, photographer, "photographer", actor=editor)
    planning.assign(db.session, activity, writer, "writer", actor=editor)
    db.session.commit()
    data = ActivityData(title=activity.title, kind=activity.kind, starts_on=activity.starts_on,
                        starts_at_time=time(13, 30), unit_id=activity.unit_id)
    update_activity(db.session, activity, data, actor=writer)
    db.session.commit()
    moved = db.session.scalars(select(Notification).where(Notification.activity_id == activity.id,
                                                          Notification.kind == NotificationKind.TIME_CHANGED)).all()
    assert [n.user_id for n in moved] == [photographer.id]
    assert moved[0].data == {"before_date": activity.starts_on.isoformat(), "before_time": "09:00"}
    update_activity(db.session, activity, data, actor=editor)
    assert len(db.session.scalars(select(Notification).where(
        Notification.kind == NotificationKind.TIME_CHANGED, Notification.activity_id == activity.id)).all()) == 1


def test_the_editor_assigns_and_the_photographer_sees_it_under_tugas_saya_and_in_notifications(app, client, auth):
    with app.app_context():
        activity_id = _activity("Peninjauan Pasar Baru", 0, time(14, 0)).id
        photographer_id = _user(Role.PHOTOGRAPHER).id
    auth.login("editor")
    page = client.get(f"/staf/kegiatan/{activity_id}").get_data(as_text=True)
    assert "Perencanaan" in page and "Direncanakan" in page and "Tugaskan" in page
    response = client.post(f"/staf/kegiatan/{activity_id}/tugas", data={
        "csrf_token": auth.token(), "user_id": photographer_id, "role": "", "note": "Bawa lensa tele"})
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Fajar Fotografer ditugaskan sebagai Fotografer." in page and "Bawa lensa tele" in page
    auth.logout()

    auth.login("photographer")
    mine = client.get("/staf/tugas").get_data(as_text=True)
    today = mine.split('id="hari-ini"')[1].split('id="minggu-ini"')[0]
    assert "Peninjauan Pasar Baru" in today and "14.00 WIB" in today and "Bawa lensa tele" in today
    assert '<span class="badge">' in mine
    notices = client.get("/staf/notifikasi").get_data(as_text=True)
    assert "Penugasan baru" in notices and "Peninjauan Pasar Baru" in notices
    client.post("/staf/notifikasi/baca", data={"csrf_token": auth.token("/staf/notifikasi")})
    assert '<span class="badge">' not in client.get("/staf/tugas").get_data(as_text=True)

    page = client.get(f"/staf/kegiatan/{activity_id}").get_data(as_text=True)
    assert "Tugaskan" not in page and "Tandai diliput" in page and "Tandai dibatalkan" not in page
    response = client.post(f"/staf/kegiatan/{activity_id}/status",
                           data={"csrf_token": auth.token(), "state": "diliput"})
    assert response.status_code == 302
    with app.app_context():
        assert db.session.get(Activity, activity_id).state == ActivityState.COVERED


def test_a_photographer_not_assigned_is_refused_with_the_reason(app, client, auth):
    with app.app_context():
        activity_id = _activity("Rapat Anggaran Perubahan").id
    auth.login("photographer")
    response = client.post(f"/staf/kegiatan/{activity_id}/status",
                           data={"csrf_token": auth.token(), "state": "diliput"})
    assert response.status_code == 403
    assert "Hanya staf yang ditugaskan ke kegiatan ini" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Activity, activity_id).state == ActivityState.PLANNED


def test_the_english_pages_name_states_and_notifications_in_english(app, client, auth):
    with app.app_context():
        photographer = _user(Role.PHOTOGRAPHER)
        photographer.locale = "en"
        activity = _activity("Rapat Persiapan Hari Jadi")
        planning.assign(db.session, activity, photographer, "photographer", actor=_user(Role.EDITOR))
        db.session.commit()
    auth.login("photographer")
    assert "New assignment" in client.get("/staf/notifikasi").get_data(as_text=True)
    assert "Planned" in client.get("/staf/tugas").get_data(as_text=True)


def test_the_activity_list_shows_each_activitys_state(client, auth):
    auth.login("writer")
    rows = client.get("/staf/kegiatan/").get_data(as_text=True).split("<tr>")[2:]
    audience = next(row for row in rows if "Audiensi Persatuan Wartawan" in row)
    visit = next(row for row in rows if "Kunjungan Kerja PPID Utama" in row)
    assert "Direncanakan" in audience and "Selesai" in visit

"""The public agenda: /agenda by day and unit, the entry page, /agenda.ics (parsed with the
``icalendar`` library), who may put an activity on it, and ``flask agenda``."""
from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta, timezone

import icalendar
import pytest
from sqlalchemy import select
from werkzeug.http import parse_date

from press.codes import ActivityKind, ActivityState, PpidClass
from press.dates import OFFICE_ZONE, office_today
from press.extensions import db
from press.models import Activity, Unit, User, Venue
from press.services import agenda, planning
from press.services.activities import ActivityData, ActivityError, create_activity, update_activity

INVITATION = "Peluncuran Aplikasi Layanan Informasi Publik Kota Bekasi"
CANCELLED = "Bakti Sosial Pengobatan Gratis Kelurahan Jatimulya"
PRIVATE = "Rapat Internal Persiapan Kunjungan Menteri"


def _user(role: str) -> User:
    return db.session.scalar(select(User).where(User.role == role).order_by(User.id))


def _add(title: str, *, day: date, on_agenda: bool, unit: str = "Dinkes", **extra) -> int:
    unit_id = db.session.scalar(select(Unit.id).where(Unit.abbreviation == unit))
    venue_id = db.session.scalar(select(Venue.id).order_by(Venue.id))
    activity = create_activity(db.session, ActivityData(
        title=title, kind=ActivityKind.RAPAT_KOORDINASI, starts_on=day, starts_at_time=time(14, 0),
        unit_id=unit_id, venue_id=venue_id, on_agenda=on_agenda, **extra), actor=None)
    db.session.commit()
    return activity.id


@pytest.fixture
def private_today(app):
    """An activity of today the editors have not put on the agenda."""
    with app.app_context():
        return _add(PRIVATE, day=office_today(), on_agenda=False)


def _calendar(response) -> icalendar.Calendar:
    assert response.status_code == 200
    assert response.mimetype == "text/calendar"
    return icalendar.Calendar.from_ical(response.get_data())


def _events(calendar: icalendar.Calendar) -> dict[str, icalendar.Event]:
    return {str(event["summary"]): event for event in calendar.walk("VEVENT")}


def test_the_agenda_lists_marked_activities_and_never_the_others(app, visitor, private_today):
    page = visitor.get("/agenda").get_data(as_text=True)
    assert INVITATION in page and CANCELLED in page
    assert "Dibatalkan" in page
    assert PRIVATE not in page
    assert visitor.get(f"/agenda/kegiatan/{private_today}").status_code == 404
    assert PRIVATE not in visitor.get("/agenda/dinkes").get_data(as_text=True)
    for url in ("/agenda.ics", "/agenda/dinkes.ics"):
        assert PRIVATE not in visitor.get(url).get_data(as_text=True)


def test_today_this_week_and_after_are_the_office_days(app):
    with app.app_context():
        wednesday = date(2031, 1, 8)
        for title, day in (("Hari ini", wednesday), ("Ahad", date(2031, 1, 12)), ("Senin depan", date(2031, 1, 13)),
                           ("Kemarin", date(2031, 1, 7))):
            _add(title, day=day, on_agenda=True)
        page = agenda.agenda_page(db.session, wednesday)
        assert [a.title for a in page.on_today] == ["Hari ini"]
        assert [a.title for a in page.this_week] == ["Ahad"]
        assert [a.title for a in page.upcoming] == ["Senin depan"]


def test_the_agenda_by_unit_shows_only_that_unit(app, visitor):
    with app.app_context():
        _add("Rapat Kerja Diskominfostandi", day=office_today(), on_agenda=True, unit="Diskominfostandi")
    index = visitor.get("/agenda").get_data(as_text=True)
    assert 'href="/agenda/dinkes"' in index and 'href="/agenda/diskominfostandi"' in index
    dinkes = visitor.get("/agenda/dinkes").get_data(as_text=True)
    assert CANCELLED in dinkes
    assert "Rapat Kerja Diskominfostandi" not in dinkes and INVITATION not in dinkes
    events = _events(_calendar(visitor.get("/agenda/dinkes.ics")))
    assert list(events) == [f"DIBATALKAN: {CANCELLED}"]
    assert visitor.get("/agenda/tidak-ada").status_code == 404
    assert visitor.get("/agenda/tidak-ada.ics").status_code == 404


def test_the_calendar_parses_and_a_cancelled_activity_stays_cancelled(app, visitor, demo_day):
    response = visitor.get("/agenda.ics")
    assert response.headers["Content-Disposition"] == 'attachment; filename="agenda.ics"'
    calendar = _calendar(response)
    assert calendar["version"] == "2.0"
    assert [zone["tzid"] for zone in calendar.walk("VTIMEZONE")] == ["Asia/Jakarta"]
    events = _events(calendar)
    invitation = events[INVITATION]
    tomorrow = demo_day + timedelta(days=1)
    assert invitation.decoded("dtstart") == datetime.combine(tomorrow, time(9, 0), tzinfo=OFFICE_ZONE)
    assert invitation.decoded("dtend") == datetime.combine(tomorrow, time(11, 0), tzinfo=OFFICE_ZONE)
    assert invitation["status"] == "CONFIRMED"
    assert "Pakaian: Batik lengan panjang" in invitation["description"]
    assert invitation["contact"] == "Diah Setiyawati, Bagian Humas Setda (0812-8000-1234)"
    assert invitation["location"].startswith("Aula Nonon Sonthanie")
    assert str(invitation["url"]).endswith(f"/agenda/kegiatan/{str(invitation['uid']).split('-')[1].split('@')[0]}")
    cancelled = events[f"DIBATALKAN: {CANCELLED}"]
    assert cancelled["status"] == "CANCELLED"
    assert b"STATUS:CANCELLED" in response.get_data()
    assert len({str(e["uid"]) for e in events.values()}) == len(events)


def test_a_calendar_subscriber_sees_a_cancellation_at_once(app, visitor):
    """The page cache keeps the anonymous calendar; cancelling drops it."""
    before = _events(_calendar(visitor.get("/agenda.ics")))
    assert before[INVITATION]["status"] == "CONFIRMED"
    with app.app_context():
        activity = db.session.scalar(select(Activity).where(Activity.title == INVITATION))
        planning.set_state(db.session, activity, ActivityState.CANCELLED, actor=_user("editor"))
        db.session.commit()
    app.config["PAGE_CACHE_CHECK_SECONDS"] = 0
    after = _events(_calendar(visitor.get("/agenda.ics")))
    assert after[f"DIBATALKAN: {INVITATION}"]["status"] == "CANCELLED"
    page = visitor.get("/agenda").get_data(as_text=True)
    assert "Dibatalkan" in page.split(INVITATION, 1)[1].split("</li>", 1)[0]


def test_the_agenda_is_never_last_modified_before_the_office_midnight(app, visitor):
    moment = parse_date(visitor.get("/agenda").headers["Last-Modified"])
    midnight = datetime.combine(office_today(), time(0), tzinfo=OFFICE_ZONE).astimezone(timezone.utc)
    assert moment >= midnight


def test_the_entry_page_tells_time_place_dress_code_and_contact(app, visitor):
    with app.app_context():
        invitation = db.session.scalar(select(Activity.id).where(Activity.title == INVITATION))
        cancelled = db.session.scalar(select(Activity.id).where(Activity.title == CANCELLED))
    page = visitor.get(f"/agenda/kegiatan/{invitation}").get_data(as_text=True)
    for fact in ("09.00–11.00 WIB", "Aula Nonon Sonthanie", "Batik lengan panjang",
                 "Diah Setiyawati, Bagian Humas Setda (0812-8000-1234)", "Undangan liputan"):
        assert fact in page
    assert "Kegiatan ini dibatalkan." not in page
    assert "Kegiatan ini dibatalkan." in visitor.get(f"/agenda/kegiatan/{cancelled}").get_data(as_text=True)


def test_only_agenda_editors_put_an_activity_on_the_agenda_even_without_the_web(app):
    with app.app_context():
        activity_id = _add(PRIVATE, day=office_today(), on_agenda=False)
        activity = db.session.get(Activity, activity_id)
        data = ActivityData(title=activity.title, kind=activity.kind, starts_on=activity.starts_on,
                            unit_id=activity.unit_id, on_agenda=True)
        with pytest.raises(ActivityError) as refused:
            update_activity(db.session, activity, data, actor=_user("writer"))
        assert "Hanya redaktur" in str(refused.value)
        db.session.rollback()
        with pytest.raises(ActivityError):
            create_activity(db.session, data, actor=_user("photographer"))
        db.session.rollback()
        update_activity(db.session, db.session.get(Activity, activity_id), data, actor=_user("editor"))
        db.session.commit()
        assert db.session.get(Activity, activity_id).on_agenda is True


def test_a_writer_editing_an_agenda_activity_keeps_it_on_the_agenda(app, client, auth):
    with app.app_context():
        activity = db.session.scalar(select(Activity).where(Activity.title == INVITATION))
        activity_id, unit_id, day = activity.id, activity.unit_id, activity.starts_on.isoformat()
    auth.login("writer")
    form = client.get(f"/staf/kegiatan/{activity_id}/ubah").get_data(as_text=True)
    assert 'name="on_agenda"' not in form
    assert 'value="Batik lengan panjang"' in form
    response = client.post(f"/staf/kegiatan/{activity_id}/ubah", data={
        "csrf_token": auth.token(f"/staf/kegiatan/{activity_id}/ubah"), "title": INVITATION,
        "kind": "undangan_liputan", "starts_on": day, "unit_id": unit_id, "venue_id": 0,
        "dress_code": "Batik", "contact": "Humas",
    })
    assert response.status_code == 302
    with app.app_context():
        activity = db.session.get(Activity, activity_id)
        assert activity.on_agenda is True and activity.dress_code == "Batik"


def test_an_editor_takes_an_activity_off_the_agenda_from_the_form(app, client, auth, visitor):
    with app.app_context():
        activity = db.session.scalar(select(Activity).where(Activity.title == INVITATION))
        activity_id, unit_id, day = activity.id, activity.unit_id, activity.starts_on.isoformat()
    auth.login("editor")
    form = client.get(f"/staf/kegiatan/{activity_id}/ubah").get_data(as_text=True)
    assert 'name="on_agenda"' in form
    response = client.post(f"/staf/kegiatan/{activity_id}/ubah", data={
        "csrf_token": auth.token(f"/staf/kegiatan/{activity_id}/ubah"), "title": INVITATION,
        "kind": "undangan_liputan", "starts_on": day, "unit_id": unit_id, "venue_id": 0,
    })
    assert response.status_code == 302
    app.config["PAGE_CACHE_CHECK_SECONDS"] = 0
    assert INVITATION not in visitor.get("/agenda").get_data(as_text=True)
    assert visitor.get(f"/agenda/kegiatan/{activity_id}").status_code == 404


# -- flask agenda -------------------------------------------------------------------


def test_flask_agenda_lists_the_week_as_json(runner, demo_day):
    result = runner.invoke(args=["agenda", "--json"])
    assert result.exit_code == 0, result.output
    rows = {row["title"]: row for row in map(json.loads, result.output.splitlines())}
    assert set(rows) == {INVITATION, CANCELLED}
    assert rows[CANCELLED]["state"] == "batal"
    assert rows[INVITATION]["dress_code"] == "Batik lengan panjang"
    assert rows[INVITATION]["date"] == (demo_day + timedelta(days=1)).isoformat()
    text = runner.invoke(args=["agenda"]).output
    assert f"[Dibatalkan] {CANCELLED}" in text


def test_flask_agenda_writes_a_calendar_file(runner, tmp_path):
    target = tmp_path / "agenda.ics"
    result = runner.invoke(args=["agenda", "--ics", str(target)])
    assert result.exit_code == 0, result.output
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    statuses = {str(e["uid"]): str(e["status"]) for e in calendar.walk("VEVENT")}
    assert sorted(statuses.values()) == ["CANCELLED", "CONFIRMED"]
    assert all(uid.endswith("@siaran") for uid in statuses)


@pytest.mark.parametrize("args, reason", [
    (["--from", "2021-10-05", "--to", "2021-10-01"], "berakhir (2021-10-01) sebelum dimulai (2021-10-05)"),
    (["--from", "2020-01-01", "--to", "2021-12-31"], "paling panjang 366 hari; periode ini 731 hari"),
    (["--from", "30-09-2021"], "'30-09-2021' does not match the format '%Y-%m-%d'"),
])
def test_flask_agenda_refuses_a_period_it_cannot_list(runner, args, reason):
    result = runner.invoke(args=["agenda", *args])
    assert result.exit_code == 2
    assert reason in result.output


def test_flask_agenda_at_the_end_of_the_calendar_lists_nothing(runner):
    result = runner.invoke(args=["agenda", "--from", "9999-12-30", "--json"])
    assert result.exit_code == 0 and result.output == ""


@pytest.mark.parametrize("url", [
    "/agenda/kegiatan/abc", "/agenda/kegiatan/-1", "/agenda/kegiatan/0", "/agenda/kegiatan/99999999999999999999",
    "/agenda/kegiatan/999999", "/agenda/%00", "/agenda/%00.ics", "/agenda/..%2F..%2Fetc%2Fpasswd.ics", "/agenda/.ics",
])
def test_a_bad_agenda_address_is_not_found(visitor, url):
    response = visitor.get(url)
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.get_data(as_text=True)


def test_the_static_export_carries_the_agenda_and_its_calendar_as_a_file(runner, tmp_path):
    folder = tmp_path / "situs"
    result = runner.invoke(args=["site", "export", str(folder), "--base-url", "https://humas.example.go.id"])
    assert result.exit_code == 0, result.output
    assert INVITATION in (folder / "agenda" / "index.html").read_text("utf-8")
    calendar = icalendar.Calendar.from_ical((folder / "agenda.ics").read_bytes())
    assert INVITATION in _events(calendar)
    assert (folder / "agenda" / "dinkes.ics").is_file()
    assert 'href="../agenda.ics"' in (folder / "agenda" / "index.html").read_text("utf-8")


def test_an_exempt_activity_marked_for_the_agenda_stays_off_it(app, visitor):
    with app.app_context():
        exempt = _add("Rapat Seleksi Terbatas", day=office_today(), on_agenda=True)
        db.session.get(Activity, exempt).ppid_class = PpidClass.DIKECUALIKAN
        db.session.commit()
    assert "Rapat Seleksi Terbatas" not in visitor.get("/agenda").get_data(as_text=True)
    assert visitor.get(f"/agenda/kegiatan/{exempt}").status_code == 404
    assert "Rapat Seleksi Terbatas" not in visitor.get("/agenda.ics").get_data(as_text=True)

from __future__ import annotations

from sqlalchemy import select

from press.extensions import db
from press.models import Activity, AuditEvent, Unit, Venue


def _unit_and_venue(app):
    with app.app_context():
        unit = db.session.scalar(select(Unit).where(Unit.abbreviation == "Dinkes"))
        venue = db.session.scalar(select(Venue).limit(1))
        return unit.id, venue.id


def test_writer_creates_an_activity_with_participants(app, client, auth):
    unit_id, venue_id = _unit_and_venue(app)
    auth.login("writer")
    token = auth.token("/staf/kegiatan/baru")
    response = client.post("/staf/kegiatan/baru", data={
        "csrf_token": token,
        "title": "Rapat Koordinasi Penanganan Stunting",
        "kind": "rapat_koordinasi",
        "starts_on": "2021-10-20",
        "starts_at_time": "09:30",
        "unit_id": unit_id,
        "venue_id": venue_id,
        "participants-0-role": "host",
        "participants-0-title": "Sekretaris Daerah",
        "participants-0-name": "Reny Hendrawati",
        "participants-0-organisation": "Pemerintah Kota Bekasi",
        "participants-1-role": "attendee",
        "participants-1-title": "",
        "participants-1-name": "",
        "participants-1-organisation": "",
    })
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Rapat Koordinasi Penanganan Stunting" in page
    assert "Rabu, 20 Oktober 2021, 09.30" in page
    assert "Reny Hendrawati" in page and "Sekretaris Daerah" in page
    with app.app_context():
        activity = db.session.scalar(select(Activity).where(Activity.kind == "rapat_koordinasi"))
        assert [p.name for p in activity.participants] == ["Reny Hendrawati"]
        assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "activity.created", AuditEvent.object_id == activity.id)).actor.role == "writer"


def test_invalid_activity_form_keeps_what_was_typed(app, client, auth):
    unit_id, _venue_id = _unit_and_venue(app)
    auth.login("writer")
    token = auth.token("/staf/kegiatan/baru")
    response = client.post("/staf/kegiatan/baru", data={
        "csrf_token": token, "title": "Sosialisasi Tanpa Tanggal", "kind": "sosialisasi",
        "starts_on": "", "unit_id": unit_id, "venue_id": 0,
    })
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert 'value="Sosialisasi Tanpa Tanggal"' in page
    with app.app_context():
        assert db.session.scalar(select(Activity).where(Activity.title == "Sosialisasi Tanpa Tanggal")) is None


def test_activity_ending_before_it_starts_is_refused(app, client, auth):
    unit_id, _venue_id = _unit_and_venue(app)
    auth.login("editor")
    token = auth.token("/staf/kegiatan/baru")
    response = client.post("/staf/kegiatan/baru", data={
        "csrf_token": token, "title": "Upacara Terbalik", "kind": "upacara", "starts_on": "2021-10-01",
        "starts_at_time": "10:00", "ends_at_time": "08:00", "unit_id": unit_id, "venue_id": 0,
    })
    assert response.status_code == 200
    assert "Kegiatan tidak bisa selesai sebelum dimulai." in response.get_data(as_text=True)


def test_edit_keeps_participants_and_changes_title(app, client, auth):
    with app.app_context():
        activity = db.session.scalar(select(Activity).where(Activity.kind == "kunjungan_kerja"))
        activity_id, unit_id, count = activity.id, activity.unit_id, len(activity.participants)
    auth.login("editor")
    form_page = client.get(f"/staf/kegiatan/{activity_id}/ubah").get_data(as_text=True)
    assert "Lukita Harjana" in form_page
    token = auth.token(f"/staf/kegiatan/{activity_id}/ubah")
    data = {"csrf_token": token, "title": "Kunker PPID Utama Kabupaten Subang", "kind": "kunjungan_kerja",
            "starts_on": "2021-09-30", "unit_id": unit_id, "venue_id": 0}
    with app.app_context():
        for i, p in enumerate(db.session.get(Activity, activity_id).participants):
            data.update({f"participants-{i}-role": p.role, f"participants-{i}-title": p.title or "",
                         f"participants-{i}-name": p.name, f"participants-{i}-organisation": p.organisation or ""})
    assert client.post(f"/staf/kegiatan/{activity_id}/ubah", data=data).status_code == 302
    with app.app_context():
        activity = db.session.get(Activity, activity_id)
        assert activity.title == "Kunker PPID Utama Kabupaten Subang"
        assert len(activity.participants) == count


def test_list_filters_by_unit_kind_and_month(app, client, auth):
    with app.app_context():
        dinkes = db.session.scalar(select(Unit).where(Unit.abbreviation == "Dinkes")).id
    auth.login("photographer")
    page = client.get(f"/staf/kegiatan/?unit={dinkes}").get_data(as_text=True)
    assert "Puskesmas Jatisampurna" in page and "Kabupaten Subang" not in page
    page = client.get("/staf/kegiatan/?kind=sosialisasi").get_data(as_text=True)
    assert "Sosialisasi Keterbukaan" in page and "Puskesmas Jatisampurna" not in page
    page = client.get("/staf/kegiatan/?month=2021-09").get_data(as_text=True)
    assert "Kunjungan Kerja PPID Utama" in page and "Sosialisasi Keterbukaan" not in page
    page = client.get("/staf/kegiatan/?month=September").get_data(as_text=True)
    assert "TTTT-BB" in page and "Kunjungan Kerja PPID Utama" in page


def test_unknown_activity_is_404(client, auth):
    auth.login("writer")
    assert client.get("/staf/kegiatan/99999").status_code == 404


def test_admin_adds_a_venue_with_coordinates_and_refuses_half_coordinates(app, client, auth):
    auth.login("admin")
    token = auth.token("/staf/admin/tempat")
    response = client.post("/staf/admin/tempat", data={"csrf_token": token, "name": "Stadion Patriot Candrabhaga",
                                                          "latitude": "-6.2466", "longitude": "106.9947"})
    assert response.status_code == 302
    response = client.post("/staf/admin/tempat", data={"csrf_token": token, "name": "Alun-alun", "latitude": "-6.2"})
    assert "Isi lintang dan bujur sekaligus" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(Venue).where(Venue.name == "Stadion Patriot Candrabhaga")).latitude == -6.2466
        assert db.session.scalar(select(Venue).where(Venue.name == "Alun-alun")) is None


def test_admin_creates_a_user_who_can_log_in(app, client, auth):
    with app.app_context():
        dinkes = db.session.scalar(select(Unit).where(Unit.abbreviation == "Dinkes")).id
    auth.login("admin")
    token = auth.token("/staf/admin/pengguna/baru")
    form = {"csrf_token": token, "email": "Baru@Siaran.Test", "name": "Pegawai Baru", "role": "photographer",
            "locale": "id", "password": "kata-sandi-panjang"}
    assert client.post("/staf/admin/pengguna/baru", data={**form, "unit_id": 0}).status_code == 200, "every account has a unit"
    response = client.post("/staf/admin/pengguna/baru", data={**form, "unit_id": dinkes})
    assert response.status_code == 302
    auth.logout()
    token = auth.token()
    response = client.post("/staf/login", data={"email": "baru@siaran.test", "password": "kata-sandi-panjang", "csrf_token": token})
    assert response.status_code == 302

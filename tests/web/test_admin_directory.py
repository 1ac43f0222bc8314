"""The admin's unit and venue pages: a new unit is saved and listed, a unit of the same
name or one hung under its own sub-unit is refused with the reason and nothing changes; a venue
with one coordinate only is refused, with both it is saved."""
from __future__ import annotations

import html

from sqlalchemy import func, select

from press.extensions import db
from press.models import Unit, Venue


def count(app, model, **where) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model).filter_by(**where))


def unit_id(app, name: str) -> int:
    with app.app_context():
        return db.session.scalar(select(Unit.id).where(Unit.name == name))


def test_a_unit_is_created_renamed_and_refused_with_the_reason(app, client, auth):
    auth.login("admin")
    page = client.post("/staf/admin/unit", data={"csrf_token": auth.token(), "name": "Dinas Perhubungan",
                                                 "abbreviation": "Dishub", "parent_id": "0"}, follow_redirects=True)
    text = html.unescape(page.get_data(as_text=True))
    assert "Unit dibuat." in text and "Dinas Perhubungan" in text
    made = unit_id(app, "Dinas Perhubungan")

    again = client.post("/staf/admin/unit", data={"csrf_token": auth.token(), "name": "Dinas  Perhubungan",
                                                  "parent_id": "0"})
    assert "Unit Dinas Perhubungan sudah ada." in html.unescape(again.get_data(as_text=True))
    assert count(app, Unit, name="Dinas Perhubungan") == 1

    renamed = client.post(f"/staf/admin/unit/{made}", data={"csrf_token": auth.token(), "name": "Dinas Perhubungan Kota",
                                                            "abbreviation": "Dishub", "parent_id": "0"},
                          follow_redirects=True)
    assert "Unit disimpan." in html.unescape(renamed.get_data(as_text=True))
    assert unit_id(app, "Dinas Perhubungan Kota") == made

    client.post("/staf/admin/unit", data={"csrf_token": auth.token(), "name": "Bidang Lalu Lintas",
                                          "parent_id": str(made)})
    below = unit_id(app, "Bidang Lalu Lintas")
    looped = client.post(f"/staf/admin/unit/{made}", data={"csrf_token": auth.token(), "name": "Dinas Perhubungan Kota",
                                                           "parent_id": str(below)})
    assert "tidak bisa berada di bawah dirinya sendiri" in html.unescape(looped.get_data(as_text=True))
    with app.app_context():
        assert db.session.get(Unit, made).parent_id is None


def test_a_venue_with_one_coordinate_is_refused_and_with_both_is_saved(app, client, auth):
    auth.login("admin")
    fields = {"name": "Gedung Olahraga Patriot", "city": "Kota Bekasi"}
    half = client.post("/staf/admin/tempat", data={"csrf_token": auth.token(), **fields, "latitude": "-6.24"})
    assert "Isi lintang dan bujur sekaligus" in html.unescape(half.get_data(as_text=True))
    assert count(app, Venue, name="Gedung Olahraga Patriot") == 0
    whole = client.post("/staf/admin/tempat", data={"csrf_token": auth.token(), **fields, "latitude": "-6.24",
                                                    "longitude": "106.99"}, follow_redirects=True)
    assert "Tempat disimpan." in html.unescape(whole.get_data(as_text=True))
    assert count(app, Venue, name="Gedung Olahraga Patriot") == 1

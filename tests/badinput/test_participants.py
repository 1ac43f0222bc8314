"""Many participants on an activity: every named row is stored up to the limit; past
it the form is refused with a message naming the limit, and every row typed is shown
back. No participant is ever dropped without a word."""
from __future__ import annotations

import html

from sqlalchemy import func, select

from press.extensions import db
from press.models import Activity, Participant, Unit
from press.services.activities import MAX_PARTICIPANTS


def form(app, token, names: list[str], blanks_between: int = 0) -> dict:
    with app.app_context():
        unit = db.session.scalars(select(Unit.id)).first()
    data = {"csrf_token": token, "kind": "audiensi", "starts_on": "2026-11-20", "unit_id": str(unit),
            "title": "Pelantikan pejabat administrator"}
    index = 0
    for name in names:
        data[f"participants-{index}-role"] = "attendee"
        data[f"participants-{index}-name"] = name
        data[f"participants-{index}-title"] = "Kepala Seksi"
        index += 1 + blanks_between  # rows left blank in between are skipped, as the hint says
    return data


def counts(app) -> tuple[int, int]:
    with app.app_context():
        return (db.session.scalar(select(func.count()).select_from(Activity)),
                db.session.scalar(select(func.count()).select_from(Participant)))


def test_a_ceremony_with_250_participants_keeps_every_one(app, client, auth):
    auth.login("writer")
    names = [f"Peserta Nomor {n:03d}" for n in range(1, 251)]
    response = client.post("/staf/kegiatan/baru", data=form(app, auth.token("/staf/kegiatan/baru"), names, blanks_between=1))
    assert response.status_code == 302
    with app.app_context():
        activity = db.session.scalars(select(Activity).order_by(Activity.id.desc())).first()
        assert [p.name for p in activity.participants] == names


def test_more_participants_than_the_limit_are_refused_and_every_row_is_shown_back(app, client, auth):
    auth.login("writer")
    before = counts(app)
    names = [f"Peserta Nomor {n:04d}" for n in range(1, MAX_PARTICIPANTS + 2)]
    response = client.post("/staf/kegiatan/baru", data=form(app, auth.token("/staf/kegiatan/baru"), names))
    page = html.unescape(response.get_data(as_text=True))
    assert f"Satu kegiatan paling banyak punya {MAX_PARTICIPANTS} peserta; formulir ini berisi {MAX_PARTICIPANTS + 1}." in page
    assert all(f'value="{name}"' in page for name in names)  # the last one too: nothing typed is lost
    assert counts(app) == before


def test_editing_an_activity_past_the_limit_changes_nothing(app, client, auth):
    auth.login("editor")
    with app.app_context():
        activity = db.session.scalars(select(Activity).order_by(Activity.id)).first()
        activity_id, kept = activity.id, [p.name for p in activity.participants]
    names = [f"Tamu {n}" for n in range(MAX_PARTICIPANTS + 5)]
    data = form(app, auth.token(f"/staf/kegiatan/{activity_id}/ubah"), names)
    response = client.post(f"/staf/kegiatan/{activity_id}/ubah", data=data)
    assert f"paling banyak punya {MAX_PARTICIPANTS} peserta" in html.unescape(response.get_data(as_text=True))
    with app.app_context():
        assert [p.name for p in db.session.get(Activity, activity_id).participants] == kept


def test_a_form_posting_absurdly_many_rows_is_refused_before_it_is_read(app, client, auth):
    auth.login("writer")
    before = counts(app)
    data = form(app, auth.token("/staf/kegiatan/baru"), [f"X{n}" for n in range(4 * MAX_PARTICIPANTS)])
    response = client.post("/staf/kegiatan/baru", data=data)
    assert response.status_code == 400
    assert f"paling banyak punya {MAX_PARTICIPANTS} peserta" in html.unescape(response.get_data(as_text=True))
    assert counts(app) == before

"""Assignments grant work, and the planning, agenda and PPID permissions live in the table.

Writers and photographers work on their unit's activities and on those a planner assigned
them to, whatever the activity's unit; without the assignment they are refused with the
reason. Planning is the unit editor's inside the unit and the central editor's everywhere;
the public agenda and the PPID classes are the central office's. Each verb is checked by
the service itself, so a direct call gets the same answer as the page.
"""
from __future__ import annotations

import pytest
from sqlalchemy import select

from press import permissions
from press.extensions import db
from press.models import Activity, Media, Note, Release, Unit, User
from press.services import accounts, activities, media, media_ingest, notes, planning, ppid
from press.services.activities import ActivityData
from press.services.media import IngestConfig
from press.storage import FileStorage
from tests.conftest import FIXTURES

KOMINFO_ACTIVITY = "Sosialisasi Keterbukaan Informasi Publik bagi PPID Pembantu"


def _user(email: str) -> User:
    return db.session.scalar(select(User).where(User.email == email))


def _unit(abbreviation: str) -> Unit:
    return db.session.scalar(select(Unit).where(Unit.abbreviation == abbreviation))


def _kominfo_activity() -> Activity:
    return db.session.scalar(select(Activity).where(Activity.title == KOMINFO_ACTIVITY))


def _assign(activity: Activity, email: str, role: str) -> None:
    planning.assign(db.session, activity, _user(email), role, actor=_user("redaktur@siaran.test"))
    db.session.commit()


def _upload(app, activity: Activity, photographer: User):
    return media_ingest.ingest(db.session, FileStorage(app.config["MEDIA_ROOT"]), FIXTURES / "images" / "r_canon.jpg",
                        "r_canon.jpg", activity=activity, uploader=photographer,
                        config=IngestConfig.from_mapping(app.config))


def test_a_writer_of_another_unit_adds_a_note_once_assigned_and_one_not_assigned_may_not(app, ctx):
    activity = _kominfo_activity()
    other_writer = accounts.create_user(db.session, "penulis2.dinkes@siaran.test", "sandi-penulis-dua-2021",
                                        "writer", name="Dua Penulis Dinkes", unit_id=_unit("Dinkes").id)
    db.session.commit()
    _assign(activity, "penulis.dinkes@siaran.test", "writer")

    added = notes.add_note(db.session, activity, _user("penulis.dinkes@siaran.test"), typed_text="Catatan liputan.")
    db.session.commit()
    assert [note.activity_id for note in added.notes] == [activity.id]

    with pytest.raises(notes.NoteError) as refused:
        notes.add_note(db.session, activity, other_writer, typed_text="Catatan tanpa tugas.")
    assert str(refused.value) == permissions.OUTSIDE_UNIT
    db.session.rollback()
    assert db.session.scalar(select(Note).where(Note.text.contains("tanpa tugas"))) is None


def test_a_photographer_of_another_unit_uploads_once_assigned(app, ctx):
    activity = _kominfo_activity()
    photographer = _user("fotografer.dinkes@siaran.test")
    with pytest.raises(media.MediaError) as refused:
        _upload(app, activity, photographer)
    assert str(refused.value) == permissions.OUTSIDE_UNIT
    db.session.rollback()

    _assign(activity, "fotografer.dinkes@siaran.test", "photographer")
    outcome = _upload(app, activity, _user("fotografer.dinkes@siaran.test"))
    db.session.commit()
    assert db.session.get(Media, outcome.media.id).activity_id == activity.id


def test_the_assigned_writer_opens_the_activity_and_its_draft_and_finds_it_listed(app, client, auth):
    with app.app_context():
        activity = _kominfo_activity()
        activity_id = activity.id
        draft_id = db.session.scalar(select(Release.id).where(Release.activity_id == activity_id))
    auth.login_email("penulis.dinkes@siaran.test")
    assert client.get(f"/staf/kegiatan/{activity_id}").status_code == 403
    assert client.get(f"/staf/siaran/{draft_id}/").status_code == 403
    assert KOMINFO_ACTIVITY not in client.get("/staf/kegiatan/").get_data(as_text=True)
    with app.app_context():
        _assign(_kominfo_activity(), "penulis.dinkes@siaran.test", "writer")
    assert client.get(f"/staf/kegiatan/{activity_id}").status_code == 200
    assert client.get(f"/staf/siaran/{draft_id}/").status_code == 200
    assert KOMINFO_ACTIVITY in client.get("/staf/kegiatan/").get_data(as_text=True)
    assert "Gelar Sosialisasi Keterbukaan" in client.get("/staf/siaran/").get_data(as_text=True)


def test_the_assigned_photographer_marks_the_activity_covered_but_cannot_cancel_it(app, ctx):
    activity = _kominfo_activity()
    photographer = _user("fotografer.dinkes@siaran.test")
    with pytest.raises(planning.NotAllowed):
        planning.set_state(db.session, activity, "diliput", actor=photographer)
    _assign(activity, "fotografer.dinkes@siaran.test", "photographer")
    with pytest.raises(planning.NotAllowed, match="diubah oleh redaktur"):
        planning.set_state(db.session, activity, "batal", actor=photographer)
    planning.set_state(db.session, activity, "diliput", actor=photographer)
    assert activity.state == "diliput"


def test_the_unit_editor_plans_inside_the_unit_only(app, ctx):
    unit_editor = _user("redaktur.dinkes@siaran.test")
    own = db.session.scalar(select(Activity).where(Activity.unit_id == _unit("Dinkes").id))
    planning.assign(db.session, own, _user("penulis.kominfo@siaran.test"), "writer", actor=unit_editor)
    planning.set_state(db.session, own, "batal", actor=unit_editor)
    db.session.commit()
    assert own.state == "batal"
    with pytest.raises(planning.NotAllowed) as refused:
        planning.assign(db.session, _kominfo_activity(), _user("penulis.dinkes@siaran.test"), "writer",
                        actor=unit_editor)
    assert str(refused.value) == permissions.OUTSIDE_UNIT


def test_only_the_central_office_puts_an_activity_on_the_agenda_or_classifies_it(app, ctx):
    unit_editor = _user("redaktur.dinkes@siaran.test")
    own = db.session.scalar(select(Activity).where(Activity.unit_id == _unit("Dinkes").id))
    data = ActivityData(title=own.title, kind=own.kind, starts_on=own.starts_on, unit_id=own.unit_id, on_agenda=True)
    with pytest.raises(activities.ActivityError, match="agenda publik"):
        activities.update_activity(db.session, own, data, actor=unit_editor)
    db.session.rollback()
    with pytest.raises(ppid.PpidError, match="PPID"):
        ppid.classify_activity(db.session, own, "berkala", unit_editor)
    db.session.rollback()
    editor = _user("redaktur@siaran.test")
    activities.update_activity(db.session, own, data, actor=editor)
    ppid.classify_activity(db.session, own, "berkala", editor)
    assert own.on_agenda and own.ppid_class == "berkala"

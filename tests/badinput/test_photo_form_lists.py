"""Long or forged lists in the photo forms: more people than any register holds, a photo
id beyond 64 bits, more photos than a bulk edit takes, a pasted list of 1,500 tags. The
ids are refused with the reason the form gives for a wrong choice and the photo is left
as it was; the tags are attached. None is an error page."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from press.extensions import db
from press.models import Activity, Media, Person
from press.services.tags import tags_of

from tests.conftest import FIXTURES
from tests.web.publishing_fixtures import add_photo

UNKNOWN_PEOPLE = "Orang yang dipilih tidak ada di daftar."
# More distinct ids than one SQLite statement takes parameters (250,000 in Debian's build;
# PostgreSQL takes 65,535): a single lookup of them all was an OperationalError.
FORGED_PEOPLE = [str(n) for n in range(1, 260_001)]


@pytest.fixture
def photo(app):
    with app.app_context():
        activity_id = db.session.scalar(select(Activity.id).order_by(Activity.id).limit(1))
        media = add_photo(app, FIXTURES / "images/sample1.jpg", activity_id=activity_id, caption="Rapat koordinasi")
        person_id = db.session.scalar(select(Person.id).order_by(Person.id).limit(1))
        db.session.commit()
        return media.id, activity_id, person_id


def people_of(app, media_id: int) -> list[int]:
    with app.app_context():
        return sorted(p.id for p in db.session.get(Media, media_id).people)


def test_a_photo_form_naming_more_people_than_the_register_holds_is_refused(app, client, auth, photo):
    media_id, _activity_id, person_id = photo
    auth.login("admin")
    answer = client.post(f"/staf/foto/{media_id}/orang", data={"csrf_token": auth.token(), "person_id": FORGED_PEOPLE},
                         follow_redirects=True)
    assert answer.status_code == 200 and UNKNOWN_PEOPLE in answer.get_data(as_text=True)
    assert people_of(app, media_id) == []
    client.post(f"/staf/foto/{media_id}/orang", data={"csrf_token": auth.token(), "person_id": [str(person_id)] * 3})
    assert people_of(app, media_id) == [person_id]


def test_a_bulk_edit_naming_more_people_than_the_register_holds_is_refused(app, client, auth, photo):
    media_id, activity_id, _person_id = photo
    auth.login("admin")
    answer = client.post(f"/staf/kegiatan/{activity_id}/foto/massal",
                         data={"csrf_token": auth.token(), "media_id": [str(media_id)], "person_id": FORGED_PEOPLE})
    assert answer.status_code == 400 and UNKNOWN_PEOPLE in answer.get_data(as_text=True)
    assert people_of(app, media_id) == []


@pytest.mark.parametrize("ids, reason", [
    (["99999999999999999999"], "Nomor foto tidak sah: 99999999999999999999."),
    ([str(n) for n in range(1, 260_001)], "Paling banyak 1000 foto sekali ubah."),
], ids=["beyond_64_bits", "more_than_a_bulk_edit_takes"])
def test_a_bulk_edit_of_photo_ids_that_cannot_be_is_refused_with_the_reason(app, client, auth, photo, ids, reason):
    media_id, activity_id, _person_id = photo
    auth.login("admin")
    answer = client.post(f"/staf/kegiatan/{activity_id}/foto/massal",
                         data={"csrf_token": auth.token(), "media_id": [str(media_id), *ids], "caption": "Diganti"})
    assert answer.status_code == 400 and reason in answer.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Media, media_id).caption == "Rapat koordinasi"


def test_a_bulk_edit_with_a_pasted_list_of_1500_tags_attaches_every_one(app, client, auth, photo):
    media_id, activity_id, _person_id = photo
    pasted = [f"Kelurahan Uji {n}" for n in range(1500)]
    auth.login("admin")
    answer = client.post(f"/staf/kegiatan/{activity_id}/foto/massal",
                         data={"csrf_token": auth.token(), "media_id": [str(media_id)], "tags": ", ".join(pasted)})
    assert answer.status_code == 302
    with app.app_context():
        names = {tag.name for tag, source in tags_of(db.session, "media", media_id) if source == "manual"}
    assert names == set(pasted)

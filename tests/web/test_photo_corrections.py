"""A photo that a published release shows: withdrawing it and editing its caption are
corrections of that release; photo changes on a release in review make approval stale."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from press.errors import ServiceError
from press.extensions import db
from press.models import AuditEvent, Media, Release, User
from press.services import media as media_service
from press.services import public
from press.services import release_photos
from press.services import workflow

LEAD_CAPTION = "Kepala Bagian Humas menerima rombongan PPID Kabupaten Subang"


def _public_urls(media) -> list[str]:
    return [f"/foto/{media.id}", f"/api/v1/photos/{media.id}",
            *(f"/media/{r.sha256}/{r.variant}.jpg" for r in media.renditions)]


def _user(role: str) -> User:
    return db.session.scalar(select(User).where(User.role == role))


def test_staff_only_for_a_photo_on_a_published_release_withdraws_it_as_a_confirmed_correction(
        app, client, auth, site, visitor):
    lead, release = site.public_photos[0], site.published
    release_url = f"/siaran/{release.slug}"
    for url in _public_urls(lead) + _public_urls(lead):  # twice: the pages are now in the page cache
        assert visitor.get(url).status_code == 200, url
    assert LEAD_CAPTION in visitor.get(release_url).get_data(as_text=True)

    auth.login("editor")
    staff_page = client.get(f"/staf/foto/{lead.id}").get_data(as_text=True)
    assert 'class="badge public"' in staff_page, "a photo a published release shows is public: the page says so"
    token = auth.token(f"/staf/foto/{lead.id}")
    asked = client.post(f"/staf/foto/{lead.id}/publik", data={"value": "0", "next": "view", "csrf_token": token})
    assert asked.status_code == 302 and asked.headers["Location"].endswith(f"/staf/foto/{lead.id}/tarik")
    assert visitor.get(f"/foto/{lead.id}").status_code == 200, "nothing changes before the editor confirms"

    confirm = client.get(f"/staf/foto/{lead.id}/tarik").get_data(as_text=True)
    assert release.title in confirm and f'name="release_id" value="{release.id}"' in confirm
    done = client.post(f"/staf/foto/{lead.id}/tarik", data={
        "release_id": str(release.id), "note": "Foto yang keliru dicabut.", "csrf_token": token})
    assert done.status_code == 302

    for url in _public_urls(lead):
        assert visitor.get(url).status_code == 404, url
    page = visitor.get(release_url).get_data(as_text=True)
    assert LEAD_CAPTION not in page and f"/foto/{lead.id}" not in page
    assert "Diperbarui" in page and "Foto yang keliru dicabut." in page
    with app.app_context():
        stored = db.session.get(Release, release.id)
        assert [p.media_id for p in stored.photos] == []
        assert stored.version == release.version + 1 and stored.revisions[-1].comment == "Foto yang keliru dicabut."
        assert not db.session.get(Media, lead.id).is_public
    history = client.get(f"/staf/siaran/{release.id}/riwayat").get_data(as_text=True)
    assert "Foto dilepas" in history and "Foto yang keliru dicabut." in history


def test_withdrawal_refuses_a_missing_note_or_a_list_of_releases_that_changed(app, client, auth, site, visitor):
    lead, release = site.public_photos[0], site.published
    auth.login("editor")
    token = auth.token(f"/staf/foto/{lead.id}")
    url = f"/staf/foto/{lead.id}/tarik"
    for form, reason in (({"release_id": str(release.id), "note": " "}, "Tulis catatan"),
                         ({"note": "Dicabut."}, "berubah sejak halaman dibuka"),
                         ({"release_id": "99999999999999999999999", "note": "Dicabut."}, "berubah sejak"),
                         ({"release_id": [str(release.id), "x"], "note": "Dicabut."}, "berubah sejak")):
        answer = client.post(url, data={**form, "csrf_token": token})
        assert answer.status_code == 400 and reason in answer.get_data(as_text=True), form
    assert visitor.get(f"/foto/{lead.id}").status_code == 200
    with app.app_context():
        assert [p.media_id for p in db.session.get(Release, release.id).photos] == [lead.id]


def test_roles_that_cannot_correct_releases_are_refused_with_the_reason(app, ctx, site):
    lead = db.session.get(Media, site.public_photos[0].id)
    for role in ("photographer", "writer"):
        with pytest.raises(ServiceError) as refused:
            media_service.set_flags(db.session, lead, actor=_user(role), public=False)
        assert "Hanya redaktur" in str(refused.value) and site.published.title in str(refused.value)
        db.session.rollback()
    assert public.public_media(db.session, lead.id) is not None, "the photo stays public"


def test_a_photographers_caption_edit_of_a_photo_on_a_published_release_is_refused(app, client, auth, site, visitor):
    lead = site.public_photos[0]
    auth.login("photographer")
    token = auth.token(f"/staf/foto/{lead.id}")
    answer = client.post(f"/staf/foto/{lead.id}/teks", headers={"Accept": "application/json"},
                         data={"caption": "Keterangan baru", "credit": lead.credit, "csrf_token": token})
    assert answer.status_code == 400 and "hanya boleh dilakukan redaktur" in answer.get_json()["message"]
    assert LEAD_CAPTION in visitor.get(f"/foto/{lead.id}").get_data(as_text=True)
    extra = site.public_photos[1]  # public, on no published release: the photographer's to caption
    answer = client.post(f"/staf/foto/{extra.id}/teks", headers={"Accept": "application/json"},
                         data={"caption": "Suasana rapat", "credit": extra.credit, "csrf_token": token})
    assert answer.status_code == 200 and answer.get_json()["caption"] == "Suasana rapat"


def test_an_editors_caption_edit_of_a_photo_on_a_published_release_is_a_correction(app, client, auth, site, visitor):
    lead, release = site.public_photos[0], site.published
    auth.login("editor")
    page = client.get(f"/staf/foto/{lead.id}").get_data(as_text=True)
    assert 'name="correction_note"' in page and release.title in page
    token = auth.token(f"/staf/foto/{lead.id}")
    form = {"caption": "Kepala Bagian Humas menerima rombongan PPID Kabupaten Subang di ruang rapat",
            "credit": lead.credit, "csrf_token": token}
    refused = client.post(f"/staf/foto/{lead.id}/teks", headers={"Accept": "application/json"}, data=form)
    assert refused.status_code == 400 and "Diperbarui" in refused.get_json()["message"]
    saved = client.post(f"/staf/foto/{lead.id}/teks", headers={"Accept": "application/json"},
                        data={**form, "correction_note": "Keterangan foto dilengkapi."})
    assert saved.status_code == 200
    public_page = visitor.get(f"/siaran/{release.slug}").get_data(as_text=True)
    assert "di ruang rapat" in public_page and "Keterangan foto dilengkapi." in public_page
    with app.app_context():
        stored = db.session.get(Release, release.id)
        assert stored.correction_note == "Keterangan foto dilengkapi." and stored.version == release.version + 1
        actions = db.session.scalars(select(AuditEvent.action).where(
            AuditEvent.object_type == "release", AuditEvent.object_id == release.id)).all()
        assert actions[-2:] == ["release.photo_caption", "release.correct"]


def test_an_approval_sent_after_the_photos_changed_is_refused_as_stale(app, client, auth, site):
    review = site.hidden["in_review"]
    photo = review.photos[0]
    auth.login("editor")
    seen_version = review.version
    token = auth.token(f"/staf/siaran/{review.id}/")
    changed = client.post(f"/staf/siaran/{review.id}/foto/{photo.id}/keterangan",
                          data={"caption": "Keterangan yang diganti penulis", "csrf_token": token})
    assert changed.status_code == 302
    answer = client.post(f"/staf/siaran/{review.id}/alur", follow_redirects=True,
                         data={"action": "approve", "version": str(seen_version), "csrf_token": token})
    assert "sudah diubah orang lain" in answer.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Release, review.id).state == "in_review"


def test_every_photo_action_moves_the_release_version(app, ctx, site):
    writer = _user("writer")
    release = db.session.get(Release, site.hidden["draft"].id)
    extra = db.session.get(Media, site.public_photos[1].id)
    extra.activity_id = release.activity_id
    steps = [
        lambda: release_photos.attach_photo(db.session, release, extra, writer),
        lambda: release_photos.move_photo(db.session, release, release.photos[-1].id, -1, writer),
        lambda: release_photos.caption_photo(db.session, release, release.photos[0].id, "Keterangan", writer),
        lambda: release_photos.detach_photo(db.session, release, release.photos[0].id, writer),
    ]
    for step in steps:
        before = release.version
        step()
        db.session.flush()
        assert release.version == before + 1
    with pytest.raises(workflow.WorkflowError):
        workflow.apply(db.session, release, "submit", writer, expected_version=release.version - 1)

"""Photos of sensitive subjects: never public without consent covering them, and off every
public place the moment consent lapses (expired or withdrawn)."""
from __future__ import annotations

import io
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from press import problems
from press.dates import office_today
from press.extensions import db
from press.models import AuditEvent, ConsentRecord, Media, Notification, Release, User
from press.services import consent as consent_service
from press.services import media as media_service
from press.services import public
from press.services import releases as release_service
from press.services import release_photos
from tests.conftest import EMAILS

PDF = b"%PDF-1.4\n% formulir persetujuan bertanda tangan\n"
LEAD_CAPTION = "Kepala Bagian Humas menerima rombongan PPID Kabupaten Subang"


def _public_urls(media) -> list[str]:
    return [f"/foto/{media.id}", f"/api/v1/photos/{media.id}",
            *(f"/media/{r.sha256}/{r.variant}.jpg" for r in media.renditions)]


def _private_photo(site) -> Media:
    """A staff-only photo of an activity (not an exempt one)."""
    return next(m for m in site.private_photos if m.activity_id and m.caption.startswith("FOTO-RAHASIA"))


def _user(role: str) -> User:
    return db.session.scalar(select(User).where(User.role == role))


def _consent_form(token, *, until=None, form=PDF, name="formulir.pdf", given_by="Ibu Sari (orang tua)"):
    return {"csrf_token": token, "given_by": given_by, "purpose": "Publikasi kegiatan posyandu",
            "valid_until": (until or office_today() + timedelta(days=30)).isoformat(),
            "form": (io.BytesIO(form), name)}


def _flagged_with_consent(client, auth, media_id: int, subject: str) -> str:
    """As the editor, flag the photo and record a consent for it; returns the CSRF token."""
    auth.login("editor")
    token = auth.token(f"/staf/foto/{media_id}")
    client.post(f"/staf/foto/{media_id}/subjek", data={"subject": subject, "csrf_token": token})
    client.post(f"/staf/foto/{media_id}/persetujuan", data=_consent_form(token), content_type="multipart/form-data")
    return token


def test_a_flagged_photo_without_consent_is_refused_on_every_path_to_the_public(app, client, auth, site, visitor):
    photo = _private_photo(site)
    auth.login("photographer")
    token = auth.token(f"/staf/foto/{photo.id}")
    flagged = client.post(f"/staf/foto/{photo.id}/subjek", data={"subject": "anak", "csrf_token": token},
                          follow_redirects=True).get_data(as_text=True)
    assert "Tanda subjek sensitif disimpan." in flagged and "belum ada persetujuan" in flagged

    auth.logout()
    auth.login("editor")
    token = auth.token(f"/staf/foto/{photo.id}")
    page = client.post(f"/staf/foto/{photo.id}/publik", data={"value": "1", "next": "view", "csrf_token": token},
                       follow_redirects=True).get_data(as_text=True)
    assert "belum punya persetujuan yang berlaku dan tidak dapat dipublikasikan" in page
    answer = client.post(f"/staf/foto/{photo.id}/publik", data={"value": "1", "csrf_token": token},
                         headers={"Accept": "application/json"})
    assert answer.status_code == 400 and "belum punya persetujuan" in answer.get_json()["message"]
    with app.app_context():
        media, editor = db.session.get(Media, photo.id), _user("editor")
        assert not media.is_public
        assert public.publish_refusal(media) == {"code": "consent_missing"}
        with pytest.raises(public.PublishRefused):
            media_service.set_flags(db.session, media, actor=editor, public=True)
        draft = db.session.scalar(select(Release).where(Release.state == "draft"))
        draft.photos.clear()
        db.session.flush()
        with pytest.raises(public.PublishRefused) as refused:
            release_photos.attach_photo(db.session, draft, media, editor)
        assert refused.value.reason == "consent_missing"
        assert media not in release_service.pick_photos([media])
        db.session.rollback()
    for url in _public_urls(photo):
        assert visitor.get(url).status_code == 404, url
    gallery = client.get(f"/staf/kegiatan/{photo.activity_id}").get_data(as_text=True)
    assert 'class="badge sensitive">Anak<' in gallery and "belum ada persetujuan" in gallery


def test_consent_lets_a_flagged_photo_be_public_until_it_expires_then_it_leaves_every_public_place(
        app, client, auth, site, visitor):
    lead, release = site.public_photos[0], site.published
    auth.login("photographer")
    token = auth.token(f"/staf/foto/{lead.id}")
    client.post(f"/staf/foto/{lead.id}/subjek", data={"subject": "pasien", "csrf_token": token})
    recorded = client.post(f"/staf/foto/{lead.id}/persetujuan", data=_consent_form(token),
                           content_type="multipart/form-data", follow_redirects=True).get_data(as_text=True)
    assert "Persetujuan dicatat." in recorded and "Ibu Sari (orang tua)" in recorded
    with app.app_context():
        consent = db.session.scalar(select(ConsentRecord).where(ConsentRecord.media_id == lead.id))
        assert consent is not None and consent.form_mime == "application/pdf"
        consent_id = consent.id
    # Flagged the moment before the consent was recorded, it was corrected out once; with the
    # consent it shows again: the public rule reads the consent at every request.
    for url in _public_urls(lead):
        assert visitor.get(url).status_code == 200, url
    assert LEAD_CAPTION in visitor.get(f"/siaran/{release.slug}").get_data(as_text=True)
    auth.logout()
    auth.login("editor")
    form = client.get(f"/staf/foto/{lead.id}/persetujuan/{consent_id}/formulir")
    assert form.status_code == 200 and form.data == PDF and "attachment" in form.headers["Content-Disposition"]

    with app.app_context():
        db.session.execute(update(ConsentRecord).values(valid_until=office_today() - timedelta(days=1)))
        db.session.commit()
    for url in _public_urls(lead):  # at once, before the job runs (past the page cache, which drops at midnight)
        assert client.get(url).status_code == 404, url
    with app.app_context():
        taken = consent_service.handle_lapses(db.session)
        db.session.commit()
        assert [m.id for m in taken] == [lead.id]
        assert consent_service.handle_lapses(db.session) == []  # once
        db.session.commit()
        notices = db.session.scalars(select(Notification).where(Notification.kind == "consent_lapsed")).all()
        # Once when flagged before its consent was recorded, once now.
        assert [n.data["release_id"] for n in notices] == [release.id, release.id]
        assert notices[0].user_id == db.session.get(Release, release.id).editor_id
    page = visitor.get(f"/siaran/{release.slug}").get_data(as_text=True)
    assert LEAD_CAPTION not in page and f"/foto/{lead.id}" not in page
    assert "Diperbarui" in page and consent_service.CORRECTION_NOTE in page
    for url in ("/cari?q=rombongan", "/api/v1/search?q=rombongan", "/feed.xml", f"/api/v1/releases/{release.slug}"):
        assert LEAD_CAPTION not in visitor.get(url).get_data(as_text=True), url
    assert release.title in client.get("/staf/notifikasi").get_data(as_text=True)


def test_a_withdrawn_consent_takes_the_photo_off_at_once(app, client, auth, site, visitor):
    extra = site.public_photos[1]
    token = _flagged_with_consent(client, auth, extra.id, "penerima_bantuan")
    assert visitor.get(f"/foto/{extra.id}").status_code == 200
    with app.app_context():
        consent_id = db.session.scalar(select(ConsentRecord.id).where(ConsentRecord.media_id == extra.id))
    done = client.post(f"/staf/foto/{extra.id}/persetujuan/{consent_id}/tarik", data={"csrf_token": token},
                       follow_redirects=True).get_data(as_text=True)
    assert "Persetujuan ditarik" in done and "persetujuan ditarik" in done
    for url in _public_urls(extra):
        assert visitor.get(url).status_code == 404, url
    with app.app_context():
        assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "media.consent_lapsed")) is not None


@pytest.mark.parametrize("change, reason", [
    ({"form": (b"just some text, not a scan", "formulir.txt")}, "harus berupa PDF atau foto"),
    ({"form": (b"", "kosong.pdf")}, "Lampirkan pindaian formulir"),
    ({"valid_until": "2020-01-01"}, "sudah berakhir tidak dapat dicatat"),
    ({"valid_until": "besok"}, "sampai kapan persetujuan berlaku"),
    ({"given_by": "   "}, "siapa yang memberi persetujuan"),
])
def test_a_consent_record_with_bad_input_is_refused_with_the_reason(app, client, auth, site, change, reason):
    photo = _private_photo(site)
    auth.login("photographer")
    token = auth.token(f"/staf/foto/{photo.id}")
    client.post(f"/staf/foto/{photo.id}/subjek", data={"subject": "anak", "csrf_token": token})
    form = {**_consent_form(token), **change}
    if "form" in change:  # a file made for this request: the client closes it once sent
        form["form"] = (io.BytesIO(change["form"][0]), change["form"][1])
    page = client.post(f"/staf/foto/{photo.id}/persetujuan", data=form, content_type="multipart/form-data",
                       follow_redirects=True)
    assert page.status_code == 200 and reason in page.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(db.func.count()).select_from(ConsentRecord)) == 0


def test_an_unknown_subject_is_refused_and_only_publishers_take_a_flag_off(app, client, auth, site):
    photo = _private_photo(site)
    auth.login("photographer")
    token = auth.token(f"/staf/foto/{photo.id}")
    page = client.post(f"/staf/foto/{photo.id}/subjek", data={"subject": "<script>", "csrf_token": token},
                       follow_redirects=True).get_data(as_text=True)
    assert "Jenis subjek sensitif tidak dikenal." in page
    client.post(f"/staf/foto/{photo.id}/subjek", data={"subject": "anak", "csrf_token": token})
    client.post(f"/staf/foto/{photo.id}/subjek", data={"subject": "", "csrf_token": token})
    with app.app_context():
        assert db.session.get(Media, photo.id).sensitive == "anak"


def test_the_signed_form_is_a_blob_of_the_store_not_an_orphan(app, client, auth, site, runner):
    extra = site.public_photos[1]
    _flagged_with_consent(client, auth, extra.id, "pasien")
    verified = runner.invoke(args=["media", "verify", "--json"])
    assert verified.exit_code == 0, verified.output
    assert "orphan" not in verified.output


def test_a_refused_photo_reads_the_same_sentence_on_its_page_in_bulk_edit_and_on_the_command_line(
        app, client, auth, site, runner):
    """One refusal, one wording: the photo page's toggle, the gallery's bulk edit and
    ``flask media edit --public`` say the same sentence for a flagged photo without consent."""
    photo = _private_photo(site)
    sentence = problems.MESSAGES["consent_missing"]
    auth.login("editor")
    token = auth.token(f"/staf/foto/{photo.id}")
    client.post(f"/staf/foto/{photo.id}/subjek", data={"subject": "anak", "csrf_token": token})
    page = client.post(f"/staf/foto/{photo.id}/publik", data={"value": "1", "next": "view", "csrf_token": token},
                       follow_redirects=True).get_data(as_text=True)
    bulk = client.post(f"/staf/kegiatan/{photo.activity_id}/foto/massal",
                       data={"csrf_token": token, "media_id": str(photo.id), "public": "1"},
                       follow_redirects=True).get_data(as_text=True)
    command = runner.invoke(args=["media", "edit", "--ids", str(photo.id), "--public", "--as", EMAILS["editor"]],
                            env={"LANGUAGE": "id"})
    assert sentence in page
    assert sentence in bulk
    assert sentence in command.output and command.exit_code == 1
    with app.app_context():
        assert not db.session.get(Media, photo.id).is_public

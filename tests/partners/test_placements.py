"""Placements: sending a published release to partners, due days from the contract, the
daily late job, the partner's proof link (one proof, none after a verdict or a
rejection), files for print, the editor's verdict, and who may do any of it."""
from __future__ import annotations

import io
import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from press.codes import PlacementState, ProofVerdict, ReleaseState
from press.dates import office_today
from press.extensions import db
from press.models import Placement, ProofCheck, Release
from press.services import placements
from press.services.placements import PlacementError
from press.web.csrf_exempt import PROOF_LINK, make_token

from .helpers import new_partner, published_release, user

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
       b"\x00\x00\x00\x0cIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x9a\xa0\xa6\x00\x00\x00\x00IEND\xaeB`\x82")


def place(name: str = "Warta Kota Patriot", **kwargs) -> Placement:
    partner = new_partner(name, **kwargs)
    placement, = placements.place(db.session, user("editor"), published_release(), [partner])
    db.session.commit()
    return placement


def test_a_placement_is_due_after_the_contracts_days_and_under_that_contract(ctx):
    placement = place(due_days=5)
    assert placement.state == PlacementState.SENT
    assert placement.due_on == office_today() + timedelta(days=5)
    assert placement.contract.number == "K-Warta Kota Patriot"


def test_only_a_published_release_is_placed(ctx):
    draft = db.session.scalar(select(Release).where(Release.state == ReleaseState.DRAFT))
    with pytest.raises(PlacementError, match="sudah terbit"):
        placements.place(db.session, user("editor"), draft, [new_partner()])


def test_a_partner_without_a_running_contract_is_refused(ctx):
    partner = new_partner()
    partner.contracts[0].ends_on = office_today() - timedelta(days=1)
    with pytest.raises(PlacementError, match="tidak punya kontrak yang berlaku"):
        placements.place(db.session, user("editor"), published_release(), [partner])


def test_the_same_partner_twice_for_a_release_is_refused(ctx):
    placement = place()
    with pytest.raises(PlacementError, match="sudah dikirim ke Warta Kota Patriot"):
        placements.place(db.session, user("editor"), placement.release, [placement.partner])


@pytest.mark.parametrize("role", ["writer", "photographer", "unit_editor"])
def test_staff_outside_the_central_desk_may_not_place(ctx, role):
    with pytest.raises(PlacementError, match="Peran Anda tidak boleh"):
        placements.place(db.session, user(role), published_release(), [new_partner()])


def test_the_late_job_marks_placements_past_due_without_proof(app):
    with app.app_context():
        waiting, proved = place("Media Satu"), place("Media Dua")
        placements.set_due(db.session, user("editor"), waiting, office_today() - timedelta(days=1))
        placements.set_due(db.session, user("editor"), proved, office_today() - timedelta(days=1))
        placements.add_file(db.session, _store(app), user("editor"), proved, "scan", data=PNG, filename="koran.png")
        upcoming = place("Media Tiga")
        db.session.commit()
        ids = waiting.id, proved.id, upcoming.id
    app.extensions["jobs"].enqueue(placements.LATE_JOB)
    with app.app_context():
        assert [db.session.get(Placement, i).state for i in ids] == ["late", "proof_received", "sent"]
        late = db.session.get(Placement, ids[0])
        placements.set_due(db.session, user("editor"), late, office_today() + timedelta(days=2))
        assert late.state == PlacementState.SENT


def _store(app):
    from press.storage import FileStorage
    return FileStorage(app.config["MEDIA_ROOT"])


def _link(placement_id: int) -> str:
    return "/bukti-tayang/" + make_token(PROOF_LINK.purpose, {"p": placement_id}, secret_key="test-secret")


def test_the_proof_link_takes_one_url_and_refuses_a_second(app, client, queued_jobs):
    with app.app_context():
        placement_id = place().id
        link = _link(placement_id)
    page = client.get(link)
    assert page.status_code == 200 and "Warta Kota Patriot" in page.get_data(as_text=True)
    assert "no-store" in page.headers["Cache-Control"]
    sent = client.post(link, data={"url": "https://warta.example.id/berita/siaran-humas"})
    assert sent.status_code == 200 and "sudah diterima" in sent.get_data(as_text=True)
    with app.app_context():
        placement = db.session.get(Placement, placement_id)
        assert placement.state == PlacementState.PROOF_RECEIVED
        assert [c.url for c in placement.checks] == ["https://warta.example.id/berita/siaran-humas"]
    again = client.post(link, data={"url": "https://warta.example.id/berita/lain"})
    assert again.status_code == 409
    assert "sudah diterima dan sedang diperiksa" in again.get_data(as_text=True)
    assert client.get(link).status_code == 409
    with app.app_context():
        assert len(db.session.get(Placement, placement_id).checks) == 1


def _decided(app, verdict: str, **kwargs) -> int:
    with app.app_context():
        placement = place()
        placements.add_file(db.session, _store(app), user("editor"), placement, "scan", data=PNG)
        placements.decide(db.session, user("editor"), placement, verdict, **kwargs)
        db.session.commit()
        return placement.id


@pytest.mark.parametrize("verdict, kwargs, words", [
    (ProofVerdict.VERIFIED, {"published_on": None}, "sudah diverifikasi"),
    (ProofVerdict.NO_LABEL, {"reason": "Tanpa label advertorial"}, "sudah ditolak: Tanpa label advertorial"),
], ids=["after-verdict", "after-rejection"])
def test_the_proof_link_is_refused_once_the_placement_is_decided(app, client, verdict, kwargs, words):
    if verdict == ProofVerdict.VERIFIED:
        kwargs = {"published_on": office_today()}
    placement_id = _decided(app, verdict, **kwargs)
    response = client.post(_link(placement_id), data={"url": "https://warta.example.id/berita/1"})
    assert response.status_code == 409
    assert words in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Placement, placement_id).checks == []


@pytest.mark.parametrize("url", ["bukan alamat", "ftp://warta.example.id/a", "https://", "javascript:alert(1)",
                                 "https://warta.example.id/" + "a" * 2100])
def test_a_url_that_is_not_a_page_address_is_refused_and_the_link_still_works(app, client, queued_jobs, url):
    with app.app_context():
        placement_id = place().id
    link = _link(placement_id)
    response = client.post(link, data={"url": url})
    assert response.status_code == 400
    assert "bukan alamat halaman web" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Placement, placement_id).state == PlacementState.SENT
    assert client.get(link).status_code == 200


@pytest.mark.parametrize("token", ["rusak", make_token("unsubscribe", {"p": 1}, secret_key="test-secret")],
                         ids=["forged", "other-purpose"])
def test_a_forged_proof_link_is_refused(client, token):
    response = client.post(f"/bukti-tayang/{token}", data={"url": "https://warta.example.id/a"})
    assert response.status_code == 400
    assert "Tautan ini tidak sah" in response.get_data(as_text=True)


def test_a_print_proof_is_judged_by_the_editor(app):
    with app.app_context():
        placement = place()
        editor = user("editor")
        with pytest.raises(PlacementError, match="Belum ada bukti"):
            placements.decide(db.session, editor, placement, ProofVerdict.VERIFIED, published_on=office_today())
        with pytest.raises(PlacementError, match="PDF atau gambar"):
            placements.add_file(db.session, _store(app), editor, placement, "scan", data=b"<html>bukan</html>")
        proof = placements.add_file(db.session, _store(app), editor, placement, "scan", data=PNG, filename="hal-5.png")
        assert (proof.mime, placement.state) == ("image/png", PlacementState.PROOF_RECEIVED)
        with pytest.raises(PlacementError, match="alasan penolakan"):
            placements.decide(db.session, editor, placement, ProofVerdict.INCOMPLETE)
        with pytest.raises(PlacementError, match="Tulis tanggal tayang"):
            placements.decide(db.session, editor, placement, ProofVerdict.VERIFIED)
        placements.decide(db.session, editor, placement, ProofVerdict.VERIFIED, published_on=office_today())
        assert (placement.state, placement.published_on) == (PlacementState.VERIFIED, office_today())
        with pytest.raises(PlacementError, match="sudah diverifikasi"):
            placements.decide(db.session, editor, placement, ProofVerdict.NOT_FOUND, reason="salah")


def test_a_recording_reference_needs_no_file(app):
    with app.app_context():
        placement = place()
        proof = placements.add_file(db.session, _store(app), user("editor"), placement, "recording",
                                    reference="Kabar Pagi, 07.15 WIB, arsip 2026/118")
        assert proof.sha256 is None and proof.reference.startswith("Kabar Pagi")


def test_the_placements_page_and_the_release_page_for_the_editor(app, client, auth):
    with app.app_context():
        release_id = published_release().id
        placement_id = db.session.scalar(select(Placement.id).where(Placement.state == PlacementState.VERIFIED))
    auth.login("editor")
    listing = client.get("/staf/penempatan/?status=late").get_data(as_text=True)
    assert "Radar Bekasi" in listing and "Bekasi Hari Ini" not in listing
    page = client.get(f"/staf/siaran/{release_id}/mitra").get_data(as_text=True)
    assert "Bekasi Hari Ini" in page and "TV Jabar Satu" in page
    view = client.get(f"/staf/penempatan/{placement_id}").get_data(as_text=True)
    assert "Terverifikasi" in view and "100%" in view and "Advertorial" in view


def test_staff_may_place_from_the_release_page(app, client, auth):
    with app.app_context():
        partner_id, release_id = new_partner().id, published_release().id
        db.session.commit()
    auth.login("editor")
    token = auth.token(f"/staf/siaran/{release_id}/mitra")
    due = (office_today() + timedelta(days=9)).isoformat()
    response = client.post(f"/staf/siaran/{release_id}/mitra",
                           data={"csrf_token": token, "partners": [str(partner_id)], "due_on": due})
    assert response.status_code == 302
    with app.app_context():
        placement = db.session.scalar(select(Placement).where(Placement.partner_id == partner_id))
        assert placement.due_on.isoformat() == due
    link = re.search(r'id="tautan-bukti">([^<]+)<', client.get(f"/staf/penempatan/{placement.id}").get_data(as_text=True))
    assert link and "/bukti-tayang/" in link.group(1)


@pytest.mark.parametrize("role", ["writer", "photographer"])
def test_a_writer_or_photographer_is_refused_the_desk(app, client, auth, role):
    with app.app_context():
        placement_id = db.session.scalar(select(Placement.id))
        check_id = db.session.scalar(select(ProofCheck.id))
    auth.login(role)
    for url in ("/staf/mitra/", "/staf/penempatan/", f"/staf/penempatan/{placement_id}", "/staf/kliping/",
                f"/staf/bukti/cek/{check_id}/arsip.zip"):
        assert client.get(url).status_code == 403, url


def test_a_journalist_never_reaches_the_desk(app, client):
    from tests.web.test_journalists import sign_in
    sign_in(client)
    response = client.get("/staf/mitra/")
    assert response.status_code == 302 and "/staf/login" in response.headers["Location"]

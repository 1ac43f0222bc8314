"""A proof checked end to end against a real HTTP server on 127.0.0.1 (the proof stage's
outlet, ``tests/proofs/outlet.py``), reached only because ``PRESS_FETCH_ALLOW`` names it:
the partner's link, the check job, the snapshot in the store, the staff page, the
editor's verdict; and ``flask proofs check`` with its JSON."""
from __future__ import annotations

import json
import zipfile

import pytest
from press.codes import PlacementState, ProofVerdict
from press.extensions import db
from press.models import Placement
from press.services import outlets, placements
from press.storage import FileStorage
from press.web.csrf_exempt import PROOF_LINK, make_token

from tests.proofs import outlet as site

from .helpers import new_partner, published_release, user


@pytest.fixture(scope="module")
def server():
    running = site.Server()
    yield running
    running.close()


def _placement(app, allow: str | None) -> int:
    """The demo's published release written as the outlet's article, placed with a new
    partner, due the day the outlet's page says it was published."""
    app.config["FETCH_ALLOW"] = allow
    with app.app_context():
        release = published_release()
        release.title, release.body = site.TITLE, "\n".join(site.PARAGRAPHS)
        placement, = placements.place(db.session, user("editor"), release, [new_partner()])
        placements.set_due(db.session, user("editor"), placement, site.DUE)
        db.session.commit()
        return placement.id


def test_a_partners_page_is_checked_kept_shown_and_confirmed(app, client, auth, server):
    placement_id = _placement(app, server.allow)
    link = "/bukti-tayang/" + make_token(PROOF_LINK.purpose, {"p": placement_id}, secret_key="test-secret")
    response = client.post(link, data={"url": server.url("/berita/baca-juga")})
    assert response.status_code == 200
    with app.app_context():
        placement = db.session.get(Placement, placement_id)
        check = placement.latest_check
        assert check.done and check.verdict == ProofVerdict.VERIFIED
        assert check.similarity >= 0.9 and check.label_found and check.page_date == site.DUE
        assert check.missing_paragraphs == []
        with FileStorage(app.config["MEDIA_ROOT"]).open(check.snapshot_key) as stream:
            archive = zipfile.ZipFile(stream)
            assert {"manifest.json", "teks.txt", "halaman-1.html"} <= set(archive.namelist())
            assert site.PARAGRAPHS[2][:40] in archive.read("teks.txt").decode()
            assert json.loads(archive.read("manifest.json"))["sha256"] == check.sha256
        check_id = check.id
    auth.login("editor")
    page = client.get(f"/staf/penempatan/{placement_id}").get_data(as_text=True)
    assert "Sesuai" in page and "100%" in page and f"/staf/bukti/cek/{check_id}/arsip.zip" in page
    assert "Baca Juga" not in page.split("Teks yang terbaca dari halaman")[1]
    archive = client.get(f"/staf/bukti/cek/{check_id}/arsip.zip")
    assert archive.status_code == 200 and archive.mimetype == "application/zip"
    decided = client.post(f"/staf/penempatan/{placement_id}/keputusan",
                          data={"csrf_token": auth.token(), "verdict": "verified", "published_on": ""})
    assert decided.status_code == 302
    with app.app_context():
        placement = db.session.get(Placement, placement_id)
        assert (placement.state, placement.published_on) == (PlacementState.VERIFIED, site.DUE)


@pytest.mark.parametrize("path, verdict", [("/berita/tanpa-label", "no_label"), ("/berita/dipotong", "incomplete"),
                                           ("/berita/terlambat", "late"), ("/berita/lain", "not_found"),
                                           ("/tidak-ada", "unreachable")])
def test_the_command_checks_a_page_and_prints_what_it_found(app, runner, server, path, verdict):
    placement_id = _placement(app, server.allow)
    result = runner.invoke(args=["proofs", "check", str(placement_id), "--url", server.url(path),
                                 "--as", "redaktur@siaran.test", "--json"])
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert found["verdict"] == verdict
    assert set(found) >= {"similarity", "label_found", "page_date", "missing_paragraphs", "verdict", "snapshot"}
    if verdict == "incomplete":
        assert found["missing_paragraphs"] == [site.PARAGRAPHS[3]]
    if verdict == "unreachable":
        assert found["refusal"]["code"] == "http_status"  # the 404 page is kept as what the site answered
    with app.app_context():
        assert FileStorage(app.config["MEDIA_ROOT"]).exists(found["snapshot"])


def test_without_the_allow_list_the_local_server_is_refused_and_the_page_says_why(app, client, auth, server):
    placement_id = _placement(app, None)
    auth.login("editor")
    client.post(f"/staf/penempatan/{placement_id}/tautan",
                data={"csrf_token": auth.token(), "url": server.url("/berita/adv-jembatan")})
    with app.app_context():
        check = db.session.get(Placement, placement_id).latest_check
        assert (check.verdict, check.refusal["code"]) == ("unreachable", "private_address")
    page = client.get(f"/staf/penempatan/{placement_id}").get_data(as_text=True)
    assert "Halaman tidak dapat dibuka" in page and "alamat jaringan internal" in page


def test_every_run_is_kept(app, runner, server):
    placement_id = _placement(app, server.allow)
    for path in ("/berita/tanpa-label", "/berita/adv-jembatan"):
        runner.invoke(args=["proofs", "check", str(placement_id), "--url", server.url(path),
                            "--as", "redaktur@siaran.test"])
    again = runner.invoke(args=["proofs", "check", str(placement_id), "--as", "redaktur@siaran.test", "--json"])
    assert json.loads(again.stdout)["verdict"] == "verified"
    with app.app_context():
        checks = db.session.get(Placement, placement_id).checks
        assert [c.verdict for c in checks] == ["no_label", "verified", "verified"]
        assert len({c.id for c in checks}) == 3
    listed = runner.invoke(args=["placements", "list", "--state", "proof_received", "--json"])
    assert placement_id in [json.loads(line)["id"] for line in listed.stdout.splitlines()]


def test_the_clipping_is_checked_the_same_way(app, client, auth, server):
    app.config["FETCH_ALLOW"] = server.allow
    with app.app_context():
        release = published_release()
        release.title, release.body = site.TITLE, "\n".join(site.PARAGRAPHS)
        outlet_id = outlets.find(db.session, "TV Jabar Satu").id
        db.session.commit()
        release_id = release.id
    auth.login("editor")
    response = client.post(f"/staf/siaran/{release_id}/kliping", data={
        "csrf_token": auth.token(), "outlet": str(outlet_id), "url": server.url("/berita/dipotong"),
        "published_on": site.DUE.isoformat()})
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Tidak lengkap" in page and "82%" in page and site.PARAGRAPHS[3] in page
    listing = client.get("/staf/kliping/").get_data(as_text=True)
    assert site.TITLE in listing


"""Validators and caching of the public site follow every change a page shows, photos
included; what leaves the site links photos by their page, which outlives such a change."""
from __future__ import annotations

import io
import zipfile

import pytest

NEW_CAPTION = "Kepala Bagian Humas menerima rombongan PPID Kabupaten Subang di ruang rapat"


def _recaption_lead(client, auth, site) -> dict[str, str]:
    lead = site.public_photos[0]
    auth.login("editor")
    answer = client.post(f"/staf/foto/{lead.id}/teks", data={
        "caption": NEW_CAPTION, "credit": lead.credit, "correction_note": "Keterangan foto dilengkapi.",
        "csrf_token": auth.token(f"/staf/foto/{lead.id}")})
    assert answer.status_code == 302
    return {f"/siaran/{site.published.slug}": NEW_CAPTION, f"/kegiatan/{lead.activity_id}": NEW_CAPTION,
            f"/foto/{lead.id}": NEW_CAPTION, "/sitemap.xml": "", "/feed.xml": "", "/atom.xml": ""}


def _withdraw_lead(client, auth, site) -> dict[str, str]:
    lead, release = site.public_photos[0], site.published
    auth.login("editor")
    token = auth.token(f"/staf/foto/{lead.id}")
    answer = client.post(f"/staf/foto/{lead.id}/tarik", data={
        "release_id": str(release.id), "note": "Foto dicabut.", "csrf_token": token})
    assert answer.status_code == 302
    return {f"/siaran/{release.slug}": "Foto dicabut.", f"/kegiatan/{lead.activity_id}": "",
            f"/foto/{lead.id}": None, "/sitemap.xml": "", "/feed.xml": "", "/atom.xml": ""}


def _withdraw_public_photo(client, auth, site) -> dict[str, str]:
    extra = site.public_photos[1]
    auth.login("editor")
    answer = client.post(f"/staf/foto/{extra.id}/publik", data={
        "value": "0", "csrf_token": auth.token(f"/staf/foto/{extra.id}")})
    assert answer.status_code == 302
    return {f"/kegiatan/{extra.activity_id}": "", "/galeri": "", f"/foto/{extra.id}": None, "/sitemap.xml": ""}


@pytest.mark.parametrize("change", [_recaption_lead, _withdraw_lead, _withdraw_public_photo],
                         ids=["recaption", "withdraw-from-release", "withdraw-public-photo"])
def test_conditional_gets_with_old_validators_get_the_new_page_after_a_photo_changed(
        client, auth, site, visitor, change):
    pages = ["/", f"/siaran/{site.published.slug}", "/galeri", f"/kegiatan/{site.public_photos[0].activity_id}",
             *(f"/foto/{m.id}" for m in site.public_photos), "/sitemap.xml", "/feed.xml", "/atom.xml"]
    before = {url: visitor.get(url) for url in pages}
    for url, answer in before.items():
        assert answer.status_code == 200 and answer.headers["ETag"] and answer.headers["Last-Modified"], url
    shows = change(client, auth, site)
    for url, expected in shows.items():
        old = before[url]
        for header, value in (("If-None-Match", old.headers["ETag"]), ("If-Modified-Since", old.headers["Last-Modified"])):
            answer = visitor.get(url, headers={header: value})
            if expected is None:
                assert answer.status_code == 404, (url, header)
                continue
            assert answer.status_code == 200, (url, header)
            assert answer.get_data() != old.get_data() and expected in answer.get_data(as_text=True), (url, header)


def test_public_renditions_are_cached_for_a_day_not_forever(visitor, site):
    web = next(r for r in site.public_photos[0].renditions if r.variant == "web")
    answer = visitor.get(f"/media/{web.sha256}/web.jpg")
    assert answer.status_code == 200
    assert answer.headers["Cache-Control"] == "public, max-age=86400"
    assert answer.headers.get("Expires") is None


def test_the_media_kit_links_each_photo_by_its_page_never_by_a_rendition(client, auth, site):
    lead = site.public_photos[0]
    auth.login("editor")
    kit = zipfile.ZipFile(io.BytesIO(client.get(f"/staf/siaran/{site.published.id}/kit").data))
    captions = kit.read("captions.txt").decode("utf-8").splitlines()
    assert captions[2].split("\t")[-1] == f"http://localhost/foto/{lead.id}"
    docx = zipfile.ZipFile(io.BytesIO(kit.read(f"{site.published.slug}.docx")))
    texts = [kit.read("captions.txt"), *(docx.read(n) for n in docx.namelist() if n.endswith((".xml", ".rels")))]
    assert not any(b"/media/" in text for text in texts)

"""The WhatsApp groups register, the ticks of the groups a release was pasted into, and
the editor's view of who still has to get it."""
from __future__ import annotations

import re

from sqlalchemy import select

from press.demo.releases import EXAMPLE_RELEASE_TITLE
from press.extensions import db
from press.models import AuditEvent, Release, WhatsAppGroup, WhatsAppSend


def _example(app) -> tuple[int, dict[str, int]]:
    with app.app_context():
        release = db.session.scalar(select(Release).where(Release.title == EXAMPLE_RELEASE_TITLE))
        groups = {g.name: g.id for g in db.session.scalars(select(WhatsAppGroup))}
        return release.id, groups


def test_the_editor_keeps_the_register_and_a_writer_may_not(app, auth, client):
    auth.login("writer")
    assert client.get("/staf/whatsapp/").status_code == 403
    auth.logout()
    auth.login("editor")
    token = auth.token("/staf/whatsapp/")
    answer = client.post("/staf/whatsapp/", data={"csrf_token": token, "name": "Jurnalis Televisi Bekasi",
                                                   "admin": "Bambang", "members": "42"})
    assert answer.status_code == 302
    page = client.get("/staf/whatsapp/").get_data(as_text=True)
    assert "Jurnalis Televisi Bekasi" in page and "42" in page


def test_bad_group_input_is_refused_with_the_reason_and_keeps_what_was_typed(app, auth, client):
    auth.login("editor")
    token = auth.token("/staf/whatsapp/")
    answer = client.post("/staf/whatsapp/", data={"csrf_token": token, "name": "Grup Baru", "members": "banyak"})
    assert answer.status_code == 400
    page = answer.get_data(as_text=True)
    assert "Jumlah anggota harus bilangan bulat" in page and 'value="Grup Baru"' in page
    twin = client.post("/staf/whatsapp/", data={"csrf_token": token, "name": "WARTAWAN  pemkot bekasi"})
    assert twin.status_code == 400 and "Grup bernama Wartawan Pemkot Bekasi sudah ada" in twin.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(WhatsAppGroup).where(WhatsAppGroup.name == "Grup Baru")) is None


def test_staff_tick_the_groups_and_the_editor_sees_who_still_waits(app, auth, client):
    release_id, groups = _example(app)
    auth.login("editor")
    page = client.get(f"/staf/siaran/{release_id}/").get_data(as_text=True)
    assert "1 grup belum menerima siaran ini:" in page and "Media Daring Bekasi Raya" in page
    listing = client.get("/staf/siaran/").get_data(as_text=True)
    assert re.search(rf'href="/staf/siaran/{release_id}/#whatsapp">1 grup belum<', listing)
    auth.logout()

    auth.login("writer")
    token = auth.token(f"/staf/siaran/{release_id}/")
    answer = client.post(f"/staf/siaran/{release_id}/whatsapp", data={
        "csrf_token": token, "group": [groups["Wartawan Pemkot Bekasi"], groups["Media Daring Bekasi Raya"]]})
    assert answer.status_code == 302
    page = client.get(f"/staf/siaran/{release_id}/").get_data(as_text=True)
    assert "Semua grup sudah menerima siaran ini." in page
    assert "Dikirim ke grup WhatsApp" in page and "(Media Daring Bekasi Raya)" in page
    with app.app_context():
        send = db.session.scalar(select(WhatsAppSend).where(WhatsAppSend.group_id == groups["Media Daring Bekasi Raya"]))
        assert send.sent_by.role == "writer" and send.sent_at is not None
        event = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "release.whatsapp_sent",
                                                            AuditEvent.object_id == release_id)).all()[-1]
        assert event.data == {"groups": ["Media Daring Bekasi Raya"]}
    assert "✓" in client.get("/staf/siaran/").get_data(as_text=True)


def test_an_unpublished_release_or_an_unknown_group_is_refused(app, auth, client):
    release_id, groups = _example(app)
    with app.app_context():
        draft = db.session.scalar(select(Release).where(Release.state == "draft")).id
    auth.login("editor")
    token = auth.token(f"/staf/siaran/{release_id}/")
    answer = client.post(f"/staf/siaran/{draft}/whatsapp", data={"csrf_token": token, "group": groups["Wartawan Pemkot Bekasi"]})
    assert answer.status_code == 400
    assert "Hanya siaran yang sudah terbit" in answer.get_data(as_text=True)
    unknown = client.post(f"/staf/siaran/{release_id}/whatsapp", data={"csrf_token": token, "group": "99999999"})
    assert unknown.status_code == 400 and "tidak ada di daftar" in unknown.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(WhatsAppSend).where(WhatsAppSend.release_id == draft)) is None
        assert len(db.session.scalars(select(WhatsAppSend).where(WhatsAppSend.release_id == release_id)).all()) == 1


def test_the_editor_sets_where_the_whatsapp_text_is_cut(app, auth, client):
    release_id, _groups = _example(app)
    auth.login("editor")
    token = auth.token("/staf/whatsapp/")
    refused = client.post("/staf/whatsapp/panjang", data={"csrf_token": token, "cut_length": "20"})
    assert refused.status_code == 400 and "200–65000" in refused.get_data(as_text=True).replace(".", "")
    assert client.post("/staf/whatsapp/panjang", data={"csrf_token": token, "cut_length": "300"}).status_code == 302
    page = client.get(f"/staf/siaran/{release_id}/").get_data(as_text=True)
    text = re.search(r'<textarea id="wa-text-\d+" readonly rows="8">(.*?)</textarea>', page, re.S).group(1)
    assert "… selengkapnya: http://localhost/siaran/" in text
    assert len(text.replace("&#34;", '"').replace("&#39;", "'").replace("&amp;", "&")) <= 300


def test_a_group_taken_out_and_added_again_comes_back_with_its_past_ticks(app, auth, client):
    release_id, groups = _example(app)
    auth.login("editor")
    token = auth.token("/staf/whatsapp/")
    wartawan = groups["Wartawan Pemkot Bekasi"]
    assert client.post(f"/staf/whatsapp/{wartawan}/hapus", data={"csrf_token": token}).status_code == 302
    page = client.get(f"/staf/siaran/{release_id}/").get_data(as_text=True)
    assert f'name="group" value="{wartawan}"' not in page  # no longer offered, nor waited for
    again = client.post("/staf/whatsapp/", data={"csrf_token": token, "name": "Wartawan Pemkot Bekasi"})
    assert again.status_code == 302
    with app.app_context():
        assert db.session.get(WhatsAppGroup, wartawan).active
        assert db.session.scalar(select(WhatsAppSend).where(WhatsAppSend.group_id == wartawan)) is not None

"""PPID classes: exempt information never reaches the public, the editors set the class, and
the public information list (DIP) by class, year and unit, with its CSV."""
from __future__ import annotations

import csv
import html
import io
from datetime import date

import pytest
from sqlalchemy import select

from press.dates import OFFICE_ZONE
from press.extensions import db
from press.models import Activity, AuditEvent, Media, Release, User
from press.services import ppid, workflow
from press.services.ppid import PpidError
from tests.conftest import FIXTURES
from tests.web.publishing_fixtures import add_photo

EXAMPLE_TITLE = "Pemerintah Kota Bekasi Terima Kunker PPID Utama Kabupaten Subang"
NOTICE = "Siaran ini ditarik karena memuat data pribadi warga."


def release_of(app, **where) -> int:
    with app.app_context():
        query = select(Release.id).where(*(getattr(Release, k) == v for k, v in where.items()))
        return db.session.scalar(query.order_by(Release.id).limit(1))


def row(app, model, ident):
    with app.app_context():
        item = db.session.get(model, ident)
        db.session.expunge(item)
        return item


def page_text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def test_a_dikecualikan_release_cannot_be_published_or_scheduled_and_the_editor_reads_why(app, client, auth):
    rid = release_of(app, state="approved")
    auth.login("editor")
    marked = client.post(f"/staf/ppid/siaran/{rid}", data={"csrf_token": auth.token(), "ppid_class": "dikecualikan"})
    assert marked.status_code == 302 and row(app, Release, rid).ppid_class == "dikecualikan"
    for action, extra in (("publish", {}), ("schedule", {"at": f"{date.today().year + 1}-01-02T09:00"})):
        answer = client.post(f"/staf/siaran/{rid}/alur", follow_redirects=True,
                             data={"csrf_token": auth.token(), "action": action, **extra})
        assert "berklasifikasi informasi dikecualikan (PPID), jadi tidak boleh terbit" in page_text(answer)
        assert row(app, Release, rid).state == "approved"
    assert "Informasi dikecualikan" in client.get(f"/staf/siaran/{rid}/").get_data(as_text=True)


def test_marking_a_published_release_dikecualikan_retracts_it_with_its_notice(app, client, auth):
    rid = release_of(app, title=EXAMPLE_TITLE)
    slug = row(app, Release, rid).slug
    assert EXAMPLE_TITLE in client.get("/feed.xml").get_data(as_text=True)
    auth.login("editor")
    refused = client.post(f"/staf/ppid/siaran/{rid}", data={"csrf_token": auth.token(), "ppid_class": "dikecualikan"})
    assert refused.status_code == 400
    assert "Tulis pemberitahuan penarikan untuk pembaca" in page_text(refused)
    release = row(app, Release, rid)
    assert (release.state, release.ppid_class) == ("published", "setiap_saat")

    answer = client.post(f"/staf/ppid/siaran/{rid}", data={
        "csrf_token": auth.token(), "ppid_class": "dikecualikan", "notice": NOTICE})
    assert answer.status_code == 302
    release = row(app, Release, rid)
    assert (release.state, release.ppid_class, release.retraction_notice) == ("retracted", "dikecualikan", NOTICE)
    history = page_text(client.get(f"/staf/siaran/{rid}/riwayat"))
    assert "Klasifikasi informasi publik diubah" in history and "Informasi dikecualikan" in history
    auth.logout()

    gone = client.get(f"/siaran/{slug}")
    assert gone.status_code == 410 and NOTICE in page_text(gone) and EXAMPLE_TITLE not in page_text(gone)
    for url in ("/", "/arsip", "/feed.xml", "/atom.xml", "/sitemap.xml", "/api/v1/releases", "/arsip/2021",
                "/ppid/daftar-informasi", "/ppid/daftar-informasi.csv", "/cari?q=Subang", "/api/v1/search?q=Subang"):
        answer = client.get(url)
        assert EXAMPLE_TITLE not in page_text(answer) and slug not in page_text(answer), url


def test_a_scheduled_release_marked_dikecualikan_loses_its_embargo(app, client, auth):
    rid = release_of(app, state="scheduled")
    auth.login("editor")
    client.post(f"/staf/ppid/siaran/{rid}", data={"csrf_token": auth.token(), "ppid_class": "dikecualikan"})
    release = row(app, Release, rid)
    assert (release.state, release.embargo_at, release.ppid_class) == ("approved", None, "dikecualikan")


def test_photos_follow_their_activity_out_of_the_public_site(app, client, auth):
    with app.app_context():
        activity = db.session.scalar(select(Activity).where(Activity.title.like("Peresmian%")))
        photo = add_photo(app, FIXTURES / "images/r_sony.jpg", activity_id=activity.id, is_public=True,
                          caption="Gunting pita gedung puskesmas")
        db.session.commit()
        activity_id, media_id = activity.id, photo.id
        renditions = [f"/media/{r.sha256}/{r.variant}.jpg" for r in photo.renditions]
    public_urls = [f"/foto/{media_id}", f"/kegiatan/{activity_id}", f"/api/v1/photos/{media_id}", *renditions]
    assert all(client.get(url).status_code == 200 for url in public_urls)
    assert "Gunting pita" in client.get("/api/v1/search?q=gunting").get_data(as_text=True)

    auth.login("editor")
    section = client.get(f"/staf/kegiatan/{activity_id}").get_data(as_text=True)
    assert "Informasi publik (PPID)" in section and "Informasi setiap saat" in section
    client.post(f"/staf/ppid/kegiatan/{activity_id}", data={"csrf_token": auth.token(), "ppid_class": "dikecualikan"})
    auth.logout()
    assert [client.get(url).status_code for url in public_urls] == [404] * len(public_urls)
    for url in ("/api/v1/photos", "/galeri", "/ppid/daftar-informasi", "/api/v1/search?q=gunting", "/cari?q=gunting"):
        assert "Gunting pita" not in client.get(url).get_data(as_text=True), url


def test_an_activity_with_a_published_release_is_marked_dikecualikan_only_after_the_release(app, client, auth):
    with app.app_context():
        activity_id = db.session.scalar(select(Release.activity_id).where(Release.title == EXAMPLE_TITLE))
    auth.login("editor")
    refused = client.post(f"/staf/ppid/kegiatan/{activity_id}",
                          data={"csrf_token": auth.token(), "ppid_class": "dikecualikan"})
    assert refused.status_code == 400
    assert f"punya siaran yang terbit atau terjadwal ({EXAMPLE_TITLE})" in page_text(refused)
    assert row(app, Activity, activity_id).ppid_class == "setiap_saat"


def test_a_release_of_a_dikecualikan_activity_is_drafted_exempt_and_never_published(ctx):
    editor = db.session.scalar(select(User).where(User.role == "editor"))
    release = db.session.scalar(select(Release).where(Release.state == "in_review"))
    ppid.classify_activity(db.session, release.activity, "dikecualikan", editor)
    with pytest.raises(workflow.WorkflowError, match="Kegiatan siaran ini"):
        workflow.apply(db.session, release, "publish", editor)
    from press.services.releases import create_draft

    draft, _missing = create_draft(db.session, release.activity, editor)
    assert draft.ppid_class == "dikecualikan"


def test_only_editors_set_a_class_over_http_and_in_the_service(app, client, auth):
    rid = release_of(app, state="draft")
    auth.login("writer")
    answer = client.post(f"/staf/ppid/siaran/{rid}", data={"csrf_token": auth.token(), "ppid_class": "berkala"})
    assert answer.status_code == 403
    with app.app_context():
        writer = db.session.scalar(select(User).where(User.role == "writer"))
        release = db.session.get(Release, rid)
        with pytest.raises(PpidError, match="Peran Anda tidak boleh"):
            ppid.classify_release(db.session, release, "berkala", writer)
        db.session.rollback()
        assert db.session.get(Release, rid).ppid_class == "setiap_saat"
        assert not db.session.scalars(select(AuditEvent).where(AuditEvent.action == "release.ppid_class",
                                                               AuditEvent.object_id == rid)).all()


@pytest.mark.parametrize("value", ["rahasia", "", "dikecualikan-x"])
def test_an_unknown_class_is_refused_with_the_choices(app, client, auth, value):
    rid = release_of(app, state="draft")
    auth.login("editor")
    answer = client.post(f"/staf/ppid/siaran/{rid}", data={"csrf_token": auth.token(), "ppid_class": value})
    assert answer.status_code == 400
    assert "pilih salah satu dari: berkala, serta_merta, setiap_saat, dikecualikan" in page_text(answer)


# -- the public information list -------------------------------------------------------


def publish_berkala(app) -> Release:
    """The demo's approved (berkala) release published today, its title written as a formula."""
    with app.app_context():
        editor = db.session.scalar(select(User).where(User.role == "editor"))
        release = db.session.scalar(select(Release).where(Release.state == "approved"))
        release.title = "=HYPERLINK(\"http://contoh.test\") " + release.title
        workflow.apply(db.session, release, "publish", editor)
        db.session.commit()
        db.session.refresh(release)
        _ = release.unit
        db.session.expunge(release)
        return release


def test_the_information_list_by_class_year_and_unit_with_its_csv(app, client):
    berkala = publish_berkala(app)
    year = berkala.published_at.year
    everything = page_text(client.get("/ppid/daftar-informasi"))
    assert EXAMPLE_TITLE in everything and berkala.title in everything
    assert "Informasi berkala" in everything and "Informasi setiap saat" in everything
    only_berkala = page_text(client.get("/ppid/daftar-informasi?kelas=berkala"))
    assert berkala.title in only_berkala and EXAMPLE_TITLE not in only_berkala
    only_2021 = page_text(client.get("/ppid/daftar-informasi?tahun=2021"))
    assert EXAMPLE_TITLE in only_2021 and berkala.title not in only_2021
    of_unit = page_text(client.get(f"/ppid/daftar-informasi?unit={berkala.unit.slug}&tahun={year}"))
    assert berkala.title in of_unit

    download = client.get("/ppid/daftar-informasi.csv?kelas=berkala")
    assert download.status_code == 200 and download.mimetype == "text/csv"
    assert download.headers["Content-Disposition"].startswith("attachment;")
    assert ".csv" in download.headers["Content-Disposition"]
    text = download.get_data().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["Klasifikasi", "Jenis", "Judul", "Unit", "Tanggal", "Tautan"]
    assert len(rows) == 2
    klass, kind, title, unit, day, link = rows[1]
    assert (klass, kind, unit, day) == ("Informasi berkala", "Siaran pers", berkala.unit.name,
                                         berkala.published_at.astimezone(OFFICE_ZONE).date().isoformat())
    assert title == "'" + berkala.title  # a spreadsheet shows the formula as text
    assert link.endswith(f"/siaran/{berkala.slug}")


def test_the_information_list_counts_an_activity_gallery(app, client):
    with app.app_context():
        activity = db.session.scalar(select(Activity).where(Activity.title.like("Peresmian%")))
        add_photo(app, FIXTURES / "images/r_sony.jpg", activity_id=activity.id, is_public=True, caption="Pita")
        db.session.commit()
        title = activity.title
    listing = page_text(client.get("/ppid/daftar-informasi?tahun=2021"))
    assert title in listing and "Galeri foto kegiatan (1 foto)" in listing


@pytest.mark.parametrize("query, reason", [
    ("kelas=dikecualikan", "Klasifikasi informasi dikecualikan tidak dikenal"),
    ("kelas=<script>", "Klasifikasi informasi <script> tidak dikenal"),
    ("tahun=abc", "Tahun abc tidak terbaca"),
    ("tahun=99999999999999999999999", "tidak terbaca"),
    ("unit=tidak-ada", "Unit tidak-ada tidak dikenal"),
])
def test_a_filter_that_names_nothing_is_refused_with_the_reason(client, query, reason):
    answer = client.get(f"/ppid/daftar-informasi?{query}")
    assert answer.status_code == 400 and reason in page_text(answer)
    assert "<script>" not in answer.get_data(as_text=True)
    download = client.get(f"/ppid/daftar-informasi.csv?{query}")
    assert download.status_code == 400 and reason in download.get_data(as_text=True)
    assert download.mimetype == "text/plain"


def test_the_demo_has_a_release_in_each_class(ctx):
    classes = set(db.session.scalars(select(Release.ppid_class)))
    assert classes == {"berkala", "serta_merta", "setiap_saat", "dikecualikan"}
    exempt = db.session.scalar(select(Release).where(Release.ppid_class == "dikecualikan"))
    assert exempt.state == "retracted" and exempt.retraction_notice
    assert db.session.scalar(select(Media.id).join(Activity).where(Activity.ppid_class == "dikecualikan")) is None

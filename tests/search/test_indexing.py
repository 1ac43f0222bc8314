"""The indexing service: documents built from the database, the queue drained into both indexes."""
from __future__ import annotations

import logging
from datetime import date, datetime, timezone

import pytest
from sqlalchemy import func, select

from press.extensions import db
from press.models import Activity, IndexQueueEntry, Media, Note, Release, ReleasePhoto, Rendition, Unit
from press.search import Document, IndexBusyError, PgSearchIndex, upsert
from press.services import index_documents, indexing
from press.services.activities import ActivityData, create_activity
from press.services.activities import enqueue_index as old_enqueue_index
from press.services.tags import attach_tags
from tests.search.conftest import BACKENDS


@pytest.fixture(params=BACKENDS)
def index(request, ctx, queued_jobs):
    """The app's index (whoosh, or PostgreSQL in a database of its own) rebuilt from the demo
    data, with an empty queue to start from; the drain jobs commits ask for wait (the tests
    drain by hand)."""
    if request.param == "postgres":
        ctx.extensions["search_index"] = PgSearchIndex(request.getfixturevalue("pg_search_url"))
    ix = ctx.extensions["search_index"]
    indexing.rebuild_all(db.session, ix)
    indexing.drain(db.session, ix)
    return ix


def queued() -> int:
    return db.session.scalar(select(func.count()).select_from(IndexQueueEntry))


def keys(result) -> list[str]:
    return [hit.doc_key for hit in result.hits]


def add_release(title: str, body: str, *, state: str = "draft", activity_id: int = 1, slug: str | None = None) -> Release:
    release = Release(
        activity_id=activity_id, title=title, body=body, state=state, slug=slug or title.lower().replace(" ", "-"),
        dateline="Bekasi, 30 September 2021",
        published_at=datetime(2021, 9, 30, 5, tzinfo=timezone.utc) if state == "published" else None,
    )
    db.session.add(release)
    db.session.flush()
    indexing.enqueue_index(db.session, "release", release.id)
    db.session.commit()
    return release


def set_state(release: Release, state: str) -> None:
    release.state = state
    indexing.enqueue_index(db.session, "release", release.id)
    db.session.commit()


def add_photo(caption: str, *, public: bool, activity_id: int = 1, sha: str = "a") -> Media:
    media = Media(
        sha256=sha * 64, activity_id=activity_id, mime="image/jpeg", bytes=1000, width=4000, height=3000,
        caption=caption, credit="Dok. Humas Pemkot Bekasi", is_public=public, make="Canon", model="EOS 80D",
        taken_at=datetime(2021, 9, 30, 9, 41),
    )
    media.renditions.append(Rendition(variant="web", sha256=sha * 64, path=f"{sha}/web.jpg", width=1600,
                                      height=1200, bytes=500))  # made: a photo being processed is never public
    db.session.add(media)
    db.session.flush()
    indexing.enqueue_index(db.session, "media", media.id)
    db.session.commit()
    return media


def test_enqueue_index_is_still_importable_from_activities():
    assert old_enqueue_index is indexing.enqueue_index


def test_a_drafts_unique_word_reaches_staff_and_never_public(index):
    draft = add_release("Draf Peresmian Jembatan", "Jembatan zamrudwangi diresmikan Wali Kota.")
    report = indexing.drain(db.session, index)
    assert report.rows == 1 and report.upserted == 1 and report.public == 0 and queued() == 0
    assert keys(index.search("zamrudwangi", public=False)) == [f"release:{draft.id}"]
    assert index.search("zamrudwangi", public=True).total == 0

    other = add_release("Sosialisasi Stunting", "Dinkes menggelar sosialisasi stunting.", state="published")
    indexing.drain(db.session, index)
    assert keys(index.search("stunting", public=True)) == [f"release:{other.id}"]
    assert index.search("zamrudwangi", public=True).total == 0
    assert index.search("zamrudwangi", public=False).total == 1

    set_state(draft, "published")
    indexing.drain(db.session, index)
    assert keys(index.search("zamrudwangi", public=True)) == [f"release:{draft.id}"]

    set_state(draft, "retracted")
    indexing.drain(db.session, index)
    assert index.search("zamrudwangi", public=True).total == 0
    assert keys(index.search("zamrudwangi", public=False)) == [f"release:{draft.id}"]
    assert indexing.check(db.session, index).ok


def test_a_release_document_carries_its_activity_people_unit_and_tags(index):
    release = add_release("Terima Kunjungan Subang", "Kunjungan kerja PPID.", state="published")
    attach_tags(db.session, "release", release.id, [("topic", "Keterbukaan Informasi", "manual")])
    indexing.enqueue_index(db.session, "release", release.id)
    db.session.commit()
    indexing.drain(db.session, index)
    doc = index_documents.document_for(db.session, "release", release.id)
    assert "Sajekti Rubiyah" in doc.people and doc.unit == "Bagian Humas Setda"
    assert doc.activity_kind == "kunjungan_kerja" and doc.tags == ("Keterbukaan Informasi",)
    assert doc.status == "published" and doc.url == f"/siaran/{release.slug}"
    result = index.search('orang:"Sajekti Rubiyah" tag:"Keterbukaan Informasi"', public=True)
    assert keys(result) == [f"release:{release.id}"]


def test_release_formatting_marks_stay_out_of_the_index(index):
    release = add_release("Siaran Bergaya", "Wali Kota **menegaskan** pentingnya *gotong royong* warga.")
    indexing.drain(db.session, index)
    hit = index.search('"menegaskan pentingnya"', public=False).hits[0]
    assert hit.doc_key == f"release:{release.id}" and "*" not in hit.snippet


def test_photos_are_public_exactly_when_marked_public(index):
    private = add_photo("Kabag Humas menerima cinderamata kenang-kenangan", public=False, sha="b")
    public = add_photo("Foto bersama rombongan kenang-kenangan", public=True, sha="c")
    indexing.drain(db.session, index)
    assert keys(index.search("kenang-kenangan", public=True)) == [f"photo:{public.id}"]
    assert index.search("kenang-kenangan", public=False).total == 2
    assert index.search("canon", public=False).total == 2, "camera facts are searchable"
    public.is_public = False
    indexing.enqueue_index(db.session, "photo", public.id)
    db.session.commit()
    indexing.drain(db.session, index)
    assert index.search("kenang-kenangan", public=True).total == 0
    assert {private.id, public.id} == {h.id for h in index.search("kenang-kenangan", public=False).hits}


def test_a_photo_of_a_published_release_is_public_until_the_release_is_retracted(index):
    photo = add_photo("Penandatanganan prasasti bersejarah", public=False, sha="d")
    damaged = add_photo("Prasasti dari sudut lain", public=True, sha="e")
    damaged.status = "metadata_only"
    release = add_release("Peresmian Prasasti", "Wali Kota meresmikan prasasti.")
    db.session.add(ReleasePhoto(release_id=release.id, media_id=photo.id, position=0))
    indexing.enqueue_index(db.session, "photo", damaged.id)
    db.session.commit()
    indexing.drain(db.session, index)
    assert index.search("prasasti jenis:foto", public=True).total == 0
    set_state(release, "published")
    indexing.drain(db.session, index)
    assert keys(index.search("prasasti jenis:foto", public=True)) == [f"photo:{photo.id}"]
    set_state(release, "retracted")
    indexing.drain(db.session, index)
    assert index.search("prasasti jenis:foto", public=True).total == 0
    assert index.search("prasasti jenis:foto", public=False).total == 2
    assert indexing.check(db.session, index).ok


def test_a_note_is_found_by_its_text_and_extracted_people(index):
    note = Note(activity_id=1, source="typed", text="Rombongan dipimpin Mas Indra tentang pengelolaan arsip digital.",
                extraction={"people": [{"name": "Indra Subhan"}], "organisations": [{"name": "Diskominfo Subang"}],
                            "places": [{"name": "Subang"}]})
    db.session.add(note)
    db.session.flush()
    indexing.enqueue_index(db.session, "note", note.id)
    db.session.commit()
    indexing.drain(db.session, index)
    assert keys(index.search("arsip digital", public=False)) == [f"note:{note.id}"]
    assert f"note:{note.id}" in keys(index.search('orang:"Indra Subhan" jenis:catatan', public=False))
    assert index.search("arsip digital", public=True).total == 0


def test_a_deleted_object_leaves_both_indexes(index):
    release = add_release("Siaran Sementara", "Kata kuncinya xilofonik.", state="published")
    indexing.drain(db.session, index)
    assert index.search("xilofonik", public=True).total == 1
    release_id = release.id
    db.session.delete(release)
    indexing.enqueue_index(db.session, "release", release_id)
    db.session.commit()
    report = indexing.drain(db.session, index)
    assert report.deleted == 1
    assert index.search("xilofonik", public=True).total == 0
    assert index.search("xilofonik", public=False).total == 0


def test_draining_twice_changes_nothing_and_repeated_rows_make_one_document(index):
    release = add_release("Rakor Banjir", "Rapat koordinasi penanganan banjir.", state="published")
    for _ in range(3):
        indexing.enqueue_index(db.session, "release", release.id)
    db.session.commit()
    first = indexing.drain(db.session, index)
    again = indexing.drain(db.session, index)
    assert first.rows == 4 and first.upserted == 1
    assert again.rows == 0 and again.upserted == 0
    assert index.search("banjir", public=False).total == 1


def test_an_activity_change_refreshes_the_documents_that_repeat_it(index):
    release = add_release("Peresmian Gedung", "Gedung baru diresmikan.", state="published", activity_id=3)
    indexing.drain(db.session, index)
    activity = db.session.get(Activity, 3)
    activity.unit = db.session.scalar(select(Unit).where(Unit.abbreviation == "Diskominfostandi"))
    indexing.enqueue_index(db.session, "activity", 3)
    db.session.commit()
    indexing.drain(db.session, index)
    assert keys(index.search("gedung unit:Diskominfostandi jenis:siaran", public=True)) == [f"release:{release.id}"]


def test_an_activity_change_queued_with_one_of_its_releases_refreshes_every_release(index):
    release = add_release("Peresmian Taman", "Taman kota diresmikan oksigenik.", state="published", activity_id=3)
    indexing.drain(db.session, index)
    first = min(db.session.scalars(select(Release.id).where(Release.activity_id == 3)))
    db.session.get(Activity, 3).unit = db.session.scalar(select(Unit).where(Unit.abbreviation == "Diskominfostandi"))
    indexing.enqueue_index(db.session, "activity", 3)
    indexing.enqueue_index(db.session, "release", first)  # reached again through the activity
    db.session.commit()
    indexing.drain(db.session, index)
    assert keys(index.search("oksigenik unit:Diskominfostandi", public=True)) == [f"release:{release.id}"]


def test_a_busy_index_keeps_the_rows_and_raises_nothing(index, caplog):
    add_release("Siaran Antre", "Kata tunggu kaleidoskopik.", state="published")
    index.lock_timeout = 0.2
    caplog.set_level(logging.INFO, logger=indexing.__name__)
    with index.exclusive("drain", timeout=1):
        report = indexing.drain(db.session, index)
    assert report.busy and report.rows == 0 and report.remaining == 1 and queued() == 1
    [said] = [r.getMessage() for r in caplog.records if r.name == indexing.__name__]
    assert said.startswith("search index busy, queue left for the next drain: the search drain")  # and why
    assert index.search("kaleidoskopik", public=False).total == 0
    assert indexing.drain(db.session, index).rows == 1
    assert index.search("kaleidoskopik", public=True).total == 1


def test_a_failed_index_write_keeps_the_rows(index, monkeypatch):
    add_release("Siaran Gagal", "Kata simpan heliotropik.", state="published")

    def broken(changes):
        raise OSError("disk full")

    monkeypatch.setattr(index, "apply", broken)
    with pytest.raises(OSError):
        indexing.drain(db.session, index)
    assert queued() == 1
    monkeypatch.undo()
    indexing.drain(db.session, index)
    assert queued() == 0 and index.search("heliotropik", public=True).total == 1


def test_an_unknown_kind_in_the_queue_is_dropped_without_harm(index):
    indexing.enqueue_index(db.session, "spreadsheet", 5)
    db.session.commit()
    report = indexing.drain(db.session, index)
    assert report.unknown == 1 and queued() == 0


def test_rebuild_all_and_check_agree_with_the_database(index):
    draft = add_release("Draf Rahasia", "Kata rahasia quasarik.")
    published = add_release("Siaran Terbit", "Kata terbuka pulsarik.", state="published")
    indexing.rebuild_all(db.session, index)
    assert indexing.check(db.session, index).ok
    indexing.drain(db.session, index)
    staff, public = indexing.expected_keys(db.session)
    assert f"release:{draft.id}" in staff and f"release:{draft.id}" not in public
    assert f"release:{published.id}" in public and "activity:1" in staff and "activity:1" not in public
    index.apply([indexing.Delete("release", published.id)])
    drift = indexing.check(db.session, index)
    assert drift.missing_staff == drift.missing_public == {f"release:{published.id}"}
    assert indexing.repair(db.session, index) == 1
    assert indexing.check(db.session, index).ok


def test_repair_rewrites_each_kind_of_drift_from_the_database(index):
    """Writes lost every way (a document missing from one index or both, one left behind
    in one or both, one under a key no row can have): the repair makes both indexes say what
    the database says."""
    lost = add_release("Draf Hilang", "Kata hilang zirkonik.")
    unpublished_since = add_release("Siaran Mundur", "Kata mundur rodonik.", state="published")
    deleted_draft = add_release("Draf Terhapus", "Kata hapus kobaltik.")
    deleted_published = add_release("Siaran Terhapus", "Kata hapus litiumik.", state="published")
    published_since = add_release("Draf Terbit", "Kata terbit galiumik.")
    indexing.drain(db.session, index)
    index.apply([indexing.Delete("release", lost.id)])  # each change below misses the queue: a lost write
    index.apply([upsert(Document(kind="release", id="lama", title="Kunci lama", body="Kata lama uraniumik."))])
    unpublished_since.state, published_since.state = "draft", "published"
    published_since.published_at = datetime(2021, 10, 1, 5, tzinfo=timezone.utc)
    db.session.delete(deleted_draft)
    db.session.delete(deleted_published)
    db.session.commit()
    assert not indexing.check(db.session, index).ok
    assert indexing.repair(db.session, index) == 6
    assert indexing.check(db.session, index).ok
    staff = {word: index.search(word, public=False).total for word in
             ("zirkonik", "rodonik", "kobaltik", "litiumik", "galiumik", "uraniumik")}
    assert staff == {"zirkonik": 1, "rodonik": 1, "kobaltik": 0, "litiumik": 0, "galiumik": 1, "uraniumik": 0}
    public = {word: index.search(word, public=True).total for word in ("rodonik", "litiumik", "galiumik")}
    assert public == {"rodonik": 0, "litiumik": 0, "galiumik": 1}
    assert indexing.repair(db.session, index) == 0


def test_a_repair_never_writes_beside_a_drain_in_progress(index):
    index.apply([indexing.Delete("activity", 1)])
    index.lock_timeout = 0.2
    with index.exclusive("drain", timeout=1):
        with pytest.raises(IndexBusyError):
            indexing.repair(db.session, index)
    assert indexing.check(db.session, index).missing_staff == {"activity:1"}
    assert indexing.repair(db.session, index) == 1


def test_a_queue_longer_than_a_batch_is_drained_whole_and_reported(index, monkeypatch, caplog):
    monkeypatch.setattr(indexing, "DRAIN_BATCH", 2)
    published = add_release("Siaran Bertahap", "Kata tahap selenik.", state="published")
    draft = add_release("Draf Bertahap", "Kata tahap telurik.")
    indexing.enqueue_index(db.session, "spreadsheet", 7)
    db.session.commit()
    add_release("Siaran Susulan", "Kata susul bromik.", state="published")
    indexing.enqueue_index(db.session, "spreadsheet", 8)
    indexing.enqueue_index(db.session, "release", published.id)  # changed again since
    db.session.delete(draft)
    db.session.commit()
    assert indexing.queue_length(db.session) == 6
    report = indexing.drain(db.session, index)  # three batches of 2 rows, each writing what it read
    assert report.as_dict() == {"rows": 6, "upserted": 3, "public": 3, "deleted": 1, "unknown": 2, "busy": False,
                                "remaining": 0}
    assert indexing.queue_length(db.session) == 0
    found = [index.search(word, public=public).total for word, public in
             (("selenik", True), ("bromik", True), ("telurik", False))]
    assert found == [1, 1, 0]
    assert "index queue: nothing builds documents of kind 'spreadsheet' (id 8)" in [r.getMessage() for r in caplog.records]


def test_every_object_of_each_kind_is_one_document(index):
    """The count the rebuild's progress bar runs to, and the documents the rebuild writes,
    read in chunks: every activity, photo, note and release once."""
    add_release("Siaran Hitung", "Kata hitung.", state="published")
    add_photo("Foto hitung", public=False)
    by_hand = sum(db.session.scalar(select(func.count()).select_from(model)) for model in (Activity, Media, Note, Release))
    assert indexing.count_documents(db.session) == by_hand
    keys_in_chunks = [f"{doc.kind}:{doc.id}" for doc in indexing.all_documents(db.session, chunk=2)]
    assert len(keys_in_chunks) == len(set(keys_in_chunks)) == by_hand
    progress = []  # what moves `flask search rebuild`'s bar
    assert indexing.rebuild_all(db.session, index, progress=progress.append) == progress[-1] > 0


def test_a_commit_in_an_application_context_is_drained_by_the_job_it_asks_for(app):
    with app.app_context():
        unit_id = db.session.scalar(select(Unit.id).limit(1))
        create_activity(db.session, ActivityData(
            title="Pelantikan Pejabat Fungsional Ornitologis", kind="pelantikan", starts_on=date(2022, 2, 1),
            unit_id=unit_id), actor=None)
        db.session.commit()
    with app.app_context():
        assert queued() == 0
        assert app.extensions["search_index"].search("ornitologis", public=False).total == 1


def test_a_release_published_after_midnight_in_jakarta_is_dated_that_day(index):
    """19.38 UTC on 28 November is 02.38 WIB on the 29th: the hit, the year facet and the
    date filter go by the office's day, as the release page does."""
    release = add_release("Siaran Dini Hari", "Wali Kota meninjau banjir kanal.", state="published")
    release.published_at = datetime(2026, 11, 28, 19, 38, tzinfo=timezone.utc)
    indexing.enqueue_index(db.session, "release", release.id)
    db.session.commit()
    indexing.drain(db.session, index)
    hit = index.search("kanal", public=True).hits[0]
    assert hit.date.date() == date(2026, 11, 29)
    assert keys(index.search("kanal tanggal:2026-11-29", public=True)) == [f"release:{release.id}"]

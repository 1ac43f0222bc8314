"""Bulk edit of photos: every public rendition rewritten, undone cleanly, a photo edited in
between left and named; refusals listed per photo; licences in XMP and IPTC."""
from __future__ import annotations

import io
import json
from datetime import timedelta

import exifread
import pytest
from PIL import Image, IptcImagePlugin
from sqlalchemy import select

from press import job_queue
from press.extensions import db
from press.models import Activity, AuditEvent, BulkEdit, Media, User
from press.photos.public_meta import read_public_meta
from press.services import bulk_edit, indexing, licences, public
from press.services import media as service
from press.services import media_ingest
from press.storage import FileStorage


def small_jpeg(seed: int) -> bytes:
    image = Image.new("RGB", (48, 32), ((seed * 37) % 256, (seed * 91) % 256, (seed * 53) % 256))
    image.putpixel((seed % 48, (seed // 48) % 32), (255 - seed % 256, seed % 7, 9))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()


@pytest.fixture
def photos(ctx, tmp_path):
    """``photos(n)``: n small photos ingested into the first activity, as its photographer.

    Each photo is committed on its own, as uploads are; the search index catches up once after
    the last, as a job worker behind the uploads would (the index's drain after each commit was
    half the time of the 200-photo test)."""
    activity = db.session.scalar(select(Activity).order_by(Activity.id))
    user = db.session.scalar(select(User).where(User.role == "photographer"))
    store = FileStorage(ctx.config["MEDIA_ROOT"])
    config = service.IngestConfig.from_mapping(ctx.config)

    def make(count: int, start: int = 0) -> list[Media]:
        files = [media_ingest.PhotoFile(f"p{n}.jpg", small_jpeg(n)) for n in range(start, start + count)]
        made = []
        immediate = ctx.extensions["jobs"]
        ctx.extensions["jobs"] = job_queue.JobQueue(ctx, job_queue.make_huey(f"sqlite:///{tmp_path / 'later.db'}"))
        try:
            for outcome in media_ingest.ingest_many(db.session, store, files, activity=activity, uploader=user,
                                                    batch=media_ingest.BatchMeta(credit="Humas"), config=config):
                db.session.commit()
                assert outcome.outcome == media_ingest.INGESTED, outcome.reason_text()
                made.append(outcome.media)
        finally:
            ctx.extensions["jobs"] = immediate
        immediate.enqueue(indexing.DRAIN_JOB)
        assert indexing.queue_length(db.session) == 0
        return made

    make.store, make.activity = store, activity
    return make


def rendition_bytes(store: FileStorage, media: Media, variant: str) -> bytes:
    with store.open_rendition(media.sha256, variant) as handle:
        return handle.read()


def exif_caption(data: bytes) -> str:
    tags = exifread.process_file(io.BytesIO(data), details=False)
    return str(tags["Image ImageDescription"])


def iptc(data: bytes) -> dict:
    with Image.open(io.BytesIO(data)) as image:
        return {key: value.decode("utf-8") for key, value in (IptcImagePlugin.getiptcinfo(image) or {}).items()
                if isinstance(value, bytes)}


def test_bulk_caption_of_200_photos_rewrites_every_rendition_and_undoes_cleanly(photos, runner):
    made = photos(200)
    ids = [m.id for m in made]
    old = {m.id: m.caption for m in made}
    result = runner.invoke(args=["media", "edit", "--ids", ",".join(map(str, ids)), "--caption",
                                 "Upacara HUT Kota ke-28", "--licence", "cc-by-4.0", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert sorted(report["changed"]) == sorted(ids) and report["refused"] == [] and report["rendered"] == 200
    db.session.expire_all()
    for media in db.session.scalars(select(Media).where(Media.id.in_(ids))):
        assert media.caption == "Upacara HUT Kota ke-28"
        for rendition in media.renditions:
            data = rendition_bytes(photos.store, media, rendition.variant)
            assert exif_caption(data) == "Upacara HUT Kota ke-28"
            assert iptc(data)[(2, 120)] == "Upacara HUT Kota ke-28"
            xmp = read_public_meta(data)["xmp"]
            assert xmp["usage_terms"] == "CC BY 4.0."
            assert xmp["web_statement"] == "https://creativecommons.org/licenses/by/4.0/"
    events = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "media.bulk_edit")).all()
    assert len(events) == 1 and sorted(events[0].data["media"]) == sorted(ids)

    edit = db.session.get(BulkEdit, report["bulk_edit_id"])
    bulk_edit.undo(db.session, None, edit)
    db.session.commit()
    while bulk_edit.render_pending(db.session, photos.store, edit):
        db.session.commit()
    db.session.expire_all()
    for media in db.session.scalars(select(Media).where(Media.id.in_(ids))):
        assert media.caption == old[media.id] and media.licence_id is None
        data = rendition_bytes(photos.store, media, "web")
        assert "caption" not in read_public_meta(data)["xmp"] and "usage_terms" not in read_public_meta(data)["xmp"]


def test_a_photo_edited_in_between_is_left_as_it_is_and_named(photos):
    first, second, third = photos(3)
    edit = bulk_edit.apply(db.session, None, [first.id, second.id, third.id],
                           bulk_edit.Changes(caption="Banjir", caption_mode="prefix", credit="Dinkes"))
    db.session.commit()
    service.update_text(db.session, photos.store, second, actor=None, caption="Ditulis ulang", credit="Dinkes",
                        copyright=None)
    db.session.commit()
    bulk_edit.undo(db.session, None, edit)
    db.session.commit()
    assert [k["media_id"] for k in edit.kept] == [second.id] and edit.kept[0]["code"] == "edited_since"
    db.session.expire_all()
    assert db.session.get(Media, second.id).caption == "Ditulis ulang"
    assert db.session.get(Media, first.id).credit == "Humas"


def test_undo_is_refused_after_a_day_and_twice(photos):
    (media,) = photos(1)
    edit = bulk_edit.apply(db.session, None, [media.id], bulk_edit.Changes(credit="X"))
    db.session.commit()
    edit.created_at -= timedelta(days=1, minutes=1)
    with pytest.raises(service.MediaError, match="sehari"):
        bulk_edit.undo(db.session, None, edit)
    edit.created_at += timedelta(days=1)
    bulk_edit.undo(db.session, None, edit)
    with pytest.raises(service.MediaError, match="sudah dibatalkan"):
        bulk_edit.undo(db.session, None, edit)


def test_an_internal_licence_refuses_making_public_and_the_others_are_applied(photos):
    kept, other = photos(2)
    kept.licence = licences.by_code(db.session, "internal")
    db.session.commit()
    edit = bulk_edit.apply(db.session, None, [kept.id, other.id, 999999], bulk_edit.Changes(public=True))
    db.session.commit()
    assert [p["id"] for p in edit.photos] == [other.id]
    assert {r["media_id"]: r["code"] for r in edit.refused} == {kept.id: "licence_internal", 999999: "not_found"}
    assert not db.session.get(Media, kept.id).is_public


def test_a_writer_may_caption_but_not_publish(photos, runner):
    made = photos(2)
    writer = db.session.scalar(select(User).where(User.role == "writer"))
    ids = ",".join(str(m.id) for m in made)
    result = runner.invoke(args=["media", "edit", "--ids", ids, "--public", "--as", writer.email, "--json"])
    assert result.exit_code == 1
    assert {r["code"] for r in json.loads(result.output)["refused"]} == {"not_permitted"}


def test_bad_input_is_refused_whole_with_the_reason(photos, runner):
    (media,) = photos(1)
    for args, reason in ((["--ids", "1,x"], "Nomor foto tidak sah"), (["--ids", str(media.id)], "Tidak ada yang diubah"),
                         (["--ids", str(media.id), "--licence", "nope"], "Lisensi nope tidak ada"),
                         (["--ids", str(media.id), "--caption", "a", "--caption-prefix", "b"], "exclude")):
        result = runner.invoke(args=["media", "edit", *args])
        assert result.exit_code != 0 and reason in result.output, result.output


def test_a_licence_alone_is_a_change_and_is_undone(photos):
    made = photos(2)
    for media in made:
        media.is_public = True
    db.session.commit()
    edit = bulk_edit.apply(db.session, None, [m.id for m in made], bulk_edit.Changes(licence="media-kredit"))
    db.session.commit()
    assert [p["id"] for p in edit.photos] == [m.id for m in made]
    assert bulk_edit.progress(edit) == {"done": 2, "total": 2}  # the job ran as the transaction committed
    bulk_edit.undo(db.session, None, edit)
    db.session.commit()
    db.session.expire_all()
    assert [db.session.get(Media, m.id).licence for m in made] == [None, None]


def test_the_photos_own_public_toggle_refuses_an_internal_licence_too(photos):
    (media,) = photos(1)
    media.licence = licences.by_code(db.session, "internal")
    with pytest.raises(public.PublishRefused, match="hanya untuk internal"):
        service.set_flags(db.session, media, actor=None, public=True)


def test_a_pasted_list_past_the_limit_is_refused_without_reading_the_rest():
    """150,000 pasted ids held a worker 257 s: every id was read and compared with each one
    kept before the limit refused the list. The refusal now comes at the first id past it."""
    read = 0

    def pasted():
        nonlocal read
        for number in range(1, 5 * bulk_edit.MAX_PHOTOS):
            read += 1
            assert read <= bulk_edit.MAX_PHOTOS + 1, "read past the first id over the limit"
            yield str(number)

    with pytest.raises(service.MediaError) as refused:
        bulk_edit.parse_ids(pasted())
    assert refused.value.params == {"limit": bulk_edit.MAX_PHOTOS}
    assert bulk_edit.parse_ids(["3", " 1", "3", "", "2"]) == [3, 1, 2]

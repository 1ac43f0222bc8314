"""The media service: every fixture through ingest, broken files, duplicates (also racing),
auto-tags, caption rewrite, near-duplicate groups, verify and rebuild."""
from __future__ import annotations

import hashlib
import os
from datetime import datetime
from types import SimpleNamespace

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from press.demo import demo_photo_jpeg
from press.extensions import db
from press.models import Activity, Media, User, Venue
from press.photos.errors import MESSAGES
from press.services import media as service
from press.services import media_ingest
from press.services import media_integrity
from press.services.tags import tags_of
from press.storage import FileStorage

from .conftest import BROKEN, EXPECTED, FIXTURES, IMAGES
from .test_photo_fixtures import BROKEN_OUTCOMES, assert_facts_match


@pytest.fixture
def env(ctx):
    app = ctx
    activity = db.session.scalar(select(Activity).order_by(Activity.id))
    user = db.session.scalar(select(User).where(User.role == "photographer"))
    store = FileStorage(app.config["MEDIA_ROOT"])
    config = service.IngestConfig.from_mapping(app.config)

    def run(source, name=None, **kw):
        if isinstance(source, str):
            source = FIXTURES / source
        name = name or getattr(source, "name", "photo.jpg")
        outcome = media_ingest.ingest(db.session, store, source, name, activity=kw.pop("activity", activity),
                                 uploader=user, config=config, **kw)
        db.session.commit()
        return outcome

    run.store, run.config, run.activity, run.user = store, config, activity, user
    return run


def assert_media_matches(media: Media, expected: dict) -> None:
    """The row says what the file says (the same check as on the stage's result)."""
    facts = SimpleNamespace(make=media.make, model=media.model, orientation=media.orientation,
                            taken_at=media.taken_at, gps_lat=media.gps_lat, gps_lon=media.gps_lon)
    assert_facts_match(SimpleNamespace(exif=facts, width=media.width, height=media.height), expected)


@pytest.mark.parametrize("path", IMAGES)
def test_every_fixture_image_ingests_with_its_facts_rows_and_renditions(env, path):
    outcome = env(path)
    assert outcome.outcome == "ingested" and outcome.reason is None
    media = outcome.media
    assert media.sha256 == EXPECTED[path]["sha256"] and media.bytes == EXPECTED[path]["bytes"]
    assert_media_matches(media, EXPECTED[path])
    assert {r.variant for r in media.renditions} == set(env.config.sizes)
    for rendition in media.renditions:
        assert not os.path.isabs(rendition.path) and ".." not in rendition.path
        with open(os.path.join(env.store.root, rendition.path), "rb") as handle:
            data = handle.read()
        assert hashlib.sha256(data).hexdigest() == rendition.sha256 and len(data) == rendition.bytes
        assert max(rendition.width, rendition.height) <= env.config.sizes[rendition.variant]
    assert media.dhash and media.sharpness is not None


@pytest.mark.parametrize("path", BROKEN)
def test_every_broken_file_gets_its_expected_outcome_with_a_readable_reason(env, path):
    outcome = env(path)
    expected = BROKEN_OUTCOMES[path]
    if expected == "ok":
        assert outcome.outcome == "ingested" and outcome.media.status == "ok"
    elif expected == "metadata_only":
        assert outcome.outcome == "ingested" and outcome.media.status == "metadata_only"
        assert "pratinjau tidak dapat dibuat" in outcome.reason_text()
        assert outcome.media.renditions == []
    else:
        assert outcome.outcome == "rejected" and outcome.code == expected and outcome.media is None
        text = outcome.reason_text()
        assert text.endswith((".", ")")) and len(text) > 12
        assert outcome.reason in MESSAGES.values()


def test_a_batch_mixing_broken_and_good_files_loses_no_good_file(env):
    paths = sorted(IMAGES + BROKEN, key=lambda p: hashlib.md5(p.encode()).hexdigest())
    outcomes = {p: env(p) for p in paths}
    for path in IMAGES:
        assert outcomes[path].outcome == "ingested", path
    assert db.session.scalar(select(db.func.count()).select_from(Media)) == len(
        [o for o in outcomes.values() if o.outcome == "ingested"])


def test_same_bytes_twice_give_one_photo_reported_as_duplicate(env):
    first = env("images/r_sony.jpg")
    second = env("images/r_sony.jpg", name="again.jpg")
    assert second.outcome == "duplicate" and second.media.id == first.media.id
    assert second.reason_text() == f"Foto ini sudah ada (foto #{first.media.id})."


def test_a_duplicate_racing_past_the_first_check_meets_the_unique_key(env, monkeypatch):
    """Two workers hashing the same bytes at once: the other worker commits its row just after
    this one found none, so this insert fails at the unique key and reports a duplicate of the
    other's photo; the session stays usable."""
    real = media_ingest.find_by_sha256
    other = {}

    def other_worker_commits_after_the_check(session, sha256):
        seen = real(session, sha256)
        if not other:  # the other worker, in its own session, gets its row in first
            other["started"] = True
            with Session(db.engine) as worker:
                other["outcome"] = media_ingest.ingest(
                    worker, env.store, str(FIXTURES / "images/r_canon.jpg"), "other.jpg",
                    activity=worker.get(Activity, env.activity.id), uploader=None, config=env.config)
                worker.commit()
                other["id"] = other["outcome"].media.id
        return seen

    monkeypatch.setattr(media_ingest, "find_by_sha256", other_worker_commits_after_the_check)
    racing = env("images/r_canon.jpg", name="racing.jpg")
    assert other["outcome"].outcome == "ingested"
    assert racing.outcome == "duplicate" and racing.media.id == other["id"]
    assert racing.reason_text() == f"Foto ini sudah ada (foto #{other['id']})."
    assert env("images/r_sony.jpg").outcome == "ingested"
    names = db.session.scalars(select(Media.original_filename).order_by(Media.id)).all()
    assert names == ["other.jpg", "r_sony.jpg"]


def test_auto_tags_from_exif_activity_and_gps_venue(env):
    aula = db.session.scalar(select(Venue).where(Venue.name == "Aula Nonon Sonthanie"))
    photo = demo_photo_jpeg(7, taken_at=datetime(2021, 9, 30, 9, 15), gps=(aula.latitude + 0.001, aula.longitude))
    media = env(photo, name="aula.jpg").media
    tags = {(t.kind, t.name): source for t, source in tags_of(db.session, "media", media.id)}
    assert tags[("date", "2021")] == "exif" and tags[("date", "September 2021")] == "exif"
    assert tags[("camera", "Canon EOS 80D")] == "exif"
    assert tags[("kind", "Kunjungan kerja")] == "activity"
    assert tags[("unit", env.activity.unit.name)] == "activity"
    assert tags[("venue", env.activity.venue.name)] == "activity"
    for participant in env.activity.participants:
        assert tags[("person", participant.name)] == "activity"
    assert tags[("venue", "Aula Nonon Sonthanie")] == "gps"  # ~110 m away: within 300 m
    far = demo_photo_jpeg(8, gps=(aula.latitude + 0.01, aula.longitude))  # ~1.1 km away
    far_tags = {(t.kind, t.name): s for t, s in tags_of(db.session, "media", env(far, name="far.jpg").media.id)}
    assert not [k for k, s in far_tags.items() if s == "gps"]


def test_venue_near_picks_the_closest_within_the_radius(env):
    venues = {v.name: v for v in db.session.scalars(select(Venue))}
    aula = venues["Aula Nonon Sonthanie"]
    assert service.venue_near(db.session, aula.latitude, aula.longitude, 300) is aula
    assert service.venue_near(db.session, aula.latitude, aula.longitude, 0) is None
    assert service.venue_near(db.session, None, aula.longitude, 300) is None
    assert 80 < service.distance_m(aula.latitude, aula.longitude, aula.latitude + 0.001, aula.longitude) < 120


def test_batch_meta_credit_defaults_to_the_uploaders_and_caption_prefix_is_used(env):
    media = env(demo_photo_jpeg(2), name="a.jpg", batch=media_ingest.BatchMeta(caption_prefix="  Kunker   Subang. ")).media
    assert media.credit == "Dok. Humas Pemkot Bekasi" and media.caption == "Kunker Subang."
    other = env(demo_photo_jpeg(3), name="b.jpg", batch=media_ingest.BatchMeta(credit="Foto: Humas")).media
    assert other.credit == "Foto: Humas"


def test_update_text_changes_the_rendition_hash_and_refuses_long_credit(env):
    media = env(demo_photo_jpeg(4), name="a.jpg").media
    before = {r.variant: r.sha256 for r in media.renditions}
    assert service.update_text(db.session, env.store, media, actor=env.user, caption="Baru",
                               credit="Humas", copyright=None)
    after = {r.variant: r.sha256 for r in media.renditions}
    assert all(before[v] != after[v] for v in before)
    assert not service.update_text(db.session, env.store, media, actor=env.user, caption="Baru",
                                   credit="Humas", copyright=None)
    with pytest.raises(service.MediaError):
        service.update_text(db.session, env.store, media, actor=env.user, caption="x", credit="k" * 201,
                            copyright=None)


def test_near_duplicate_groups_put_the_sharpest_first(env):
    sharp = env(demo_photo_jpeg(1, 7), name="sharp.jpg").media
    soft = env(demo_photo_jpeg(1, 7, blur=3), name="soft.jpg").media
    softer = env(demo_photo_jpeg(1, 7, blur=5), name="softer.jpg").media
    alone = env(demo_photo_jpeg(3, 4), name="alone.jpg").media
    groups = service.near_duplicate_groups(service.gallery(db.session, env.activity.id))
    assert [[m.id for m in g] for g in groups] == [[sharp.id, soft.id, softer.id]]
    assert alone not in groups[0]


def test_verify_and_rebuild_after_a_size_change(env):
    media = env("images/Landscape_6.jpg").media
    report = media_integrity.verify(db.session, env.store, env.config.sizes)
    assert report.ok and report.checked == 1
    smaller = service.IngestConfig(sizes={"thumb": 120, "web": 600}, max_bytes=env.config.max_bytes)
    assert media_integrity.rebuild(db.session, env.store, media, smaller) == ["thumb", "web"]
    db.session.commit()
    assert max(media.rendition("web").width, media.rendition("web").height) == 600
    assert media_integrity.verify(db.session, env.store, smaller.sizes).ok
    os.unlink(os.path.join(env.store.root, media.rendition("thumb").path))
    broken = media_integrity.verify(db.session, env.store, smaller.sizes)
    assert not broken.ok
    assert [f.found for f in broken.problems] == [{"code": "rendition_file_missing", "variant": "thumb"}]


@pytest.mark.parametrize("workers", [1, 2], ids=["in_process", "process_pool"])
def test_ingest_many_gives_one_outcome_per_file_in_order_whatever_runs_the_stages(env, workers):
    from press.photos.worker import process_pool

    first, second = demo_photo_jpeg(21), demo_photo_jpeg(22)
    files = [media_ingest.PhotoFile("a.jpg", first), media_ingest.PhotoFile("leer.jpg", b""),
             media_ingest.PhotoFile("a-lagi.jpg", first), media_ingest.PhotoFile("b.jpg", str(FIXTURES / "images/r_canon.jpg")),
             media_ingest.PhotoFile("c.jpg", second)]
    seen = []
    with process_pool(workers) as executor:
        for outcome in media_ingest.ingest_many(db.session, env.store, iter(files), activity=env.activity,
                                           uploader=env.user, config=env.config, executor=executor, ahead=3):
            db.session.commit()
            seen.append(outcome)
    assert [(o.file, o.outcome) for o in seen] == [
        ("a.jpg", "ingested"), ("leer.jpg", "rejected"), ("a-lagi.jpg", "duplicate"), ("b.jpg", "ingested"),
        ("c.jpg", "ingested")]
    assert seen[1].code == "empty_file" and seen[2].media.id == seen[0].media.id
    rows = db.session.scalars(select(Media).order_by(Media.id)).all()
    assert [m.original_filename for m in rows] == ["a.jpg", "b.jpg", "c.jpg"]
    assert all(len(m.renditions) == len(env.config.sizes) for m in rows)


def test_an_upload_looks_its_bytes_up_once(env, monkeypatch):
    """The duplicate check runs before the stages; the row's insert does not repeat it
    (a photo of the same bytes recorded meanwhile meets the unique key instead)."""
    real = media_ingest.find_by_sha256
    looked_up = []

    def counting(session, sha256):
        looked_up.append(sha256)
        return real(session, sha256)

    monkeypatch.setattr(media_ingest, "find_by_sha256", counting)
    assert env("images/r_canon.jpg").outcome == "ingested"
    assert len(looked_up) == 1

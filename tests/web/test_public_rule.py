"""The public rule (``press.services.public``) on rows written straight into the database:
what each query lets the public see and what it never shows — a draft, a release in review,
a ``dikecualikan`` release or activity, a photo marked private, one with an internal licence,
one of a sensitive subject no consent covers, one still processing or without previews —
and the paging, order and freshness the public pages and the API build on.

The photos are rows with rendition rows, not images (the rule reads rows only; the pages'
tests upload real ones), so the module's world is made once in a fraction of a second and
``make mutate`` can run it for every mutant of the rule. Every test only reads, or rolls back
what it changed."""
from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import select, update

from press import create_app
from press.codes import MediaStatus, PublishRefusal
from press.dates import office_today
from press.extensions import db
from press.models import (Activity, ConsentRecord, Licence, Media, Person, Release, ReleasePhoto, ReleaseSlug,
                          Rendition, Unit, WhatsAppSetting)
from press.services import public
from tests import databases
from tests.conftest import make_config

SETTLED = datetime(2026, 11, 1, 3, 0, tzinfo=timezone.utc)
"""Every row's ``updated_at`` in this module's world: later than any demo publication."""


def _photo(caption: str, activity_id: int | None, *, public_flag=False, status=MediaStatus.OK, renditions=True,
           licence: Licence | None = None, sensitive: str | None = None, taken_at: datetime | None = None) -> Media:
    digest = hashlib.sha256(caption.encode()).hexdigest()
    media = Media(sha256=digest, activity_id=activity_id, mime="image/jpeg", bytes=1000, width=1200, height=800,
                  caption=caption, is_public=public_flag, status=status.value, licence=licence, sensitive=sensitive,
                  taken_at=taken_at)
    if renditions:
        media.renditions = [Rendition(variant=variant, sha256=hashlib.sha256(f"{caption}/{variant}".encode()).hexdigest(),
                                      path=f"renditions/{digest}/{variant}.jpg", width=size, height=size * 2 // 3,
                                      bytes=size * 10) for variant, size in (("thumb", 400), ("web", 800))]
    db.session.add(media)
    return media


def _consent(media: Media, *, until, withdrawn: bool = False) -> None:
    db.session.add(ConsentRecord(media=media, given_by="Orang tua", purpose="Publikasi kegiatan",
                                 form_sha256=media.sha256, form_mime="application/pdf", form_bytes=100,
                                 valid_until=until, withdrawn_at=SETTLED if withdrawn else None))


def _release_like(model: Release, slug: str, **changes) -> Release:
    release = Release(slug=slug, title=f"Judul {slug}", body=f"Isi siaran {slug}.", unit_id=model.unit_id,
                      **{"ppid_class": "setiap_saat", **changes})
    db.session.add(release)
    return release


def _attach(release: Release, *photos: Media) -> None:
    for position, media in enumerate(photos):
        db.session.add(ReleasePhoto(release=release, media=media, position=position, caption=f"Pada siaran: {media.caption}"))


@pytest.fixture(scope="module")
def app(tmp_path_factory, migrated_db):
    folder = tmp_path_factory.mktemp("public-rule")
    databases.copy_demo(migrated_db, folder)
    app = create_app(make_config(folder))
    yield app
    with app.app_context():
        db.engine.dispose()
    databases.drop_under(folder)


@pytest.fixture(scope="module")
def world(app) -> dict[str, int]:
    """The demo's releases (1 published, 2 draft, 3 in review, 4 approved, 5 scheduled, 6 retracted,
    7 retracted and ``dikecualikan``) and activities (1–6), with three more published releases and
    photos of every kind; returns each one's id by name."""
    with app.app_context():
        session = db.session
        demo = {r.state if r.ppid_class != "dikecualikan" else "retracted_exempt": r
                for r in session.scalars(select(Release))}
        published = demo["published"]  # activity 1
        exempt_activity = session.get(Activity, 2)
        exempt_activity.ppid_class, exempt_activity.on_agenda = "dikecualikan", True
        # the activities with public photos, newest first: 1, then 5 and 4 on one day (the later id first)
        session.get(Activity, 1).starts_on = date(2026, 12, 10)
        session.get(Activity, 5).starts_on = session.get(Activity, 4).starts_on
        internal = session.scalar(select(Licence).where(Licence.internal.is_(True)))
        open_licence = session.scalar(select(Licence).where(Licence.code == "cc-by-4.0"))
        today = office_today()
        day = datetime(2021, 9, 30, 8, 0)
        photos = {
            "lead": _photo("Foto utama siaran", 1, taken_at=day + timedelta(hours=2)),
            "extra": _photo("Foto publik pertama", 1, public_flag=True, taken_at=day + timedelta(hours=1)),
            "licensed": _photo("Foto publik berlisensi CC", 1, public_flag=True, licence=open_licence,
                               taken_at=day + timedelta(hours=3)),
            "covered": _photo("Foto anak dengan persetujuan", 1, public_flag=True, sensitive="anak",
                              taken_at=day + timedelta(hours=4)),
            "no_activity": _photo("Foto publik tanpa kegiatan", None, public_flag=True, taken_at=day + timedelta(hours=5)),
            "on_agenda_activity": _photo("Foto publik kegiatan agenda", 5, public_flag=True,
                                         taken_at=day + timedelta(hours=6)),
            "undated": _photo("Foto publik tanpa waktu", 4, public_flag=True),
            "undated_later": _photo("Foto publik tanpa waktu kedua", 4, public_flag=True),
            "internal": _photo("RAHASIA lisensi internal", 1, public_flag=True, licence=internal, taken_at=day),
            "processing": _photo("RAHASIA masih diproses", 1, public_flag=True, status=MediaStatus.PROCESSING, taken_at=day),
            "no_previews": _photo("RAHASIA tanpa pratinjau", 1, public_flag=True, renditions=False, taken_at=day),
            "no_consent": _photo("RAHASIA anak tanpa persetujuan", 1, public_flag=True, sensitive="anak", taken_at=day),
            "consent_expired": _photo("RAHASIA persetujuan berakhir", 1, public_flag=True, sensitive="pasien", taken_at=day),
            "consent_withdrawn": _photo("RAHASIA persetujuan ditarik", 1, public_flag=True, sensitive="anak", taken_at=day),
            "private": _photo("RAHASIA foto pribadi", 3, taken_at=day),
            "exempt_activity": _photo("RAHASIA kegiatan dikecualikan", 2, public_flag=True, taken_at=day),
            "on_draft": _photo("RAHASIA pada draf", 2, taken_at=day),
            "on_review": _photo("RAHASIA pada siaran ditinjau", 3, taken_at=day),
            "on_retracted": _photo("RAHASIA pada siaran ditarik", None, taken_at=day),
            "on_exempt_release": _photo("RAHASIA pada siaran dikecualikan", None, taken_at=day),
            "on_release_of_exempt_activity": _photo("RAHASIA pada siaran kegiatan dikecualikan", None, taken_at=day),
        }
        session.flush()
        _consent(photos["covered"], until=today + timedelta(days=30))
        _consent(photos["consent_expired"], until=today - timedelta(days=1))
        _consent(photos["consent_withdrawn"], until=today + timedelta(days=30), withdrawn=True)
        older = _release_like(published, "siaran-lama", state="published", activity_id=6,
                              published_at=datetime(2021, 1, 4, 2, 0, tzinfo=timezone.utc))
        exempt_release = _release_like(published, "siaran-dikecualikan", state="published", ppid_class="dikecualikan",
                                       published_at=datetime(2021, 11, 1, 2, 0, tzinfo=timezone.utc))
        of_exempt_activity = _release_like(published, "siaran-kegiatan-dikecualikan", state="published", activity_id=2,
                                           published_at=datetime(2021, 11, 2, 2, 0, tzinfo=timezone.utc))
        session.flush()
        session.add_all([ReleaseSlug(release_id=older.id, slug="judul-lama-siaran-lama"),
                         ReleaseSlug(release_id=demo["draft"].id, slug="judul-lama-draf")])
        _attach(published, photos["internal"], photos["lead"], photos["no_consent"], photos["consent_expired"],
                photos["consent_withdrawn"], photos["covered"], photos["processing"], photos["no_previews"])
        _attach(older, photos["extra"])
        _attach(demo["draft"], photos["on_draft"])
        _attach(demo["in_review"], photos["on_review"])
        _attach(demo["retracted"], photos["on_retracted"])
        _attach(exempt_release, photos["on_exempt_release"])
        _attach(of_exempt_activity, photos["on_release_of_exempt_activity"])
        session.flush()
        for model in (Media, Activity, Unit, Person, Release, WhatsAppSetting):
            session.execute(update(model).values(updated_at=SETTLED).execution_options(synchronize_session=False))
        session.commit()
        ids = {name: media.id for name, media in photos.items()}
        ids.update({f"release_{state}": release.id for state, release in demo.items()})
        ids.update(release_older=older.id, release_exempt=exempt_release.id,
                   release_of_exempt_activity=of_exempt_activity.id)
        return ids


PUBLIC_PHOTOS = ["extra", "lead", "licensed", "covered", "no_activity", "on_agenda_activity", "undated", "undated_later"]
"""In the order the public photo lists show them: by the time taken, the undated last, then by id."""
HIDDEN_PHOTOS = ["internal", "processing", "no_previews", "no_consent", "consent_expired", "consent_withdrawn",
                 "private", "exempt_activity", "on_draft", "on_review", "on_retracted", "on_exempt_release",
                 "on_release_of_exempt_activity"]
HIDDEN_RELEASES = ["release_draft", "release_in_review", "release_approved", "release_scheduled", "release_exempt",
                   "release_of_exempt_activity"]


@pytest.fixture
def s(app, world):
    """The session, in an app context; whatever a test changes is rolled back."""
    with app.app_context():
        yield db.session
        db.session.rollback()
        db.session.remove()


def _ids(rows) -> list[int]:
    return [row.id for row in rows]


def test_the_public_photo_list_shows_every_public_photo_in_order_and_nothing_else(world, s):
    expected = [world[name] for name in PUBLIC_PHOTOS]
    assert _ids(public.public_photos(s)) == expected
    assert public.count_public_photos(s) == len(expected)
    assert _ids(public.public_photos(s, limit=2)) == expected[:2]
    assert _ids(public.public_photos(s, limit=2, offset=2)) == expected[2:4]
    assert _ids(public.public_photos(s, offset=5)) == expected[5:]
    assert _ids(public.public_photos(s, activity_id=4)) == [world["undated"], world["undated_later"]]
    assert _ids(public.public_photos(s, activity_id=2)) == []


@pytest.mark.parametrize("name", PUBLIC_PHOTOS)
def test_a_public_photo_and_its_previews_are_found_by_id_and_hash(world, s, name):
    media = public.public_media(s, world[name])
    assert media is not None and media.id == world[name]
    assert {r.variant for r in media.renditions} == {"thumb", "web"}
    for rendition in media.renditions:
        assert public.public_rendition(s, rendition.sha256, rendition.variant).id == rendition.id
    web = next(r for r in media.renditions if r.variant == "web")
    assert public.public_rendition(s, web.sha256, "thumb") is None


@pytest.mark.parametrize("name", HIDDEN_PHOTOS)
def test_a_hidden_photo_is_found_nowhere_public(world, s, name):
    media = s.get(Media, world[name])
    assert public.public_media(s, media.id) is None
    assert media.id not in _ids(public.public_photos(s)) + _ids(public.public_photos(s, activity_id=media.activity_id or 0))
    for rendition in media.renditions:
        assert public.public_rendition(s, rendition.sha256, rendition.variant) is None
    for release in s.scalars(select(Release)):
        assert media.id not in [m.id for _rp, m in public.public_photos_of(release)]


def test_the_published_releases_newest_first_with_paging_and_nothing_unpublished(world, s):
    expected = [world["release_published"], world["release_older"]]
    assert _ids(public.published_releases(s)) == expected
    assert public.count_published(s) == 2
    assert _ids(public.published_releases(s, limit=1)) == expected[:1]
    assert _ids(public.published_releases(s, limit=1, offset=1)) == expected[1:]
    assert _ids(public.published_releases(s, offset=2)) == []
    assert _ids(public.published_releases(s, where=Release.activity_id == 6)) == [world["release_older"]]
    assert _ids(public.releases_of_activity(s, 6)) == [world["release_older"]]
    assert _ids(public.releases_of_activity(s, 2)) == []
    assert _ids(public.releases_of_activity(s, 3)) == []


def test_a_release_is_found_by_slug_id_or_earlier_slug_only_when_published_or_retracted(world, s):
    published = s.get(Release, world["release_published"])
    for ref in (published.slug, str(published.id), published.id):
        assert public.find_release(s, ref).id == published.id
        assert public.find_release(s, ref, with_photos=False).id == published.id
    assert public.find_release(s, "judul-lama-siaran-lama").id == world["release_older"]
    assert public.find_release(s, "judul-lama-draf") is None
    assert public.find_release(s, "tidak-ada") is None and public.find_release(s, "999999") is None
    for name in HIDDEN_RELEASES:
        hidden = s.get(Release, world[name])
        assert public.find_release(s, hidden.slug) is None, name
        assert public.find_release(s, str(hidden.id)) is None, name
        assert not public.release_is_public(hidden), name
    retracted = public.find_release(s, str(world["release_retracted"]))
    assert retracted.state == "retracted" and public.retracted_title(retracted) == retracted.title
    assert not public.release_is_public(retracted)
    exempt = public.find_release(s, s.get(Release, world["release_retracted_exempt"]).slug)
    assert exempt.state == "retracted" and public.retracted_title(exempt) is None
    assert public.release_is_public(published)


def test_a_release_loaded_without_photos_shows_the_same_photos_once_they_are_read(world, s):
    release = public.find_release(s, world["release_published"], with_photos=False)
    public.load_photos(s, release)
    assert [m.id for _rp, m in public.public_photos_of(release)] == [world["lead"], world["covered"]]


def test_a_public_release_shows_only_its_public_photos_in_order_with_their_captions(world, s):
    published = s.get(Release, world["release_published"])
    shown = public.public_photos_of(published)
    assert [m.id for _rp, m in shown] == [world["lead"], world["covered"]]
    assert [rp.caption for rp, _m in shown] == ["Pada siaran: Foto utama siaran", "Pada siaran: Foto anak dengan persetujuan"]
    assert public.lead_photo(published).id == world["lead"]
    assert public.lead_photo(s.get(Release, world["release_older"])).id == world["extra"]
    for name in ["release_draft", "release_in_review", "release_retracted", "release_exempt", "release_of_exempt_activity"]:
        release = s.get(Release, world[name])
        assert release.photos and public.public_photos_of(release) == [] and public.lead_photo(release) is None, name


def test_which_published_releases_show_each_photo_oldest_first(world, s):
    s.add(ReleasePhoto(release_id=world["release_published"], media_id=world["extra"], position=9))
    s.flush()
    names = ["extra", "lead", "on_draft", "on_review", "on_exempt_release", "on_release_of_exempt_activity", "private"]
    found = public.releases_showing(s, [world[name] for name in names])
    assert {media_id: _ids(releases) for media_id, releases in found.items()} == {
        world["extra"]: [world["release_older"], world["release_published"]],
        world["lead"]: [world["release_published"]],
    }


@pytest.mark.parametrize("name", PUBLIC_PHOTOS + HIDDEN_PHOTOS)
def test_may_show_agrees_with_the_public_photo_list_for_a_photo_on_a_public_release(world, s, name):
    """``may_show`` judges a photo of a release the public may read: every photo but the
    exempt (``on_draft`` is of the exempt activity), internal-licence, unrendered and unconsented ones."""
    media = s.get(Media, world[name])
    hidden_whatever_its_release = {"internal", "processing", "no_previews", "no_consent", "consent_expired",
                                   "consent_withdrawn", "exempt_activity", "on_draft"}
    assert public.may_show(media) is (name not in hidden_whatever_its_release)


def test_publish_refusal_names_the_internal_licence_and_each_consent_problem(world, s):
    refusal = public.publish_refusal(s.get(Media, world["internal"]))
    assert refusal == {"code": PublishRefusal.LICENCE_INTERNAL.value, "licence": "Hanya untuk internal"}
    assert public.publish_refusal(s.get(Media, world["no_consent"])) == {"code": PublishRefusal.NO_CONSENT.value}
    assert public.publish_refusal(s.get(Media, world["consent_expired"])) == {"code": PublishRefusal.CONSENT_EXPIRED.value}
    assert public.publish_refusal(s.get(Media, world["consent_withdrawn"])) == {
        "code": PublishRefusal.CONSENT_WITHDRAWN.value}
    for name in ["lead", "licensed", "covered", "private"]:
        assert public.publish_refusal(s.get(Media, world[name])) is None, name
        public.require_publishable(s.get(Media, world[name]))
    covered = s.get(Media, world["covered"])
    assert public.publish_refusal(covered, on=office_today() + timedelta(days=30)) is None
    assert public.publish_refusal(covered, on=office_today() + timedelta(days=31)) == {
        "code": PublishRefusal.CONSENT_EXPIRED.value}
    with pytest.raises(public.PublishRefused) as refused:
        public.require_publishable(covered, on=office_today() + timedelta(days=31))
    assert refused.value.reason is PublishRefusal.CONSENT_EXPIRED
    with pytest.raises(public.PublishRefused) as refused:
        public.require_publishable(s.get(Media, world["internal"]))
    assert refused.value.reason is PublishRefusal.LICENCE_INTERNAL and "Hanya untuk internal" in str(refused.value)
    assert refused.value.params == {"licence": "Hanya untuk internal"}


def test_exempt_internal_and_flags_of_single_rows(world, s):
    assert public.is_exempt(s.get(Activity, 2)) and not public.is_exempt(s.get(Activity, 1))
    assert public.is_exempt(s.get(Release, world["release_exempt"]))
    assert public.is_exempt(s.get(Release, world["release_of_exempt_activity"]))
    assert not public.is_exempt(s.get(Release, world["release_published"]))
    assert not public.is_exempt(s.get(Release, world["release_older"]))  # an activity, not an exempt one
    assert public.is_exempt(s.get(Media, world["exempt_activity"]))
    assert not public.is_exempt(s.get(Media, world["lead"])) and not public.is_exempt(s.get(Media, world["on_retracted"]))
    assert public.is_internal(s.get(Media, world["internal"]))
    assert not public.is_internal(s.get(Media, world["licensed"])) and not public.is_internal(s.get(Media, world["lead"]))


def test_an_activity_is_public_through_a_published_release_or_a_public_photo_never_when_exempt(world, s):
    assert public.public_activity(s, 1).id == 1  # a published release and public photos
    assert public.public_activity(s, 4).id == 4  # public photos only
    assert public.public_activity(s, 6).id == 6  # a published release only
    for activity_id in (2, 3, 999999):  # exempt; a release in review and a private photo; none
        assert public.public_activity(s, activity_id) is None, activity_id
    grouped = [(a.id, count, first.id) for a, count, first in public.activities_with_photos(s)]
    assert grouped == [(1, 4, world["extra"]), (5, 1, world["on_agenda_activity"]), (4, 2, world["undated"])]


def test_the_agenda_holds_the_activities_marked_for_it_and_never_an_exempt_one(world, s):
    shown = s.scalars(select(Activity.id).where(public.agenda_condition()).order_by(Activity.id)).all()
    assert shown == [5, 6]  # activity 2 is marked for the agenda too, and exempt


def _set(s, model, row_id, **values):
    """Change one row's columns, its ``updated_at`` left as it was unless named (an UPDATE sets it to now)."""
    values = {"updated_at": SETTLED, **values}
    s.execute(update(model).where(model.id == row_id).values(**values).execution_options(synchronize_session=False))
    s.expire_all()


def test_the_last_change_follows_what_the_public_sees_and_not_a_draft(world, s):
    assert public.last_change(s) == SETTLED
    if s.scalar(select(WhatsAppSetting.id)) is None:  # the demo has none: the cut length as an admin sets it
        s.add(WhatsAppSetting(cut_length=700, updated_at=SETTLED))
        s.flush()
    later = [SETTLED + timedelta(minutes=n) for n in range(1, 12)]
    _set(s, Release, world["release_draft"], updated_at=later[10], published_at=later[10], corrected_at=later[10])
    assert public.last_change(s) == SETTLED
    steps = [(Release, world["release_published"], "corrected_at"), (Release, world["release_retracted"], "retracted_at"),
             (Release, world["release_older"], "published_at"), (Release, world["release_published"], "updated_at"),
             (Media, world["private"], "updated_at"), (Activity, 3, "updated_at"), (Unit, 1, "updated_at"),
             (Person, s.scalar(select(Person.id)), "updated_at"),
             (WhatsAppSetting, s.scalar(select(WhatsAppSetting.id)), "updated_at")]
    for moment, (model, row_id, column) in zip(later, steps):
        _set(s, model, row_id, **{column: moment})
        assert public.last_change(s) == moment, (model.__name__, column)


def test_a_release_page_changes_with_its_text_its_shown_photos_and_its_unit_only(world, s):
    published = s.get(Release, world["release_published"])
    assert public.release_modified(published) == SETTLED  # its photos and unit, later than its publication
    _set(s, Media, world["internal"], updated_at=SETTLED + timedelta(days=1))  # on the release, not shown
    _set(s, Release, world["release_older"], updated_at=SETTLED + timedelta(days=1))
    assert public.release_modified(s.get(Release, world["release_published"])) == SETTLED
    _set(s, Media, world["covered"], updated_at=SETTLED + timedelta(minutes=3))
    assert public.release_modified(s.get(Release, world["release_published"])) == SETTLED + timedelta(minutes=3)
    _set(s, Unit, published.unit_id, updated_at=SETTLED + timedelta(minutes=4))
    assert public.release_modified(s.get(Release, world["release_published"])) == SETTLED + timedelta(minutes=4)
    _set(s, Release, world["release_published"], corrected_at=SETTLED + timedelta(minutes=5))
    assert public.release_modified(s.get(Release, world["release_published"])) == SETTLED + timedelta(minutes=5)
    _set(s, Release, world["release_published"], retracted_at=SETTLED + timedelta(minutes=6))
    assert public.release_modified(s.get(Release, world["release_published"])) == SETTLED + timedelta(minutes=6)
    _set(s, Release, world["release_published"], published_at=SETTLED + timedelta(minutes=7))
    assert public.release_modified(s.get(Release, world["release_published"])) == SETTLED + timedelta(minutes=7)


def test_a_release_whose_slug_is_a_number_is_found_by_it(world, s):
    numbered = _release_like(s.get(Release, world["release_published"]), "2026", state="published",
                             published_at=datetime(2021, 2, 1, tzinfo=timezone.utc))
    s.flush()
    assert public.find_release(s, "2026").id == numbered.id


def test_with_nothing_published_the_counts_are_zero(world, s):
    s.execute(update(Release).values(state="draft"))
    s.execute(update(Media).values(status=MediaStatus.PROCESSING.value))
    assert public.count_published(s) == 0 and public.published_releases(s) == []
    assert public.count_public_photos(s) == 0 and public.public_photos(s) == []
    assert public.activities_with_photos(s) == []


def test_a_release_never_published_without_a_unit_or_photos_has_no_moment():
    assert public.release_modified(Release(title="Draf", slug="draf", state="draft")) is None

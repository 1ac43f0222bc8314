"""Photos on the demo releases for the publishing tests: public ones and private ones to hide.

Photos are stored through the photo service (real renditions in the test's media store)
and attached to the demo releases; the secrets are the texts and keys that must never
reach a public URL.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select, update

from press.extensions import db
from press.dates import office_today
from press.models import Activity, ConsentRecord, Media, Person, Release, ReleasePhoto, Unit, User, utcnow
from press.services import ppid
from press.services import media as media_service
from press.services import media_ingest
from press.services.media import IngestConfig
from press.services.media_ingest import BatchMeta
from press.storage import store_from_config
from tests.conftest import FIXTURES

SIZES = {"thumb": 400, "web": 800}


def add_photo(app, source: Path, *, activity_id=None, caption: str, credit="Dok. Humas Pemkot Bekasi",
              is_public=False) -> Media:
    """A photo through the photo service, as an upload would store it, then captioned."""
    storage = store_from_config(app.config)
    activity = db.session.get(Activity, activity_id) if activity_id else None
    outcome = media_ingest.ingest(
        db.session, storage, str(source), source.name, activity=activity, uploader=None,
        batch=BatchMeta(credit=credit), config=IngestConfig(sizes=SIZES, max_bytes=60 * 2**20),
    )
    assert outcome.media is not None, outcome.reason_text()
    media = outcome.media
    media_service.update_text(db.session, storage, media, actor=None, caption=caption, credit=credit, copyright=None)
    if is_public:
        media_service.set_flags(db.session, media, actor=None, public=True)
    db.session.flush()
    return media


def attach(release: Release, media: Media, caption: str | None = None) -> None:
    db.session.add(ReleasePhoto(release_id=release.id, media_id=media.id, position=len(release.photos), caption=caption))
    db.session.flush()


def settle(age: timedelta = timedelta(hours=1)) -> None:
    """Date every change of the site ``age`` ago, as on a site nobody touched for a while.

    A page's Last-Modified is sent only once the second of the latest change is over;
    a settled site has one on the first request, so a test can send it back."""
    moment = utcnow() - age
    for model in (Media, Activity, Unit, Person, Release):
        db.session.execute(update(model).values(updated_at=moment).execution_options(synchronize_session=False))


@dataclass
class Site:
    published: Release
    hidden: dict[str, Release]
    public_photos: list[Media]
    private_photos: list[Media]
    secrets: dict[str, str] = field(default_factory=dict)
    excluded: list[Release] = field(default_factory=list)
    """Releases of the PPID class ``dikecualikan``: not even their title is public."""
    flagged: list[Media] = field(default_factory=list)
    """Photos of sensitive subjects without consent covering them, on the published release."""


def build_site(app) -> Site:
    """Call inside an app context; commits."""
    releases = {r.state: r for r in db.session.scalars(select(Release).where(Release.ppid_class != "dikecualikan"))}
    excluded = list(db.session.scalars(select(Release).where(Release.ppid_class == "dikecualikan")))
    published = releases.pop("published")
    lead = add_photo(app, FIXTURES / "images/sample1.jpg", activity_id=published.activity_id,
                     caption="Kepala Bagian Humas menerima rombongan PPID Kabupaten Subang")
    attach(published, lead)
    extra = add_photo(app, FIXTURES / "images/Landscape_0.jpg", activity_id=published.activity_id,
                      caption="Suasana diskusi di ruang rapat Bagian Humas", is_public=True)
    private = []
    for number, (state, release) in enumerate(sorted(releases.items())):
        media = add_photo(app, FIXTURES / f"images/Landscape_{number + 1}.jpg", activity_id=release.activity_id,
                          caption=f"FOTO-RAHASIA-{state.upper()} tidak boleh tampil")
        attach(release, media)
        private.append(media)
    private += _exempt_photos(app, excluded)
    db.session.commit()  # the public photos' crops are made as this commits (the media.crops job)
    settle()
    db.session.commit()
    site = Site(published=published, hidden=releases, public_photos=[lead, extra], private_photos=private,
                excluded=excluded)
    for release in excluded:
        site.secrets[f"exempt title {release.id}"] = release.title
        site.secrets[f"exempt body {release.id}"] = release.body.split("(")[-1].rstrip(").")
    for state, release in releases.items():
        body_words = release.body.split("(")[-1].rstrip(").")
        site.secrets[f"{state} body"] = body_words
        if state != "retracted":
            site.secrets[f"{state} title"] = release.title
    for media in private:
        site.secrets[f"private caption {media.id}"] = media.caption.split(" ")[0]
        for rendition in media.renditions:
            site.secrets[f"private rendition {media.id} {rendition.variant}"] = rendition.sha256
    for media in [lead, extra, *private]:
        site.secrets[f"original key {media.id}"] = media.sha256
    return site


def _exempt_photos(app, excluded: list[Release]) -> list[Media]:
    """A photo on each exempt release, and a photo marked public on an activity marked exempt
    (the draft's): its photos follow it, so none of them is public."""
    editor = db.session.scalar(select(User).where(User.role == "editor"))
    activity = db.session.get(Activity, db.session.scalar(select(Release.activity_id).where(Release.state == "draft")))
    ppid.classify_activity(db.session, activity, "dikecualikan", editor)
    made = [add_photo(app, FIXTURES / "images/r_canon.jpg", activity_id=activity.id, is_public=True,
                      caption="FOTO-KECUALI-KEGIATAN tidak boleh tampil")]
    for number, release in enumerate(excluded):
        media = add_photo(app, FIXTURES / f"images/Landscape_{number + 6}.jpg", activity_id=None,
                          caption=f"FOTO-KECUALI-SIARAN-{release.id} tidak boleh tampil")
        attach(release, media)
        made.append(media)
    return made


def add_flagged_photos(app, site: Site) -> None:
    """``_flagged_photos`` on the site's published release, with their secrets; commits."""
    with app.app_context():
        published = db.session.get(Release, site.published.id)
        site.flagged = _flagged_photos(app, published)
        db.session.commit()  # their crops are made as this commits (the media.crops job)
        settle()
        db.session.commit()
        for media in site.flagged:
            db.session.refresh(media)
            site.secrets[f"flagged caption {media.id}"] = media.caption.split(" ")[0]
            for rendition in media.renditions:
                site.secrets[f"flagged rendition {media.id} {rendition.variant}"] = rendition.sha256
            site.secrets[f"original key {media.id}"] = media.sha256
        site.private_photos += site.flagged
        db.session.expunge_all()


def _flagged_photos(app, published: Release) -> list[Media]:
    """Photos of sensitive subjects consent does not cover, each marked public and on the
    published release: one never had consent, one's consent expired yesterday, one's
    was withdrawn (rows written as an older version of the data could have them)."""
    made = []
    for number, (subject, lapse) in enumerate([("anak", None), ("pasien", "expired"), ("penerima_bantuan", "withdrawn")]):
        media = add_photo(app, FIXTURES / f"images/Landscape_{number + 2}.jpg", activity_id=published.activity_id,
                          caption=f"FOTO-SENSITIF-{subject.upper()} tidak boleh tampil", is_public=True)
        media.sensitive = subject
        if lapse is not None:
            db.session.add(ConsentRecord(
                media=media, given_by="Orang tua", purpose="Publikasi kegiatan", form_sha256=media.sha256,
                form_mime="image/jpeg", form_bytes=media.bytes,
                valid_until=office_today() - timedelta(days=1) if lapse == "expired" else office_today(),
                withdrawn_at=utcnow() if lapse == "withdrawn" else None))
        attach(published, media)
        made.append(media)
    return made


def build_detached_site(app) -> Site:
    """``build_site`` in its own app context, its rows loaded and detached for the test to read."""
    with app.app_context():
        built = build_site(app)
        for release in [built.published, *built.hidden.values(), *built.excluded]:
            db.session.refresh(release)
            _ = release.unit, release.photos
        for media in built.public_photos + built.private_photos:
            db.session.refresh(media)
            _ = media.renditions
        db.session.expunge_all()
    return built

"""The demo's photos.

Drawn with Pillow (a meeting room: wall, banner, table, people), with camera EXIF;
ingested through the media service like any upload. Not part of ``load_demo``: the
photos need a media store, so ``flask setup`` calls ``load_demo_photos`` after it.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from press.models import Activity, User

from .consent_crops import load_consent_and_crops
from .photo_desk import load_demo_photo_desk

DEMO_PHOTO_CREDIT = "Dok. Humas Pemkot Bekasi"
LEAD_SCALE = 2.5
"""The lead photo is 3000x2000: large enough for every crop for the channels (``photo_desk``)."""
DEMO_PHOTOS = (
    # (minutes after 09.00 WIB, people, blur, caption, public, highlight)
    (5, 5, 0, "Kepala Bagian Humas Setda Kota Bekasi menyambut rombongan PPID Utama Kabupaten Subang di ruang rapat Bagian Humas.", True, True),
    (12, 7, 0, "Rombongan Kabupaten Subang mendengarkan paparan pengelolaan informasi dan dokumentasi Kota Bekasi.", True, False),
    (13, 7, 4, "Rombongan Kabupaten Subang mendengarkan paparan (bidikan beruntun).", False, False),
    (25, 4, 0, "Diskusi tentang layanan informasi publik dan pengelolaan dokumentasi kegiatan.", False, False),
    (40, 6, 0, "Foto bersama Bagian Humas Setda Kota Bekasi dan PPID Utama Kabupaten Subang.", True, False),
)


def demo_photo_jpeg(seed: int, people: int = 5, blur: float = 0, *, taken_at: datetime | None = None,
                    gps: tuple[float, float] | None = None, size: tuple[int, int] = (1200, 800),
                    make: str = "Canon", model: str = "Canon EOS 80D", orientation: int = 1,
                    scale: float = 1) -> bytes:
    """A photo-like JPEG drawn with Pillow, with camera EXIF (taken-at with +07:00, GPS);
    ``scale`` enlarges the drawing (a photo large enough for every crop)."""
    import io
    import random

    from PIL import Image, ImageDraw, ImageFilter

    rng = random.Random(seed)
    width, height = size
    horizon = height * rng.choice((38, 46, 54, 62, 70)) // 100  # each scene framed differently
    wall = rng.choice(((228, 220, 204), (196, 214, 226), (238, 232, 214), (170, 186, 170)))
    image = Image.new("RGB", size, wall)
    draw = ImageDraw.Draw(image)
    for y in range(horizon):  # the wall, lighter towards the ceiling lights
        fade = y * 50 // horizon
        draw.line([(0, y), (width, y)], fill=tuple(max(0, c - fade) for c in wall))
    draw.rectangle([0, horizon, width, height], fill=rng.choice(((122, 92, 70), (84, 96, 120), (140, 60, 50))))
    left = rng.randint(0, width // 3)
    draw.rectangle([left, height // 12, left + width // 2, height // 12 + height // 7], fill=(18, 70, 140))  # banner
    draw.text((left + 20, height // 12 + 20), "KUNJUNGAN KERJA PPID KABUPATEN SUBANG", fill=(255, 255, 255))
    for index in range(people):
        x = width * (index + 1) // (people + 1) + rng.randint(-15, 15)
        top = horizon - 150 + rng.randint(-10, 10)
        colour = rng.choice([(40, 40, 48), (230, 230, 235), (120, 28, 40), (30, 60, 110), (200, 160, 60)])
        draw.ellipse([x - 28, top, x + 28, top + 64], fill=(176, 132, 100))  # face
        draw.rectangle([x - 30, top - 6, x + 30, top + 14], fill=(30, 26, 24))  # hair or cap
        draw.rounded_rectangle([x - 60, top + 70, x + 60, top + 260], radius=30, fill=colour)
    table = min(height - 70, horizon + 90)
    draw.rectangle([width // 10, table, width * 9 // 10, table + 60], fill=(92, 60, 38))  # table
    for _ in range(400):  # grain
        x, y = rng.randrange(width), rng.randrange(height)
        grey = rng.randint(0, 255)
        draw.point((x, y), fill=(grey, grey, grey))
    if blur:
        image = image.filter(ImageFilter.GaussianBlur(blur))
    if scale != 1:
        image = image.resize((round(width * scale), round(height * scale)), Image.Resampling.BICUBIC)
    exif = Image.Exif()
    exif[0x010F], exif[0x0110], exif[0x0112] = make, model, orientation
    if taken_at is not None:
        sub = exif.get_ifd(0x8769)
        sub[0x9003] = taken_at.strftime("%Y:%m:%d %H:%M:%S")
        sub[0x9011] = "+07:00"
    if gps is not None:
        lat, lon = gps
        block = exif.get_ifd(0x8825)
        block[1], block[2] = ("S" if lat < 0 else "N"), _dms(abs(lat))
        block[3], block[4] = ("W" if lon < 0 else "E"), _dms(abs(lon))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=88, exif=exif)
    return out.getvalue()


def _dms(value: float) -> tuple[float, float, float]:
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = round(((value - degrees) * 60 - minutes) * 60, 4)
    return (float(degrees), float(minutes), seconds)


def load_demo_photos(session: Session, storage, config) -> list:
    """A small gallery for the example activity (kunjungan kerja of 30/9/2021), ingested
    through the media service inline (renditions made here, no job worker needed);
    ``config`` is an ``IngestConfig``. The caller commits."""
    from press.models import Media
    from press.services import media as media_service
    from press.services import media_ingest

    example = session.scalar(select(Activity).where(Activity.title == "Kunjungan Kerja PPID Utama Kabupaten Subang"))
    photographer = session.scalar(select(User).where(User.email == "fotografer@siaran.test"))
    editor = session.scalar(select(User).where(User.email == "redaktur@siaran.test"))
    if example is None or session.scalar(select(func.count()).select_from(Media).where(Media.activity_id == example.id)):
        return []
    venue = example.venue
    gps = (venue.latitude + 0.0001, venue.longitude - 0.0001) if venue and venue.latitude is not None else None
    files = (
        media_ingest.PhotoFile(f"IMG_{3001 + seed}.JPG", demo_photo_jpeg(
            1 if blur else seed,  # the blurred one repeats the scene of the photo before it
            people_count, blur, gps=gps, taken_at=datetime(2021, 9, 30, 9, 0) + timedelta(minutes=minutes),
            scale=LEAD_SCALE if seed == 0 else 1))
        for seed, (minutes, people_count, blur, *_rest) in enumerate(DEMO_PHOTOS)
    )
    outcomes = media_ingest.ingest_many(
        session, storage, files, activity=example, uploader=photographer,
        batch=media_ingest.BatchMeta(credit=DEMO_PHOTO_CREDIT, copyright="© 2021 Pemerintah Kota Bekasi"),
        config=config,
    )
    made = []
    for outcome, (_minutes, _people, _blur, caption, public, highlight) in zip(outcomes, DEMO_PHOTOS):
        if outcome.media is None:
            continue
        media_service.update_text(session, storage, outcome.media, actor=photographer, caption=caption,
                                  credit=DEMO_PHOTO_CREDIT, copyright=outcome.media.copyright)
        media_service.set_flags(session, outcome.media, actor=editor, public=public, highlight=highlight)
        made.append(outcome.media)
    load_demo_photo_desk(session, storage, made)
    if made:
        child = demo_photo_jpeg(10, 2, 0, taken_at=datetime(2021, 9, 30, 9, 30))
        made += load_consent_and_crops(
            session, storage, config, lead=made[0], activity=example, photographer=photographer, editor=editor,
            child_jpeg=child, credit=DEMO_PHOTO_CREDIT)
    return made

"""Factories for the drafting tests: activities of every kind, photos drawn with Pillow."""
from __future__ import annotations

import io
import random
from datetime import date, time

import pytest
from PIL import Image, ImageDraw, ImageFilter
from sqlalchemy import select

from press.extensions import db
from press.models import Activity, Note, Unit, User, Venue
from press.services import media as media_service
from press.services import media_ingest
from press.services.activities import ActivityData, ParticipantData, create_activity
from press.storage import FileStorage

EXAMPLE_QUOTES = [
    {"speaker": "Lukita Harjana", "title": "Sekretaris Diskominfo", "verb": "ujar",
     "text": "Kunjungan kali ini bermaksud untuk sharing dan belajar terkait Pelayanan Informasi Publik yang ada di Kota Bekasi."},
    {"speaker": "Sajekti Rubiyah", "title": "Kepala Bagian Humas", "verb": "tambah",
     "text": "Humas selalu bersinergi dengan dinas-dinas terkait."},
]

# kind -> what a test factory gives an activity of that kind (topic, guest body).
KIND_FACTS = {
    "kunjungan_kerja": ("Pengelolaan Informasi dan Dokumentasi", "PPID Utama Kabupaten Subang"),
    "studi_banding": ("Pengelolaan Sampah Terpadu", "Dinas Lingkungan Hidup Kota Surabaya"),
    "rapat_koordinasi": ("Persiapan Pilkada Serentak", "Forkopimda Kota Bekasi"),
    "peresmian": ("Gedung Baru Puskesmas Jatisampurna", "warga Jatisampurna"),
    "sosialisasi": ("Keterbukaan Informasi Publik", "PPID Pembantu"),
    "penyerahan_bantuan": ("Sembako", "warga terdampak banjir"),
    "upacara": ("Hari Kesaktian Pancasila", "ASN Pemerintah Kota Bekasi"),
    "penandatanganan_mou": ("Pengembangan Kota Cerdas", "Universitas Islam 45 Bekasi"),
    "pelantikan": ("Administrator dan Pengawas", "pejabat Pemerintah Kota Bekasi"),
    "audiensi": ("Penataan Pasar Tradisional", "Paguyuban Pedagang Pasar Baru"),
    "lomba_festival": ("Hari Jadi Kota Bekasi ke-25", "pelajar se-Kota Bekasi"),
    "bakti_sosial": ("pengobatan gratis", "warga Kelurahan Jatimulya"),
    "undangan_liputan": ("Peluncuran Aplikasi Layanan Kependudukan", "rekan-rekan media"),
}


def make_activity(kind: str, *, quotes=EXAMPLE_QUOTES) -> Activity:
    """A complete activity of ``kind`` with host, guest, attendee and a reviewed note."""
    unit = db.session.scalar(select(Unit).order_by(Unit.id))
    venue = db.session.scalar(select(Venue).order_by(Venue.id))
    topic, guest_body = KIND_FACTS[kind]
    activity = create_activity(db.session, ActivityData(
        title=f"{kind.replace('_', ' ').title()} {topic}", kind=kind, starts_on=date(2021, 9, 30),
        starts_at_time=time(9, 0), unit_id=unit.id, venue_id=venue.id, guest_body=guest_body, topic=topic,
        summary="Ringkasan kegiatan.",
        participants=[
            ParticipantData("Sajekti Rubiyah", "Kepala Bagian Humas", "Sekretariat Daerah Kota Bekasi", "host"),
            ParticipantData("Lukita Harjana", "Sekretaris Diskominfo", "Kabupaten Subang", "guest"),
            ParticipantData("Diah Setiyawati", "Kasubag Hubungan Dokumentasi Internal", "Sekretariat Daerah Kota Bekasi", "attendee"),
        ],
    ), actor=None)
    db.session.add(Note(activity_id=activity.id, source="typed", text="catatan", cleaning={}, extraction={},
                        accepted={"people": [], "quotes": list(quotes)}))
    db.session.flush()
    return activity


def photo_bytes(seed: int, *, blur: float = 0.0, size=(900, 600)) -> bytes:
    """A JPEG of random rectangles (``seed`` decides the picture; ``blur`` softens it)."""
    rng = random.Random(seed)
    image = Image.new("RGB", size, tuple(rng.randrange(256) for _ in range(3)))
    draw = ImageDraw.Draw(image)
    for _ in range(40):
        x, y = rng.randrange(size[0]), rng.randrange(size[1])
        draw.rectangle((x, y, x + rng.randrange(40, 300), y + rng.randrange(40, 200)),
                       fill=tuple(rng.randrange(256) for _ in range(3)))
    if blur:
        image = image.filter(ImageFilter.GaussianBlur(blur))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


def add_photo(app, activity: Activity, seed: int, *, blur: float = 0.0, highlight: bool = False,
              caption: str | None = None, credit: str | None = "Dok. Humas Pemkot Bekasi", data: bytes | None = None):
    photographer = db.session.scalar(select(User).where(User.role == "photographer"))
    outcome = media_ingest.ingest(
        db.session, FileStorage(app.config["MEDIA_ROOT"]), data or photo_bytes(seed, blur=blur), f"foto-{seed}.jpg",
        activity=activity, uploader=photographer, config=media_service.IngestConfig.from_mapping(app.config))
    media = outcome.media
    media.is_highlight = highlight
    media.caption = caption
    media.credit = credit
    db.session.flush()
    return media


def user(role: str) -> User:
    return db.session.scalar(select(User).where(User.role == role))


@pytest.fixture
def writer(ctx):
    return user("writer")

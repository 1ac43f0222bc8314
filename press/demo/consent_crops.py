"""The demo's photo desk: the lead photo's crops for the channels around its focal point,
and a photo of a child flagged as a sensitive subject with its consent record (the
signed form drawn with Pillow), so the gallery shows both at a glance."""
from __future__ import annotations

import io
from datetime import date

from press.dates import office_today

CHILD_CAPTION = ("Putri salah satu anggota rombongan Kabupaten Subang ikut menyimak paparan layanan "
                 "informasi publik.")


def signed_form_jpeg() -> bytes:
    """A scanned consent form: a white page, its heading, the lines and a signature."""
    from PIL import Image, ImageDraw

    page = Image.new("L", (1240, 1754), 250)
    draw = ImageDraw.Draw(page)
    draw.text((120, 120), "SURAT PERSETUJUAN PUBLIKASI FOTO ANAK", fill=20)
    for number, line in enumerate(("Nama orang tua/wali: Rina Marlina", "Nama anak: (disamarkan)",
                                   "Penggunaan: publikasi kunjungan kerja di situs dan media sosial Pemkot Bekasi",
                                   "Berlaku sampai: 30 September 2027")):
        draw.text((120, 260 + number * 60), line, fill=30)
    draw.line([(800, 1400), (1000, 1380), (1060, 1420)], fill=10, width=4)
    out = io.BytesIO()
    page.save(out, "JPEG", quality=80)
    return out.getvalue()


def load_consent_and_crops(session, storage, config, *, lead, activity, photographer, editor, child_jpeg: bytes, credit: str) -> list:
    """Crops of ``lead`` (focal point on the host) and the flagged photo (``child_jpeg``)
    with its consent, public; returns the photos added. ``config`` is an ``IngestConfig``."""
    from press.services import consent, crops
    from press.services import media as media_service
    from press.services import media_ingest

    crops.set_focal(session, lead, 0.4, 0.45, actor=editor)
    crops.make_crops(storage, lead, crops.crop_sizes(None), max_pixels=config.max_pixels)
    [outcome] = media_ingest.ingest_many(
        session, storage, [media_ingest.PhotoFile("IMG_3010.JPG", child_jpeg)],
        activity=activity, uploader=photographer, batch=media_ingest.BatchMeta(credit=credit), config=config)
    child = outcome.media
    if child is None:
        return []
    media_service.update_text(session, storage, child, actor=editor, caption=CHILD_CAPTION,
                              credit=credit, copyright=None)
    consent.set_subject(session, child, "anak", actor=editor)
    consent.record_consent(
        session, storage, child, actor=editor, given_by="Rina Marlina (ibu)",
        purpose="Publikasi kunjungan kerja di situs dan media sosial Pemkot Bekasi",
        valid_until=max(date(2027, 9, 30), office_today().replace(year=office_today().year + 1)),
        form=signed_form_jpeg(), filename="persetujuan-rina-marlina.jpg", max_bytes=config.max_bytes)
    media_service.set_flags(session, child, actor=editor, public=True)
    return [child]

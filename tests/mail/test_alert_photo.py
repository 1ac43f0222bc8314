"""The release alert embeds the lead photo (the public web rendition, inline, ``cid:``),
without GPS, and only while the public may see the photo."""
from __future__ import annotations

import hashlib
import io
import re

import exifread
from sqlalchemy import select

from press.codes import OutboxPurpose
from press.extensions import db
from press.models import Media, Release
from press.services import outbox, release_mail
from tests.conftest import FIXTURES
from tests.mail.conftest import send
from tests.web.publishing_fixtures import build_detached_site


def _gps(data: bytes) -> list[str]:
    return [tag for tag in exifread.process_file(io.BytesIO(data), details=False) if tag.startswith("GPS")]


def _alert_to(app, smtp, release_id: int, address: str):
    with app.app_context():
        outbox.queue_composed(db.session, purpose=OutboxPurpose.RELEASE_ALERT, object_key=release_mail.alert_key(release_id),
                              address=address, data={"release": release_id})
        db.session.commit()
        send(app)
    [message] = [m for m in smtp.sink.accepted if m["To"] == address]
    return message


def test_the_alert_embeds_the_public_lead_photo_without_gps(app, smtp):
    site = build_detached_site(app)
    lead = site.public_photos[0]
    assert _gps((FIXTURES / "images/sample1.jpg").read_bytes())  # the original has a position
    message = _alert_to(app, smtp, site.published.id, "foto@koran-bekasi.co.id")

    html = message.get_body(("html",)).get_content()
    [cid] = re.findall(r'src="cid:([^"]+)"', html)
    [image] = [part for part in message.walk() if part["Content-ID"] == f"<{cid}>"]
    assert image.get_content_type() == "image/jpeg" and image.get_content_disposition() != "attachment"
    data = image.get_payload(decode=True)
    assert hashlib.sha256(data).hexdigest() == lead.rendition("web").sha256  # the web rendition itself
    assert _gps(data) == []
    assert message.get_content_type() == "multipart/alternative"
    assert message.get_payload()[1].get_content_type() == "multipart/related"
    assert "/media/" not in html  # never a rendition address


def test_a_release_whose_photos_are_not_public_gets_no_image(app, smtp):
    site = build_detached_site(app)
    first = _alert_to(app, smtp, site.published.id, "sebelum@koran-bekasi.co.id")
    assert "cid:" in first.get_body(("html",)).get_content()
    with app.app_context():
        release = db.session.get(Release, site.published.id)
        for link in release.photos:  # a sensitive subject no consent covers: not public
            db.session.get(Media, link.media_id).sensitive = "anak"
        db.session.commit()
    message = _alert_to(app, smtp, site.published.id, "sesudah@koran-bekasi.co.id")
    html = message.get_body(("html",)).get_content()
    assert "cid:" not in html and "Lihat foto" not in html
    assert [part for part in message.walk() if part.get_content_maintype() == "image"] == []
    with app.app_context():
        assert db.session.scalar(select(Release.title).where(Release.id == site.published.id)) in html

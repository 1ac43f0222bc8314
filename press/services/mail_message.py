"""One outbox message as MIME: what a message says (``Composed``, written by a composer
or read from its row), its stable ``Message-ID``, the sender, and the message built with
the standard library for the SMTP transport or the ``.eml`` file. No Flask, no database.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from email.charset import QP, Charset
from email.encoders import encode_base64
from email.header import Header
from email.message import Message
from email.mime.multipart import MIMEMultipart
from email.mime.nonmultipart import MIMENonMultipart
from email.mime.text import MIMEText
from email.policy import compat32
from email.utils import format_datetime, formataddr
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from press.models import OutboxMessage

# Headers are folded only past RFC 5322's hard limit: the library folds a header it cannot
# break between words (a long unsubscribe link) right after its name, and readers then
# see the value with a leading space.
HEADER_POLICY = compat32.clone(max_line_length=998)
UTF8 = Charset("utf-8")
UTF8.body_encoding = QP  # readable in any mail client's "show source", unlike base64


def one_line(text: str | None, limit: int) -> str | None:
    return " ".join(str(text).split())[:limit] if text else text


@dataclass
class Composed:
    """What a message says: written by a composer, or read from its row."""

    subject: str
    text: str
    html: str | None = None
    sender_name: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    images: list[tuple[str, bytes, str]] = field(default_factory=list)


Composer = Callable[["Session", "OutboxMessage"], "Composed | None"]


def stored(row: OutboxMessage) -> Composed:
    return Composed(row.subject or "", row.text or "", row.html, row.sender_name, dict(row.headers or {}),
                    [(image.content_id, image.content, image.mime_type) for image in row.images])


def message_id(row: OutboxMessage, config: Mapping) -> str:
    """The row's one ``Message-ID``: the same however often it is sent."""
    return f"<siaran.{row.id}.{row.purpose}@{_domain(config)}>"


def _domain(config: Mapping) -> str:
    host = urlsplit(config.get("SITE_URL") or "").hostname
    return host or (config.get("MAIL_FROM") or "siaran@localhost").rpartition("@")[2] or "localhost"


def sender_address(config: Mapping) -> str:
    return config.get("MAIL_FROM") or f"siaran@{_domain(config)}"


def _header(value: str) -> str | Header:
    return value if value.isascii() else Header(value, "utf-8")


def _text_part(text: str, subtype: str) -> MIMEText:
    return MIMEText(text, subtype, UTF8)


def build_message(row: OutboxMessage, composed: Composed, config: Mapping, now: datetime) -> Message:
    """The MIME message: plain text and, when there is HTML, the HTML with its embedded
    images (``multipart/related``) as the preferred alternative.

    Built with the standard library's compat32 classes, which store headers as given:
    the header objects of the newer policy parse each header again and cost more than
    the SMTP exchange itself."""
    body: Message = _text_part(composed.text, "plain")
    if composed.html:
        html: Message = _text_part(composed.html, "html")
        if composed.images:
            related = MIMEMultipart("related")
            related.attach(html)
            for content_id, data, mime in composed.images:
                maintype, _, subtype = mime.partition("/")
                image = MIMENonMultipart(maintype, subtype)
                image.set_payload(data)
                encode_base64(image)
                image["Content-ID"] = f"<{content_id}>"
                related.attach(image)
            html = related
        body = MIMEMultipart("alternative", _subparts=[body, html])
    name = one_line(composed.sender_name or config.get("OFFICE_NAME") or "Siaran", 200)
    body["From"] = formataddr((name, sender_address(config)), charset="utf-8")
    body["To"] = row.address
    body["Subject"] = _header(one_line(composed.subject, 300))
    body["Date"] = format_datetime(now)
    body["Message-ID"] = row.message_id
    body["X-Siaran-Outbox"] = f"{row.id:07d}-{row.purpose}"
    for header, value in composed.headers.items():
        body[header] = _header(one_line(value, 2000))
    body.policy = HEADER_POLICY
    return body

"""One outbox message as MIME: what a message says (``Composed``, written by a composer
or read from its row), its stable ``Message-ID``, the sender, and the message built with
its bytes for the SMTP transport or the ``.eml`` file. No Flask, no database.
"""
from __future__ import annotations

import base64
import binascii
import functools
import secrets
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from datetime import datetime
from email.header import Header
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
MAX_LINE = 998
HEADER_POLICY = compat32.clone(max_line_length=MAX_LINE, linesep="\r\n")
IMAGE_PARTS_KEPT = 8  # encoded inline images kept: a few releases' lead photos


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


class Composers(dict):
    """The composers by purpose, and :meth:`writing`: the context the sender calls them
    in, once for a batch of messages (none here; the web layer's sets the site's address
    and the language, which cost more to set up than a message to write)."""

    def writing(self) -> AbstractContextManager:
        return nullcontext()


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


def _header_line(name: str, value: str) -> str:
    """``Name: value`` and its line end; a value that is not plain ASCII, or too long for
    one line, goes through the standard library's compat32 folding."""
    if value.isascii() and len(name) + len(value) <= MAX_LINE - 2 and "\r" not in value and "\n" not in value:
        return f"{name}: {value}\r\n"
    return HEADER_POLICY.fold(name, _header(value))


def _quoted_printable(text: str) -> bytes:
    """UTF-8 text as quoted-printable (lines of at most 76 characters), CRLF line ends."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return binascii.b2a_qp(text.encode("utf-8"), istext=True).replace(b"\n", b"\r\n")


def _text_part(text: str, subtype: str) -> bytes:
    return (f'Content-Type: text/{subtype}; charset="utf-8"\r\nMIME-Version: 1.0\r\n'
            "Content-Transfer-Encoding: quoted-printable\r\n\r\n").encode() + _quoted_printable(text)


@functools.lru_cache(maxsize=IMAGE_PARTS_KEPT)
def _image_part(content_id: str, data: bytes, mime: str) -> bytes:
    """An inline image as a MIME part, base64 (the alerts of one release share its bytes,
    so it is encoded once: bytes keep their hash, and the same object compares at once)."""
    head = f"Content-Type: {mime}\r\nMIME-Version: 1.0\r\nContent-Transfer-Encoding: base64\r\n"
    return (head + _header_line("Content-ID", f"<{content_id}>") + "\r\n").encode() + \
        base64.encodebytes(data).replace(b"\n", b"\r\n")


def _multipart(subtype: str, parts: list[bytes]) -> bytes:
    """The parts under a fresh boundary. ``=_`` can appear neither in quoted-printable
    (``=`` is followed by two hex digits or a line end) nor in base64, so the parts need
    no scan for it."""
    boundary = f"=_siaran_{subtype}_{secrets.token_hex(12)}"
    separator = f"\r\n--{boundary}\r\n".encode()
    return (f'Content-Type: multipart/{subtype}; boundary="{boundary}"\r\nMIME-Version: 1.0\r\n\r\n'
            f"--{boundary}\r\n").encode() + separator.join(parts) + f"\r\n--{boundary}--\r\n".encode()


def build_message(row: OutboxMessage, composed: Composed, config: Mapping, now: datetime) -> bytes:
    """The message as it goes out (CRLF line ends): plain text and, when there is HTML,
    the HTML with its embedded images (``multipart/related``) as the preferred alternative.

    Written here rather than by the ``email`` package's generator, which cost more than
    the SMTP exchange: it folds every header through ``Header`` objects, scans the whole
    message for a boundary and compiles a pattern for each, and writes a base64 photo a
    line at a time. The parts' headers are those the package's compat32 classes write,
    and it still folds what needs folding (:func:`_header_line`)."""
    body = _text_part(composed.text, "plain")
    if composed.html:
        html = _text_part(composed.html, "html")
        if composed.images:
            html = _multipart("related", [html, *(_image_part(*image) for image in composed.images)])
        body = _multipart("alternative", [body, html])
    head, _, body = body.partition(b"\r\n\r\n")
    name = one_line(composed.sender_name or config.get("OFFICE_NAME") or "Siaran", 200)
    lines = [_header_line("From", formataddr((name, sender_address(config)), charset="utf-8")),
             # as it is: valid_address let no line end in, and a non-ASCII local part
             # (sent with SMTPUTF8) must not become an encoded word
             f"To: {row.address}\r\n",
             _header_line("Subject", one_line(composed.subject, 300)),
             f"Date: {format_datetime(now)}\r\nMessage-ID: {row.message_id}\r\nX-Siaran-Outbox: {outbox_label(row)}\r\n",
             *(_header_line(header, one_line(value, 2000)) for header, value in composed.headers.items())]
    return head + b"\r\n" + "".join(lines).encode("utf-8") + b"\r\n" + body


def outbox_label(row: OutboxMessage) -> str:
    """The row's ``X-Siaran-Outbox`` header, and the name of its ``.eml`` file."""
    return f"{row.id:07d}-{row.purpose}"

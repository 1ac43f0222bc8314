"""Where the outbox's messages go: an SMTP server named by ``PRESS_SMTP_URL``, or, with
none set, ``.eml`` files under ``instance/outbox/`` (development needs no mail server).

``smtp://user:pass@host:587`` speaks STARTTLS before it logs in (refused if the server
does not offer it, except on a loopback address, where a test or relay server may speak
plain SMTP); ``smtps://user:pass@host:465`` is TLS from the first byte. One connection
carries many messages, each given as its bytes (``mail_message.build_message``) with the
name of its ``.eml`` file. Each send ends as accepted or raises :class:`DeliveryError`:
``temporary`` for 4xx answers and a server that cannot be reached (retried later),
otherwise a permanent refusal (5xx).
"""
from __future__ import annotations

import ipaddress
import os
import smtplib
import ssl
from pathlib import Path
from urllib.parse import unquote, urlsplit

DEFAULT_PORTS = {"smtp": 587, "smtps": 465}
TIMEOUT_SECONDS = 30


class DeliveryError(Exception):
    """A message was not accepted; ``temporary`` says whether to try again later."""

    def __init__(self, detail: str, *, temporary: bool, connection: bool = False):
        super().__init__(detail)
        self.detail = detail[:500]
        self.temporary = temporary
        self.connection = connection  # nothing else can go over this transport now


class ConfigurationError(ValueError):
    """``PRESS_SMTP_URL`` cannot be used; the message says why."""


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class SmtpTransport:
    """One SMTP connection, opened on the first message and reused for the following ones."""

    def __init__(self, url: str):
        parts = urlsplit(url)
        if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
            raise ConfigurationError("PRESS_SMTP_URL must look like smtp://user:pass@host:587 or smtps://user:pass@host:465")
        self.implicit_tls = parts.scheme == "smtps"
        self.host = parts.hostname
        self.port = parts.port or DEFAULT_PORTS[parts.scheme]
        self.user = unquote(parts.username) if parts.username else None
        self.password = unquote(parts.password) if parts.password else None
        self.connection: smtplib.SMTP | None = None

    def _connect(self) -> smtplib.SMTP:
        context = ssl.create_default_context()
        try:
            if self.implicit_tls:
                connection = smtplib.SMTP_SSL(self.host, self.port, timeout=TIMEOUT_SECONDS, context=context)
            else:
                connection = smtplib.SMTP(self.host, self.port, timeout=TIMEOUT_SECONDS)
                connection.ehlo()
                if connection.has_extn("starttls"):
                    connection.starttls(context=context)
                    connection.ehlo()
                elif not _is_loopback(self.host):
                    connection.quit()
                    raise DeliveryError(f"{self.host} does not offer STARTTLS", temporary=True, connection=True)
            if self.user:
                connection.login(self.user, self.password or "")
        except smtplib.SMTPAuthenticationError as exc:
            raise DeliveryError(f"login refused: {exc.smtp_code}", temporary=True, connection=True) from exc
        except (OSError, smtplib.SMTPException) as exc:
            raise DeliveryError(f"cannot reach {self.host}:{self.port}: {exc}", temporary=True, connection=True) from exc
        return connection

    def send(self, message: bytes, sender: str, recipient: str, name: str) -> None:
        if self.connection is None:
            self.connection = self._connect()
        options = ()
        if not (sender + recipient).isascii():
            if not self.connection.has_extn("smtputf8"):
                raise DeliveryError(f"{self.host} does not take non-ASCII addresses (no SMTPUTF8)", temporary=False)
            options = ("SMTPUTF8", "BODY=8BITMIME")
        try:
            self.connection.sendmail(sender, [recipient], message, options)
        except smtplib.SMTPRecipientsRefused as exc:
            code, answer = next(iter(exc.recipients.values()))
            raise DeliveryError(f"{code} {_text(answer)}", temporary=400 <= code < 500) from exc
        except smtplib.SMTPResponseException as exc:
            self._reset()
            raise DeliveryError(f"{exc.smtp_code} {_text(exc.smtp_error)}", temporary=exc.smtp_code < 500) from exc
        except (smtplib.SMTPServerDisconnected, OSError) as exc:
            self.close()
            raise DeliveryError(f"connection lost: {exc}", temporary=True, connection=True) from exc

    def _reset(self) -> None:
        try:
            self.connection.rset()
        except (smtplib.SMTPException, OSError):
            self.close()

    def close(self) -> None:
        if self.connection is not None:
            try:
                self.connection.quit()
            except (smtplib.SMTPException, OSError):
                self.connection.close()
            self.connection = None


def _text(answer) -> str:
    return answer.decode("utf-8", "replace") if isinstance(answer, bytes) else str(answer)


class FileTransport:
    """Each message as ``<row>-<purpose>.eml`` in a folder: the same row written twice is one file."""

    def __init__(self, folder: str | os.PathLike):
        self.folder = Path(folder)

    def send(self, message: bytes, sender: str, recipient: str, name: str) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        partial = self.folder / f"{name}.eml.part"
        partial.write_bytes(message)
        os.replace(partial, self.folder / f"{name}.eml")

    def close(self) -> None:
        pass


def open_transport(config) -> SmtpTransport | FileTransport:
    """The transport ``SMTP_URL`` names, or the ``.eml`` folder when it is empty."""
    url = config.get("SMTP_URL")
    return SmtpTransport(url) if url else FileTransport(config["OUTBOX_DIR"])

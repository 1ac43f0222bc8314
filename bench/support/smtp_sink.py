"""A real SMTP server on loopback (aiosmtpd in a thread) for the mail tests and
``bench/distribution.py``: it keeps what it accepted, and answers ``DATA`` from a script
(``answers``: "451 …", "550 …"; 250 once the script is used up)."""
from __future__ import annotations

import asyncio
import socket
import threading
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Sink:
    """The handler: every accepted message, parsed with the standard library."""

    def __init__(self, *, parse: bool = True, delay: float = 0.0):
        self.parse = parse
        self.delay = delay
        self.answers: list[str] = []
        self.accepted: list[EmailMessage | bytes] = []
        self.recipients: list[str] = []
        self.tried = 0
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            await asyncio.sleep(self.delay)
        with self.lock:
            self.tried += 1
            answer = self.answers.pop(0) if self.answers else "250 2.0.0 OK"
            if answer.startswith("250"):
                content = envelope.content
                self.accepted.append(BytesParser(policy=policy.default).parsebytes(content) if self.parse else content)
                self.recipients.extend(envelope.rcpt_tos)
        return answer


class SmtpServer:
    """``with SmtpServer() as smtp:`` — ``smtp.url`` for ``PRESS_SMTP_URL``, ``smtp.sink`` what arrived."""

    def __init__(self, *, parse: bool = True, delay: float = 0.0, smtputf8: bool = False):
        self.sink = Sink(parse=parse, delay=delay)
        self.port = free_port()
        self.controller = Controller(self.sink, hostname="127.0.0.1", port=self.port, enable_SMTPUTF8=smtputf8)
        self.url = f"smtp://127.0.0.1:{self.port}"

    def __enter__(self) -> SmtpServer:
        self.controller.start()
        return self

    def __exit__(self, *exc) -> None:
        self.controller.stop()

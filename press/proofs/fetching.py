"""Fetching a partner's page under the rules for URLs typed by outsiders.

``fetch(url)`` takes http and https only, resolves each host once and checks every
address (``addresses.py``), connects to the checked address itself (the ``Host`` header
and TLS server name stay the site's), follows redirects by hand (at most five, each
checked the same way), stops at the total time limit and at the size limit while
reading, and follows the article's own pagination (``pagination.py``) under the same
rules. It never raises for what the site does: a refusal is a value on ``Fetched``.
"""
from __future__ import annotations

import http.client
import re
import socket
import ssl
import threading
import time
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from urllib.parse import quote, urljoin, urlsplit

from .addresses import LookupTimeout, checked_addresses, parse_allow
from .pagination import next_page, parse, whole_article
from .refusals import Refusal, Refused

REDIRECTS = (301, 302, 303, 307, 308)
MAX_REDIRECTS = 5
USER_AGENT = "Siaran-bukti-tayang/1.0 (+pemeriksaan tayangan advertorial)"
CHUNK = 64 * 1024
PATH_SAFE = "/%?=&;:@!$'()*+,~-._[]"
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)
STOPPING = ("private_address", "scheme", "too_large")
HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "")


@dataclass(frozen=True)
class Page:
    """One page of the article: the URL asked for, where the redirects ended, the final
    status, the text and the bytes as received."""
    url: str
    final_url: str
    status: int
    html: str
    body: bytes = b""
    content_type: str = ""


@dataclass(frozen=True)
class Fetched:
    url: str
    pages: list[Page] = field(default_factory=list)
    fetched_at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    refusal: Refusal | None = None

    @property
    def ok(self) -> bool:
        return self.refusal is None and bool(self.pages)


class _Deadline:
    def __init__(self, seconds: float, host: str = ""):
        self.seconds = seconds
        self.ends = time.monotonic() + seconds
        self.host = host

    def left(self) -> float:
        remaining = self.ends - time.monotonic()
        if remaining <= 0:
            raise Refused("timeout", host=self.host, seconds=_seconds(self.seconds))
        return remaining


def _seconds(value: float) -> str:
    """A number written the Indonesian way (decimal comma)."""
    return f"{value:g}".replace(".", ",")


class _PinnedHTTP(http.client.HTTPConnection):
    """An HTTP connection to an address checked beforehand; ``host`` names the site."""

    def __init__(self, host, port, address, timeout):
        super().__init__(host, port, timeout=timeout)
        self.address = address
        self.pinned = None

    def connect(self):
        family = socket.AF_INET6 if self.address.version == 6 else socket.AF_INET
        self.sock = socket.socket(family, socket.SOCK_STREAM)
        try:
            self.sock.settimeout(self.timeout)
            self.sock.connect((str(self.address), self.port))
        except OSError:
            self.sock.close()
            self.sock = None
            raise
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.pinned = self.sock


class _PinnedHTTPS(_PinnedHTTP):
    context = ssl.create_default_context()

    def connect(self):
        super().connect()
        self.sock = self.pinned = self.context.wrap_socket(self.sock, server_hostname=self.host)


def _target(url: str) -> tuple[str, str, int, str]:
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        raise Refused("not_a_url", url=url) from None
    try:
        port = parts.port
    except ValueError:
        raise Refused("bad_port", url=url) from None
    scheme = parts.scheme.lower()
    if scheme and parts.netloc is not None and scheme not in ("http", "https") and (parts.netloc or parts.path.startswith("/")):
        raise Refused("scheme", scheme=scheme)
    if scheme not in ("http", "https") or not parts.netloc:
        raise Refused("not_a_url", url=url)
    if parts.username is not None or parts.password is not None:
        raise Refused("credentials")
    host = parts.hostname or ""
    try:
        host = host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError:
        raise Refused("not_a_url", url=url) from None
    if not host:
        raise Refused("not_a_url", url=url)
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return scheme, host, port or (443 if scheme == "https" else 80), quote(path, safe=PATH_SAFE)


def _read(response, sock, deadline: _Deadline, max_bytes: int) -> bytes:
    declared = response.getheader("Content-Length")
    if declared and declared.strip().isdigit() and int(declared) > max_bytes:
        raise Refused("too_large", megabytes=_seconds(max_bytes / 1_000_000))
    encoding = (response.getheader("Content-Encoding") or "").lower().strip()
    inflate = zlib.decompressobj(16 + zlib.MAX_WBITS if encoding in ("gzip", "x-gzip") else zlib.MAX_WBITS) \
        if encoding in ("gzip", "x-gzip", "deflate") else None
    chunks, size = [], 0
    while True:
        sock.settimeout(deadline.left())
        try:
            chunk = response.read1(CHUNK)
        except (TimeoutError, socket.timeout):
            deadline.left()
            raise Refused("timeout", host=deadline.host, seconds=_seconds(deadline.seconds)) from None
        if not chunk:
            deadline.left()
            break
        if inflate is not None:
            try:
                chunk = inflate.decompress(chunk, max_bytes + 1 - size)
            except zlib.error as exc:
                raise Refused("bad_response", host=deadline.host, reason=str(exc)) from None
        size += len(chunk)
        if size > max_bytes:
            raise Refused("too_large", megabytes=_seconds(max_bytes / 1_000_000))
        chunks.append(chunk)
        deadline.left()
    return b"".join(chunks)


def _decode(body: bytes, content_type: str) -> str:
    charset = ""
    for param in content_type.split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip('"\'')
    if not charset:
        found = META_CHARSET.search(body[:4096])
        charset = found.group(1).decode("ascii") if found else ""
    try:
        return body.decode(charset or "utf-8", errors="replace")
    except LookupError:
        return body.decode("utf-8", errors="replace")


def _get_once(url: str, allow, deadline: _Deadline, max_bytes: int):
    scheme, host, port, path = _target(url)
    deadline.host = host
    try:
        addresses = checked_addresses(host, port, allow, timeout=deadline.left())
    except LookupTimeout:
        raise Refused("timeout", host=host, seconds=_seconds(deadline.seconds)) from None
    last_error: Exception | None = None
    for address in addresses:
        kind = _PinnedHTTPS if scheme == "https" else _PinnedHTTP
        connection = kind(host, port, address, timeout=deadline.left())
        watchdog = threading.Timer(deadline.left(), _cut, [connection])
        watchdog.daemon = True
        watchdog.start()
        try:
            connection.request("GET", path, headers={
                "User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml",
                "Accept-Encoding": "gzip, deflate", "Connection": "close"})
            response = connection.getresponse()
            if response.status in REDIRECTS:
                return response.status, response.getheader("Location"), b"", ""
            content_type = response.getheader("Content-Type") or ""
            body = _read(response, connection.pinned, deadline, max_bytes)
            return response.status, None, body, content_type
        except (TimeoutError, socket.timeout):
            deadline.left()
            raise Refused("timeout", host=host, seconds=_seconds(deadline.seconds)) from None
        except Refused:
            raise
        except (OSError, http.client.HTTPException, ssl.SSLError, ValueError) as exc:
            last_error = exc
            deadline.left()
        finally:
            watchdog.cancel()
            connection.close()
    if isinstance(last_error, (http.client.HTTPException, ValueError)) and not isinstance(last_error, ssl.SSLError):
        raise Refused("bad_response", host=host, reason=type(last_error).__name__)
    raise Refused("connect_failed", host=host, reason=_reason(last_error))


def _cut(connection) -> None:
    """The total time limit reached while a read waits: end the connection, so a site
    answering a byte at a time cannot hold the fetch past it."""
    sock = connection.pinned
    if sock is not None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def _reason(error: Exception | None) -> str:
    if isinstance(error, ssl.SSLError):
        return "TLS"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return type(error).__name__ if error else "?"


def get(url: str, *, allow, deadline: _Deadline, max_bytes: int) -> Page:
    """One page, its redirects followed by hand, each hop checked."""
    current = url
    for _hop in range(MAX_REDIRECTS + 1):
        status, location, body, content_type = _get_once(current, allow, deadline, max_bytes)
        if location is None:
            if status in REDIRECTS:
                raise Refused("bad_redirect")
            kind = content_type.split(";")[0].strip().lower()
            if status < 400 and kind not in HTML_TYPES:
                raise Refused("not_html", content_type=kind)
            return Page(url, current, status, _decode(body, content_type), body, content_type)
        if not location.strip():
            raise Refused("bad_redirect")
        current = urljoin(current, location.strip())
    raise Refused("too_many_redirects", count=MAX_REDIRECTS)


def fetch(url: str, *, allow=(), timeout: float = 10, max_bytes: int = 5_000_000, max_pages: int = 5) -> Fetched:
    """The article at ``url`` and its next pages; a refusal says why it stopped."""
    allowed = parse_allow(allow)
    started = datetime.now(timezone.utc)
    deadline = _Deadline(timeout)
    pages: list[Page] = []
    seen: set[str] = set()
    current: str | None = url
    try:
        while current is not None and len(pages) < max_pages:
            page = get(current, allow=allowed, deadline=deadline, max_bytes=max_bytes)
            seen.update({current, page.final_url})
            if page.status >= 400 or page.status < 200:
                if pages:
                    break
                return Fetched(url, [page], started, Refusal("http_status", {"status": page.status}))
            pages.append(page)
            tree = parse(page.html)
            if len(pages) == 1 and (whole := whole_article(tree, page.final_url, seen)):
                try:
                    complete = get(whole, allow=allowed, deadline=deadline, max_bytes=max_bytes)
                except Refused as refused:
                    if refused.refusal.code in STOPPING:
                        raise
                    complete = None
                if complete is not None and 200 <= complete.status < 300:
                    return Fetched(url, [complete], started, None)
            current = next_page(tree, page.final_url, len(pages) + 1, seen)
    except Refused as refused:
        if not pages or refused.refusal.code in STOPPING:
            return Fetched(url, pages, started, refused.refusal)
    return Fetched(url, pages, started, None)

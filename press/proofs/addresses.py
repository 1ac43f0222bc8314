"""Which addresses a fetch may connect to, whatever way the host is written.

A host is turned into addresses once: an IP literal (IPv4 in the dotted, decimal,
hexadecimal and octal forms ``inet_aton`` accepts — ``2130706433``, ``0x7f.1``,
``017700000001`` — or IPv6 in brackets) is read here, a name is resolved with
``getaddrinfo``. Every address is checked, IPv6 forms that carry an IPv4 address
(mapped, compatible, 6to4, NAT64) by that address too; the caller connects to one of
the checked addresses, so a second lookup cannot give another answer.
"""
from __future__ import annotations

import ipaddress
import re
import socket
import threading
from collections.abc import Iterable

from .refusals import Refused

Address = ipaddress.IPv4Address | ipaddress.IPv6Address

_NUMBER = re.compile(r"^(0x[0-9a-f]*|0[0-7]*|[1-9][0-9]*)$", re.I)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_LOCAL_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback")


def parse_allow(value: str | Iterable[str] | None) -> frozenset[tuple[str, int]]:
    """``PRESS_FETCH_ALLOW`` (``host:port,…``, or a list of them) as ``(host, port)`` pairs;
    IPv6 hosts in brackets. Pairs already read pass through, so a caller may hand over
    either form."""
    if not value:
        return frozenset()
    items = value.split(",") if isinstance(value, str) else value
    pairs = set()
    for item in items:
        if isinstance(item, tuple):
            host, port = item
            pairs.add((str(host).strip("[]").lower(), int(port)))
            continue
        item = item.strip()
        host, sep, port = item.rpartition(":")
        if not sep or not port.isdigit() or not host:
            continue
        pairs.add((host.strip("[]").lower(), int(port)))
    return frozenset(pairs)


def ipv4_number(host: str) -> ipaddress.IPv4Address | None:
    """``host`` read the way ``inet_aton`` reads it (1 to 4 parts, each decimal, ``0x``
    hexadecimal or ``0`` octal), or None when it is not such a number."""
    parts = host.rstrip(".").split(".") if host else []
    if not 1 <= len(parts) <= 4 or not all(_NUMBER.match(p) for p in parts):
        return None
    values = []
    for part in parts:
        if part.lower().startswith("0x"):
            values.append(int(part[2:] or "0", 16))
        elif part.startswith("0") and len(part) > 1:
            values.append(int(part, 8))
        else:
            values.append(int(part))
    *head, last = values
    if any(v > 255 for v in head) or last >= 256 ** (4 - len(head)):
        return None
    number = 0
    for v in head:
        number = number * 256 + v
    number = number * 256 ** (4 - len(head)) + last
    return ipaddress.IPv4Address(number)


def literal(host: str) -> Address | None:
    """An IP address written as the host, in any spelling, or None for a name."""
    if ":" in host:
        try:
            return ipaddress.IPv6Address(host)
        except ValueError:
            return None
    return ipv4_number(host)


def embedded(address: Address) -> list[Address]:
    """The address and the IPv4 address an IPv6 form carries, if any."""
    found = [address]
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped:
            found.append(address.ipv4_mapped)
        if address.sixtofour:
            found.append(address.sixtofour)
        if address.teredo:
            found.extend(address.teredo)
        if address in _NAT64 or int(address) >> 32 == 0:
            found.append(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
    return found


def forbidden_kind(address: Address) -> str | None:
    """What makes an address internal (``loopback``, ``private``…), or None for a public one."""
    for candidate in embedded(address):
        for kind in ("loopback", "link_local", "multicast", "unspecified", "reserved", "private"):
            if getattr(candidate, f"is_{kind}"):
                return kind
        if not candidate.is_global:
            return "private"
    return None


class LookupTimeout(Exception):
    pass


def _lookup(host: str, port: int, timeout: float | None):
    """``getaddrinfo`` within ``timeout`` seconds: the resolver has no limit of its own, so
    it runs in a thread left behind when the time is up."""
    if timeout is None:
        return socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    answer: list = []

    def ask():
        try:
            answer.append(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
        except Exception as exc:  # noqa: BLE001 - handed to the caller's thread
            answer.append(exc)

    thread = threading.Thread(target=ask, daemon=True, name="proofs-lookup")
    thread.start()
    thread.join(timeout)
    if not answer:
        raise LookupTimeout(host)
    if isinstance(answer[0], Exception):
        raise answer[0]
    return answer[0]


def resolve(host: str, port: int, timeout: float | None = None) -> list[Address]:
    """The addresses ``host`` stands for, looked up once."""
    address = literal(host)
    if address is not None:
        return [address]
    if "%" in host or not host:
        raise Refused("no_such_host", host=host)
    try:
        infos = _lookup(host, port, timeout)
    except (socket.gaierror, UnicodeError, OSError):
        raise Refused("no_such_host", host=host) from None
    seen: list[Address] = []
    for _family, _type, _proto, _name, sockaddr in infos:
        address = ipaddress.ip_address(sockaddr[0].split("%")[0])
        if address not in seen:
            seen.append(address)
    if not seen:
        raise Refused("no_such_host", host=host)
    return seen


def checked_addresses(host: str, port: int, allow: frozenset[tuple[str, int]],
                      timeout: float | None = None) -> list[Address]:
    """The addresses to connect to for ``host:port``; refused when any of them is internal,
    unless the pair is allowed (the tests' local server)."""
    host = host.lower().rstrip(".")
    allowed = (host, port) in allow
    if not allowed and (host in _LOCAL_NAMES or host.endswith(".localhost")):
        raise Refused("private_address", host=host, address=host, kind="loopback")
    addresses = resolve(host, port, timeout)
    if not allowed:
        for address in addresses:
            kind = forbidden_kind(address)
            if kind:
                raise Refused("private_address", host=host, address=str(address), kind=kind)
    return addresses

"""The client's address behind reverse proxies, from ``PRESS_TRUSTED_PROXIES``.

The login limit counts per client address, and a whole office may sit behind one
proxy, so the address must be the client's, yet anyone can send ``X-Forwarded-For``.
Without the setting the header is ignored. A number N trusts the last N proxies in
front of the application (Werkzeug's ``ProxyFix(x_for=N)``). Addresses or networks
trust only requests that come from one of them, and the client is the right-most
address in ``X-Forwarded-For`` that is not one of them.
"""
from __future__ import annotations

from ipaddress import IPv4Network, IPv6Network, ip_address

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix


class TrustedProxies:
    """WSGI middleware: ``ProxyFix`` applied only to requests from the named proxies."""

    def __init__(self, app, networks: list[IPv4Network | IPv6Network]):
        self.app = app
        self.networks = networks

    def trusted(self, address: str) -> bool:
        try:
            ip = ip_address(address.strip())
        except ValueError:
            return False
        return any(ip in network for network in self.networks)

    def __call__(self, environ, start_response):
        if not self.trusted(environ.get("REMOTE_ADDR") or ""):
            return self.app(environ, start_response)
        chain = [a.strip() for a in environ.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
        hops = 1
        while hops < len(chain) and self.trusted(chain[-hops]):
            hops += 1
        return ProxyFix(self.app, x_for=hops, x_proto=1)(environ, start_response)


def init_app(app: Flask) -> None:
    """Wrap the application according to ``TRUSTED_PROXIES`` (None, a count or networks)."""
    trusted = app.config.get("TRUSTED_PROXIES")
    if isinstance(trusted, int) and trusted > 0:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=trusted, x_proto=1)
    elif isinstance(trusted, list) and trusted:
        app.wsgi_app = TrustedProxies(app.wsgi_app, trusted)

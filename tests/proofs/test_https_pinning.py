"""An https proof: the connection goes to the checked address while TLS checks the
certificate against the site's name (SNI and verification), not against the address."""
from __future__ import annotations

import http.server
import shutil
import socket
import ssl
import subprocess
import threading

import pytest

from press.proofs import addresses, fetch
from press.proofs import fetching

from .outlet import Outlet


@pytest.fixture(scope="module")
def tls_outlet(tmp_path_factory):
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=kabar.example",
                    "-addext", "subjectAltName=DNS:kabar.example", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True)
    names: list[str | None] = []
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    context.sni_callback = lambda sock, name, ctx: names.append(name)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Outlet)
    httpd.daemon_threads = True
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield httpd.server_address[1], cert, names
    httpd.shutdown()
    httpd.server_close()


def _resolve_to_loopback(monkeypatch, calls):
    def getaddrinfo(host, port, *args, **kwargs):
        calls.append(host)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]
    monkeypatch.setattr(addresses.socket, "getaddrinfo", getaddrinfo)


def test_https_goes_to_the_checked_address_under_the_sites_name(tls_outlet, monkeypatch):
    port, cert, names = tls_outlet
    calls: list[str] = []
    _resolve_to_loopback(monkeypatch, calls)
    monkeypatch.setattr(fetching._PinnedHTTPS, "context", ssl.create_default_context(cafile=str(cert)))
    result = fetch(f"https://kabar.example:{port}/berita/adv-jembatan", allow=f"kabar.example:{port}")
    assert result.refusal is None
    assert result.pages[0].status == 200
    assert names[-1] == "kabar.example"
    assert calls == ["kabar.example"]
    assert Outlet.hosts[-1] == f"kabar.example:{port}"


def test_a_certificate_for_another_name_is_refused(tls_outlet, monkeypatch):
    port, cert, _names = tls_outlet
    _resolve_to_loopback(monkeypatch, [])
    monkeypatch.setattr(fetching._PinnedHTTPS, "context", ssl.create_default_context(cafile=str(cert)))
    result = fetch(f"https://lain.example:{port}/berita/adv-jembatan", allow=f"lain.example:{port}")
    assert result.refusal.code == "connect_failed"
    assert result.refusal.params["reason"] == "TLS"

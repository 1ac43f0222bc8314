"""The address rule: a proof URL never makes Siaran connect to the office's own network,
whatever way the address is written, through a redirect or a name; each refusal says why."""
from __future__ import annotations

import socket

import pytest

from press.codes import ProofVerdict
from press.proofs import check, fetch
from press.proofs import addresses

from .outlet import DUE, PARAGRAPHS, TITLE, Outlet

INTERNAL = [
    "http://2130706433/", "http://0x7f.1/", "http://0x7f000001/", "http://017700000001/", "http://0177.0.0.1/",
    "http://127.1/", "http://127.0.0.2/", "http://[::1]/", "http://[0:0:0:0:0:0:0:1]/", "http://[::ffff:127.0.0.1]/",
    "http://[::ffff:7f00:1]/", "http://[::127.0.0.1]/", "http://[2002:7f00:1::]/", "http://[64:ff9b::a00:1]/",
    "http://localhost/", "http://LOCALHOST./", "http://kabar.localhost/", "http://0/", "http://0.0.0.0/",
    "http://10.1.2.3/", "http://172.16.0.1/", "http://192.168.1.1/", "http://100.64.0.1/",
    "http://169.254.169.254/latest/meta-data/", "http://[fe80::1]/", "http://[fe80::1%25eth0]/", "http://[fc00::1]/",
    "http://224.0.0.1/", "http://[ff02::1]/", "http://240.0.0.1/", "http://255.255.255.255/", "https://127.0.0.1/",
    "http://127.0.0.1./", "http://127.000.000.001/", "http://１２７.０.０.１/", "http://LocalHost:80/",
]


@pytest.mark.parametrize("with_allow", [True, False], ids=["allow-set", "no-allow"])
@pytest.mark.parametrize("url", INTERNAL)
def test_internal_addresses_are_refused_in_every_spelling(outlet, url, with_allow):
    result = fetch(url, allow=outlet.allow if with_allow else ())
    assert result.refusal.code == "private_address"
    assert "alamat jaringan internal" in result.refusal.text()
    assert result.pages == []


@pytest.mark.parametrize("spelling", ["2130706433", "0x7f.1", "017700000001", "127.1", "[::ffff:127.0.0.1]", "localhost"])
def test_the_allowed_server_is_not_reached_by_another_spelling(outlet, spelling):
    before = len(Outlet.hosts)
    result = fetch(f"http://{spelling}:{outlet.port}/berita/adv-jembatan", allow=outlet.allow)
    assert result.refusal.code == "private_address"
    assert len(Outlet.hosts) == before


def test_without_the_allow_list_the_test_server_itself_is_refused(outlet):
    before = len(Outlet.hosts)
    result = check(outlet.url("/berita/adv-jembatan"), TITLE, PARAGRAPHS, due=DUE)
    assert result.comparison.verdict == ProofVerdict.UNREACHABLE
    assert result.comparison.refusal.code == "private_address"
    assert result.comparison.refusal.params["address"] == "127.0.0.1"
    assert len(Outlet.hosts) == before


@pytest.mark.parametrize("target", ["http://127.0.0.2:PORT/berita/adv-jembatan", "http://[::1]:PORT/",
                                    "http://2130706433:PORT/berita/adv-jembatan", "http://localhost:PORT/",
                                    "http://127.0.0.1:1/", "http://10.0.0.1/"])
@pytest.mark.parametrize("with_allow", [True, False], ids=["allow-set", "no-allow"])
def test_a_redirect_outside_the_allow_list_is_refused(outlet, target, with_allow):
    allow = outlet.allow if with_allow else ()
    result = check(outlet.url(f"/alih-ke/{target}"), TITLE, PARAGRAPHS, due=DUE, allow=allow)
    assert result.comparison.verdict == ProofVerdict.UNREACHABLE
    assert result.comparison.refusal.code == "private_address"


def test_a_redirect_inside_the_site_is_followed(outlet):
    result = check(outlet.url("/alih"), TITLE, PARAGRAPHS, due=DUE, allow=outlet.allow)
    assert result.fetched.pages[0].final_url == outlet.url("/berita/adv-jembatan")
    assert result.comparison.verdict == ProofVerdict.VERIFIED


def test_a_redirect_loop_stops_after_five(outlet):
    result = fetch(outlet.url("/putar"), allow=outlet.allow)
    assert result.refusal.code == "too_many_redirects"
    assert result.refusal.text() == "Halaman dialihkan lebih dari 5 kali."


def test_a_redirect_to_another_scheme_is_refused(outlet):
    result = fetch(outlet.url("/alih-ke/file:///etc/passwd"), allow=outlet.allow)
    assert result.refusal.code == "scheme"


@pytest.mark.parametrize(("url", "code"), [
    ("berita sleman", "not_a_url"), ("", "not_a_url"), ("http://", "not_a_url"), ("http://[::1/", "not_a_url"),
    ("file:///etc/passwd", "scheme"), ("ftp://kabar.example/berita", "scheme"), ("javascript:alert(1)", "not_a_url"),
    ("gopher://kabar.example:70/", "scheme"), ("http://user:sandi@kabar.example/", "credentials"),
    ("http://kabar.example:99999/", "bad_port"), ("http://kabar.example:port/", "bad_port"),
])
def test_what_is_not_a_web_address_is_refused_with_its_reason(url, code):
    result = fetch(url)
    assert result.refusal.code == code
    assert result.refusal.text()


def test_a_page_that_is_not_html_is_refused(outlet):
    result = fetch(outlet.url("/pdf"), allow=outlet.allow)
    assert result.refusal.code == "not_html"
    assert "application/pdf" in result.refusal.text()


def _resolver(monkeypatch, answers: dict[str, list[str]], calls: list[str]):
    def getaddrinfo(host, port, *args, **kwargs):
        calls.append(host)
        if host not in answers:
            raise socket.gaierror(socket.EAI_NONAME, "not known")
        return [(socket.AF_INET6 if ":" in a else socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port))
                for a in answers[host]]
    monkeypatch.setattr(addresses.socket, "getaddrinfo", getaddrinfo)


@pytest.mark.parametrize("answer", [["127.0.0.1"], ["10.20.30.40"], ["::1"], ["93.184.216.34", "192.168.0.5"]])
def test_a_name_that_resolves_to_an_internal_address_is_refused(monkeypatch, answer):
    calls: list[str] = []
    _resolver(monkeypatch, {"berita.example": answer}, calls)
    result = fetch("http://berita.example/adv")
    assert result.refusal.code == "private_address"
    assert result.refusal.params["host"] == "berita.example"


def test_a_name_that_does_not_resolve_is_refused(monkeypatch):
    _resolver(monkeypatch, {}, [])
    result = fetch("http://tidak-ada.example/adv")
    assert result.refusal.code == "no_such_host"
    assert result.refusal.text() == "Nama situs “tidak-ada.example” tidak ditemukan."


def test_the_connection_goes_to_the_address_checked_with_the_sites_host(outlet, monkeypatch):
    """One lookup per hop: a resolver that would answer differently the second time
    (DNS rebinding) is never asked again, and the server sees the site's name."""
    calls: list[str] = []
    _resolver(monkeypatch, {"kabar.example": ["127.0.0.1"]}, calls)
    result = check(f"http://kabar.example:{outlet.port}/berita/adv-jembatan", TITLE, PARAGRAPHS, due=DUE,
                   allow=f"kabar.example:{outlet.port}")
    assert result.comparison.verdict == ProofVerdict.VERIFIED
    assert calls == ["kabar.example"]
    assert Outlet.hosts[-1] == f"kabar.example:{outlet.port}"


def test_the_allow_list_is_read_from_its_setting():
    pairs = addresses.parse_allow("127.0.0.1:8000, kabar.example:443,[::1]:81,rusak,:5")
    assert pairs == {("127.0.0.1", 8000), ("kabar.example", 443), ("::1", 81)}
    assert addresses.parse_allow(pairs) == pairs
    assert addresses.parse_allow(["Kabar.example:80"]) == {("kabar.example", 80)}


def test_an_allow_list_read_beforehand_is_accepted(outlet):
    result = check(outlet.url("/berita/adv-jembatan"), TITLE, PARAGRAPHS, due=DUE,
                   allow=addresses.parse_allow(outlet.allow))
    assert result.comparison.verdict == ProofVerdict.VERIFIED


def test_a_name_lookup_that_hangs_stops_at_the_time_limit(monkeypatch):
    import threading

    release = threading.Event()

    def getaddrinfo(*args, **kwargs):
        release.wait(5)
        raise socket.gaierror(socket.EAI_AGAIN, "timed out")

    monkeypatch.setattr(addresses.socket, "getaddrinfo", getaddrinfo)
    try:
        result = fetch("http://lambat.example/adv", timeout=0.5)
    finally:
        release.set()
    assert result.refusal.code == "timeout"
    assert result.refusal.text() == "Situs “lambat.example” tidak menjawab dalam 0,5 detik."


def test_spaces_and_letters_beyond_ascii_in_the_path_are_sent_encoded(outlet):
    result = fetch(outlet.url("/berita/jembatan gantung-–-sleman"), allow=outlet.allow)
    assert result.refusal is None
    assert result.pages[0].status == 200


def test_a_host_written_in_its_own_script_is_looked_up_in_idna(outlet, monkeypatch):
    calls: list[str] = []
    _resolver(monkeypatch, {"xn--kabr-ssa.example": ["127.0.0.1"]}, calls)
    result = fetch(f"http://kabār.example:{outlet.port}/berita/adv-jembatan", allow=f"xn--kabr-ssa.example:{outlet.port}")
    assert result.refusal is None
    assert calls == ["xn--kabr-ssa.example"]
    assert Outlet.hosts[-1] == f"xn--kabr-ssa.example:{outlet.port}"


@pytest.mark.parametrize("path", ["/latin", "/latin-http-equiv"])
def test_a_page_in_a_legacy_encoding_is_read_by_its_meta_charset(outlet, path):
    result = fetch(outlet.url(path), allow=outlet.allow)
    assert "Café Kopi Merapi" in result.pages[0].html

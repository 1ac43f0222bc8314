"""Why a page was not fetched: a code, an Indonesian message marked with ``N_`` and its
parameters. Services raise ``ServiceError(refusal.message, **refusal.params)`` or store
the code; the web layer and the CLI translate the message."""
from __future__ import annotations

from dataclasses import dataclass, field

from press.errors import N_

MESSAGES = {
    "not_a_url": N_("Alamat “%(url)s” bukan URL halaman web."),
    "scheme": N_("Hanya alamat http atau https yang diperiksa, bukan “%(scheme)s”."),
    "credentials": N_("Alamat dengan nama pengguna atau kata sandi tidak diperiksa."),
    "bad_port": N_("Nomor port pada alamat “%(url)s” tidak sah."),
    "no_such_host": N_("Nama situs “%(host)s” tidak ditemukan."),
    "private_address": N_("Alamat %(address)s dari “%(host)s” adalah alamat jaringan internal; halaman seperti itu tidak diambil."),
    "connect_failed": N_("Situs “%(host)s” tidak dapat dihubungi: %(reason)s."),
    "timeout": N_("Situs “%(host)s” tidak menjawab dalam %(seconds)s detik."),
    "too_large": N_("Halaman lebih besar dari %(megabytes)s MB; pengambilan dihentikan."),
    "too_many_redirects": N_("Halaman dialihkan lebih dari %(count)s kali."),
    "bad_redirect": N_("Pengalihan halaman tidak menyebut alamat tujuan yang sah."),
    "http_status": N_("Situs menjawab dengan status %(status)s, bukan halaman berita."),
    "not_html": N_("Alamat itu bukan halaman web (jenisnya %(content_type)s)."),
    "bad_response": N_("Jawaban situs “%(host)s” tidak dapat dibaca: %(reason)s."),
}


@dataclass(frozen=True)
class Refusal:
    code: str
    params: dict = field(default_factory=dict)

    @property
    def message(self) -> str:
        """The Indonesian msgid (translate it with ``params``)."""
        return MESSAGES[self.code]

    def text(self, gettext=None) -> str:
        template = gettext(self.message) if gettext else self.message
        return template % self.params

    def as_dict(self) -> dict:
        return {"code": self.code, "params": dict(self.params), "message": self.text()}


class Refused(Exception):
    """Raised inside the stage and turned into ``Fetched.refusal``."""

    def __init__(self, code: str, **params):
        self.refusal = Refusal(code, params)
        super().__init__(self.refusal.text())

"""The checks on the genre's shape: the headline (no closing full stop, not all capitals,
under 100 characters), the dateline (the city in capitals, then the dash: "BEKASI –") and
the advertorial's closing label (the office's ``OFFICE_SIGNATURE``, passed
in as ``label``), which the press council's guideline for online media asks paid content to
carry.
"""
from __future__ import annotations

import re

from press.errors import N_
from press.proofs.labels import find_label

from .finding import Finding

HEADLINE_LIMIT = 100
DASH = r"(?:–|—|--|-)"
DATELINE_IN_BODY = re.compile(rf"^\s*([A-Za-z][\w .'’]{{1,40}}?)(\s*,\s*[^–—\n]{{1,40}}?)?\s*{DASH}\s")


def _finding(field: str, code: str, span, text: str, message: str, hint: str, params=None, replacement=None) -> Finding:
    return Finding(code, message, dict(params or {}), span, hint, dict(params or {}), text, replacement, field)


def check_title_shape(title: str | None) -> list[Finding]:
    title = title or ""
    stripped = title.rstrip()
    found = []
    if stripped.endswith(".") and not stripped.endswith(".."):
        found.append(_finding("title", "headline_shape", (len(stripped) - 1, len(stripped)), ".",
                              N_("Judul tidak diakhiri titik."), N_("Hapus titik di akhir judul."), replacement=""))
    letters = [c for c in title if c.isalpha()]
    if len(letters) >= 12 and all(c.isupper() for c in letters):
        found.append(_finding("title", "headline_shape", None, "",
                              N_("Judul ditulis dengan huruf kapital semua."),
                              N_("Tulis dengan huruf kapital pada awal kata (judul), kecuali singkatan.")))
    if len(stripped) >= HEADLINE_LIMIT:
        found.append(_finding("title", "headline_shape", None, "",
                              N_("Judul %(length)s huruf; batasnya di bawah %(limit)s."),
                              N_("Ringkas judulnya: siapa, berbuat apa."), {"length": len(stripped), "limit": HEADLINE_LIMIT}))
    return found


def _dateline_fix(city: str, rest: str = "") -> str:
    return f"{city.strip().upper()}{rest.rstrip()} –"


def check_dateline(dateline: str | None) -> list[Finding]:
    """The release's dateline field: "BEKASI –" (a place in capitals, then a dash)."""
    text = (dateline or "").strip()
    if not text:
        return []
    match = re.match(rf"^(.*?)\s*{DASH}?\s*$", text)
    head = match.group(1) if match else text
    city, _, rest = head.partition(",")
    has_dash = re.search(rf"\s{DASH}\s*$", " " + text) is not None
    if city.strip() == city.strip().upper() and has_dash:
        return []
    replacement = _dateline_fix(city, f",{rest}" if rest else "")
    return [_finding("dateline", "dateline", (0, len(dateline or "")), dateline or "",
                     N_("Baris tempat ditulis dengan nama kota berhuruf kapital, diikuti tanda pisah: “%(standard)s”."),
                     N_("Ganti dengan “%(standard)s”."), {"standard": replacement}, replacement)]


def check_body_dateline(body: str) -> list[Finding]:
    """A dateline written at the start of the body ("Bekasi – …"): its place in capitals."""
    match = DATELINE_IN_BODY.match(body or "")
    if not match or len(match.group(1).split()) > 4:
        return []
    city = match.group(1)
    if city == city.upper():
        return []
    start, end = match.span(1)
    return [_finding("body", "dateline", (start, end), city,
                     N_("Baris tempat ditulis dengan nama kota berhuruf kapital, diikuti tanda pisah: “%(standard)s”."),
                     N_("Ganti dengan “%(standard)s”."), {"standard": city.upper()}, city.upper())]


def check_label(body: str, signature: str | None, label: str | None) -> list[Finding]:
    """The advertorial's closing label: in the signature (or, without one, at the body's end)."""
    if not label:
        return []
    if signature is not None:
        if signature.strip() and (label in signature or find_label([signature])):
            return []
        return [_finding("signature", "adv_label", (0, len(signature)), signature,
                         N_("Siaran advertorial ditutup dengan labelnya: “%(label)s”."),
                         N_("Isi tanda akhir dengan “%(label)s”."), {"label": label}, label)]
    end = (body or "").rstrip()
    if label in end[-80:] or find_label([end[-80:]]):
        return []
    return [_finding("body", "adv_label", (len(end), len(end)), "",
                     N_("Siaran advertorial ditutup dengan labelnya: “%(label)s”."),
                     N_("Tambahkan “%(label)s” di akhir siaran."), {"label": label}, f" {label}")]

"""The one way a download is named: every ``Content-Disposition`` Siaran sends is made here.

A file name typed by someone else (a photo's original name, a release's slug) must not
steer what the person downloading sees or where the file lands: path parts are dropped
and so are control and format characters (a right-to-left override U+202E that shows
``gpj.exe`` as ``exe.jpg``, zero-width characters, newlines). The header carries an
ASCII ``filename=`` for old clients and the exact name as RFC 5987 ``filename*=``.
"""
from __future__ import annotations

import mimetypes
import re
import unicodedata
from urllib.parse import quote

from flask import Response

# Control, format (bidi overrides, zero-width), surrogate, line and paragraph separators.
INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
MAX_NAME = 150
ASCII_UNSAFE = re.compile(r"[^A-Za-z0-9._()+-]+")


def safe_filename(name: str | None, fallback: str, mimetype: str | None = None) -> str:
    """``name`` as a download may carry it: its last path part, nothing invisible, no
    leading dots, at most ``MAX_NAME`` characters, ``fallback`` when nothing is left; with
    ``mimetype``, ending in one of its extensions (a JPEG never lands as ``.exe``)."""
    name = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch) not in INVISIBLE_CATEGORIES)
    name = " ".join(name.split()).strip(" .") or fallback
    extension = _extension(name, mimetype)
    if len(name) + len(extension) > MAX_NAME:
        stem, dot, ext = name.rpartition(".")
        keep = ext if dot and not extension and len(ext) <= 10 else ""
        name = name[:MAX_NAME - len(extension) - len(keep) - 1] + ("." + keep if keep else "")
    return name + extension


def _extension(name: str, mimetype: str | None) -> str:
    """What to append so ``name`` ends in an extension of ``mimetype`` ("" if it does)."""
    known = mimetypes.guess_all_extensions(mimetype) if mimetype else []
    if not known or any(name.lower().endswith(ext) for ext in known):
        return ""
    return mimetypes.guess_extension(mimetype) or known[0]


def content_disposition(name: str | None, fallback: str, *, mimetype: str | None = None,
                        inline: bool = False) -> str:
    """The ``Content-Disposition`` value for a download named ``name``."""
    exact = safe_filename(name, fallback, mimetype)
    stem, dot, ext = exact.rpartition(".") if "." in exact else (exact, "", "")
    ascii_ext = _ascii(ext)
    ascii_name = (_ascii(stem) or _ascii(fallback) or "berkas") + ("." + ascii_ext if ascii_ext else "")
    value = f'{"inline" if inline else "attachment"}; filename="{ascii_name}"'
    if ascii_name != exact:
        value += f"; filename*=UTF-8''{quote(exact, safe='')}"
    return value


def _ascii(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return ASCII_UNSAFE.sub("_", text).strip("._")


def as_download(response: Response, name: str | None, fallback: str) -> Response:
    """``response`` sent as an attachment named ``name`` (made safe, its extension that of
    the response's type), never cached."""
    as_public_download(response, name, fallback)
    response.headers["Cache-Control"] = "private, no-store"
    return response


def as_public_download(response: Response, name: str | None, fallback: str) -> Response:
    """``response`` sent as an attachment named ``name``, cached as the public page it is
    (the agenda's calendar: the site's ETag, Last-Modified and page cache apply)."""
    response.headers["Content-Disposition"] = content_disposition(name, fallback, mimetype=response.mimetype)
    return response

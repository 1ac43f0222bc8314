"""A release's DOCX as PDF, through LibreOffice headless (``soffice``, Debian's
``libreoffice-writer-nogui`` from ``tools/system-packages``).

Each conversion runs in a fresh temporary folder with its own LibreOffice profile
(``-env:UserInstallation``), so two conversions at once, or one beside a desktop
LibreOffice, never share a lock; it is killed (its whole process group) after
``timeout`` seconds. Failures raise ``PdfError``; no Flask, no database.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

TIMEOUT_SECONDS = 25  # under a web server's request timeout (gunicorn: 30 s)
COMMANDS = ("soffice", "libreoffice")


class PdfError(Exception):
    """LibreOffice is missing, failed, or ran out of time."""


def soffice() -> str | None:
    for name in COMMANDS:
        found = shutil.which(name)
        if found:
            return found
    return None


def docx_to_pdf(docx: bytes, *, timeout: float = TIMEOUT_SECONDS) -> bytes:
    command = soffice()
    if command is None:
        raise PdfError("soffice not found")
    with tempfile.TemporaryDirectory(prefix="siaran-pdf-") as folder:
        source = Path(folder) / "siaran.docx"
        source.write_bytes(docx)
        profile = Path(folder) / "profile"
        args = [command, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                "--convert-to", "pdf", "--outdir", folder, str(source)]
        process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
                                   env={**os.environ, "HOME": folder})
        try:
            _out, err = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise PdfError(f"soffice did not finish in {timeout} s") from None
        target = Path(folder) / "siaran.pdf"
        if process.returncode != 0 or not target.is_file():
            raise PdfError(f"soffice failed ({process.returncode}): {err.decode('utf-8', 'replace')[-500:]}")
        data = target.read_bytes()
    if not data.startswith(b"%PDF"):
        raise PdfError("soffice wrote something that is not a PDF")
    return data

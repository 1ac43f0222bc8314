"""Error pages: every refusal gets a page in the user's language, never a stack trace."""
from __future__ import annotations

from flask import Flask, render_template, request
from flask_babel import format_decimal, gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from press.permissions import PermissionDenied

from .labels import error_text


def _wants_json() -> bool:
    return (request.path.startswith("/api/") or request.accept_mimetypes.best == "application/json"
            or request.headers.get("X-Requested-With") == "XMLHttpRequest")


def _megabytes(size: int) -> str:
    """A size in MB in the visitor's locale: "60", "75,3"."""
    return format_decimal(size / (1024 * 1024), "#,##0.#")


def _page(status: int, title: str, message: str):
    if _wants_json():
        return {"error": title, "message": message, "status": status}, status
    return render_template("errors/error.html", status=status, title=title, message=message), status


def init_app(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(exc):
        return _page(
            400,
            _("Formulir kedaluwarsa atau tidak sah"),
            _("Formulir ini tidak membawa token keamanan yang sah. Muat ulang halaman lalu kirim lagi; tidak ada yang diubah."),
        )

    @app.errorhandler(403)
    def forbidden(exc):
        return _page(403, _("Akses ditolak"), _("Peran Anda tidak boleh membuka halaman ini."))

    @app.errorhandler(PermissionDenied)
    def denied(exc):
        """A service refused the acting user (a view that checked nothing first): the reason."""
        return _page(403, _("Akses ditolak"), error_text(exc))

    @app.errorhandler(404)
    def not_found(exc):
        return _page(404, _("Halaman tidak ditemukan"), _("Alamat ini tidak ada atau sudah dipindahkan."))

    @app.errorhandler(413)
    def too_large(exc):
        """Name the limit that was passed: one typed field, or the whole request (every
        file of a form together). A file over the per-file limit inside a request that fits
        is refused by its upload with the file's name, not here."""
        limit = app.config["MAX_CONTENT_LENGTH"]
        length = request.content_length
        if length is not None and length <= limit:
            # The request fit; one typed field was over Flask's per-field memory limit.
            field_limit = app.config["MAX_FORM_MEMORY_SIZE"] // (1024 * 1024)
            return _page(413, _("Isian terlalu panjang"), _(
                "Satu isian formulir paling banyak %(mb)s MB. Unggah teks sepanjang ini sebagai berkas.",
                mb=field_limit,
            ))
        per_file = _megabytes(app.config.get("MAX_UPLOAD_BYTES") or limit)
        if length is None:
            message = _("Satu kiriman paling banyak %(mb)s MB untuk semua berkasnya bersama-sama. "
                        "Kirim lebih sedikit berkas sekaligus; tiap berkas paling banyak %(file_mb)s MB.",
                        mb=_megabytes(limit), file_mb=per_file)
        else:
            message = _("Kiriman ini %(size)s MB, padahal satu kiriman paling banyak %(mb)s MB untuk semua "
                        "berkasnya bersama-sama. Kirim lebih sedikit berkas sekaligus; tiap berkas paling "
                        "banyak %(file_mb)s MB.", size=_megabytes(length), mb=_megabytes(limit), file_mb=per_file)
        return _page(413, _("Kiriman terlalu besar"), message)

    @app.errorhandler(HTTPException)
    def other_http(exc):
        return _page(exc.code or 500, exc.name, exc.description or "")

    @app.errorhandler(500)
    def server_error(exc):
        return _page(500, _("Terjadi kesalahan"), _("Kesalahan ini sudah dicatat. Coba lagi sebentar lagi."))

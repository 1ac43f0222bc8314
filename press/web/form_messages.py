"""WTForms' own validation messages in the product's languages.

WTForms ships no Indonesian catalogue, so its English messages ("This field is
required.") would reach an Indonesian page. Every form's ``Meta`` uses
:data:`FORM_MESSAGES`, which maps those messages to our Indonesian msgids and lets
Flask-Babel translate them for the visitor's locale.
"""
from __future__ import annotations

from flask_babel import gettext

from press.errors import N_

_REQUIRED = N_("Kolom ini wajib diisi.")
_TOO_SHORT = N_("Isian ini minimal %(min)d karakter.")
_TOO_LONG = N_("Isian ini paling banyak %(max)d karakter.")
_NOT_A_CHOICE = N_("Pilihan ini tidak tersedia.")

MESSAGES = {
    "This field is required.": _REQUIRED,
    "Field must be at least %(min)d character long.": _TOO_SHORT,
    "Field must be at least %(min)d characters long.": _TOO_SHORT,
    "Field cannot be longer than %(max)d character.": _TOO_LONG,
    "Field cannot be longer than %(max)d characters.": _TOO_LONG,
    "Field must be exactly %(max)d character long.": N_("Isian ini harus tepat %(max)d karakter."),
    "Field must be exactly %(max)d characters long.": N_("Isian ini harus tepat %(max)d karakter."),
    "Field must be between %(min)d and %(max)d characters long.": N_("Isian ini harus %(min)d sampai %(max)d karakter."),
    "Number must be at least %(min)s.": N_("Angka ini minimal %(min)s."),
    "Number must be at most %(max)s.": N_("Angka ini paling besar %(max)s."),
    "Number must be between %(min)s and %(max)s.": N_("Angka ini harus antara %(min)s dan %(max)s."),
    "Invalid email address.": N_("Alamat email tidak sah."),
    "Not a valid date value.": N_("Tanggal tidak sah; tulis seperti 30/09/2021."),
    "Not a valid time value.": N_("Jam tidak sah; tulis seperti 09:30."),
    "Not a valid datetime value.": N_("Tanggal dan jam tidak sah."),
    "Not a valid float value.": N_("Isian ini harus berupa angka."),
    "Not a valid decimal value.": N_("Isian ini harus berupa angka."),
    "Not a valid integer value.": N_("Isian ini harus berupa bilangan bulat."),
    "Not a valid choice.": _NOT_A_CHOICE,
    "Invalid Choice: could not coerce.": _NOT_A_CHOICE,
    "Invalid input.": N_("Isian tidak sah."),
    "The CSRF token is missing.": N_("Token keamanan formulir tidak ada; muat ulang halaman."),
    "The CSRF token is invalid.": N_("Token keamanan formulir tidak sah; muat ulang halaman."),
    "The CSRF token has expired.": N_("Token keamanan formulir kedaluwarsa; muat ulang halaman."),
    "The CSRF tokens do not match.": N_("Token keamanan formulir tidak cocok; muat ulang halaman."),
}


class FormMessages:
    """The ``gettext``/``ngettext`` pair WTForms asks a form's ``Meta`` for."""

    def gettext(self, string: str) -> str:
        return gettext(MESSAGES[string]) if string in MESSAGES else string

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.gettext(singular if n == 1 else plural)


FORM_MESSAGES = FormMessages()


class TranslatedMeta:
    """Mixed into every form's ``Meta``: WTForms' messages in the visitor's language."""

    def get_translations(self, form):
        return FORM_MESSAGES

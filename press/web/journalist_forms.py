"""The forms of the journalists' pages (public site) and of the editors' desk for them."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, DateField, PasswordField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from press.codes import EmbargoAudience, OutletKind
from press.services import journalists, outlets

from .forms import SiaranForm, options
from .labels import EMBARGO_AUDIENCE_LABELS, OUTLET_KIND_LABELS, UKW_LEVEL_LABELS

NEW_OUTLET = ""
"""The outlet choice meaning "my outlet is not on the list": the fields below propose it."""


def outlet_choices(register) -> list:
    return options([(NEW_OUTLET, _l("— Media saya belum ada di daftar —")),
                    *((str(o.id), o.name) for o in register)])


class ProfileFields(SiaranForm):
    """What a journalist fills in at registration and changes on the account page."""

    name = StringField(_l("Nama lengkap"), validators=[DataRequired(), Length(max=journalists.MAX_NAME)])
    outlet = SelectField(_l("Media"), choices=[], validate_choice=True)
    outlet_name = StringField(_l("Nama media baru"), validators=[Optional(), Length(max=outlets.MAX_NAME)])
    outlet_kind = SelectField(_l("Jenis media"), choices=options(OUTLET_KIND_LABELS.items()),
                              default=OutletKind.ONLINE)
    outlet_site = StringField(_l("Alamat situs media"), validators=[Optional(), Length(max=outlets.MAX_SITE)])
    whatsapp = StringField(_l("Nomor WhatsApp"), validators=[DataRequired(), Length(max=30)])
    credential = StringField(_l("Nomor kartu pers atau sertifikat UKW"),
                             validators=[DataRequired(), Length(max=journalists.MAX_CREDENTIAL)])
    ukw_level = SelectField(_l("Jenjang UKW"), choices=options([("", _l("— Belum/tidak ada —")),
                                                               *UKW_LEVEL_LABELS.items()]), default="")

    def profile(self) -> journalists.Profile:
        return journalists.Profile(
            name=self.name.data, whatsapp=self.whatsapp.data, credential=self.credential.data,
            ukw_level=self.ukw_level.data or None,
            outlet_id=int(self.outlet.data) if self.outlet.data else None,
            outlet_name=self.outlet_name.data or "", outlet_kind=self.outlet_kind.data,
            outlet_site=self.outlet_site.data or None,
        )


class RegisterForm(ProfileFields):
    email = StringField(_l("Email"), validators=[DataRequired(), Length(max=254)])
    password = PasswordField(_l("Kata sandi"), validators=[DataRequired(), Length(max=200)])
    submit = SubmitField(_l("Daftar"))


class AccountForm(ProfileFields):
    submit = SubmitField(_l("Simpan"))


class JournalistLoginForm(SiaranForm):
    email = StringField(_l("Email"), validators=[DataRequired(), Length(max=254)])
    password = PasswordField(_l("Kata sandi"), validators=[DataRequired(), Length(max=200)])
    submit = SubmitField(_l("Masuk"))


class DecisionForm(SiaranForm):
    reason = TextAreaField(_l("Alasan penolakan"), validators=[Optional(), Length(max=journalists.MAX_REASON)])
    approve = SubmitField(_l("Setujui"))
    reject = SubmitField(_l("Tolak"))


class OutletForm(SiaranForm):
    name = StringField(_l("Nama media"), validators=[DataRequired(), Length(max=outlets.MAX_NAME)])
    kind = SelectField(_l("Jenis media"), choices=options(OUTLET_KIND_LABELS.items()))
    site_url = StringField(_l("Alamat situs"), validators=[Optional(), Length(max=outlets.MAX_SITE)])
    verified = BooleanField(_l("Terverifikasi Dewan Pers"))
    verified_on = DateField(_l("Tanggal verifikasi"), validators=[Optional()])
    submit = SubmitField(_l("Simpan"))


class OpenToJournalistsForm(SiaranForm):
    audience = SelectField(_l("Buka untuk"), choices=options(EMBARGO_AUDIENCE_LABELS.items()),
                           default=EmbargoAudience.ALL)
    open = SubmitField(_l("Buka untuk wartawan"))
    close = SubmitField(_l("Tutup untuk wartawan"))



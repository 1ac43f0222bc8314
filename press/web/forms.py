"""WTForms for the staff pages. Forms validate input; they never touch the database."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    FieldList,
    FloatField,
    Form,
    FormField,
    PasswordField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
    TimeField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from press.codes import ParticipantRole
from press.models import ACTIVITY_KINDS, LOCALES, PARTICIPANT_ROLES, ROLES

from .form_messages import TranslatedMeta
from .labels import ACTIVITY_KIND_LABELS, LOCALE_LABELS, PARTICIPANT_ROLE_LABELS, ROLE_LABELS


class SiaranForm(FlaskForm):
    """The base of every staff form: CSRF from Flask-WTF, messages in the visitor's language."""

    class Meta(TranslatedMeta):
        pass


def options(pairs) -> list[SelectChoice]:
    """``[(value, label), …]`` as the option objects WTForms expects."""
    return [SelectChoice(value, label) for value, label in pairs]


class LoginForm(SiaranForm):
    email = StringField(_l("Email"), validators=[DataRequired(), Length(max=254)])
    password = PasswordField(_l("Kata sandi"), validators=[DataRequired(), Length(max=200)])
    submit = SubmitField(_l("Masuk"))


class ParticipantForm(Form):
    class Meta(TranslatedMeta):
        pass

    role = SelectField(
        _l("Peran"),
        choices=options([(r, PARTICIPANT_ROLE_LABELS[r]) for r in PARTICIPANT_ROLES]),
        default=ParticipantRole.ATTENDEE,
        validate_choice=False,  # rows without a name are dropped; the service checks the rest
    )
    title = StringField(_l("Jabatan"), validators=[Optional(), Length(max=200)])
    name = StringField(_l("Nama"), validators=[Optional(), Length(max=200)])
    organisation = StringField(_l("Instansi"), validators=[Optional(), Length(max=200)])


class ActivityForm(SiaranForm):
    title = StringField(_l("Judul kegiatan"), validators=[DataRequired(), Length(max=300)])
    kind = SelectField(_l("Jenis"), choices=options([(k, ACTIVITY_KIND_LABELS[k]) for k in ACTIVITY_KINDS]))
    starts_on = DateField(_l("Tanggal"), validators=[DataRequired()])
    starts_at_time = TimeField(_l("Jam mulai"), validators=[Optional()])
    ends_at_time = TimeField(_l("Jam selesai"), validators=[Optional()])
    unit_id = SelectField(_l("Unit penyelenggara"), coerce=int, validators=[DataRequired()])
    venue_id = SelectField(_l("Tempat"), coerce=int, validators=[Optional()])
    guest_body = StringField(_l("Instansi tamu"), validators=[Optional(), Length(max=300)])
    topic = StringField(_l("Topik"), validators=[Optional(), Length(max=400)])
    summary = TextAreaField(_l("Ringkasan"), validators=[Optional(), Length(max=5000)])
    dress_code = StringField(_l("Pakaian"), validators=[Optional(), Length(max=200)])
    contact = StringField(_l("Narahubung"), validators=[Optional(), Length(max=300)])
    on_agenda = BooleanField(_l("Tampilkan di agenda publik"))
    # No max_entries: WTForms would drop the rows beyond it without a word. The view
    # bounds the rows posted and the service the participants (MAX_PARTICIPANTS).
    participants = FieldList(FormField(ParticipantForm), min_entries=1)
    submit = SubmitField(_l("Simpan"))


class ActivityFilterForm(Form):
    class Meta(TranslatedMeta):
        pass

    unit = SelectField(_l("Unit"), coerce=str, validators=[Optional()])
    kind = SelectField(_l("Jenis"), validators=[Optional()])
    month = StringField(_l("Bulan"), validators=[Optional(), Length(max=7)])


class UserForm(SiaranForm):
    email = StringField(_l("Email"), validators=[DataRequired(), Length(max=254)])
    name = StringField(_l("Nama"), validators=[DataRequired(), Length(max=200)])
    role = SelectField(_l("Peran"), choices=options([(r, ROLE_LABELS[r]) for r in ROLES]))
    unit_id = SelectField(_l("Unit"), coerce=int, validators=[Optional()])
    locale = SelectField(_l("Bahasa"), choices=options([(code, LOCALE_LABELS[code]) for code in LOCALES]))
    default_credit = StringField(_l("Kredit foto bawaan"), validators=[Optional(), Length(max=200)])
    password = PasswordField(_l("Kata sandi"), validators=[Optional(), Length(min=10, max=200)])
    active = BooleanField(_l("Aktif"), default=True)
    submit = SubmitField(_l("Simpan"))


class UnitForm(SiaranForm):
    name = StringField(_l("Nama unit"), validators=[DataRequired(), Length(max=200)])
    abbreviation = StringField(_l("Singkatan"), validators=[Optional(), Length(max=60)])
    parent_id = SelectField(_l("Di bawah unit"), coerce=int, validators=[Optional()])
    central = BooleanField(_l("Kantor pusat Humas: stafnya menjangkau semua unit"))
    publishes_itself = BooleanField(_l("Redaktur unit boleh menerbitkan sendiri"))
    submit = SubmitField(_l("Simpan"))


class VenueForm(SiaranForm):
    name = StringField(_l("Nama tempat"), validators=[DataRequired(), Length(max=200)])
    address = StringField(_l("Alamat"), validators=[Optional(), Length(max=400)])
    city = StringField(_l("Kota/Kabupaten"), validators=[Optional(), Length(max=120)])
    latitude = FloatField(_l("Lintang"), validators=[Optional(), NumberRange(-90, 90)])
    longitude = FloatField(_l("Bujur"), validators=[Optional(), NumberRange(-180, 180)])
    submit = SubmitField(_l("Simpan"))


class ProfileForm(SiaranForm):
    name = StringField(_l("Nama"), validators=[DataRequired(), Length(max=200)])
    locale = SelectField(_l("Bahasa"), choices=options([(code, LOCALE_LABELS[code]) for code in LOCALES]))
    default_credit = StringField(_l("Kredit foto bawaan"), validators=[Optional(), Length(max=200)])
    submit = SubmitField(_l("Simpan"))


class PasswordForm(SiaranForm):
    current = PasswordField(_l("Kata sandi sekarang"), validators=[DataRequired()])
    new = PasswordField(_l("Kata sandi baru"), validators=[DataRequired(), Length(min=10, max=200)])
    submit = SubmitField(_l("Ganti kata sandi"))


class EndSessionsForm(SiaranForm):
    submit = SubmitField(_l("Keluar dari semua perangkat"))


class LanguageForm(SiaranForm):
    locale = SelectField(_l("Bahasa"), choices=options([(code, LOCALE_LABELS[code]) for code in LOCALES]))

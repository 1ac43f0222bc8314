"""The forms of the partners desk: partners, contracts, the CSV import, placements, proofs
and clippings. They validate the shape of the input; the services decide the rest."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import DateField, SelectField, SelectMultipleField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from press.codes import OutletKind, ProofKind, ProofVerdict
from press.models.placement import MAX_URL
from press.services import outlets, partners, placements
from press.services.partners import ContractData, PartnerData, parse_rupiah
from press.numbers import parse_id, parse_int

from .forms import SiaranForm, options
from .labels import OUTLET_KIND_LABELS, PROOF_KIND_LABELS, PROOF_VERDICT_LABELS


class PartnerForm(SiaranForm):
    outlet_name = StringField(_l("Nama media"), validators=[DataRequired(), Length(max=outlets.MAX_NAME)])
    outlet_kind = SelectField(_l("Jenis media"), choices=options(OUTLET_KIND_LABELS.items()), default=OutletKind.ONLINE)
    site_url = StringField(_l("Alamat situs"), validators=[Optional(), Length(max=outlets.MAX_SITE)])
    legal_name = StringField(_l("Badan hukum"), validators=[DataRequired(), Length(max=partners.MAX_LEGAL_NAME)])
    address = TextAreaField(_l("Alamat kantor"), validators=[Optional(), Length(max=partners.MAX_ADDRESS)])
    contact_name = StringField(_l("Nama kontak"), validators=[Optional(), Length(max=partners.MAX_CONTACT)])
    contact_phone = StringField(_l("Telepon kontak"), validators=[Optional(), Length(max=partners.MAX_PHONE)])
    contact_email = StringField(_l("Surel kontak"), validators=[Optional(), Length(max=254)])
    submit = SubmitField(_l("Simpan mitra"))

    def data_values(self) -> PartnerData:
        return PartnerData(outlet_name=self.outlet_name.data, legal_name=self.legal_name.data,
                           outlet_kind=self.outlet_kind.data, site_url=self.site_url.data,
                           address=self.address.data or "", contact_name=self.contact_name.data or "",
                           contact_phone=self.contact_phone.data or "", contact_email=self.contact_email.data or "")


class ContractForm(SiaranForm):
    number = StringField(_l("Nomor kontrak"), validators=[DataRequired(), Length(max=partners.MAX_NUMBER)])
    starts_on = DateField(_l("Mulai"), validators=[Optional()])
    ends_on = DateField(_l("Berakhir"), validators=[Optional()])
    value = StringField(_l("Nilai kontrak (Rp)"), validators=[DataRequired(), Length(max=30)])
    rate = StringField(_l("Tarif per tayang (Rp)"), validators=[DataRequired(), Length(max=30)])
    quota = StringField(_l("Kuota tayang"), validators=[DataRequired(), Length(max=10)])
    due_days = StringField(_l("Tenggat tayang (hari setelah dikirim)"), default="3", validators=[Length(max=5)])
    tolerance_days = StringField(_l("Toleransi tanggal tayang (hari)"), default="3", validators=[Length(max=5)])
    units = SelectMultipleField(_l("Unit yang dilayani (kosong: semua unit)"), choices=[], coerce=str,
                                validate_choice=False)
    submit = SubmitField(_l("Simpan kontrak"))

    def data_values(self) -> ContractData:
        return ContractData(number=self.number.data, starts_on=self.starts_on.data, ends_on=self.ends_on.data,
                            value=parse_rupiah(self.value.data), rate=parse_rupiah(self.rate.data),
                            quota=parse_int(self.quota.data or "", low=0, high=partners.MAX_QUOTA),
                            unit_ids=[parse_id(value) or 0 for value in self.units.data or []],
                            due_days=parse_int(self.due_days.data or "", low=0, high=partners.MAX_DAYS),
                            tolerance_days=parse_int(self.tolerance_days.data or "", low=0, high=partners.MAX_DAYS))


class ImportForm(SiaranForm):
    file = FileField(_l("Berkas CSV"))
    submit = SubmitField(_l("Impor"))


class PlaceForm(SiaranForm):
    partners = SelectMultipleField(_l("Mitra media"), choices=[], coerce=str, validate_choice=False)
    due_on = DateField(_l("Tenggat tayang (kosong: menurut kontrak)"), validators=[Optional()])
    submit = SubmitField(_l("Kirim ke mitra"))


class DueForm(SiaranForm):
    due_on = DateField(_l("Tenggat tayang"), validators=[Optional()])
    submit = SubmitField(_l("Ubah tenggat"))


class ProofUrlForm(SiaranForm):
    url = StringField(_l("Alamat halaman berita"), validators=[DataRequired(), Length(max=MAX_URL)])
    submit = SubmitField(_l("Kirim bukti tayang"))


class ProofFileForm(SiaranForm):
    kind = SelectField(_l("Jenis bukti"), choices=options(PROOF_KIND_LABELS.items()), default=ProofKind.SCAN)
    file = FileField(_l("Berkas (PDF, JPEG, PNG)"))
    reference = TextAreaField(_l("Keterangan atau rujukan rekaman"),
                              validators=[Optional(), Length(max=placements.MAX_REFERENCE)])
    submit = SubmitField(_l("Unggah bukti"))


class VerdictForm(SiaranForm):
    verdict = SelectField(_l("Keputusan"), choices=options(PROOF_VERDICT_LABELS.items()), default=ProofVerdict.VERIFIED)
    published_on = DateField(_l("Tanggal tayang"), validators=[Optional()])
    reason = TextAreaField(_l("Alasan penolakan"), validators=[Optional(), Length(max=placements.MAX_REASON)])
    submit = SubmitField(_l("Simpan keputusan"))


class ClippingForm(SiaranForm):
    outlet = SelectField(_l("Media"), choices=[], validate_choice=False)
    url = StringField(_l("Alamat halaman berita"), validators=[DataRequired(), Length(max=MAX_URL)])
    published_on = DateField(_l("Tanggal tayang"), validators=[Optional()])
    submit = SubmitField(_l("Catat kliping"))

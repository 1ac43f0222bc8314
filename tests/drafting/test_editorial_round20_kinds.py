"""Round 20: the wrong findings of round 19's held-back run fixed for their kind (a word KBBI lists is
never asked in italics; an amount partly in words may take "rupiah" after it; a stray letter before a
word is joined to it, not struck out; an office's name typed partly in lower case takes its capitals,
its unit's abbreviation included), and the kinds of the held-back misses of rounds 17 to 19, each on a
short text of its own."""
from __future__ import annotations

import pytest

from press.drafting.language_checks import check_language
from press.drafting.lexicon import frequency

needs_lists = pytest.mark.skipif(not frequency("kabupaten"), reason="needs wordfreq's lists")


def found(text: str) -> list[tuple[str, str, str | None]]:
    return [(f.code, f.text, f.replacement) for f in check_language(text)]


@pytest.mark.parametrize("text", [
    "Warga menanam bibit pohon mangrove di pesisir utara.",
    "Banjir rob kembali menggenangi permukiman nelayan.",
    "Kelompok tani itu menanam Mangrove di pesisir utara.",
])
def test_a_word_kbbi_lists_is_never_asked_in_italics(text):
    assert not [f for f in found(text) if f[0] == "foreign"]


@needs_lists
def test_an_amount_partly_in_words_may_take_rupiah_after_it():
    assert found("Pemenang menerima hadiah 7 juta rupiah dari panitia.") == []
    assert found("Pemenang menerima hadiah 7 Juta Rupiah dari panitia.") == [
        ("number_format", "7 Juta Rupiah", "7 juta rupiah")]
    assert found("Kerugian ditaksir 30-40 juta rupiah oleh petugas.") == [
        ("number_format", "30-40 juta rupiah", "30–40 juta rupiah")]


@needs_lists
def test_a_stray_letter_before_a_word_is_joined_to_it():
    assert ("spelling", "d ituntut", "dituntut") in found("Seorang prajurit d ituntut dekat dengan warga.")
    assert not [f for f in found("Seorang prajurit d ituntut dekat dengan warga.") if f[2] == "tuntut"]


@needs_lists
@pytest.mark.parametrize("text, written, standard", [
    ("Rapat dihadiri para Staf ahli Bupati dan pimpinan perangkat daerah.", "Staf ahli", "Staf Ahli"),
    ("Menurut Kepala dinas Perindag, harga cabai turun.", "Kepala dinas", "Kepala Dinas"),
    ("Kabag ops Polres memaparkan rencana pengamanan.", "ops", "Ops"),
    ("Hadir pula Kasubbag tata usaha Ridwan Yusuf.", "tata usaha", "Tata Usaha"),
])
def test_an_office_typed_partly_in_lower_case_takes_its_capitals(text, written, standard):
    findings = found(text)
    assert ("spelling", written, standard) in findings
    assert not [f for f in findings if f[0] == "foreign" or f[2] in ("staf", "ops")]


@needs_lists
def test_a_region_word_after_a_title_is_no_unit():
    assert found("Sekda kabupaten itu membuka rapat koordinasi.") == []


@needs_lists
@pytest.mark.parametrize("text, written", [
    ("Polres menggelar patroli Gabungan pada malam pergantian tahun.", "Gabungan"),
    ("Pelatihan itu mengajarkan cara mengemas makanan Tradisional, lalu menjualnya.", "Tradisional"),
    ("Warga menanam pohon Mangrove untuk menahan abrasi.", "Mangrove"),
    ("Kader menjelaskan peran Posyandu dalam menekan tengkes.", "Posyandu"),
])
def test_a_lone_capital_on_a_common_word_inside_a_sentence_is_lowered(text, written):
    assert ("spelling", written, written.lower()) in found(text)


@needs_lists
@pytest.mark.parametrize("text", [
    "Di Ruang sidang Utama, rapat paripurna dimulai.",
    "Kerja sama bidang Perdata dan Tata Usaha Negara itu diteken.",
    "Tidak boleh ada yang ditinggal,” kata Rahmat.",
    "Bantuan dikirim ke Borong dan warga asal Malaysia ikut membantu.",
    "Dalam laporannya Bambang menyebutkan capaian program.",
    "Alamat email Anda tidak akan dipublikasikan.",
    "Apel gelar pasukan operasi ketupat Maung digelar di alun-alun.",
])
def test_a_capital_that_opens_or_continues_a_name_is_left(text):
    assert not [f for f in found(text) if f[0] == "spelling" and f[2] and f[2].islower() and f[1][:1].isupper()]


@needs_lists
@pytest.mark.parametrize("text, written, standard", [
    ("Posko dibuka di setiap Rt/Rw sejak pagi.", "Rt", "RT"),
    ("Posko dibuka di setiap Rt/Rw sejak pagi.", "Rw", "RW"),
    ("Zakat disalurkan lewat BAZNas kabupaten.", "BAZNas", "Baznas"),
    ("Pengamanan NATARU melibatkan ratusan personel.", "NATARU", "Nataru"),
    ("Penertiban dilakukan satpol pp bersama warga.", "satpol pp", "Satpol PP"),
    ("Ia lulusan ipdn angkatan kedua.", "ipdn", "IPDN"),
    ("Sinergi TNI-POLRI terus dijaga.", "POLRI", "Polri"),
    ("Personel disiagakan di wilayah hukum polres Palas.", "polres", "Polres"),
    ("Pegawai Non ASN menerima insentif.", "Non ASN", "non-ASN"),
])
def test_a_short_form_in_the_wrong_case_is_written_as_its_standard(text, written, standard):
    assert ("spelling", written, standard) in found(text)


@needs_lists
@pytest.mark.parametrize("text", [
    "Setiap polsek dan karang taruna ikut berjaga.",
    "Surat itu ditandatangani Bpk Dajuri, S.Pd.",
    "Pandemi COVID-19 mengubah cara kerja kantor.",
    "Informasi lengkap ada di laman tni-au.mil.id setiap hari.",
])
def test_a_short_form_written_as_a_common_noun_or_another_word_is_left(text):
    assert not [f for f in found(text) if f[0] == "spelling"]


@needs_lists
@pytest.mark.parametrize("text, written, standard", [
    ("Pelatihan digelar di hotel Bukit Randu selama tiga hari.", "hotel", "Hotel"),
    ("Tamu datang dari pulau Kojadoi dengan perahu motor.", "pulau", "Pulau"),
    ("Pendamping koperasi, ibu Zaidirina, menambahkan catatan.", "ibu", "Ibu"),
    ("Langkah serupa ditempuh pemkab Sumenep tahun ini.", "pemkab", "Pemkab"),
])
def test_a_place_or_a_person_after_a_word_in_lower_case_takes_its_capital(text, written, standard):
    assert ("spelling", written, standard) in found(text)


@needs_lists
@pytest.mark.parametrize("text", [
    "Festival digelar di lapangan Desa Kemuning pada malam hari.",
    "Rapat berlangsung di aula Mapolsek sejak pagi.",
    "Abrasi mengancam garis pantai Pacitan yang panjang.",
    "Jakarta tidak lagi menjadi ibu kota negara.",
])
def test_a_venue_of_a_body_or_a_region_is_left(text):
    assert not [f for f in found(text) if f[0] == "spelling"]

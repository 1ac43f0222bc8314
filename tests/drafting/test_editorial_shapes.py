"""The language checks on slips read by their shape rather than listed: times written every way,
ordinals, di-/ke- before nouns of time and number words, suffixes and bound forms written apart,
affixes on one-syllable roots and loan verbs, slips of the hand in very common words, slips the
frequency list alone reads, compounds and reduplications written apart or joined; each with the
text the same rule must leave alone. A part of the day after a 24-hour time that it repeats is a
slip in the morning too ("pukul 06.06 pagi", read in real releases: real-slips-6.md)."""
from __future__ import annotations

import pytest

from press.drafting.language_checks import check_language


def fixes(text: str) -> list[tuple[str, str, str | None]]:
    return [(f.code, text[f.span[0]:f.span[1]], f.replacement) for f in check_language(text)]


@pytest.mark.parametrize("text, expected", [
    ("Loket dibuka pukul 10.00 WIB sampai 12.00 WIB.", ("time_format", "10.00 WIB sampai 12.00 WIB", "10.00 sampai 12.00 WIB")),
    ("Bazar dibuka pukul 15.00 WIB hingga pukul 22.00 WIB.",
     ("time_format", "15.00 WIB hingga pukul 22.00 WIB", "15.00 hingga pukul 22.00 WIB")),
    ("Rombongan tiba pukul 17.00 sore di perbatasan.", ("time_format", " sore", "")),
    ("Ia bupati ke 15 sejak kabupaten itu berdiri.", ("number_format", "ke 15", "ke-15")),
    ("Festival ini yang ke tujuh sejak pertama digelar.", ("di_prefix", "ke tujuh", "ketujuh")),
    ("Hujan turun terus dimusim ini.", ("di_prefix", "dimusim", "di musim")),
    ("Penyaluran di adakan di balai desa.", ("di_prefix", "di adakan", "diadakan")),
    ("Harga diharap kan turun pekan depan.", ("spelling", "diharap kan", "diharapkan")),
    ("Petugas mencatat ketidak hadiran penerima.", ("spelling", "ketidak hadiran", "ketidakhadiran")),
    ("Kota itu membuka kerja sama antar-pemerintah daerah.", ("spelling", "antar-pemerintah", "antarpemerintah")),
    ("Pekan lalu DPRD mensahkan anggaran daerah.", ("spelling", "mensahkan", "mengesahkan")),
    ("Pemerintah meminimalisir penggunaan anggaran.", ("spelling", "meminimalisir", "meminimalkan")),
    ("Program itu berjalan sejak tahun2020 di desa.", ("spelling", "tahun2020", "tahun 2020")),
    ("Respons yang cepat tehadap pengaduan warga.", ("spelling", "tehadap", "terhadap")),
    ("Kriteria yang sama seperi tahun lalu.", ("spelling", "seperi", "seperti")),
    ("Aacara dimulai selepas magrib.", ("spelling", "Aacara", "Acara")),
    ("Kota itu terbuka untum berbagi pengalaman.", ("spelling", "untum", "untuk")),
    ("Vaksinasi dosis Booster bagi warga lanjut usia.", ("foreign", "Booster", "penguat")),
    ("Warga datang pukul 07.30 pagi.", ("time_format", " pagi", "")),
    ("Sirene berbunyi pukul 02.00 pagi dini hari.", ("time_format", " pagi dini hari", "")),
    ("Upacara dimulai pukul 08.00 Waktu Indonesia Timur.", ("time_format", "Waktu Indonesia Timur", "WIT")),
    ("Apel dimulai pukul 07.00 WP di lapangan.", ("time_format", "WP", "WIT")),
    ("Harga cabai naik 10ribu sekilo.", ("number_format", "10ribu", "10 ribu")),
    ("Kriteria yang sama sepert tahun lalu.", ("spelling", "sepert", "seperti")),
    ("Panitia menyiapkan dua ribu kursin bagi penonton.", ("spelling", "kursin", "kursi")),
    ("Pelatihan bertujuan meningkatan keterampilan pegawai.", ("spelling", "meningkatan", "meningkatkan")),
    ("Bupati meninjau Pembagunan jalan lingkar.", ("spelling", "Pembagunan", "Pembangunan")),
    ("Lampu penerangan otomotis dipasang di jembatan.", ("spelling", "otomotis", "otomatis")),
    ("Warga bertanya darimana dana itu berasal.", ("spelling", "darimana", "dari mana")),
    ("Harga telur Rp24 ribu perkilogramnya.", ("spelling", "perkilogramnya", "per kilogramnya")),
    ("Urusan surat menyurat ditangani sekretariat.", ("spelling", "surat menyurat", "surat-menyurat")),
    ("Petugas menghitung hitung suara.", ("spelling", "menghitung hitung", "menghitung-hitung")),
    ("Rapat membahas Undang Undang Dasar.", ("spelling", "Undang Undang", "Undang-Undang")),
    ("Naskah akan ditanda-tangani pekan depan.", ("spelling", "ditanda-tangani", "ditandatangani")),
    ("Warga bersuka cita menyambut juara.", ("spelling", "bersuka cita", "bersukacita")),
    ("Petugas mengunggah photo-photo kegiatan.", ("spelling", "photo-photo", "foto-foto")),
    ("Ia berharap, Insha Allah, acara berjalan lancar.", ("spelling", "Insha Allah", "insyaallah")),
    ("Warga sering menelpon petugas.", ("spelling", "menelpon", "menelepon")),
    ("Setiap instansi aktiv berkoordinasi.", ("spelling", "aktiv", "aktif")),
    ("Doa di Pimpin oleh kepala kantor.", ("di_prefix", "di Pimpin", "dipimpin")),
    ("Senyum tampak diwajah petugas.", ("di_prefix", "diwajah", "di wajah")),
    ("Desa menunjuk satu contact person yang siaga.", ("foreign", "contact person", "narahubung")),
    ("Warga menunggu lama. Akhinya, layanan dibuka.", ("spelling", "Akhinya", "Akhirnya")),
    ("Harga naik Rp10ribu per kilo.", ("number_format", "Rp10ribu", "Rp10 ribu")),
])
def test_a_slip_read_by_its_shape_gets_the_standard_form(text, expected):
    assert expected in fixes(text)


@pytest.mark.parametrize("text", [
    "Lokakarya berlangsung pukul 09.00 WIB hingga 15.00 WIB.",  # prose, one pukul
    "Warga datang pukul 08.00 malam hari ini.",  # a part the hour contradicts is the writer's to fix
    "Kantor camat di Kwandang dan Desa Sampali menerima bantuan.",  # names one slip from a word
    "Walidata daerah menampilkan campursari.",  # two roots written as one: KBBI's own compounds, names
    "Warga memilah sampah, pengemban amanah hadir dan kurasi pameran dibuka.",  # rare roots wordfreq lacks
    "Aparat kalurahan dan torang semua bekerja.",  # regional forms, a vowel off in the first syllable
    "Bantuan disalurkan ke 15 kecamatan.",  # the preposition before a counted noun
    "Bantuan dibawa ke tujuh desa.",
    "Warga menyalami bupati dan ajaknya berfoto ditolak dengan sopan.",  # affixed roots wordfreq lacks
    "Perahu itu sandar di dermaga; panitia menambatkan tali.",
    "Sementara Ketua Bamus, Firdaus Dt. Bandaro Kayo, hadir.",  # a name after an abbreviation's full stop
    "Rapat bersama Hotel Grand Booster Jaya.",  # a foreign word inside a name
])
def test_text_of_the_same_shape_that_is_standard_is_left(text):
    assert fixes(text) == []

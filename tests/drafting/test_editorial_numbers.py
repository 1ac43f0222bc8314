"""Times and numbers as EYD V writes them (``number_checks``): each rule on short texts,
with the replacement it proposes, and the figures it must never touch (names, URLs,
regulation numbers, dates, phone numbers, plates, NIP)."""
from __future__ import annotations

import pytest

from press.drafting.checks import check_release
from press.drafting.finding import apply_fixes
from press.drafting.number_checks import in_words


def findings(text: str, code: str, **options):
    found = [f for f in check_release(text, **options) if f.code == code]
    for finding in found:  # the message and hint fill in as the CLI and the editor show them
        assert "%(" not in str(finding.as_dict())
    return found


def fixes(text: str, code: str, **options) -> list[tuple[str, str | None]]:
    return [(f.text, f.replacement) for f in findings(text, code, **options)]


def fixed(text: str, code: str) -> str:
    return apply_fixes(text, findings(text, code))[0]


# -- times ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("written, standard", [
    ("Rapat berlangsung pukul 13.07 s.d 14.15 WIB.", "Rapat berlangsung pukul 13.07 s.d. 14.15 WIB."),
    ("Rapat berlangsung pukul 13.00 s/d 15.00 WIB.", "Rapat berlangsung pukul 13.00 s.d. 15.00 WIB."),
    ("Rapat berlangsung pukul 13.00 sd 15.00 WIB.", "Rapat berlangsung pukul 13.00 s.d. 15.00 WIB."),
    ("Layanan dibuka pukul 08.00-12.00 WIB.", "Layanan dibuka pukul 08.00–12.00 WIB."),
    ("Layanan dibuka pukul 08.00 WIB - 12.00 WIB.", "Layanan dibuka pukul 08.00 WIB–12.00 WIB."),
    ("Pendaftaran pukul 08.00 WIB-selesai.", "Pendaftaran pukul 08.00 WIB s.d. selesai."),
    ("Warga datang jam 9 ke kantor.", "Warga datang pukul 09.00 ke kantor."),
    ("Warga datang jam 9 pagi dan pulang jam 2 siang.", "Warga datang pukul 09.00 dan pulang pukul 14.00."),
    ("Acara dimulai pkl 09.00 Wib.", "Acara dimulai pukul 09.00 WIB."),
    ("Acara dimulai Pkl. 10.30 wita.", "Acara dimulai pukul 10.30 WITA."),
    ("Acara dimulai pukul 19.00WIT.", "Acara dimulai pukul 19.00 WIT."),
    ("Kantor buka Senin s/d Jumat.", "Kantor buka Senin s.d. Jumat."),
    ("Operasi dilaksanakan jam 7 s/d jam 8.", "Operasi dilaksanakan pukul 07.00 s.d. pukul 08.00."),
    ("Pemilihan dari jam 7 pagi sampai jam 1 siang.", "Pemilihan dari pukul 07.00 sampai pukul 13.00."),
])
def test_times_are_written_as_eyd_v_writes_them(written, standard):
    assert fixed(written, "time_format") == standard


@pytest.mark.parametrize("text", [
    "Rapat berlangsung pukul 13.07–14.15 WIB, lalu pukul 15.00 s.d. 16.00 WIB.",
    "Pendaftaran pukul 08.00 WIB sampai dengan selesai.",
    "Layanan buka 24 jam, jam kerja pegawai tetap, skor akhir 2:1.",
    "Siswa SD Negeri 5 pulang pukul 12.00 WIB.",
])
def test_standard_times_draw_nothing(text):
    assert fixes(text, "time_format") == []


# -- numbers and currency -------------------------------------------------------------------------

@pytest.mark.parametrize("written, standard", [
    ("Bantuan Rp 5.000 diserahkan.", "Bantuan Rp5.000 diserahkan."),
    ("Bantuan Rp. 5.000 diserahkan.", "Bantuan Rp5.000 diserahkan."),
    ("Bantuan Rp.5.000,- diserahkan.", "Bantuan Rp5.000 diserahkan."),
    ("Bantuan Rp. 25.000.000,- diserahkan.", "Bantuan Rp25.000.000 diserahkan."),
    ("Bantuan Rp 1,500 per paket.", "Bantuan Rp1.500 per paket."),
    ("Bantuan 5 Juta Rupiah diserahkan.", "Bantuan 5 juta rupiah diserahkan."),
    ("Bantuan Rp 5 Jt diserahkan.", "Bantuan Rp5 juta diserahkan."),
    ("Bantuan Rp2,5 juta rupiah diserahkan.", "Bantuan Rp2,5 juta diserahkan."),
    ("Jumlah penduduk 1,000,000 jiwa.", "Jumlah penduduk 1.000.000 jiwa."),
    ("Anggaran Rp1.5 miliar dan inflasi 2.5 persen.", "Anggaran Rp1,5 miliar dan inflasi 2,5 persen."),
    ("Capaian naik 50 % tahun ini.", "Capaian naik 50% tahun ini."),
    ("Peringatan HUT ke 17 Kabupaten Kepahiang.", "Peringatan HUT ke-17 Kabupaten Kepahiang."),
    ("Tim itu menjadi juara ke 3.", "Tim itu menjadi juara ke-3."),
    ("Rapat persiapan HUT Ke- 65 Kabupaten Sumbawa.", "Rapat persiapan HUT Ke-65 Kabupaten Sumbawa."),
    ("Sumenep merayakan hari jadi ke 750 tahun.", "Sumenep merayakan hari jadi ke-750 tahun."),
    ("Bangunan itu berdiri sejak tahun 1990an.", "Bangunan itu berdiri sejak tahun 1990-an."),
    ("Lintasan sepanjang 100an kilometer.", "Lintasan sepanjang 100-an kilometer."),
    ("Belanja daerah Rp.12,6 Triliun.", "Belanja daerah Rp12,6 triliun."),
    ("Belanja daerah RP45,1 triliun untuk 200 san desa.", "Belanja daerah Rp45,1 triliun untuk 200-an desa."),
    ("Warga menerima 15 ribu rupiah; hadir 1.000 an orang.", "Warga menerima 15 ribu rupiah; hadir 1.000-an orang."),
    ("Warga desa mengikuti upacara HUT RI Ke-78 di lapangan.", "Warga desa mengikuti upacara HUT RI ke-78 di lapangan."),
])
def test_numbers_and_amounts_are_written_as_eyd_v_writes_them(written, standard):
    assert fixed(written, "number_format") == standard


def test_a_sentence_starting_with_a_figure_and_a_small_number_in_prose_are_hints():
    found = findings("Rapat dibuka. 25 peserta hadir. Rapat diikuti 3 orang pejabat.", "number_format")
    assert [(f.text, f.replacement) for f in found] == [("25", None), ("3", None)]
    assert "tiga orang" in found[1].as_dict()["hint"]


@pytest.mark.parametrize("text", [
    "Bantuan Rp5.000.000, Rp5.000,00 dan Rp336 juta diserahkan; inflasi 2,5 persen, capaian 50%.",
    "Sesuai Peraturan Bupati Nomor 5 Tahun 2021 Pasal 3 ayat 2, bantuan disalurkan ke 3 kecamatan.",
    "Informasi di www.bekasikota.go.id/berita/5 atau humas@bekasikota.go.id, telepon 0812-3456-7890.",
    "Kendaraan dinas B 1234 ABC milik pegawai NIP 19750101 200012 1 001 hadir Kamis (30/9/2021).",
    "Bantuan diberikan kepada 3 orang lansia, 12 anak yatim, dan 45 keluarga.",
    "Rapat diikuti 45 peserta dari 120 desa.",
])
def test_names_regulations_dates_phones_plates_and_lists_are_untouched(text):
    assert fixes(text, "number_format") == []


def test_numbers_in_a_name_are_untouched():
    text = "Lomba diadakan di Gedung Rp 5 Ribu Bersaudara."
    assert fixes(text, "number_format", proper_names=["Gedung Rp 5 Ribu Bersaudara"]) == []


def test_numbers_of_one_or_two_words():
    assert [in_words(n) for n in (3, 11, 15, 80, 100, 200, 1000, 21, 125)] == [
        "tiga", "sebelas", "lima belas", "delapan puluh", "seratus", "dua ratus", "seribu", None, None]


# -- the weekday's forms (spelling) ---------------------------------------------------------------

def test_the_part_of_the_day_after_a_weekday_and_jumat_with_a_comma():
    assert fixes("Rapat digelar pada Selasa Pagi di aula, lalu Jum,at (12/3) warga hadir.", "spelling") == [
        ("Selasa Pagi", "Selasa pagi"), ("Jum,at", "Jumat")]
    assert fixes("Isi.", "spelling", title="Bupati Tinjau Pasar Selasa Pagi") == []


@pytest.mark.parametrize("text", [
    "Anggaran tahun ini mencapai Rp2,504 triliun dan belanja modal Rp11,134 miliar.",
    "Jalan selebar 3 m itu dibangun dengan anggaran daerah.",
    "Setiap klaster usaha kecil di kecamatan itu menerima pendampingan dari dinas.",
])
def test_a_decimal_amount_a_measure_and_a_kbbi_word_draw_no_finding(text):
    assert [f for f in check_release(text) if f.code in {"number_format", "spelling", "time_format"}] == []

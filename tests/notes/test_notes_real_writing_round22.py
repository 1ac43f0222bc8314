"""Extraction on ways of writing people and quotes that recur in the notes of many outlets (round
21): a post in brackets or after "sebagai" when degrees end the name, a rotation "dilantik
sebagai", a unit's one-digit number, staff posts and court and prosecutor posts, a Kemenag
section, a rank set off by commas, a village facilitator, a water company's name, a surname that
is a rank word, an interposed "menurut X," or a short opening before a tag by title, and a
closing credit with the outlet's code. One test per kind; each note is short and of our own
writing."""

from __future__ import annotations

from press.notes.cleaning import clean
from press.notes.extract import extract


def found(text: str) -> dict:
    return extract(clean(text).text).as_dict()


def people(text: str) -> list[tuple[str, str | None]]:
    return [(p["name"], p["title"]) for p in found(text)["people"]]


def quotes(text: str, form: str) -> list[tuple[str | None, str]]:
    return [(q["speaker"], q["text"][:30]) for q in found(text)["quotes"] if q["form"] == form]


def test_a_post_in_brackets_or_after_sebagai_goes_to_the_name_whose_degrees_end_before_it():
    text = ("Sidang dipimpin Rahmat Syahputra, S.H.I., M.H. (Hakim Anggota), dibantu Lestari Wulandari, S.H., "
            "sebagai Panitera Pengganti, Dedi Kurnia sebagai petugas administrasi.")
    assert ("Rahmat Syahputra", "Hakim Anggota") in people(text)
    assert ("Lestari Wulandari", "Panitera Pengganti") in people(text)
    assert ("Dedi Kurnia", "Panitera Pengganti") not in people(text)
    signed = ("Naskah ditandatangani Dr. Hendra Gunadi, M.Si. (Bupati Kebumen) dan Siti Maryam, S.E. "
              "(Wakil Bupati Kebumen).")
    assert ("Hendra Gunadi", "Bupati Kebumen") in people(signed)


def test_a_rotation_gives_the_post_taken_now():
    text = ("Selanjutnya Kepala Dinas Sosial Yusuf Malawat dilantik sebagai Kepala Badan Perencanaan "
            "Pembangunan Daerah (Bappeda).")
    assert ("Yusuf Malawat", "Kepala Badan Perencanaan Pembangunan Daerah (Bappeda)") in people(text)


def test_a_units_one_digit_number_belongs_to_the_title():
    text = ("Kepala SMP Negeri 3 Kupang Maria Tefa menyambut tim, didampingi Asisten 1 Setda Kupang, "
            "Yosef Lino, yang mewakili bupati.")
    assert ("Maria Tefa", "Kepala SMP Negeri 3") in people(text)
    assert "Yosef Lino" in [name for name, title in people(text) if title and title.startswith("Asisten 1")]


def test_staff_posts_of_a_base_a_battalion_and_a_polda_are_titles():
    text = ("Apel diikuti Palaksa Lanal Tegal Letkol Laut (P) Dimas Prayoga, Pasintel, Pasops, Paslog, dan "
            "Danyonif 405/SK Letkol Inf Rudi Hartanto. Karoops Polda Jateng Kombes Pol Benny Sitorus hadir.")
    names = [name for name, _ in people(text)]
    assert "Pasops" not in names and "Paslog" not in names
    assert "Rudi Hartanto" in names and "Benny Sitorus" in names
    assert any(name == "Dimas Prayoga" and title for name, title in people(text))


def test_a_prosecutors_and_a_judges_post_are_titles():
    text = ("Materi disampaikan Jaksa Fungsional Anisa Putri. Perkara diperiksa hakim anggota Komang Ayu "
            "Lestari, S.H.")
    assert ("Anisa Putri", "Jaksa Fungsional") in people(text)
    assert ("Komang Ayu Lestari", "hakim anggota") in people(text)


def test_the_kemenag_section_madrasah_is_no_word_of_a_name():
    text = "Kasi Pendidikan Madrasah Zainuddin mewakili Kepala Kantor Kementerian Agama dalam kegiatan itu."
    assert ("Zainuddin", "Kasi Pendidikan Madrasah") in people(text)


def test_a_rank_set_off_by_commas_keeps_the_title_with_the_name_after_it():
    text = "Hadir Kapolres Buton, AKBP, Andi Saputra, bersama Sekda Buton."
    assert ("Andi Saputra", "Kapolres Buton") in people(text)
    assert found(text)["people"][0]["ranks"] == ["AKBP"]


def test_a_village_facilitator_is_a_title():
    text = "Penyaluran disaksikan pendamping lokal desa, Wa Ode Hasna, S.E, dan aparat desa."
    assert ("Wa Ode Hasna", "pendamping lokal desa") in people(text)


def test_a_water_companys_name_is_nobody():
    text = ("Kerja sama diteken Direktur Perumda Air Minum Tirta Lestari Jaya, Suparno, dan Pemimpin Bank "
            "Jateng Cabang Klaten.")
    names = [name for name, _ in people(text)]
    assert not any("Tirta" in name or "Minum" in name for name in names)


def test_a_surname_that_is_a_rank_word_stays_in_the_name():
    text = ("Bupati Sorong Selatan, Petrus Mayor Kambu, meresmikan pasar. \u201cPasar ini milik mama-mama,\u201d "
            "kata Petrus Mayor Kambu.")
    assert ("Petrus Mayor Kambu", "Bupati Sorong Selatan") in people(text)
    assert ("Petrus Mayor Kambu", "Pasar ini milik mama-mama") in quotes(text, "direct")


def test_an_interposed_menurut_or_a_short_opening_before_a_tag_by_title_is_indirect_speech():
    text = ("Dandim 1630/Sumba Timur Letkol Inf Arif Wibowo membuka kegiatan. Sementara itu kegiatan nonfisik, "
            "menurut Arif, meliputi penyuluhan bela negara dan kesehatan.")
    assert ("Arif Wibowo", "Sementara itu kegiatan nonfisi") in quotes(text, "indirect")
    tagged = ("Bupati Pamekasan Ahmad Rifai meresmikan gedung baru rumah sakit. Kedepan, lanjut bupati, dokter jaga "
              "harus siap setiap malam.")
    assert ("Ahmad Rifai", "Kedepan, dokter jaga harus sia") in quotes(tagged, "indirect")


def test_a_closing_credit_with_the_outlets_code_names_its_writer():
    text = "Kepala Dinas Pertanian Budi Santoso meninjau sawah di Desa Sukamaju.\n(Rahmat/KR)"
    assert "Rahmat" in [name for name, _ in people(text)]

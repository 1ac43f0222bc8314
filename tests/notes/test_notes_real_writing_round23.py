"""Extraction on ways of writing people and quotes that recur in the notes of many outlets (round
22): an air base's commander written as one word before the base's namesake, a hospital's
namesake written with honorifics and degrees before its director, the town after a unit's
abbreviation in capitals, a high court's "Tinggi" and the field of a unit's name after its head word
("Tindak Pidana Umum", "… dan Lelang"), a tag by a bare title whose holder is acting ("ujar Sekda" for the
"Plt. Sekretaris Daerah") and the object of a clause opening the sentence before a bare title
("Sebelum meninggalkan X, Kapolda …"). One test per kind; each note is short and of our own writing."""

from __future__ import annotations

from press.notes.cleaning import clean
from press.notes.extract import extract


def found(text: str) -> dict:
    return extract(clean(text).text).as_dict()


def people(text: str) -> list[tuple[str, str | None]]:
    return [(p["name"], p["title"]) for p in found(text)["people"]]


def speakers(text: str) -> list[str | None]:
    return [q["speaker"] for q in found(text)["quotes"] if q["form"] == "direct"]


def test_the_name_after_danlanud_is_the_air_base_and_its_commander_comes_after_it():
    text = ("Upacara dipimpin Danlanud Sultan Hasanuddin, Marsma TNI Bagus Wiranto, di lapangan apel. "
            "Hadir pula Danlanud Pattimura, Kolonel Pnb Yosef Leiwakabessy.\n\n"
            "\"Prajurit harus siap setiap saat,\" ujar Danlanud Sultan Hasanuddin.")
    names = [name for name, _ in people(text)]
    assert "Sultan Hasanuddin" not in names and "Pattimura" not in names
    assert "Bagus Wiranto" in names and "Yosef Leiwakabessy" in names
    assert "Sultan Hasanuddin" not in speakers(text)


def test_a_hospitals_namesake_with_honorifics_is_nobody_and_its_director_follows():
    text = ("Bupati Karimun Rahmat Hidayat meresmikan ruang ICU di RSUD dr. Tengku Sulaiman Karimun, Senin "
            "(4/5/2026).\n\nDirektur RSUD dr. Tengku Sulaiman, dr. Wulan Purnamasari, Sp.An, menjelaskan ruang "
            "itu berisi enam tempat tidur.\n\n\"Kami sudah menyiapkan dua perawat untuk setiap pasien,\" ujarnya.")
    names = [name for name, _ in people(text)]
    assert "Tengku Sulaiman" not in names and "Tengku Sulaiman Karimun" not in names
    assert "Wulan Purnamasari" in names
    assert speakers(text) == ["Wulan Purnamasari"]
    director = ("Direktur RSUD dr. Wulan Purnamasari, Sp.An, hadir bersama Bupati Karimun Rahmat Hidayat.")
    assert "Wulan Purnamasari" in [name for name, _ in people(director)]


def test_the_word_after_a_units_abbreviation_written_as_its_town_elsewhere_is_no_person():
    text = ("Sosialisasi digelar Pengadilan Negeri Sungailiat bersama pemerintah kabupaten. Hadir Ketua "
            "Pengadilan Negeri Sungailiat, kepala dinas, Ketua DPC PERADI Sungailiat, para camat dan "
            "lurah. Pengadilan Negeri Sungailiat menyiapkan layanan e-Court.")
    assert "Sungailiat" not in [name for name, _ in people(text)]
    post = ("Sungailiat, Bangka – Pos TNI AU Sungailiat menggelar upacara. Upacara diikuti prajurit dan anggota Pos "
            "TNI AU Sungailiat. Pos TNI AU Sungailiat berdiri sejak 1990.")
    assert "Sungailiat" not in [name for name, _ in people(post)]


def test_a_high_courts_tinggi_belongs_to_the_title_not_to_a_name():
    text = ("Dr. H. Zainal Abidin, S.H., M.H., Ketua Pengadilan Tinggi Agama Jambi bersilaturahmi ke kantor "
            "gubernur. Ia didampingi Rahmah Yusuf yang dilantik sebagai Wakil Ketua Pengadilan Tinggi Agama "
            "Jambi.")
    found_people = found(text)["people"]
    assert not any(p["name"].startswith("Tinggi") for p in found_people)
    assert ("Zainal Abidin", "Ketua Pengadilan Tinggi Agama Jambi") in [
        (p["name"], " ".join(filter(None, (p["title"], p["organisation"])))) for p in found_people]


def test_the_field_of_a_units_name_after_its_head_word_is_no_person():
    text = ("Perkara itu disetujui Jaksa Agung Muda Tindak Pidana Umum. Rapat dihadiri Kepala Kantor Pelayanan "
            "Kekayaan Negara dan Lelang (KPKNL) Kendari, Kepala Bidang Angkutan, Kepala Kantor Kesyahbandaran "
            "dan Otoritas Pelabuhan dan Kepala Balai Karantina Hewan, Ikan dan Tumbuhan Sultra.")
    names = [name for name, _ in people(text)]
    assert not {"Tindak", "Tindak Pidana Umum", "Lelang", "Angkutan", "Otoritas", "Karantina Hewan", "Ikan"} & set(names)


def test_a_tag_by_a_bare_title_goes_to_its_acting_holder():
    text = ("SORONG – Plt. Sekretaris Daerah Kota Sorong, Yosef Kambu, S.Sos., menegaskan bahwa puskesmas akan "
            "dibuka malam hari.\n\n\"Warga tidak perlu lagi menunggu pagi untuk berobat,\" ujar Sekda.")
    assert speakers(text) == ["Yosef Kambu"]


def test_the_object_of_an_opening_clause_is_no_holder_of_the_title_after_it():
    text = ("Kapolda Jambi Irjen Pol Rusdi Hartono meninjau Polsek Sarolangun, Selasa (5/5/2026).\n\n"
            "Sebelum meninggalkan Muara Tembesi, Kapolda menyerahkan bantuan sepeda kepada anak-anak.\n\n"
            "Selain meninjau Pustu, Bupati juga mengunjungi sekolah.")
    names = [name for name, _ in people(text)]
    assert not {"Muara Tembesi", "Tembesi", "Pustu"} & set(names)

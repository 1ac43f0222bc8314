"""Glossary: built-in content from INDONESIAN.md and an admin's extra file merged over it."""

import json

from press.notes.glossary import DATA_DIR, load_glossary


def test_title_abbreviations_map_to_full_titles():
    forms = load_glossary().title_forms
    assert forms["Wawali"] == "Wakil Wali Kota"
    assert forms["Kasubbag"] == forms["Kasubag"] == "Kepala Subbagian"
    assert forms["Sekdako"] == "Sekretaris Daerah"
    assert forms["Kadis"] == "Kepala Dinas"


def test_every_organisation_abbreviation_of_the_genre_guide_is_known():
    organisations = load_glossary().organisations
    for abbreviation in ["Pemkot", "Pemko", "Pemkab", "Pemprov", "Pemda", "Setda", "Setdako", "Setdakab", "OPD", "PD",
                         "SKPD", "Diskominfo", "Diskominfostandi", "Diskominfosantik", "Bappeda", "Dinkes", "Disdik",
                         "Dinsos", "BPBD", "Satpol PP", "DPRD", "Prokopim", "BKPSDM", "BPKAD", "Bapenda", "DLH",
                         "DPUPR", "Dishub", "Disdukcapil", "DPMPTSP", "Kesbangpol", "Inspektorat", "RSUD",
                         "Puskesmas", "Kejari", "Polres", "Kodim", "KPU", "Bawaslu", "PKK", "Forkopimda", "PPID"]:
        assert abbreviation in organisations, abbreviation
    assert organisations["PPID"] == "Pejabat Pengelola Informasi dan Dokumentasi"


def test_glossary_holds_acting_prefixes_ranks_honorifics_degrees_verbs_regions_days_months():
    g = load_glossary()
    assert set(g.data["acting_prefixes"]) == {"Plt.", "Plh.", "Pj.", "Pjs."}
    assert {"AKBP", "Letkol Inf", "Kombes Pol", "Iptu", "Kapten"} <= set(g.data["ranks"])
    assert {"H.", "Hj.", "dr.", "Mas", "Datu", "Inaq", "Ny.", "Ki", "HM"} <= set(g.honorifics)
    # Noble and clan names one is born with are parts of a name, however abbreviated: Bugis
    # "Andi", Makassar "Daeng", the Palembang "Mgs.", "Kms.", "Kgs.", "Rd.".
    assert not {"Andi", "Daeng", "Raden", "Mgs.", "Kms.", "Kgs.", "Rd.", "OK", "R.A."} & set(g.honorifics)
    assert {"Andi", "Raden", "Rd.", "Mgs."} <= set(g.data["name_openers"])
    assert {"S.Sos", "M.Si", "A.Md", "S.STP"} <= set(g.data["degrees"])
    assert {"ujar", "pungkas", "beber"} <= set(g.speech_verbs("after"))
    assert {"mengatakan", "berharap"} <= set(g.speech_verbs("reported"))
    assert {"Dikatakan", "Menurut"} <= set(g.speech_verbs("fronted"))
    assert set(g.data["region_words"]) >= {"Kota", "Kabupaten", "Provinsi", "Kecamatan", "Kelurahan", "Desa"}
    assert g.weekday_forms()["jum’at"] == "Jumat" and g.weekday_forms()["ahad"] == "Minggu"
    assert g.month_forms()["pebruari"] == 2 and g.month_forms()["nop"] == 11 and g.month_forms()["agt"] == 8


def test_expand_replaces_abbreviations_including_multi_word_ones():
    g = load_glossary()
    assert g.expand("Kasubag Humas Setda") == "Kepala Subbagian Hubungan Masyarakat Sekretariat Daerah"
    assert g.expand("TP PKK") == g.expand("Tim Penggerak PKK")


def test_extra_file_adds_entries_and_aliases_without_touching_code(tmp_path):
    extra = tmp_path / "glossary-bekasi.json"
    extra.write_text(json.dumps({
        "organisations": {"Disbudpora": "Dinas Kebudayaan, Pariwisata, Pemuda dan Olahraga"},
        "titles": {"Wali Kota": ["Wako"]},
        "ranks": ["Kompol"],
    }), encoding="utf-8")
    g = load_glossary(extra)
    assert g.organisations["Disbudpora"].startswith("Dinas Kebudayaan")
    assert g.organisations["PPID"] == "Pejabat Pengelola Informasi dan Dokumentasi"
    assert g.title_forms["Wako"] == "Wali Kota" and g.title_forms["Walikota"] == "Wali Kota"
    assert g.data["ranks"].count("Kompol") == 1
    assert "Disbudpora" not in load_glossary().organisations


def test_each_data_file_says_where_its_words_come_from_and_holds_its_own_keys():
    files = sorted(DATA_DIR.glob("*.json"))
    assert {f.name for f in files} >= {"calendar.json", "regions.json", "titles.json", "ranks.json", "degrees.json",
                                       "honorifics.json", "places.json", "glossary.json"}
    seen: dict[str, str] = {}
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        assert len(data.pop("_source", "")) > 40, f"{path.name} does not say where its words come from"
        for key in data:
            assert key not in seen, f"{key} is in {seen.get(key)} and {path.name}"
            seen[key] = path.name
    assert set(seen) == set(load_glossary().data)


def test_weekday_names_and_the_regions_with_a_government_come_from_the_data():
    glossary = load_glossary()
    assert glossary.weekday_names == ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
    assert glossary.government_regions == ("Provinsi", "Propinsi", "Kabupaten", "Kota")


def test_ranks_of_tni_and_polri_are_known_full_and_abbreviated_with_their_corps():
    g = load_glossary()
    assert g.rank_forms["Letkol"] == "Letnan Kolonel"
    assert g.rank_forms["AKBP"] == "Ajun Komisaris Besar Polisi"
    assert g.rank_forms["Marsma"] == "Marsekal Pertama TNI" and g.rank_forms["Laksma TNI"] == "Laksamana Pertama TNI"
    assert g.rank_forms["Brigjen Pol"] == "Brigadir Jenderal Polisi" and g.rank_forms["Irjen Pol"] == "Inspektur Jenderal Polisi"
    for written in ["Iptu", "Ipda", "Kompol", "Bripka", "Brigpol", "Aiptu", "Serka", "Serma", "Kopda", "Praka", "Bharada"]:
        assert written in g.data["ranks"] and written in g.rank_forms, written
    assert set(g.rank_forms.values()) <= set(g.data["ranks"]), "every abbreviation expands to a listed rank"
    assert {"Inf", "Kav", "Arh", "Arm", "Czi", "Chb", "Cpm", "Ckm", "Caj", "Cpl", "Cku", "Ctp", "Chk", "Cpn", "Kes", "Mar",
            "Pom", "Lek", "Adm", "Kh", "Sus", "Pnb", "Nav", "Tek", "Psk", "P", "T", "E", "S"} <= set(g.corps)
    assert all(full.strip() and full != abbreviation for abbreviation, full in g.corps.items())
    assert g.corps["Inf"] == "Infanteri" and g.corps["P"] == "Pelaut"


def test_every_regency_and_city_of_the_kemendagri_list_is_known_with_its_province():
    g = load_glossary()
    entries = g.data["regencies_and_cities"]
    kinds = [e["kind"] for e in entries]
    assert (len(entries), kinds.count("kabupaten"), kinds.count("kota")) == (514, 416, 98)
    provinces = {e["province"] for e in entries}
    assert len(provinces) == 38 and provinces <= set(g.data["provinces"])
    assert [(e["kind"], e["province"]) for e in g.regions["Jayawijaya"]] == [("kabupaten", "Papua Pegunungan")]
    assert {e["kind"] for e in g.regions["Bekasi"]} == {"kota", "kabupaten"}


def test_a_short_form_names_its_region_and_every_name_is_a_region_name():
    g = load_glossary()
    for short, name in [("Muba", "Musi Banyuasin"), ("Kukar", "Kutai Kartanegara"), ("Mabar", "Manggarai Barat"),
                        ("Jaksel", "Jakarta Selatan"), ("KBB", "Bandung Barat"), ("Lutra", "Luwu Utara"),
                        ("SBD", "Sumba Barat Daya"), ("Halut", "Halmahera Utara"), ("Labuhan Batu", "Labuhanbatu")]:
        assert [e["name"] for e in g.regions[short]] == [name], short
    assert g.data["province_short_forms"]["Kaltim"] == "Kalimantan Timur"
    assert set(g.data["province_short_forms"].values()) <= set(g.data["provinces"])
    assert {"Sleman", "Dumai", "Samosir", "Agam", "Muba", "Sumut", "Jawa Barat"} <= g.region_names


def test_regions_json_is_what_the_build_script_makes_of_its_list():
    from tools.build_regions import main
    assert main(["--check"]) == 0


def test_weekdays_and_months_in_every_spelling_writers_use():
    weekdays, months = load_glossary().weekday_forms(), load_glossary().month_forms()
    for written in ["Jum'at", "Jum`at", "Jum’at", "JUMAT", "Jumat"]:
        assert weekdays[written.lower()] == "Jumat", written
    assert weekdays["ahad"] == "Minggu"
    assert (months["pebruari"], months["febuari"], months["nopember"], months["agust"], months["sept"],
            months["okt"], months["des"]) == (2, 2, 11, 8, 9, 10, 12)


def test_street_and_building_words_each_live_under_one_key():
    g = load_glossary()
    assert {"Jalan", "Jl.", "Jl", "Jln.", "Gang", "Gg.", "Komplek", "Kompleks", "Komp.", "Perumahan", "Perum", "Kav.",
            "Kavling", "Blok", "RT", "RW", "No.", "Nomor", "Lorong", "Lr.", "Simpang", "Dusun", "Lingkungan"} \
        <= set(g.street_words)
    assert {"Gedung", "Aula", "Pendopo", "Pendapa", "Balai", "Rumah Dinas", "Rumah Jabatan", "Rujab", "Rumdis", "Kantor",
            "Masjid", "Lapangan", "Stadion", "Hotel", "Ruang", "Graha", "Wisma", "Auditorium", "Gelanggang"} \
        <= set(g.data["venue_words"])


def test_honorifics_and_degrees_in_their_spellings_and_names_are_not_honorifics():
    g = load_glossary()
    assert {"H.", "H", "Hj.", "Hj", "KH", "K.H.", "Dr.", "DR.", "dr.", "drg.", "Dra.", "Drs.", "Tgk", "Ustaz", "Ustadz",
            "Habib", "Romo", "Pdt.", "Pastor", "Tuan Guru", "Datuk"} <= set(g.honorifics)
    assert not {"I Gusti", "Ida Bagus", "Teuku", "Cut"} & set(g.honorifics)
    keys = {d.replace(".", "").upper() for d in g.data["degrees"]}
    for written in ["S.Sos", "SE", "S.E.", "MM", "M.M.", "SSTP", "S.STP", "M.Eng", "M.I.Kom", "M.Ikom", "S.I.Kom", "SH",
                    "MH", "SKM", "SKep", "Ners", "Sp.PD", "M.Kes", "AP", "M.AP", "MAP", "SS"]:
        assert written.replace(".", "").upper() in keys, written
    assert len(g.data["degrees"]) == len(set(g.data["degrees"]))


def test_title_words_and_government_bodies_regional_releases_write():
    g = load_glossary()
    forms = g.title_forms
    for written in ["Sekda", "Kadis", "Kabag", "Kabid", "Kasubag", "Camat", "Lurah", "Kepala Desa", "Kepala Kampung",
                    "Wali Nagari", "Kepala Nagari", "Keuchik", "Geuchik", "Pangulu", "Perbekel", "Kuwu", "Petinggi",
                    "Dandim", "Danrem", "Danramil", "Kapolres", "Kapolresta", "Kapolsek", "Kapolda", "Kajari", "Kajati",
                    "Kasdim", "Pangdam", "Danlanal", "Danlanud", "Kakan Kemenag", "Ketua DPRD", "Ketua PN", "Ketua PKK",
                    "Ketua TP PKK"]:
        assert written in forms, written
    assert forms["Kakan Kemenag"] == "Kepala Kantor Kementerian Agama" and forms["Geuchik"] == "Keuchik"
    assert set(g.data["acting_prefixes"]) == {"Plt.", "Plh.", "Pj.", "Pjs."}
    for abbreviation in ["Setda", "Setwan", "Bappeda", "BPBD", "BKPSDM", "Disdukcapil", "Tapem", "Perindag", "Komwil",
                         "DPRD", "Dprd", "Kesbangpol", "DPMPTSP", "Dinkes", "Disdik", "Dishub", "Diskominfo",
                         "Satpol PP", "Kemenag", "Kejari", "Polres", "Kodim", "Koramil", "Lanal", "Lanud"]:
        assert g.organisations.get(abbreviation, "").strip(), abbreviation
    assert g.expansion_to_abbreviation["dewan perwakilan rakyat daerah"] == "DPRD"


def test_words_that_are_never_a_name_on_their_own():
    g = load_glossary()
    assert {"Nomor", "Wakil", "Hari", "Iya", "Rumah", "Staf Ahli", "Perangkat Daerah", "Bapak", "Ibu", "Kepala", "Ketua",
            "Tim", "Para", "Seluruh", "Tapem", "Perindag", "Komwil", "Dprd", "Jumat", "Jalan", "Pendopo"} \
        <= g.not_person_words
    assert not set(g.data["not_person_words"]) & (set(g.honorifics) | set(g.title_forms) | set(g.organisations)), \
        "a word another key holds is not written again"


def test_an_extra_file_merges_over_the_new_keys_too(tmp_path):
    extra = tmp_path / "glossary-extra.json"
    extra.write_text(json.dumps({
        "street_words": ["Jl"], "not_person_words": ["Pokdarwis"], "corps": {"Kal": "Komunikasi dan Elektronika"},
        "province_short_forms": {"Papsel": "Papua Selatan"}, "rank_abbreviations": {"Letkol": "Letnan Kolonel"},
    }), encoding="utf-8")
    g = load_glossary(extra)
    assert g.street_words.count("Jl") == 1 and "Pokdarwis" in g.not_person_words
    assert g.corps["Kal"].startswith("Komunikasi") and g.corps["Inf"] == "Infanteri"
    assert "Papsel" in g.region_names and len(g.data["regencies_and_cities"]) == 514
    assert "Pokdarwis" not in load_glossary().data["not_person_words"]

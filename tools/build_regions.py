"""Build the region keys of press/notes/data/regions.json from the Kemendagri code list.

Input: tools/data/wilayah-kemendagri-2025.tsv (code, name: the 38 provinces and the 514
regencies and cities of Kepmendagri 300.2.2-2138/2025, transcribed from a public
repository, named in the file's header). The short forms and other spellings below are
the ones regional releases and government sites write; each is checked against the list
(an unknown region or a short form shared by two regions stops the build).

Writes ``regencies_and_cities`` ([{name, kind, province, short, spellings}]),
``province_short_forms`` ({short: province}) and adds the list's province names to
``provinces``; every other key of regions.json is kept as it is.

    python tools/build_regions.py            # rewrite regions.json
    python tools/build_regions.py --check    # exit 1 if regions.json is not what the list gives
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "tools" / "data" / "wilayah-kemendagri-2025.tsv"
TARGET = ROOT / "press" / "notes" / "data" / "regions.json"

PREFIXES = (("Kabupaten Administrasi ", "kabupaten"), ("Kota Administrasi ", "kota"),
            ("Kabupaten ", "kabupaten"), ("Kota ", "kota"))
# The list abbreviates one name; the region's law writes it out.
WRITTEN_OUT = {"Kep. Siau Tagulandang Biaro": "Kepulauan Siau Tagulandang Biaro"}

PROVINCE_SHORT_FORMS = {
    "Sumut": "Sumatera Utara", "Sumbar": "Sumatera Barat", "Sumsel": "Sumatera Selatan", "Kepri": "Kepulauan Riau",
    "Babel": "Kepulauan Bangka Belitung", "Kep. Babel": "Kepulauan Bangka Belitung", "Kep. Riau": "Kepulauan Riau",
    "DKI": "Daerah Khusus Ibukota Jakarta", "Jabar": "Jawa Barat",
    "Jateng": "Jawa Tengah", "Jatim": "Jawa Timur", "DIY": "Daerah Istimewa Yogyakarta", "NTB": "Nusa Tenggara Barat",
    "NTT": "Nusa Tenggara Timur", "Kalbar": "Kalimantan Barat", "Kalteng": "Kalimantan Tengah",
    "Kalsel": "Kalimantan Selatan", "Kaltim": "Kalimantan Timur", "Kaltara": "Kalimantan Utara",
    "Sulut": "Sulawesi Utara", "Sulteng": "Sulawesi Tengah", "Sulsel": "Sulawesi Selatan",
    "Sultra": "Sulawesi Tenggara", "Sulbar": "Sulawesi Barat", "Malut": "Maluku Utara", "Pabar": "Papua Barat",
    "PBD": "Papua Barat Daya",
}
# Other names of a province written in releases (older or official long forms).
PROVINCE_SPELLINGS = ["Daerah Khusus Jakarta", "DKI Jakarta", "DI Yogyakarta", "Bangka Belitung", "Jakarta"]

# (kind, name as in the list after the prefix): ([short forms], [other spellings and former names])
REGION_FORMS: dict[tuple[str, str], tuple[list[str], list[str]]] = {
    ("kabupaten", "Aceh Barat Daya"): (["Abdya"], []),
    ("kabupaten", "Aceh Tenggara"): (["Agara"], []),
    ("kabupaten", "Gayo Lues"): (["Galus"], []),
    ("kabupaten", "Pidie Jaya"): (["Pijay"], []),
    ("kabupaten", "Mandailing Natal"): (["Madina"], []),
    ("kabupaten", "Tapanuli Selatan"): (["Tapsel"], []),
    ("kabupaten", "Tapanuli Tengah"): (["Tapteng"], []),
    ("kabupaten", "Tapanuli Utara"): (["Taput"], []),
    ("kabupaten", "Toba"): (["Tobasa"], ["Toba Samosir"]),
    ("kabupaten", "Labuhanbatu"): ([], ["Labuhan Batu"]),
    ("kabupaten", "Labuhanbatu Utara"): (["Labura"], ["Labuhan Batu Utara"]),
    ("kabupaten", "Labuhanbatu Selatan"): (["Labusel"], ["Labuhan Batu Selatan"]),
    ("kabupaten", "Serdang Bedagai"): (["Sergai"], []),
    ("kabupaten", "Padang Lawas Utara"): (["Paluta"], []),
    ("kabupaten", "Padang Lawas"): (["Palas"], []),
    ("kabupaten", "Humbang Hasundutan"): (["Humbahas"], []),
    ("kabupaten", "Batu Bara"): ([], ["Batubara"]),
    ("kabupaten", "Nias Selatan"): (["Nisel"], []),
    ("kota", "Pematangsiantar"): (["Siantar"], ["Pematang Siantar"]),
    ("kota", "Tanjungbalai"): ([], ["Tanjung Balai"]),
    ("kota", "Padangsidimpuan"): ([], ["Padang Sidempuan", "Padangsidempuan"]),
    ("kabupaten", "Lima Puluh Kota"): ([], ["Limapuluh Kota"]),
    ("kabupaten", "Pesisir Selatan"): (["Pessel"], []),
    ("kabupaten", "Kepulauan Mentawai"): (["Mentawai"], []),
    ("kabupaten", "Pasaman Barat"): (["Pasbar"], []),
    ("kabupaten", "Solok Selatan"): (["Solsel"], []),
    ("kota", "Sawahlunto"): ([], ["Sawah Lunto"]),
    ("kabupaten", "Kuantan Singingi"): (["Kuansing"], []),
    ("kabupaten", "Indragiri Hulu"): (["Inhu"], []),
    ("kabupaten", "Indragiri Hilir"): (["Inhil"], []),
    ("kabupaten", "Rokan Hulu"): (["Rohul"], []),
    ("kabupaten", "Rokan Hilir"): (["Rohil"], []),
    ("kabupaten", "Kepulauan Meranti"): (["Meranti"], []),
    ("kabupaten", "Tanjung Jabung Barat"): (["Tanjabbar"], []),
    ("kabupaten", "Tanjung Jabung Timur"): (["Tanjabtim"], []),
    ("kabupaten", "Batanghari"): ([], ["Batang Hari"]),
    ("kabupaten", "Musi Banyuasin"): (["Muba"], []),
    ("kabupaten", "Musi Rawas"): (["Mura"], []),
    ("kabupaten", "Musi Rawas Utara"): (["Muratara"], []),
    ("kabupaten", "Ogan Komering Ilir"): (["OKI"], []),
    ("kabupaten", "Ogan Komering Ulu"): (["OKU"], []),
    ("kabupaten", "Ogan Komering Ulu Timur"): (["OKU Timur", "OKUT"], []),
    ("kabupaten", "Ogan Komering Ulu Selatan"): (["OKU Selatan", "OKUS"], []),
    ("kabupaten", "Penukal Abab Lematang Ilir"): (["PALI"], []),
    ("kabupaten", "Banyuasin"): ([], ["Banyu Asin"]),
    ("kota", "Lubuk Linggau"): ([], ["Lubuklinggau"]),
    ("kota", "Pagar Alam"): ([], ["Pagaralam"]),
    ("kabupaten", "Bengkulu Tengah"): (["Benteng"], []),
    ("kabupaten", "Mukomuko"): ([], ["Muko-Muko"]),
    ("kabupaten", "Lampung Selatan"): (["Lamsel"], []),
    ("kabupaten", "Lampung Tengah"): (["Lamteng"], []),
    ("kabupaten", "Lampung Utara"): (["Lampura"], []),
    ("kabupaten", "Lampung Barat"): (["Lambar"], []),
    ("kabupaten", "Lampung Timur"): (["Lamtim"], []),
    ("kabupaten", "Tulang Bawang"): (["Tuba"], ["Tulangbawang"]),
    ("kabupaten", "Tulang Bawang Barat"): (["Tubaba"], []),
    ("kabupaten", "Pesisir Barat"): (["Pesibar"], []),
    ("kabupaten", "Bangka Barat"): (["Babar"], []),
    ("kabupaten", "Bangka Tengah"): (["Bateng"], []),
    ("kabupaten", "Bangka Selatan"): (["Basel"], []),
    ("kabupaten", "Belitung Timur"): (["Beltim"], []),
    ("kota", "Pangkal Pinang"): ([], ["Pangkalpinang"]),
    ("kabupaten", "Kepulauan Anambas"): (["Anambas"], []),
    ("kota", "Tanjung Pinang"): ([], ["Tanjungpinang"]),
    ("kota", "Jakarta Selatan"): (["Jaksel"], []),
    ("kota", "Jakarta Timur"): (["Jaktim"], []),
    ("kota", "Jakarta Barat"): (["Jakbar"], []),
    ("kota", "Jakarta Utara"): (["Jakut"], []),
    ("kota", "Jakarta Pusat"): (["Jakpus"], []),
    ("kabupaten", "Bandung Barat"): (["KBB"], []),
    ("kota", "Surakarta"): (["Solo"], []),
    ("kota", "Yogyakarta"): (["Yogya", "Jogja"], ["Jogjakarta"]),
    ("kabupaten", "Gunungkidul"): ([], ["Gunung Kidul"]),
    ("kabupaten", "Kulon Progo"): ([], ["Kulonprogo"]),
    ("kota", "Tangerang Selatan"): (["Tangsel"], []),
    ("kabupaten", "Karangasem"): ([], ["Karang Asem"]),
    ("kabupaten", "Lombok Barat"): (["Lobar"], []),
    ("kabupaten", "Lombok Tengah"): (["Loteng"], []),
    ("kabupaten", "Lombok Timur"): (["Lotim"], []),
    ("kabupaten", "Lombok Utara"): (["KLU"], []),
    ("kabupaten", "Sumbawa Barat"): (["KSB"], []),
    ("kabupaten", "Timor Tengah Utara"): (["TTU"], []),
    ("kabupaten", "Timor Tengah Selatan"): (["TTS"], []),
    ("kabupaten", "Sumba Barat Daya"): (["SBD"], []),
    ("kabupaten", "Manggarai Barat"): (["Mabar"], []),
    ("kabupaten", "Manggarai Timur"): (["Matim"], []),
    ("kabupaten", "Flores Timur"): (["Flotim"], []),
    ("kabupaten", "Kayong Utara"): (["KKU"], []),
    ("kabupaten", "Kotawaringin Barat"): (["Kobar"], []),
    ("kabupaten", "Kotawaringin Timur"): (["Kotim"], []),
    ("kabupaten", "Barito Selatan"): (["Barsel"], []),
    ("kabupaten", "Barito Utara"): (["Batara"], []),
    ("kabupaten", "Barito Timur"): (["Bartim"], []),
    ("kabupaten", "Gunung Mas"): (["Gumas"], []),
    ("kabupaten", "Pulang Pisau"): (["Pulpis"], []),
    ("kota", "Palangkaraya"): ([], ["Palangka Raya"]),
    ("kabupaten", "Hulu Sungai Selatan"): (["HSS"], []),
    ("kabupaten", "Hulu Sungai Tengah"): (["HST"], []),
    ("kabupaten", "Hulu Sungai Utara"): (["HSU"], []),
    ("kabupaten", "Tanah Bumbu"): (["Tanbu"], []),
    ("kabupaten", "Tanah Laut"): (["Tala"], []),
    ("kabupaten", "Barito Kuala"): (["Batola"], []),
    ("kabupaten", "Kotabaru"): ([], ["Kota Baru"]),
    ("kota", "Banjarbaru"): ([], ["Banjar Baru"]),
    ("kabupaten", "Kutai Kartanegara"): (["Kukar"], []),
    ("kabupaten", "Kutai Barat"): (["Kubar"], []),
    ("kabupaten", "Kutai Timur"): (["Kutim"], []),
    ("kabupaten", "Penajam Paser Utara"): (["PPU"], []),
    ("kabupaten", "Mahakam Ulu"): (["Mahulu"], ["Mahakam Hulu"]),
    ("kabupaten", "Tana Tidung"): (["KTT"], []),
    ("kabupaten", "Bolaang Mongondow"): (["Bolmong"], []),
    ("kabupaten", "Bolaang Mongondow Timur"): (["Boltim"], []),
    ("kabupaten", "Bolaang Mongondow Selatan"): (["Bolsel"], []),
    ("kabupaten", "Bolaang Mongondow Utara"): (["Bolmut"], []),
    ("kabupaten", "Minahasa Selatan"): (["Minsel"], []),
    ("kabupaten", "Minahasa Utara"): (["Minut"], []),
    ("kabupaten", "Minahasa Tenggara"): (["Mitra"], []),
    ("kabupaten", "Kepulauan Siau Tagulandang Biaro"): (["Sitaro"], []),
    ("kabupaten", "Kepulauan Sangihe"): (["Sangihe"], []),
    ("kabupaten", "Kepulauan Talaud"): (["Talaud"], []),
    ("kabupaten", "Parigi Moutong"): (["Parimo"], []),
    ("kabupaten", "Tojo Una Una"): (["Touna"], ["Tojo Una-Una"]),
    ("kabupaten", "Banggai Kepulauan"): (["Bangkep"], []),
    ("kabupaten", "Banggai Laut"): (["Balut"], []),
    ("kabupaten", "Morowali Utara"): (["Morut"], []),
    ("kabupaten", "Toli-Toli"): ([], ["Tolitoli"]),
    ("kabupaten", "Pangkajene dan Kepulauan"): (["Pangkep"], []),
    ("kabupaten", "Sidenreng Rappang"): (["Sidrap"], []),
    ("kabupaten", "Luwu Utara"): (["Lutra"], []),
    ("kabupaten", "Luwu Timur"): (["Lutim"], []),
    ("kabupaten", "Kepulauan Selayar"): (["Selayar"], []),
    ("kabupaten", "Tana Toraja"): (["Tator"], []),
    ("kabupaten", "Toraja Utara"): (["Torut"], []),
    ("kota", "Parepare"): ([], ["Pare-Pare"]),
    ("kabupaten", "Konawe Selatan"): (["Konsel"], []),
    ("kabupaten", "Konawe Utara"): (["Konut"], []),
    ("kabupaten", "Konawe Kepulauan"): (["Konkep"], []),
    ("kabupaten", "Kolaka Utara"): (["Kolut"], []),
    ("kabupaten", "Kolaka Timur"): (["Koltim"], []),
    ("kabupaten", "Buton Utara"): (["Butur"], []),
    ("kabupaten", "Buton Tengah"): (["Buteng"], []),
    ("kabupaten", "Buton Selatan"): (["Busel"], []),
    ("kabupaten", "Muna Barat"): (["Mubar"], []),
    ("kota", "Bau Bau"): ([], ["Baubau"]),
    ("kabupaten", "Gorontalo Utara"): (["Gorut"], []),
    ("kabupaten", "Bone Bolango"): (["Bonbol"], []),
    ("kabupaten", "Polewali Mandar"): (["Polman"], []),
    ("kabupaten", "Mamuju Tengah"): (["Mateng"], []),
    ("kabupaten", "Pasangkayu"): ([], ["Mamuju Utara"]),
    ("kabupaten", "Maluku Tengah"): (["Malteng"], []),
    ("kabupaten", "Maluku Tenggara"): (["Malra"], []),
    ("kabupaten", "Maluku Barat Daya"): (["MBD"], []),
    ("kabupaten", "Kepulauan Tanimbar"): (["KKT", "Tanimbar"], ["Maluku Tenggara Barat"]),
    ("kabupaten", "Seram Bagian Barat"): (["SBB"], []),
    ("kabupaten", "Seram Bagian Timur"): (["SBT"], []),
    ("kabupaten", "Buru Selatan"): (["Bursel"], []),
    ("kabupaten", "Kepulauan Aru"): (["Aru"], []),
    ("kabupaten", "Halmahera Utara"): (["Halut"], []),
    ("kabupaten", "Halmahera Selatan"): (["Halsel"], []),
    ("kabupaten", "Halmahera Timur"): (["Haltim"], []),
    ("kabupaten", "Halmahera Tengah"): (["Halteng"], []),
    ("kabupaten", "Halmahera Barat"): (["Halbar"], []),
    ("kabupaten", "Kepulauan Sula"): (["Kepsul"], []),
    ("kabupaten", "Pulau Morotai"): (["Morotai"], []),
    ("kabupaten", "Pulau Taliabu"): (["Taliabu"], []),
    ("kota", "Tidore Kepulauan"): (["Tikep"], []),
    ("kabupaten", "Kepulauan Yapen"): (["Yapen"], []),
    ("kabupaten", "Fak Fak"): ([], ["Fakfak"]),
    ("kabupaten", "Manokwari Selatan"): (["Mansel"], []),
    ("kabupaten", "Pegunungan Arfak"): (["Pegaf"], []),
    ("kabupaten", "Pegunungan Bintang"): (["Pegubin"], []),
    ("kabupaten", "Mamberamo Tengah"): (["Mamteng"], []),
    ("kabupaten", "Sorong Selatan"): (["Sorsel"], []),
}


SOURCE_LINE = (
    "Indonesian administrative regions (UU 23/2014 on regional government: provinsi, kabupaten/kota, kecamatan, "
    "kelurahan/desa and local names of the desa level (Kute, the desa of Aceh Tenggara in the Alas language, headed "
    "by a Pengulu Kute: Qanun Aceh Tenggara 22/2010 on the election of the pengulu kute as cited by "
    "acehtenggara.indonesiasatu.co.id, and achehnetwork.com's list of Aceh's names for the village head); Propinsi, the older spelling of Provinsi that Sumba and NTT "
    "government sites still write (sbdkab.go.id); distrik, the kecamatan of Papua under UU 21/2001) "
    "and the compass and qualifier words that end a region's name (Hilir, Hulu, Ilir and Ulu, downstream and "
    "upstream, among them: Mempawah Hilir, Sempatung Hulu, Seberang Ulu, Ogan Ilir). "
    "provinces: the 38 provinces with older and alternative names. regencies_and_cities: the 514 regencies and cities "
    "(416 kabupaten, 98 kota) of Kepmendagri 300.2.2-2138/2025, built by tools/build_regions.py from "
    "tools/data/wilayah-kemendagri-2025.tsv (transcribed from the public repository Scyrptoeth/kode-wilayah-indonesia, "
    "public/data/regencies.json and provinces.json, data of cahyadsn/wilayah), each with the short forms and other "
    "spellings regional releases and government sites write (Muba, Kukar, Jaksel; Labuhan Batu, Baubau). "
    "province_short_forms: Sumut, Jabar, Kaltim, Babel, DIY, and Kep. Babel, Kep. Riau with Kepulauan cut short "
    "(babelprov.go.id)... province_glued_forms: the shorter forms written only "
    "glued to an office (Gubsu, Provsu, Poldasu for Sumatera Utara; Gubri, Wagubri for Riau), as Medan "
    "and Riau outlets write them. region_abbreviations: short forms the editorial region "
    "check reads as the full word (Kab. Bekasi). The notes place finder and the editorial region check read it. "
    "lower_region_abbreviations: the short forms of the province and of the levels under a regency as regional "
    "outlets write them after a title (Kapolsek Kec. Balaesang, Kepala Badan Prov. Sulteng: Metrosulawesi, Kabar "
    "Selebes); the notes extractor reads them and region_abbreviations as region words.")


def read_list(path: Path = SOURCE) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """(province code -> name, [(regency code, name)]) from the TSV."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t"))
    provinces = {r["code"]: r["name"].strip() for r in rows if len(r["code"]) == 2}
    regencies = [(r["code"], r["name"].strip()) for r in rows if len(r["code"]) == 4]
    return provinces, regencies


def split_kind(written: str) -> tuple[str, str]:
    for prefix, kind in PREFIXES:
        if written.startswith(prefix):
            name = written[len(prefix):].strip()
            return kind, WRITTEN_OUT.get(name, name)
    raise ValueError(f"neither Kabupaten nor Kota: {written!r}")


def build(old: dict) -> dict:
    provinces, regencies = read_list()
    entries, unused = [], dict(REGION_FORMS)
    for code, written in regencies:
        kind, name = split_kind(written)
        short, spellings = unused.pop((kind, name), ([], []))
        entries.append({"name": name, "kind": kind, "province": provinces[code[:2]], "short": short,
                        "spellings": spellings})
    if unused:
        raise ValueError(f"short forms for regions not in the list: {sorted(unused)}")
    _check_unique(entries, provinces)
    province_list = list(old.get("provinces", []))
    province_list += [p for p in list(provinces.values()) + PROVINCE_SPELLINGS if p not in province_list]
    unknown = set(PROVINCE_SHORT_FORMS.values()) - set(provinces.values())
    if unknown:
        raise ValueError(f"province short forms of unknown provinces: {sorted(unknown)}")
    data = dict(old)
    data["_source"] = SOURCE_LINE
    data["provinces"] = province_list
    data["province_short_forms"] = PROVINCE_SHORT_FORMS
    data["regencies_and_cities"] = entries
    return data


def _check_unique(entries: list[dict], provinces: dict[str, str]) -> None:
    owner: dict[str, str] = {}
    names = {e["name"] for e in entries} | set(provinces.values())
    for entry in entries:
        for form in entry["short"] + entry["spellings"]:
            if form in names or owner.setdefault(form, entry["name"]) != entry["name"]:
                raise ValueError(f"{form!r} of {entry['name']} is already another region's name or short form")


def dump(data: dict) -> str:
    """regions.json's text: indented like the other data files, one region per line."""
    entries = data["regencies_and_cities"]
    rest = {key: value for key, value in data.items() if key != "regencies_and_cities"}
    head = json.dumps(rest, ensure_ascii=False, indent=1)[:-2]
    lines = ",\n  ".join(json.dumps(e, ensure_ascii=False) for e in entries)
    return f'{head},\n "regencies_and_cities": [\n  {lines}\n ]\n}}\n'


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that regions.json is up to date")
    args = parser.parse_args(argv)
    old = json.loads(TARGET.read_text(encoding="utf-8"))
    text = dump(build(old))
    if args.check:
        current = TARGET.read_text(encoding="utf-8")
        print("regions.json is up to date" if current == text else "regions.json differs from the list")
        return 0 if current == text else 1
    TARGET.write_text(text, encoding="utf-8")
    entries = json.loads(text)["regencies_and_cities"]
    kinds = [e["kind"] for e in entries]
    print(f"{len(entries)} regencies and cities ({kinds.count('kabupaten')} kabupaten, {kinds.count('kota')} kota), "
          f"{len({e['province'] for e in entries})} provinces")
    return 0


if __name__ == "__main__":
    sys.exit(main())

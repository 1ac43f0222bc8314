"""Partners and contracts from CSV: a good file adds them all; a bad one (missing columns,
a duplicate partner, bad numbers or dates, an unknown unit) is refused line by line, and
nothing of it is kept: not from the service, the staff page or the command line."""
from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import func, select

from press.extensions import db
from press.models import Contract, Outlet, Partner
from press.services import partner_import
from press.services.partner_import import ImportRefused

from .helpers import user

HEADER = "media,jenis,situs,badan_hukum,alamat,kontak,telepon,surel,nomor_kontrak,mulai,selesai,nilai,tarif,kuota,unit"
GOOD = (HEADER + "\n"
        "Suara Bekasi,daring,suarabekasi.example.id,PT Suara Bekasi Media,Jl. Agus Salim 1,Ani,0812-1,"
        "redaksi@suarabekasi.example.id,001/PKS/2027,2027-01-01,2027-12-31,\"24.000.000\",Rp 2.000.000,12,Dinkes\n"
        "Bekasi Pos,cetak,,PT Bekasi Pos,Jl. Juanda 2,Budi,0813-2,,002/PKS/2027,01/01/2027,31/12/2027,"
        "36000000,3000000,12,Dinkes|Diskominfostandi\n")


def counts() -> tuple[int, int, int]:
    return tuple(db.session.scalar(select(func.count()).select_from(model)) for model in (Partner, Contract, Outlet))


def test_a_good_file_adds_its_partners_contracts_and_new_outlets(ctx):
    before = counts()
    added = partner_import.import_partners(db.session, user("editor"), GOOD.encode())
    db.session.commit()
    assert [p.name for p in added] == ["Suara Bekasi", "Bekasi Pos"]
    assert counts() == (before[0] + 2, before[1] + 2, before[2] + 2)
    suara = added[0]
    contract = suara.contracts[0]
    assert (suara.outlet.kind, suara.outlet.site_url, suara.legal_name) == ("online", "https://suarabekasi.example.id",
                                                                             "PT Suara Bekasi Media")
    assert (contract.value, contract.rate, contract.quota) == (24_000_000, 2_000_000, 12)
    assert (contract.starts_on, contract.ends_on) == (date(2027, 1, 1), date(2027, 12, 31))
    assert [u.abbreviation for u in contract.units] == ["Dinkes"]
    assert added[1].outlet.kind == "print" and len(added[1].contracts[0].units) == 2


@pytest.mark.parametrize("text, line, words", [
    ("media,badan_hukum,mulai\nX,PT X,2027-01-01\n", 1, "nomor_kontrak, selesai, nilai, tarif, kuota"),
    (GOOD + "Suara Bekasi,daring,,PT Lain,,,,,003/PKS/2027,2027-01-01,2027-12-31,1,1,1,\n", 4,
     "Mitra Suara Bekasi sudah ada di baris 2"),
    (GOOD.replace("\"24.000.000\"", "24 juta"), 2, "kolom nilai: “24 juta” bukan jumlah rupiah"),
    (GOOD.replace("36000000,3000000,12", "36000000,3000000,dua belas"), 3, "kolom kuota: “dua belas”"),
    (GOOD.replace("01/01/2027,31/12/2027", "2027-13-01,31/12/2027"), 3, "kolom mulai: “2027-13-01” bukan tanggal"),
    (GOOD.replace("2027-01-01,2027-12-31", "2027-12-31,2027-01-01"), 2, "tidak boleh berakhir sebelum dimulai"),
    (GOOD.replace("Dinkes|Diskominfostandi", "Dinas Entah"), 3, "unit “Dinas Entah” tidak ada"),
    (GOOD.replace("001/PKS/2027", "002/PKS/2027"), 3, "Nomor kontrak 002/PKS/2027 sudah dipakai"),
    (HEADER + ",warna\nX,daring,,PT X,,,,,9,2027-01-01,2027-12-31,1,1,1,,merah\n", 1, "Kolom tidak dikenal: warna"),
], ids=["missing-columns", "duplicate-in-file", "bad-amount", "bad-quota", "bad-date", "ends-before-start",
        "unknown-unit", "duplicate-contract-number", "unknown-column"])
def test_a_bad_file_is_refused_with_the_line_and_nothing_is_kept(ctx, text, line, words):
    before = counts()
    with pytest.raises(ImportRefused) as refused:
        partner_import.import_partners(db.session, user("editor"), text.encode())
    db.session.rollback()
    texts = [(p.line, p.message % p.params if p.params else p.message) for p in refused.value.problems]
    assert any(number == line and words.lower() in message.lower() for number, message in texts), texts
    assert counts() == before


def test_a_partner_already_registered_is_refused(ctx):
    text = (HEADER + "\nBekasi Hari Ini,daring,,PT Lain,,,,,009/PKS/2027,2027-01-01,2027-12-31,1,1,1,\n").encode()
    with pytest.raises(ImportRefused) as refused:
        partner_import.import_partners(db.session, user("editor"), text)
    assert [(p.line, p.message % p.params) for p in refused.value.problems] == [(2, "Bekasi Hari Ini sudah menjadi mitra.")]


def test_a_file_that_is_not_utf8_text_is_refused(ctx):
    with pytest.raises(ImportRefused) as refused:
        partner_import.import_partners(db.session, user("editor"), "média".encode("utf-16"))
    assert "UTF-8" in refused.value.problems[0].message


def test_the_page_lists_every_problem_by_line_and_keeps_nothing(app, client, auth):
    with app.app_context():
        before = counts()
    auth.login("editor")
    bad = GOOD.replace("\"24.000.000\"", "banyak").replace("01/01/2027,31/12/2027", "kemarin,31/12/2027")
    from io import BytesIO
    response = client.post("/staf/mitra/impor", data={"csrf_token": auth.token("/staf/mitra/"),
                                                       "file": (BytesIO(bad.encode()), "mitra.csv")},
                           content_type="multipart/form-data")
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Baris 2" in page and "“banyak” bukan jumlah rupiah" in page
    assert "Baris 3" in page and "“kemarin” bukan tanggal" in page
    assert "Tidak ada yang disimpan" in page
    with app.app_context():
        assert counts() == before


def test_the_command_imports_and_reports_problems_as_json(app, runner, tmp_path):
    bad = tmp_path / "salah.csv"
    bad.write_text("media,badan_hukum\nX,PT X\n", encoding="utf-8")
    result = runner.invoke(args=["partners", "import", str(bad), "--as", "redaktur@siaran.test", "--json"])
    assert result.exit_code == 1
    assert json.loads(result.stdout.splitlines()[0])["problems"][0]["line"] == 1
    good = tmp_path / "mitra.csv"
    good.write_text(GOOD, encoding="utf-8")
    result = runner.invoke(args=["partners", "import", str(good), "--as", "redaktur@siaran.test", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["imported"] == 2
    listed = runner.invoke(args=["partners", "list", "--json"])
    names = [json.loads(line)["name"] for line in listed.stdout.splitlines()]
    assert {"Suara Bekasi", "Bekasi Pos", "Bekasi Hari Ini"} <= set(names)


def test_a_writer_may_not_import(app, runner, tmp_path):
    good = tmp_path / "mitra.csv"
    good.write_text(GOOD, encoding="utf-8")
    result = runner.invoke(args=["partners", "import", str(good), "--as", "penulis@siaran.test"])
    assert result.exit_code == 1 and "Peran Anda tidak boleh" in result.output

"""Media partners and their contracts imported from a CSV file, all or nothing.

One line per partner and its contract; the columns are in ``COLUMNS`` (and
``docs/partners.md``). Every line is checked, and every problem is reported with its line
number; when there is one, nothing of the file is kept.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from press.codes import OutletKind
from press.errors import N_, ServiceError
from press.models import Partner, User
from press.numbers import parse_int
from press.text import name_key

from . import access
from .partners import ContractData, PartnerData, PartnerError, parse_rupiah, save_contract, save_partner, units_by_name

REQUIRED = ("media", "badan_hukum", "nomor_kontrak", "mulai", "selesai", "nilai", "tarif", "kuota")
OPTIONAL = ("jenis", "situs", "alamat", "kontak", "telepon", "surel", "unit", "tenggat_hari", "toleransi_hari")
COLUMNS = REQUIRED + OPTIONAL
MAX_LINES = 2000
MAX_BYTES = 2 * 1024 * 1024
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y")
KIND_WORDS = {"daring": OutletKind.ONLINE, "online": OutletKind.ONLINE, "cetak": OutletKind.PRINT,
              "print": OutletKind.PRINT, "tv": OutletKind.TV, "televisi": OutletKind.TV, "radio": OutletKind.RADIO,
              "media sosial": OutletKind.SOCIAL, "sosial": OutletKind.SOCIAL, "social": OutletKind.SOCIAL}


@dataclass(frozen=True)
class Problem:
    """What is wrong on one line of the file (line 1 is the header)."""

    line: int
    message: str
    params: dict


class ImportRefused(ServiceError):
    """The file was not imported; ``problems`` says what is wrong on which line."""

    def __init__(self, problems: list[Problem]):
        super().__init__(N_("Berkas tidak diimpor: %(count)d masalah. Tidak ada yang disimpan."),
                         count=len(problems))
        self.problems = problems


class _LineError(Exception):
    def __init__(self, message: str, **params):
        self.message, self.params = message, params


def _date(value: str, column: str) -> date:
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(value.strip(), pattern).date()
        except ValueError:
            continue
    raise _LineError(N_("Kolom %(column)s: “%(value)s” bukan tanggal; tulis 2026-01-31 atau 31/01/2026."),
                     column=column, value=value)


def _rupiah(value: str, column: str) -> int:
    amount = parse_rupiah(value)
    if amount is None:
        raise _LineError(N_("Kolom %(column)s: “%(value)s” bukan jumlah rupiah; tulis misalnya 15000000 atau "
                            "15.000.000."), column=column, value=value)
    return amount


def _count(value: str, column: str, default: int | None, high: int) -> int:
    if not value.strip() and default is not None:
        return default
    number = parse_int(value, low=0, high=high)
    if number is None:
        raise _LineError(N_("Kolom %(column)s: “%(value)s” bukan bilangan bulat 0 sampai %(high)d."),
                         column=column, value=value, high=high)
    return number


def _rows(data: bytes) -> tuple[list[str], list[tuple[int, dict]]]:
    if len(data) > MAX_BYTES:
        raise ImportRefused([Problem(0, N_("Berkas lebih besar dari %(mb)d MB."), {"mb": MAX_BYTES // 1024 // 1024})])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRefused([Problem(0, N_("Berkas bukan teks UTF-8; simpan dari lembar kerja sebagai "
                                           "“CSV UTF-8”."), {})]) from None
    first = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";" if first.count(";") > first.count(",") else ",")
    try:
        lines = [row for row in reader]
    except csv.Error as exc:
        raise ImportRefused([Problem(reader.line_num, N_("Baris ini tidak terbaca sebagai CSV: %(reason)s."),
                                     {"reason": str(exc)})]) from None
    if not lines or not any(cell.strip() for cell in lines[0]):
        raise ImportRefused([Problem(1, N_("Berkas kosong: baris pertama harus memuat nama kolom."), {})])
    header = [cell.strip().lower() for cell in lines[0]]
    problems = []
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        problems.append(Problem(1, N_("Kolom yang wajib tidak ada: %(columns)s."), {"columns": ", ".join(missing)}))
    unknown = [name for name in header if name and name not in COLUMNS]
    if unknown:
        problems.append(Problem(1, N_("Kolom tidak dikenal: %(columns)s. Kolom yang dikenal: %(known)s."),
                                {"columns": ", ".join(unknown), "known": ", ".join(COLUMNS)}))
    repeated = sorted({name for name in header if name and header.count(name) > 1})
    if repeated:
        problems.append(Problem(1, N_("Kolom ditulis dua kali: %(columns)s."), {"columns": ", ".join(repeated)}))
    if problems:
        raise ImportRefused(problems)
    rows = []
    for number, cells in enumerate(lines[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > len(header):
            problems.append(Problem(number, N_("Baris ini punya %(found)d kolom, kepala berkas %(expected)d."),
                                    {"found": len(cells), "expected": len(header)}))
            continue
        rows.append((number, {name: (cells[i] if i < len(cells) else "").strip() for i, name in enumerate(header)}))
    if len(rows) > MAX_LINES:
        problems.append(Problem(0, N_("Berkas memuat lebih dari %(n)d baris."), {"n": MAX_LINES}))
    if not rows and not problems:
        problems.append(Problem(2, N_("Berkas tidak memuat satu mitra pun."), {}))
    if problems:
        raise ImportRefused(problems)
    return header, rows


def _line(row: dict, units: dict) -> tuple[PartnerData, ContractData]:
    kind = row.get("jenis", "").lower() or OutletKind.ONLINE.value
    if kind not in KIND_WORDS and kind not in set(OutletKind):
        raise _LineError(N_("Kolom jenis: “%(value)s” tidak dikenal; tulis daring, cetak, tv, radio atau "
                            "media sosial."), value=row["jenis"])
    unit_ids = []
    for name in filter(None, (part.strip() for part in row.get("unit", "").split("|"))):
        unit = units.get(name.lower())
        if unit is None:
            raise _LineError(N_("Kolom unit: unit “%(value)s” tidak ada."), value=name)
        unit_ids.append(unit.id)
    partner = PartnerData(outlet_name=row["media"], legal_name=row["badan_hukum"],
                          outlet_kind=KIND_WORDS.get(kind, kind), site_url=row.get("situs") or None,
                          address=row.get("alamat", ""), contact_name=row.get("kontak", ""),
                          contact_phone=row.get("telepon", ""), contact_email=row.get("surel", ""))
    contract = ContractData(number=row["nomor_kontrak"], starts_on=_date(row["mulai"], "mulai"),
                            ends_on=_date(row["selesai"], "selesai"), value=_rupiah(row["nilai"], "nilai"),
                            rate=_rupiah(row["tarif"], "tarif"), quota=_count(row["kuota"], "kuota", None, 100_000),
                            unit_ids=unit_ids, due_days=_count(row.get("tenggat_hari", ""), "tenggat_hari", 3, 366),
                            tolerance_days=_count(row.get("toleransi_hari", ""), "toleransi_hari", 3, 366))
    return partner, contract


def import_partners(session: Session, actor: User | None, data: bytes) -> list[Partner]:
    """Add the partners and contracts of the CSV ``data``; :class:`ImportRefused` with every
    line's problems (and nothing added) when anything is wrong."""
    access.require_user(session, actor, "partner.edit", error=PartnerError)
    _header, rows = _rows(data)
    units = units_by_name(session)
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    added: list[Partner] = []
    outer = session.begin_nested()
    for number, row in rows:
        key = name_key(row.get("media", ""))
        if key and key in seen:
            problems.append(Problem(number, N_("Mitra %(name)s sudah ada di baris %(line)d."),
                                    {"name": row["media"], "line": seen[key]}))
            continue
        seen.setdefault(key, number)
        line = session.begin_nested()
        try:
            partner_data, contract_data = _line(row, units)
            partner = save_partner(session, actor, partner_data)
            save_contract(session, actor, partner, contract_data)
        except _LineError as exc:
            line.rollback()
            problems.append(Problem(number, exc.message, exc.params))
        except ServiceError as exc:
            line.rollback()
            problems.append(Problem(number, exc.message, dict(exc.params)))
        else:
            line.commit()
            added.append(partner)
    if problems:
        outer.rollback()
        raise ImportRefused(problems)
    outer.commit()
    return added

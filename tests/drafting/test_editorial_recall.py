"""The language checks on real slips, and on correct text.

``slips/real-slips*.md`` list slips read in public releases. Round 1's list
(``real-slips.md``, 99 rows from 38 releases) held every third row back, round 2's
(``real-slips-2.md``, 155 rows from 70 releases), round 3's (``real-slips-3.md``, 87 rows
from 49 releases), round 4's (``real-slips-4.md``, 107 rows from 45 releases), round 5's
(``real-slips-5.md``, 150 rows from 62 releases), round 6's (``real-slips-6.md``, 187 rows
from 82 releases), round 7's (``real-slips-7.md``, 180 rows from 79 releases), round 8's
(``real-slips-8.md``, 209 rows from 96 releases), round 9's (``real-slips-9.md``, 277 rows from
113 releases), round 10's (``real-slips-10.md``, 168 rows from 52 releases), round 11's
(``real-slips-11.md``, 187 rows from 75 releases), round 12's (``real-slips-12.md``, 156 rows from
76 releases), round 13's (``real-slips-13.md``, 89 rows from 50 releases) and round 14's
(``real-slips-14.md``, 123 rows from 51 releases), round 15's (``real-slips-15.md``, 104 rows from
37 releases), round 16's (``real-slips-16.md``, 163 rows from 41 releases), round 17's
(``real-slips-17.md``, 134 rows from 50 releases), round 18's (``real-slips-18.md``, 104 rows from
45 releases), round 19's (``real-slips-19.md``, 90 rows from 39 releases) and round 20's
(``real-slips-20.md``, 124 rows from 39 releases) held every row back; their
held-back figures are recorded (``docs/benchmarks.md``, ``ROUND_TWO_HELD_BACK`` to
``ROUND_TWENTY_HELD_BACK``) and the twenty lists are now tuning material
(``Status: tuning``): every family with at least three seedable rows keeps its recall of today
(``TUNING_TODAY``) less two points, and the caught slips' replacements keep their share written right
(``REPLACEMENTS_RIGHT_TODAY``). Rows a later round found to record no slip are withdrawn (kept, never
seeded). Round 21's list (``real-slips-21.md``, 111 rows from 43 releases) holds every row back and
is open: its figures are in ``HELD_BACK_AT_FREEZE``. A later
list with held-back rows is measured as it is, with no change to the code, once; its figures are
recorded in ``HELD_BACK_AT_FREEZE`` and guarded while the list is open. The correct releases draw
at most one finding of the new checks per 1,000 words.
"""
from __future__ import annotations

import pytest

from tests.drafting.slips import seeding

MIN_ROWS = 3


def _measured(recall) -> dict[str, tuple[int, int]]:
    return {family: (caught, seeded) for family, (caught, seeded, _unseedable) in recall.items() if seeded >= MIN_ROWS}


#: Recall on the tuning slips (all twenty lists) measured on 3 Dec 2026 at round 21's freeze (at its start, after
#: its bug fixes: spelling 1,164/1,654, the rest the same; round 20's freeze on nineteen lists: spelling
#: 1,119/1,547, di_prefix 322/335, foreign 329/353, number 295/301): a change may lose at most MARGIN of a
#: family's figure (the benchmark's target, 0.9, sits under them).
TUNING_TODAY = {"di_prefix": (328, 341), "foreign": (334, 358), "number": (300, 307), "spelling": (1175, 1654),
                "time": (196, 196)}
MARGIN = 0.02


def test_recall_on_the_tuning_slips_of_each_family():
    measured = _measured(seeding.recall(held=False))
    assert set(measured) == set(TUNING_TODAY)
    for family, (caught, seeded) in measured.items():
        floor = TUNING_TODAY[family][0] / TUNING_TODAY[family][1] - MARGIN
        assert caught / seeded >= floor, f"{family}: {caught}/{seeded}, today {TUNING_TODAY[family]}"


#: Caught slips of the tuning lists whose findings, applied, write the standard form back
#: (``seeding.fixed_right``), measured on 3 Dec 2026 at round 16's freeze (1,598 of 1,936 before the
#: round's replacement fixes, 1,636 of 1,936 after them, 1,654 of 1,954 at the freeze): a change may
#: lose at most MARGIN of the share (1,700 of 2,011 at round 17's start, round 16's list tuning; 1,729 of
#: 2,042 at round 17's freeze; 1,787 of 2,109 at round 18's start, round 17's list tuning; 1,802 of 2,124 at
#: round 18's freeze; 1,838 of 2,172 at round 19's start, round 18's list tuning; 1,841 of 2,172 at round
#: 19's freeze; 1,890 of 2,227 at round 20's start, round 19's list tuning, 1,896 of 2,230 after its bug
#: fixes; 1,928 of 2,261 at round 20's freeze; 1,982 of 2,322 at round 21's start, round 20's list tuning,
#: 1,984 of 2,322 after its bug fixes; 1,994 of 2,333 at round 21's freeze).
#: A wrong replacement is worse than a miss, since "Terapkan semua"
#: writes it into the release. An open list's rows are left out, as its recall is: its share is
#: measured once, with its recall (round 16's list: 46 of 57 caught; round 17's: 58 of 67; round 18's: 36 of 48; round 19's: 49 of 55; round 20's: 54 of 61; round 21's: 50 of 61), and a list opened later with
#: poorer replacements must not fail this guard without a change of code.
REPLACEMENTS_RIGHT_TODAY = (1994, 2333)


def test_replacements_of_caught_slips_write_the_standard_form():
    right, caught, _ = seeding.replacements(False)
    floor = REPLACEMENTS_RIGHT_TODAY[0] / REPLACEMENTS_RIGHT_TODAY[1] - MARGIN
    assert right / caught >= floor, f"{right}/{caught} right, today {REPLACEMENTS_RIGHT_TODAY}"


#: Each open list's held-back recall, measured once when its rows were first run against
#: rules frozen without them. The figures are final; the test fails when a later change loses
#: more than two points of any of them. The target of 0.9 per family is the benchmark's.
#: Round 20's list (real-slips-20.md) is tuning material since round 21 (its figures are in
#: ROUND_TWENTY_HELD_BACK). Round 21's list (all 111 rows held back) was run once against the rules
#: frozen at 2ae585d; its di_prefix (1 of 2) and time (1 of 1) rows are under MIN_ROWS.
HELD_BACK_AT_FREEZE: dict[str, dict[str, tuple[int, int]]] = {
    "real-slips-21.md": {"foreign": (4, 4), "number": (8, 8), "spelling": (47, 96)},
}

#: Round 2's held-back recall (all 155 rows, against the rules frozen at 3a30648), measured
#: once; the list is tuning material since round 3.
ROUND_TWO_HELD_BACK = {"di_prefix": (22, 24), "foreign": (4, 14), "number": (30, 40), "spelling": (11, 38),
                       "time": (14, 15)}

#: Round 3's held-back recall (all 87 rows, against the rules frozen at febb456), measured
#: once; the list is tuning material since round 4.
ROUND_THREE_HELD_BACK = {"di_prefix": (6, 10), "foreign": (7, 13), "number": (13, 17), "spelling": (16, 34),
                         "time": (11, 13)}

#: Round 4's held-back recall (all 107 rows, against the rules frozen at 203f698; the same at
#: 7078924, whose later changes are speed only), measured once; the list is tuning material
#: since round 5.
ROUND_FOUR_HELD_BACK = {"di_prefix": (12, 12), "foreign": (14, 20), "number": (11, 13), "spelling": (26, 49),
                        "time": (12, 13)}


#: Round 5's held-back recall (all 150 rows, against the rules frozen at c9567ff; the same at
#: a1d0070, whose later changes are speed only), measured once; the list is tuning material
#: since round 6.
ROUND_FIVE_HELD_BACK = {"di_prefix": (14, 17), "foreign": (20, 25), "number": (15, 17), "spelling": (45, 73),
                        "time": (13, 18)}


#: Round 6's held-back recall (all 187 rows, against the rules frozen at 23c7b92), measured
#: once; the list is tuning material since round 7.
ROUND_SIX_HELD_BACK = {"di_prefix": (15, 18), "foreign": (22, 24), "number": (20, 21), "spelling": (53, 105),
                       "time": (14, 19)}


#: Round 7's held-back recall (all 180 rows, against the rules frozen at c0adbf1), measured
#: once; the list is tuning material since round 8.
ROUND_SEVEN_HELD_BACK = {"di_prefix": (19, 25), "foreign": (13, 23), "number": (18, 18), "spelling": (59, 99),
                         "time": (15, 15)}


#: Round 8's held-back recall (all 209 rows, against the rules frozen at fda3a11), measured
#: once; the list is tuning material since round 9.
ROUND_EIGHT_HELD_BACK = {"di_prefix": (22, 29), "foreign": (17, 24), "number": (20, 21), "spelling": (83, 120),
                         "time": (12, 15)}


#: Round 9's held-back recall (all 277 rows, against the rules frozen at 8ff66aa), measured
#: once; the list is tuning material since round 10.
ROUND_NINE_HELD_BACK = {"di_prefix": (36, 45), "foreign": (25, 33), "number": (17, 20), "spelling": (107, 164),
                        "time": (14, 15)}


#: Round 10's held-back recall (all 168 rows, against the rules frozen at aebcebe), measured
#: once; the list is tuning material since round 11.
ROUND_TEN_HELD_BACK = {"di_prefix": (16, 20), "foreign": (13, 19), "number": (18, 25), "spelling": (53, 87),
                       "time": (17, 17)}


#: Round 11's held-back recall (all 187 rows, against the rules frozen at 9104915), measured
#: once; the list is tuning material since round 12.
ROUND_ELEVEN_HELD_BACK = {"di_prefix": (21, 26), "foreign": (17, 24), "number": (21, 23), "spelling": (55, 93),
                          "time": (20, 21)}


#: Round 12's held-back recall (all 156 rows, against the rules frozen at 23448f7), measured
#: once; the list is tuning material since round 13.
ROUND_TWELVE_HELD_BACK = {"di_prefix": (20, 24), "foreign": (12, 19), "number": (14, 21), "spelling": (46, 74),
                          "time": (17, 18)}


#: Round 13's held-back recall (all 89 rows, against the rules frozen at ca0a805), measured
#: once; the list is tuning material since round 14.
ROUND_THIRTEEN_HELD_BACK = {"di_prefix": (13, 14), "foreign": (12, 17), "number": (12, 16), "spelling": (13, 32),
                            "time": (8, 10)}


#: Round 14's held-back recall (all 123 rows, against the rules frozen at 85b3f43), measured
#: once; the list is tuning material since round 15.
ROUND_FOURTEEN_HELD_BACK = {"di_prefix": (10, 10), "foreign": (7, 9), "number": (7, 16), "spelling": (44, 84),
                            "time": (3, 4)}


#: Round 15's held-back recall (all 104 rows, against the rules frozen at 4db004c; no time row),
#: measured once; the list is tuning material since round 16.
ROUND_FIFTEEN_HELD_BACK = {"di_prefix": (8, 13), "foreign": (9, 12), "number": (2, 3), "spelling": (31, 76)}


#: Round 16's held-back recall (all 163 rows, against the rules frozen at 0f8f0c5; no time row),
#: measured once; the list is tuning material since round 17.
ROUND_SIXTEEN_HELD_BACK = {"di_prefix": (2, 2), "foreign": (4, 5), "number": (6, 6), "spelling": (45, 150)}


#: Round 17's held-back recall (all 134 rows, against the rules frozen at ca5d128; its two time rows,
#: both caught, under MIN_ROWS), measured once; the list is tuning material since round 18.
ROUND_SEVENTEEN_HELD_BACK = {"di_prefix": (6, 7), "foreign": (10, 12), "number": (5, 7), "spelling": (44, 106),
                             "time": (2, 2)}


#: Round 18's held-back recall (all 104 rows, against the rules frozen at 74e6dec; no time row), measured
#: once; the list is tuning material since round 19.
ROUND_EIGHTEEN_HELD_BACK = {"di_prefix": (6, 7), "foreign": (10, 13), "number": (3, 5), "spelling": (29, 79)}


#: Round 19's held-back recall (all 90 rows, against the rules frozen at dc1e169; its one time row,
#: caught, under MIN_ROWS), measured once; the list is tuning material since round 20.
ROUND_NINETEEN_HELD_BACK = {"di_prefix": (9, 10), "foreign": (3, 3), "number": (9, 9), "spelling": (33, 67),
                            "time": (1, 1)}


#: Round 20's held-back recall (all 124 rows, against the rules frozen at df72941; no time row), measured
#: once; the list is tuning material since round 21.
ROUND_TWENTY_HELD_BACK = {"di_prefix": (6, 6), "foreign": (5, 5), "number": (5, 6), "spelling": (45, 107)}


def _open_lists():
    return [path for path in seeding.slip_lists() if any(slip.held for slip in seeding.slips(path))]


def test_every_open_list_has_its_held_back_figures_recorded():
    assert {path.name for path in _open_lists()} == set(HELD_BACK_AT_FREEZE)


def test_held_back_recall_of_every_open_list_does_not_fall_under_its_figure_at_freeze():
    for path in _open_lists():
        at_freeze = HELD_BACK_AT_FREEZE[path.name]
        measured = _measured(seeding.recall(True, path))
        assert set(measured) == set(at_freeze), path.name
        for family, (caught, seeded) in measured.items():
            floor = at_freeze[family][0] / at_freeze[family][1] - MARGIN
            assert caught / seeded >= floor, f"{path.name} {family}: {caught}/{seeded}, at freeze {at_freeze[family]}"


def test_round_one_is_tuning_material_and_its_held_back_rows_stay_recorded():
    rows = seeding.slips(seeding.HERE / "real-slips.md")
    assert len(rows) == 99 and not any(slip.held for slip in rows)
    text = (seeding.HERE / "real-slips.md").read_text(encoding="utf-8")
    held_column = [line.split("|")[6].strip() for line in text.splitlines() if line.startswith("| ") and
                   line.split("|")[1].strip().isdigit()]
    assert [i + 1 for i, cell in enumerate(held_column) if cell == "yes"] == list(range(3, 100, 3))


def test_round_two_is_tuning_material_and_its_held_back_rows_stay_recorded():
    path = seeding.HERE / "real-slips-2.md"
    rows = seeding.slips(path)
    assert len(rows) == 155 and not any(slip.held for slip in rows)
    held_column = [line.split("|")[6].strip() for line in path.read_text(encoding="utf-8").splitlines()
                   if line.startswith("| ") and line.split("|")[1].strip().isdigit()]
    assert held_column == ["yes"] * 155
    assert sum(seeded for _caught, seeded in ROUND_TWO_HELD_BACK.values()) == 131


@pytest.mark.parametrize("name, count, figures", [
    ("real-slips-3.md", 87, ROUND_THREE_HELD_BACK), ("real-slips-4.md", 107, ROUND_FOUR_HELD_BACK),
    ("real-slips-5.md", 150, ROUND_FIVE_HELD_BACK), ("real-slips-6.md", 187, ROUND_SIX_HELD_BACK),
    ("real-slips-7.md", 180, ROUND_SEVEN_HELD_BACK), ("real-slips-8.md", 209, ROUND_EIGHT_HELD_BACK),
    ("real-slips-9.md", 277, ROUND_NINE_HELD_BACK), ("real-slips-10.md", 168, ROUND_TEN_HELD_BACK),
    ("real-slips-11.md", 187, ROUND_ELEVEN_HELD_BACK), ("real-slips-12.md", 156, ROUND_TWELVE_HELD_BACK),
    ("real-slips-13.md", 89, ROUND_THIRTEEN_HELD_BACK), ("real-slips-14.md", 123, ROUND_FOURTEEN_HELD_BACK),
    ("real-slips-15.md", 104, ROUND_FIFTEEN_HELD_BACK), ("real-slips-16.md", 163, ROUND_SIXTEEN_HELD_BACK),
    ("real-slips-17.md", 134, ROUND_SEVENTEEN_HELD_BACK), ("real-slips-18.md", 104, ROUND_EIGHTEEN_HELD_BACK),
    ("real-slips-19.md", 90, ROUND_NINETEEN_HELD_BACK), ("real-slips-20.md", 124, ROUND_TWENTY_HELD_BACK),
])
def test_a_closed_round_is_tuning_material_and_its_held_back_rows_stay_recorded(name, count, figures):
    path = seeding.HERE / name
    rows = seeding.slips(path)
    assert len(rows) == count and not any(slip.held for slip in rows)
    held_column = [line.split("|")[6].strip() for line in path.read_text(encoding="utf-8").splitlines()
                   if line.startswith("| ") and line.split("|")[1].strip().isdigit()]
    assert held_column == ["yes"] * count
    families = {}
    for slip in rows:
        family = WITHDRAWN_ROWS.get((name, slip.number)) or REFILED_ROWS.get((name, slip.number), slip.family)
        families[family] = families.get(family, 0) + 1
    assert {family: seeded for family, (_caught, seeded) in figures.items()} == families


#: Rows withdrawn in round 12 (the word "sampai" between two clock times is standard) and round 20 (an
#: amount partly in words with "rupiah" after it, "25 juta rupiah", is standard), with the family their
#: list's held-back figures counted them in.
WITHDRAWN_ROWS = {("real-slips-4.md", 2): "time", ("real-slips-5.md", 4): "time", ("real-slips-5.md", 10): "time",
                  ("real-slips-7.md", 29): "number"}

#: Rows refiled in round 14 by the family rule for loans (docs/benchmarks.md, "Editorial checks",
#: Method: an English word kept in its English spelling is foreign, a misspelt loan whose fix is its
#: KBBI spelling is spelling), with the family their list's held-back figures counted them in.
REFILED_ROWS = {
    **{(name, number): "spelling" for name, numbers in (
        ("real-slips.md", (12, 25, 72, 80, 84)), ("real-slips-2.md", (68, 70, 71, 73, 76, 98)),
        ("real-slips-3.md", (53,)), ("real-slips-4.md", (52, 54)), ("real-slips-5.md", (73, 74, 99)),
        ("real-slips-6.md", (87, 114)), ("real-slips-7.md", (62, 99, 106, 123)),
        ("real-slips-8.md", (51, 55, 81, 89, 107, 111)), ("real-slips-9.md", (103, 109, 121, 138, 154)))
       for number in numbers},
    **{(name, number): "foreign" for name, numbers in (
        ("real-slips-3.md", (87,)), ("real-slips-5.md", (134,)), ("real-slips-11.md", (170,)),
        ("real-slips-13.md", (73, 79)))
       for number in numbers},
}


def test_a_refiled_row_has_the_family_the_rule_gives_it():
    families = {(slip.source, slip.number): slip.family for slip in seeding.slips()}
    assert len(REFILED_ROWS) == 39
    assert all(families[row] != measured for row, measured in REFILED_ROWS.items())


def test_a_withdrawn_row_is_kept_in_its_list_and_never_seeded(tmp_path, monkeypatch):
    rows = [slip for slip in seeding.slips() if slip.family == seeding.WITHDRAWN]
    assert {(slip.source, slip.number) for slip in rows} == set(WITHDRAWN_ROWS)
    listed = tmp_path / "real-slips-2.md"
    listed.write_text("**Status**: tuning.\n\n| # | written | standard | family | rule | held | source |\n"
                      "| --- | --- | --- | --- | --- | --- | --- |\n"
                      "| 1 | pukul 10.00 sampai 12.00 WIB | pukul 10.00–12.00 WIB | withdrawn | EYD V | yes | x |\n"
                      "| 2 | Walikota | Wali Kota | spelling | EYD V | yes | x |\n", encoding="utf-8")
    monkeypatch.setattr(seeding, "HERE", tmp_path)
    monkeypatch.setattr(seeding, "correct_releases",
                        lambda: [("Judul", "Wali Kota membuka loket pukul 10.00–12.00 WIB.")])
    assert seeding.recall(False) == {"spelling": (1, 1, 0)}


def test_a_new_list_with_held_back_rows_is_measured_without_code_changes(tmp_path, monkeypatch):
    listed = tmp_path / "real-slips-2.md"
    listed.write_text("| # | written | standard | family | rule | held | source |\n| --- | --- | --- | --- | --- | --- | --- |\n"
                      "| 1 | Walikota | Wali Kota | spelling | EYD V | yes | x |\n"
                      "| 2 | jam 9 | pukul 09.30 | time | EYD V | no | x |\n", encoding="utf-8")
    monkeypatch.setattr(seeding, "HERE", tmp_path)
    monkeypatch.setattr(seeding, "correct_releases", lambda: [("Judul", "Wali Kota hadir pukul 09.30 WIB.")])
    assert seeding.recall(True) == {"spelling": (1, 1, 0)}
    assert seeding.recall(False) == {"time": (1, 1, 0)}


def test_false_alarms_on_correct_releases():
    count, words = seeding.false_alarms()
    assert words >= 2000
    assert count * 1000 / words <= 1


def test_a_slip_in_letter_case_only_is_seeded_as_written():
    slip = seeding.Slip(1, "sabtu", "Sabtu", "spelling", True)
    title, body, start, end = seeding.seed(slip, [("Judul", "Layanan buka pada Sabtu pagi.")])
    assert body == "Layanan buka pada sabtu pagi." and body[start:end] == "sabtu"

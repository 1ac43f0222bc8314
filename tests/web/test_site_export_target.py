"""``flask site export FOLDER`` replaces FOLDER whole, so it only writes into a new or empty
folder or a previous export of its own; anything else is refused and left untouched."""
from __future__ import annotations

from pathlib import Path

import pytest

from press.cli.site import MARKER


@pytest.fixture
def out(tmp_path) -> Path:
    """A parent folder of its own (the app's database lives in ``tmp_path``)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def export(runner, folder) -> object:
    return runner.invoke(args=["site", "export", str(folder)])


def tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def assert_refused_untouched(result, parent: Path, before: dict[str, bytes]) -> None:
    assert result.exit_code == 1, result.output
    assert "nothing was written" in result.output
    assert "Traceback" not in result.output
    assert tree(parent) == before, "the refused export changed files"
    assert not [p.name for p in parent.iterdir() if p.name.startswith((".export-", ".old-export-"))]


def test_a_folder_holding_other_files_is_refused_and_kept(runner, out):
    folder = out / "laporan"
    (folder / "2021").mkdir(parents=True)
    (folder / "catatan.txt").write_text("jangan dihapus")
    (folder / "2021" / "foto.jpg").write_bytes(b"\xff\xd8 bukan situs")
    before = tree(out)
    result = export(runner, folder)
    assert_refused_untouched(result, out, before)
    assert "is not empty and is not a previous Siaran export" in result.output


def test_the_repository_folder_is_refused(runner, out, monkeypatch):
    checkout = out / "siaran"
    (checkout / "instance").mkdir(parents=True)
    (checkout / "instance" / "siaran.db").write_bytes(b"SQLite format 3\x00")
    (checkout / "media_store" / "originals").mkdir(parents=True)
    (checkout / "media_store" / "originals" / "ab.jpg").write_bytes(b"\xff\xd8")
    before = tree(out)
    monkeypatch.chdir(checkout)
    result = export(runner, ".")
    assert_refused_untouched(result, out, before)


def test_a_file_instead_of_a_folder_is_refused(runner, out):
    target = out / "situs.html"
    target.write_text("<p>halaman lain</p>")
    before = tree(out)
    result = export(runner, target)
    assert_refused_untouched(result, out, before)
    assert "is a file, not a folder" in result.output


@pytest.mark.parametrize("existing", [True, False], ids=["empty", "missing"])
def test_an_empty_or_missing_folder_gets_the_export_with_its_marker(runner, out, existing):
    folder = out / "situs"
    if existing:
        folder.mkdir()
    result = export(runner, folder)
    assert result.exit_code == 0, result.output
    assert (folder / "index.html").is_file() and (folder / "feed.xml").is_file()
    assert "flask site export" in (folder / MARKER).read_text()


def test_a_previous_export_is_replaced_whole(runner, out):
    folder = out / "situs"
    assert export(runner, folder).exit_code == 0
    (folder / "siaran" / "siaran-lama").mkdir(parents=True)
    (folder / "siaran" / "siaran-lama" / "index.html").write_text("ditarik sejak ekspor lalu")
    result = export(runner, folder)
    assert result.exit_code == 0, result.output
    assert not (folder / "siaran" / "siaran-lama").exists()
    assert (folder / "index.html").is_file() and (folder / MARKER).is_file()
    assert sorted(p.name for p in out.iterdir()) == ["situs"]

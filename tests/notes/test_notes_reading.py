"""Reading notes: fixture documents, encodings, markdown, docx order, refusals."""

import codecs
import io
import zipfile
from pathlib import Path

import docx
import pytest

from press.notes.reading import NoteRefused, decode_text, read_note, read_note_file, read_typed, strip_markdown
SHARED = Path(__file__).resolve().parents[2].parent / "shared"
CORPUS = Path(__file__).resolve().parent / "corpus"

DOCS = SHARED / "fixtures" / "docs"
REFUSED = {"strict.docx": "strict_ooxml", "~$xample.docx": "lock_file"}
ACCEPTED_FIRST_LINE = {
    "zen_of_python.docx": "Beautiful is better than ugly.",
    "paragraphs_and_tables.docx": "This document has paragraphs.",
    "slanted_quotes.docx": "“double quote”",
    "libreoffice_conversion.docx": "东阳八婺招标代理有限公司关于东阳市歌山镇农贸市场经营管理权项目",
    "having-images.docx": None,
}


def test_every_fixture_document_has_an_expected_outcome():
    assert {p.name for p in DOCS.iterdir()} == set(REFUSED) | set(ACCEPTED_FIRST_LINE)


@pytest.mark.parametrize("name,code", sorted(REFUSED.items()))
def test_fixture_document_that_is_not_a_usable_docx_is_refused_with_its_code(name, code):
    with pytest.raises(NoteRefused) as refused:
        read_note_file(DOCS / name)
    assert refused.value.code == code
    assert name in refused.value.message


@pytest.mark.parametrize("name,first", sorted(ACCEPTED_FIRST_LINE.items(), key=lambda kv: kv[0]))
def test_fixture_document_that_is_a_docx_gives_its_text(name, first):
    note = read_note_file(DOCS / name)
    assert note.kind == "docx"
    if first is None:
        assert note.text == ""
        assert "5 gambar" in note.warnings[0]
    else:
        assert note.text.splitlines()[0] == first


def test_zen_of_python_gives_its_nineteen_non_empty_paragraphs():
    lines = [line for line in read_note_file(DOCS / "zen_of_python.docx").text.splitlines() if line.strip()]
    assert len(lines) == 19


def test_docx_tables_come_in_document_order_one_row_per_line():
    text = read_note_file(DOCS / "paragraphs_and_tables.docx").text
    lines = text.splitlines()
    assert lines[:4] == ["This document has paragraphs.", "This\tDocument", "Also\tHas", "Tables\t"]
    assert text.index("There are paragraphs between tables") < text.index("Here is another paragraph")
    assert text.index("Here is another paragraph") < text.rindex("One")


def test_docx_built_with_paragraph_table_paragraph_keeps_that_order():
    document = docx.Document()
    document.add_paragraph("Turut hadir:")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Nama", "Jabatan"
    table.cell(1, 0).text, table.cell(1, 1).text = "Sajekti Rubiyah", "Kepala Bagian Humas"
    document.add_paragraph("Demikian.")
    buffer = io.BytesIO()
    document.save(buffer)
    note = read_note(buffer.getvalue(), "catatan.docx")
    assert note.text.splitlines() == ["Turut hadir:", "Nama\tJabatan", "Sajekti Rubiyah\tKepala Bagian Humas", "Demikian."]


@pytest.mark.parametrize("data,encoding", [
    ("Jum’at “bagus”".encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + "Jum’at".encode("utf-8"), "utf-8-sig"),
    ("Jum’at “bagus”".encode("utf-16"), "utf-16"),
    (codecs.BOM_UTF16_BE + "Jum’at".encode("utf-16-be"), "utf-16"),
    ("Jum’at “bagus” café".encode("cp1252"), "cp1252"),
])
def test_text_encoding_is_detected_and_reported(data, encoding):
    text, used = decode_text(data)
    assert used == encoding
    assert text.startswith("Jum’at")


def test_windows_1252_note_is_read_with_a_warning_saying_so():
    note = read_note("“Desa adalah badan publik,” ujar Bayu.".encode("cp1252"), "catatan.txt")
    assert note.encoding == "cp1252"
    assert note.text.startswith("“Desa")
    assert "Windows-1252" in note.warnings[0]


def test_corpus_notes_saved_in_windows_1252_and_utf_16_are_detected():
    assert read_note_file(CORPUS / "05-sosialisasi.txt").encoding == "cp1252"
    assert read_note_file(CORPUS / "08-mou.txt").encoding == "utf-16"


def test_bytes_valid_in_no_supported_encoding_are_refused():
    with pytest.raises(NoteRefused) as refused:
        read_note(b"Rapat \x81\x8d selesai", "catatan.txt")
    assert refused.value.code == "unknown_encoding"


def test_binary_file_named_txt_is_refused_as_not_text():
    with pytest.raises(NoteRefused) as refused:
        read_note(b"\x00\x01\x02binary\x00", "catatan.txt")
    assert refused.value.code == "not_text"


@pytest.mark.parametrize("data", [b"", b"  \n\t\n"])
def test_empty_note_file_is_refused(data):
    with pytest.raises(NoteRefused) as refused:
        read_note(data, "catatan.txt")
    assert refused.value.code == "empty"


def test_old_binary_word_document_is_refused_as_legacy_doc():
    with pytest.raises(NoteRefused) as refused:
        read_note(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "laporan.doc")
    assert refused.value.code == "legacy_doc"


def test_zip_that_is_not_a_word_document_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("foto.jpg", b"not really")
    with pytest.raises(NoteRefused) as refused:
        read_note(buffer.getvalue(), "catatan.docx")
    assert refused.value.code == "not_a_document"


def test_truncated_docx_is_refused_as_corrupt():
    data = (DOCS / "zen_of_python.docx").read_bytes()[:4000]
    with pytest.raises(NoteRefused) as refused:
        read_note(data, "catatan.docx")
    assert refused.value.code == "corrupt_docx"


def test_unsupported_extension_is_refused():
    with pytest.raises(NoteRefused) as refused:
        read_note(b"%PDF-1.4", "catatan.pdf")
    assert refused.value.code == "unsupported_type"


def test_markdown_syntax_is_stripped_and_paragraphs_kept():
    md = ("# Wali Kota Resmikan Puskesmas\n\n**Bupati** meresmikan [Puskesmas Cibogo](https://x.id) "
          "pada _Jumat_.\n\n- Hadir: Camat Cibogo\n- Kepala Dinas\n\n| Nama | Jabatan |\n|---|---|\n"
          "| Ruhimat | Bupati |\n\n> \"Pelayanan harus dekat,\" kata Bupati.\n\n![foto](a.jpg)\n")
    text = read_note(md.encode(), "catatan.md").text
    assert text.splitlines() == [
        "Wali Kota Resmikan Puskesmas", "", "Bupati meresmikan Puskesmas Cibogo pada Jumat.", "",
        "Hadir: Camat Cibogo", "Kepala Dinas", "", "Nama\tJabatan", "Ruhimat\tBupati", "",
        "\"Pelayanan harus dekat,\" kata Bupati.",
    ]


def test_markdown_keeps_underscores_and_asterisks_inside_words():
    assert strip_markdown("file_name_2021 dan 5*3").strip() == "file_name_2021 dan 5*3"


def test_typed_note_normalises_line_endings():
    assert read_typed("a\r\nb\rc").text == "a\nb\nc"

"""Reading a note: typed text, .txt, .md or .docx bytes in, plain text out.

Owns encoding detection for text files (reported, never guessed silently), markdown
stripping, .docx paragraph-and-table reading (python-docx), and refusing files that are
not what they claim with one exception type, `NoteRefused(code, message)`.
Imports python-docx and the standard library only.

Refusal codes: empty, unsupported_type, not_text, unknown_encoding, lock_file,
legacy_doc, strict_ooxml, not_a_document, corrupt_docx.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.table import Table

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
STRICT_NAMESPACE = b"purl.oclc.org/ooxml"
CELL_SEPARATOR = "\t"
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class NoteRefused(Exception):
    """A note file that cannot be read: `code` is stable, `message` is for the user."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class NoteText:
    """The text of a note and how it was read."""

    text: str
    kind: str
    encoding: str | None = None
    warnings: tuple[str, ...] = field(default_factory=tuple)


def read_typed(text: str) -> NoteText:
    """A note typed or pasted into a form."""
    return NoteText(text=text.replace("\r\n", "\n").replace("\r", "\n"), kind="typed")


def read_note_file(path: str | Path) -> NoteText:
    """Read a note from a file on disk."""
    path = Path(path)
    return read_note(path.read_bytes(), path.name)


def read_note(data: bytes, filename: str) -> NoteText:
    """Read an uploaded note from its bytes; the extension says what it claims to be."""
    suffix = Path(filename).suffix.lower()
    if Path(filename).name.startswith("~$"):
        raise NoteRefused("lock_file", f"“{filename}” adalah berkas kunci Word (lock file), bukan dokumen. "
                                       "Unggah dokumen aslinya, tanpa awalan ~$.")
    if not data:
        raise NoteRefused("empty", f"“{filename}” kosong (0 byte).")
    if suffix in (".txt", ".text", ""):
        return _read_text(data, "txt")
    if suffix in (".md", ".markdown"):
        note = _read_text(data, "md")
        return NoteText(strip_markdown(note.text), "md", note.encoding, note.warnings)
    if suffix in (".docx", ".doc"):
        return _read_docx(data, filename)
    raise NoteRefused("unsupported_type", f"“{filename}”: jenis berkas {suffix} tidak didukung; "
                                          "gunakan .txt, .md atau .docx.")


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode text bytes; return (text, encoding used). Raises NoteRefused if none fits.

    Order: UTF-8 BOM, UTF-16 BOM, strict UTF-8, Windows-1252. Bytes that look binary
    (NUL or other control characters) are refused rather than decoded.
    """
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[len(codecs.BOM_UTF8):], "utf-8"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16"), "utf-16"
    if data.startswith((ZIP_MAGIC, OLE2_MAGIC)) or b"\x00" in data:
        raise NoteRefused("not_text", "Berkas ini bukan teks biasa (isinya biner, mungkin dokumen Word "
                                      "atau arsip). Simpan sebagai .txt atau unggah .docx.")
    try:
        return _strict(data, "utf-8"), "utf-8"
    except NoteRefused:
        pass
    try:
        return _strict(data, "cp1252"), "cp1252"
    except NoteRefused:
        raise NoteRefused("unknown_encoding", "Pengodean teks tidak dikenali (bukan UTF-8, UTF-16 "
                                              "maupun Windows-1252). Simpan ulang sebagai UTF-8.") from None


def _strict(data: bytes, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise NoteRefused("unknown_encoding", f"Teks tidak sah sebagai {encoding}.") from None
    if CONTROL_CHARS.search(text):
        raise NoteRefused("not_text", "Berkas berisi karakter kendali biner; ini bukan teks biasa.")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read_text(data: bytes, kind: str) -> NoteText:
    text, encoding = decode_text(data)
    if not text.strip():
        raise NoteRefused("empty", "Berkas tidak berisi teks.")
    warnings = () if encoding.startswith("utf") else (f"Dibaca sebagai {encoding} (Windows-1252), bukan UTF-8.",)
    return NoteText(text, kind, encoding, warnings)


MD_RULES = [
    (re.compile(r"^```.*$|^~~~.*$", re.M), ""),
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"<[^>\n]+>"), ""),
    (re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.M), r"\1"),
    (re.compile(r"^ {0,3}(?:[-*_][ \t]*){3,}$", re.M), ""),
    (re.compile(r"^ {0,3}>[ \t]?", re.M), ""),
    (re.compile(r"^([ \t]*)(?:[-*+]|\d+[.)])[ \t]+", re.M), ""),
    (re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*\n", re.M), ""),
    (re.compile(r"(\*\*|__)(\S(?:.*?\S)?)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(\S(?:.*?\S)?)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(\S(?:.*?\S)?)_(?![\w_])"), r"\1"),
    (re.compile(r"`([^`]*)`"), r"\1"),
]
TABLE_ROW = re.compile(r"^[ \t]*\|(.*)\|[ \t]*$", re.M)


def strip_markdown(text: str) -> str:
    """Remove markdown syntax (headings, emphasis, links, lists, tables, code) but keep
    the words and the paragraphs."""
    for pattern, replacement in MD_RULES:
        text = pattern.sub(replacement, text)
    text = TABLE_ROW.sub(lambda m: CELL_SEPARATOR.join(c.strip() for c in m.group(1).split("|")), text)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def _read_docx(data: bytes, filename: str) -> NoteText:
    if data.startswith(OLE2_MAGIC):
        raise NoteRefused("legacy_doc", f"“{filename}” adalah dokumen Word lama (.doc, format biner). "
                                        "Buka di Word lalu simpan sebagai .docx.")
    if not data.startswith(ZIP_MAGIC) or not zipfile.is_zipfile(io.BytesIO(data)):
        raise NoteRefused("corrupt_docx", f"“{filename}” bukan dokumen Word yang sah (bukan berkas .docx "
                                          "yang utuh).")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        if "word/document.xml" not in names:
            raise NoteRefused("not_a_document", f"“{filename}” adalah arsip ZIP, bukan dokumen Word.")
        if STRICT_NAMESPACE in archive.read("_rels/.rels") if "_rels/.rels" in names else False:
            raise NoteRefused("strict_ooxml", f"“{filename}” disimpan sebagai “Strict Open XML”. Simpan ulang "
                                              "di Word sebagai “Word Document (.docx)”.")
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises KeyError, ValueError, lxml errors…
        raise NoteRefused("corrupt_docx", f"“{filename}” tidak dapat dibaca sebagai .docx ({type(error).__name__}).")
    blocks = [_block_text(block) for block in document.iter_inner_content()]
    text = "\n".join(blocks).strip()
    warnings = ()
    if not text:
        pictures = len(document.inline_shapes)
        warnings = (f"Dokumen tidak berisi teks ({pictures} gambar diabaikan).",)
    return NoteText(text + "\n" if text else "", "docx", None, warnings)


def _block_text(block) -> str:
    if isinstance(block, Table):
        return "\n".join(_row_text(row) for row in block.rows)
    return block.text


def _row_text(row) -> str:
    cells, seen = [], set()
    for cell in row.cells:
        if id(cell._tc) in seen:
            continue
        seen.add(id(cell._tc))
        cells.append(" ".join(cell.text.split()))
    return CELL_SEPARATOR.join(cells)

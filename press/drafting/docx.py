"""A release as a Word document (python-docx), from the letterhead template.

``build_docx`` opens ``templates/docx/letterhead.docx`` (logo, office name, contact in
the header; see ``tools/make_letterhead.py``), replaces the ``{office}`` token with the
office's name, clears the body and writes the release in Word's own styles, so an editor
can restyle it: the headline in *Title*, the dateline (bold) and the lead in *Normal*,
every other paragraph in *Normal* (or *Quote* when it opens with a quotation mark),
``**bold**``/``*italic*`` as bold and italic runs, the signature in *Normal*, then under
a *Heading 2* "Foto" each photo (its web rendition) followed by its caption in *Caption*.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.shared import Cm

from .formatting import body_paragraphs, inline_runs

LETTERHEAD = Path(__file__).resolve().parents[2] / "templates" / "docx" / "letterhead.docx"
PHOTO_WIDTH = Cm(15)
QUOTE_OPENERS = ("\"", "“", "'", "‘")


@dataclass(frozen=True)
class DocPhoto:
    image: bytes
    caption: str = ""
    credit: str = ""

    @property
    def caption_line(self) -> str:
        caption = (self.caption or "").strip()
        credit = (self.credit or "").strip()
        if credit and credit.lower() not in caption.lower():
            return f"{caption} (Foto: {credit})".strip()
        return caption


def _replace_token(paragraphs, token: str, value: str) -> None:
    for paragraph in paragraphs:
        for run in paragraph.runs:
            if token in run.text:
                run.text = run.text.replace(token, value)


def _add_text(paragraph, text: str) -> None:
    for piece, bold, italic in inline_runs(text):
        run = paragraph.add_run(piece)
        run.bold = bold or None
        run.italic = italic or None


def letterhead_document(office: str = "", letterhead: Path = LETTERHEAD):
    """A new document on the office's letterhead (``{office}`` replaced), its body empty:
    what the release export and the monthly report write on."""
    document = Document(str(letterhead))
    for section in document.sections:
        for part in (section.header, section.footer):
            _replace_token(part.paragraphs, "{office}", office)
            for table in part.tables:
                for row in table.rows:
                    for cell in row.cells:
                        _replace_token(cell.paragraphs, "{office}", office)
    body_element = document.element.body
    for child in list(body_element):
        if child.tag.endswith("}sectPr"):
            continue
        body_element.remove(child)
    return document


def build_docx(
    *,
    headline: str,
    dateline: str | None,
    body: str,
    signature: str | None,
    photos: list[DocPhoto] = (),
    office: str = "",
    letterhead: Path = LETTERHEAD,
) -> bytes:
    document = letterhead_document(office, letterhead)
    document.add_paragraph(headline.strip(), style="Title")
    paragraphs = body_paragraphs(body)
    for index, text in enumerate(paragraphs):
        style = "Quote" if index and text.startswith(QUOTE_OPENERS) else "Normal"
        paragraph = document.add_paragraph(style=style)
        if index == 0 and dateline:
            paragraph.add_run(dateline.strip() + " ").bold = True
        _add_text(paragraph, text)
    if not paragraphs and dateline:
        document.add_paragraph(style="Normal").add_run(dateline.strip()).bold = True
    if signature:
        document.add_paragraph(signature.strip(), style="Normal")
    if photos:
        document.add_paragraph("Foto", style="Heading 2")
        for photo in photos:
            picture = document.add_paragraph(style="Normal")
            picture.add_run().add_picture(io.BytesIO(photo.image), width=PHOTO_WIDTH)
            document.add_paragraph(photo.caption_line, style="Caption")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()

"""Build ``templates/docx/letterhead.docx``: the letterhead the DOCX export starts from.

Run ``.venv/bin/python tools/make_letterhead.py`` (the file is committed; run again after
changing this script). The header holds a logo drawn here with Pillow, the office name
(the token ``{office}``, replaced at export by the configured ``OFFICE_NAME``) and the
contact line; the body is empty. Word's built-in styles (Title, Normal, Quote, Caption,
Heading 2) are given Indonesian-friendly fonts so an editor can restyle the document.
An office may replace the file with its own letterhead made in Word: the export keeps
the header and footer and clears the body.
"""
from __future__ import annotations

import io
import sys
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt, RGBColor
from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "templates" / "docx" / "letterhead.docx"
CONTACT = "Jl. Jend. Ahmad Yani No. 1, Bekasi · Telp. (021) 8896 9999 · humas@bekasikota.go.id"
NAVY = (22, 51, 94)
GOLD = (214, 167, 38)


def logo_png(size: int = 240) -> bytes:
    """A simple emblem: a navy shield-like disc with a gold ring and a stylised 'H'."""
    image = Image.new("RGBA", (size, size), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((4, 4, size - 4, size - 4), fill=NAVY, outline=GOLD, width=size // 16)
    bar = size // 9
    left, right = size * 0.32, size * 0.68 - bar
    top, bottom = size * 0.27, size * 0.73
    draw.rectangle((left, top, left + bar, bottom), fill=GOLD)
    draw.rectangle((right, top, right + bar, bottom), fill=GOLD)
    draw.rectangle((left, size / 2 - bar / 2, right + bar, size / 2 + bar / 2), fill=GOLD)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def build(target: Path = TARGET) -> Path:
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin, section.header_distance = Cm(3.2), Cm(1)

    styles = document.styles
    styles["Normal"].font.name = "Liberation Serif"
    styles["Normal"].font.size = Pt(12)
    styles["Normal"].paragraph_format.space_after = Pt(8)
    styles["Title"].font.name = "Liberation Sans"
    styles["Title"].font.size = Pt(20)
    styles["Caption"].font.size = Pt(10)
    styles["Quote"].font.name = "Liberation Serif"

    header = section.header
    table = header.add_table(rows=1, cols=2, width=Cm(16))
    table.autofit = False
    logo_cell, text_cell = table.rows[0].cells
    logo_cell.width, text_cell.width = Cm(2.4), Cm(13.6)
    logo_cell.paragraphs[0].add_run().add_picture(io.BytesIO(logo_png()), width=Cm(2))
    office = text_cell.paragraphs[0]
    run = office.add_run("{office}")
    run.bold = True
    run.font.size = Pt(14)
    run.font.color.rgb = RGBColor(*NAVY)
    contact = text_cell.add_paragraph()
    contact_run = contact.add_run(CONTACT)
    contact_run.font.size = Pt(9)
    rule = header.add_paragraph()
    rule.alignment = WD_ALIGN_PARAGRAPH.CENTER
    rule_run = rule.add_run("─" * 60)
    rule_run.font.color.rgb = RGBColor(*GOLD)
    rule_run.font.size = Pt(8)
    # The header's own first (empty) paragraph stays before the table; remove it.
    first = header.paragraphs[0]
    if not first.text and first._p.getparent() is not None:
        first._p.getparent().remove(first._p)

    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer_run = footer.add_run("Siaran pers — {office}")
    footer_run.font.size = Pt(8)

    target.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(target))
    return target


if __name__ == "__main__":
    path = build(Path(sys.argv[1]) if len(sys.argv) > 1 else TARGET)
    print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")

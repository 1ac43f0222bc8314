"""problems as codes

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 10:00:00

The EXIF problems (``media.exif_problems``) and the preview and integrity problems
(``media.problems``) were English sentences; they become codes with parameters
(``{"code": "gps_out_of_range", "field": "GPSLatitude", "value": "91.50000"}``, see
``press/problems.py``) that the pages render in the reader's language. Each sentence the
code used to write is recognised by its template; anything else is kept word for word
as ``{"code": "legacy", "text": ...}``. The downgrade writes the sentences back.
The templates are copied here, not imported: a migration must not change with the code.
"""
import re

from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

# (code, the English sentence the code wrote, parameters the sentence fixes)
SENTENCES = (
    ("exif_unreadable", "The EXIF block could not be parsed by exifread ({error}); other readers were used.",
     {"reader": "exifread"}),
    ("exif_unreadable", "Pillow could not read the EXIF block ({error}).", {"reader": "Pillow"}),
    ("exif_warning", "Pillow: {message}", {}),
    ("xmp_invalid", "The XMP packet is not valid XML ({error}).", {}),
    ("xmp_gps_form", "XMP {field} is not in the expected form: {value}.", {}),
    ("gps_as_text", "GPS {field} is stored as text; it was read as numbers.", {}),
    ("gps_out_of_range", "GPS {field} is out of range ({value}); ignored.", {}),
    ("gps_unreadable", "GPS {field} could not be read ({error}).", {}),
    ("exif_not_number", "EXIF {field} is not a number: {value}.", {}),
    ("taken_at_unreadable", "The date the photo was taken is not readable: {value}.", {}),
    ("taken_at_invalid", "The date the photo was taken is not a real date: {value}.", {}),
    ("orientation_invalid", "EXIF Orientation {value} is not a valid value; treated as upright (1).", {}),
    ("colour_profile_unusable",
     "The embedded colour profile could not be used ({error}); colours converted without it.", {}),
    ("pixels_damaged", "The image data is damaged or cut short, so no preview could be made ({error}).", {}),
    ("original_missing", "The original file is missing from the store; upload the photo again.", {}),
    ("original_damaged", "The original file is damaged in the store; upload the photo again.", {}),
)


def _pattern(template: str):
    parts = re.split(r"\{(\w+)\}", template)
    regex = "".join(re.escape(part) if i % 2 == 0 else f"(?P<{part}>.*?)" for i, part in enumerate(parts))
    return re.compile(regex, re.S)


PATTERNS = [(code, _pattern(template), fixed) for code, template, fixed in SENTENCES]


def as_code(sentence):
    if isinstance(sentence, dict):
        return sentence
    for code, pattern, fixed in PATTERNS:
        match = pattern.fullmatch(str(sentence))
        if match:
            return {"code": code, **fixed, **match.groupdict()}
    return {"code": "legacy", "text": str(sentence)}


def as_sentence(found):
    if not isinstance(found, dict):
        return found
    params = {k: v for k, v in found.items() if k != "code"}
    if found.get("code") == "legacy":
        return str(params.get("text", ""))
    for code, template, fixed in SENTENCES:
        if code == found.get("code") and all(params.get(k) == v for k, v in fixed.items()):
            try:
                return template.format(**params)
            except KeyError:
                break
    return str(found.get("code"))


media = sa.table("media", sa.column("id", sa.Integer), sa.column("exif_problems", sa.JSON),
                 sa.column("problems", sa.JSON))


def _convert(change):
    connection = op.get_bind()
    rows = connection.execute(sa.select(media.c.id, media.c.exif_problems, media.c.problems)).all()
    for row_id, exif_problems, problems in rows:
        new_exif = [change(p) for p in exif_problems or []]
        new_problems = [change(p) for p in problems or []]
        if new_exif != (exif_problems or []) or new_problems != (problems or []):
            connection.execute(media.update().where(media.c.id == row_id)
                               .values(exif_problems=new_exif, problems=new_problems))


def upgrade():
    _convert(as_code)


def downgrade():
    _convert(as_sentence)

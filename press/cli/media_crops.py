"""``flask media crops ID [--ratio 4:5] [--json]``: make a photo's crops for the channels now.

The crops are made around the photo's focal point (the centre until staff set one) from
``CROP_SIZES``, recorded as renditions ``crop-<name>`` exactly as the ``media.crops`` job
records them, and listed. ``--json`` prints one object; its keys are an interface:
``media_id``, ``focal`` ([x, y], fractions), ``crops`` (``name``, ``variant``, ``width``,
``height``, ``bytes``, ``sha256``, ``path`` relative to the store root, ``source``: what
it was cut from: the photo's private crop source, e.g. ``source-2026x1351``, a rendition,
e.g. ``print``, or ``original``) and ``refused``
(``name``, ``code``, ``message``: a source too small for the crop). Exit status 1 when
no crop could be made.
"""
from __future__ import annotations

import json

import click
from flask import current_app
from flask.cli import with_appcontext

from press.config import DEFAULTS
from press.extensions import db
from press.models import Media
from press.photos.crops import clamp_focal, variant_of
from press.services import crops as service
from press.storage import store_from_config

from .language import operator_language, refusal_text, render
from .media import media
from .params import DATABASE_ID


@media.command("crops")
@click.argument("media_id", type=DATABASE_ID)
@click.option("--ratio", help="Only the crops of this aspect ratio (width:height), e.g. 4:5 or 16:9.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as one JSON object.")
@with_appcontext
def crops_command(media_id: int, ratio: str | None, as_json: bool) -> None:
    """Make the crops of photo MEDIA_ID around its focal point and list them."""
    photo = db.session.get(Media, media_id)
    if photo is None:
        raise click.ClickException(f"there is no photo {media_id}")
    sizes = service.crop_sizes(current_app.config)
    try:
        if ratio is not None:
            sizes = service.sizes_with_ratio(sizes, service.parse_ratio(ratio))
        if not sizes:
            known = ", ".join(f"{name} {w}x{h}" for name, (w, h) in service.crop_sizes(current_app.config).items())
            raise click.ClickException(f"no configured crop has the ratio {ratio} (configured: {known})")
        outcome = service.make_crops(
            store_from_config(current_app.config), photo, sizes, keep_others=ratio is not None,
            configured=service.crop_sizes(current_app.config),
            max_pixels=int(current_app.config.get("MAX_IMAGE_PIXELS") or DEFAULTS["MAX_IMAGE_PIXELS"]))
    except service.CropError as exc:
        db.session.rollback()
        raise click.ClickException(refusal_text(exc)) from exc
    db.session.commit()
    with operator_language():
        result = {
            "media_id": photo.id, "focal": list(clamp_focal(photo.focal_x, photo.focal_y)),
            "crops": [{"name": name, "variant": row.variant, "width": row.width, "height": row.height,
                       "bytes": row.bytes, "sha256": row.sha256, "path": row.path,
                       "source": outcome.sources[row.variant]}
                      for name in sizes if (row := outcome.made.get(variant_of(name))) is not None],
            "refused": [{"name": name, "code": found["code"], "message": render(found)}
                        for name, found in outcome.refused.items()],
        }
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False))
    else:
        for crop in result["crops"]:
            click.echo(f"{crop['name']:<10} {crop['width']}x{crop['height']}  {crop['bytes']:>8} bytes  {crop['path']}"
                       f"  (from {crop['source']})")
        for refused in result["refused"]:
            click.echo(f"{refused['name']:<10} refused: {refused['message']}")
    if not result["crops"]:
        raise SystemExit(1)

"""The public site (read-only, no login). The Publishing issue fills it; for now, its home."""
from __future__ import annotations

from flask import Blueprint, render_template

bp = Blueprint("site", __name__)


@bp.route("/")
def home():
    return render_template("site/home.html")

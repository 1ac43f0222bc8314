"""Sections other blueprints add to the activity page (gallery, notes, releases).

The activity blueprint does not know the photo, note or release pages; each of those
blueprints names a function that renders its own section for an activity, and the
section joins an application's activity page when the blueprint is registered on it
(kept in ``app.extensions["activity_sections"]``, so two apps never share a list).
"""
from __future__ import annotations

from collections.abc import Callable

from flask import Blueprint, Flask, current_app
from markupsafe import Markup

from press.models import Activity

SectionRenderer = Callable[[Activity], str]
EXTENSION = "activity_sections"


def activity_section(bp: Blueprint, order: int):
    """Decorator: ``render(activity) -> html`` appears on the activity page of every app
    ``bp`` is registered on, lowest order first."""

    def register(render: SectionRenderer) -> SectionRenderer:
        bp.record_once(lambda state: add_section(state.app, order, render))
        return render

    return register


def add_section(app: Flask, order: int, render: SectionRenderer) -> None:
    sections = app.extensions.setdefault(EXTENSION, [])
    sections.append((order, render))
    sections.sort(key=lambda item: item[0])


def render_activity_sections(activity: Activity) -> list[Markup]:
    return [Markup(render(activity)) for _order, render in current_app.extensions.get(EXTENSION, [])]

"""Sections other blueprints add to the activity page (gallery, notes, releases).

The activity blueprint does not know the photo, note or release pages; each of those
registers a function that renders its own section for an activity, so the page grows
without the activity module importing them.
"""
from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup

from press.models import Activity

SectionRenderer = Callable[[Activity], str]
_sections: list[tuple[int, SectionRenderer]] = []


def activity_section(order: int):
    """Register ``render(activity) -> html`` to appear on the activity page, lowest order first."""

    def register(render: SectionRenderer) -> SectionRenderer:
        if all(existing is not render for _order, existing in _sections):
            _sections.append((order, render))
            _sections.sort(key=lambda item: item[0])
        return render

    return register


def render_activity_sections(activity: Activity) -> list[Markup]:
    return [Markup(render(activity)) for _order, render in _sections]

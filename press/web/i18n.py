"""Language choice and the template helpers that write dates the Indonesian way."""
from __future__ import annotations

from flask import Flask, request, session
from flask_babel import get_locale, gettext
from flask_login import current_user

from press import codes, dates, problems
from press.models import LOCALES, utcnow

from .labels import (
    EMBARGO_ACCESS_LABELS, EMBARGO_AUDIENCE_LABELS, JOURNALIST_STATE_LABELS, OUTLET_KIND_LABELS, UKW_LEVEL_LABELS,
    ACTION_LABELS, ACTIVITY_KIND_LABELS, ACTIVITY_STATE_LABELS, ASSIGNMENT_ROLE_LABELS, NOTIFICATION_KIND_LABELS, DOCUMENT_KIND_LABELS, LOCALE_LABELS, MEDIA_STATUS_LABELS,
    PARTICIPANT_ROLE_LABELS, ROLE_LABELS, STATE_LABELS, SUBSCRIPTION_CADENCE_LABELS, SUBSCRIPTION_SCOPE_LABELS,
)


def select_locale() -> str:
    """The signed-in user's language, else the visitor's choice, else Indonesian."""
    if current_user and current_user.is_authenticated:
        return current_user.locale
    chosen = session.get("locale")
    if chosen in LOCALES:
        return chosen
    return request.accept_languages.best_match(LOCALES, default="id") if request else "id"


def current_locale() -> str:
    return str(get_locale() or "id")


def problem_text(problem: dict) -> str:
    """A stored problem (``press.problems``) in the reader's language."""
    return problems.text(problem, gettext)


def init_app(app: Flask, babel) -> None:
    babel.init_app(app, locale_selector=select_locale)

    app.add_template_filter(lambda d: dates.long_date(d, current_locale()) if d else "", "long_date")
    app.add_template_filter(lambda d: dates.release_date(d, current_locale()) if d else "", "release_date")
    app.add_template_filter(lambda t: dates.long_datetime(t, current_locale()) if t else "", "long_datetime")
    app.add_template_filter(lambda t: t.strftime("%H.%M") if t else "", "clock")
    app.add_template_filter(problem_text, "problem_text")

    @app.context_processor
    def labels():
        return {
            "codes": codes,
            "ACTIVITY_KIND_LABELS": ACTIVITY_KIND_LABELS,
            "ACTIVITY_STATE_LABELS": ACTIVITY_STATE_LABELS,
            "ASSIGNMENT_ROLE_LABELS": ASSIGNMENT_ROLE_LABELS,
            "NOTIFICATION_KIND_LABELS": NOTIFICATION_KIND_LABELS,
            "DOCUMENT_KIND_LABELS": DOCUMENT_KIND_LABELS,
            "ACTION_LABELS": ACTION_LABELS,
            "ROLE_LABELS": ROLE_LABELS,
            "STATE_LABELS": STATE_LABELS,
            "MEDIA_STATUS_LABELS": MEDIA_STATUS_LABELS,
            "PARTICIPANT_ROLE_LABELS": PARTICIPANT_ROLE_LABELS,
            "LOCALE_LABELS": LOCALE_LABELS,
            "JOURNALIST_STATE_LABELS": JOURNALIST_STATE_LABELS,
            "OUTLET_KIND_LABELS": OUTLET_KIND_LABELS,
            "UKW_LEVEL_LABELS": UKW_LEVEL_LABELS,
            "EMBARGO_AUDIENCE_LABELS": EMBARGO_AUDIENCE_LABELS,
            "EMBARGO_ACCESS_LABELS": EMBARGO_ACCESS_LABELS,
            "SUBSCRIPTION_SCOPE_LABELS": SUBSCRIPTION_SCOPE_LABELS,
            "SUBSCRIPTION_CADENCE_LABELS": SUBSCRIPTION_CADENCE_LABELS,
            "current_locale": current_locale,
            "now_utc": utcnow,
            "month_label": lambda y, m: dates.month_label(y, m, current_locale()),
        }

"""The language the ``flask`` commands write problems in, and their one renderer.

An operator's language comes from the environment the POSIX way (``LANGUAGE``,
``LC_ALL``, ``LC_MESSAGES``, ``LANG``: the first that names a language Siaran speaks);
otherwise English, the language of the commands' own help and summaries. Problems and
findings are codes (:mod:`press.problems`) rendered here through the catalogue, so
``LANG=id_ID.UTF-8 flask doctor`` speaks Indonesian. A service's refusal
(:func:`refusal_text`) and a code in a command's human output (a release's state, a
user's role: :func:`label`) are written in Indonesian whatever the environment says, as the
services' messages always were; ``--json`` output holds the codes themselves.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from enum import StrEnum

from flask_babel import force_locale, gettext

from press import problems
from press.errors import ServiceError
from press.models import LOCALES
from press.web import labels

FALLBACK = "en"
PRODUCT_LANGUAGE = "id"


def cli_locale(environ=os.environ) -> str:
    """``id`` for ``LANG=id_ID.UTF-8``; the first variable set decides (``LANGUAGE`` may
    list several, ``id:en``), and one naming another language gives the fallback."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if not value:
            continue
        for item in value.split(":"):
            code = item.split(".")[0].split("_")[0].lower()
            if code in LOCALES:
                return code
        if name != "LANGUAGE":
            return FALLBACK
    return FALLBACK


@contextmanager
def operator_language():
    """Inside it, :func:`render` and ``gettext`` speak the operator's language."""
    with force_locale(cli_locale()):
        yield


def render(problem: dict) -> str:
    return problems.text(problem, gettext)


def label(code: StrEnum) -> str:
    """What ``code`` (a member of a :mod:`press.codes` enum) is called in Indonesian, the
    language the services' refusals are written in."""
    with force_locale(PRODUCT_LANGUAGE):
        return str(labels.label(code))


def refusal_text(exc: ServiceError) -> str:
    """A service's refusal in Indonesian, codes among its parameters written as their labels."""
    with force_locale(PRODUCT_LANGUAGE):
        return labels.error_text(exc)

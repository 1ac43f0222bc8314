"""The language the ``flask`` commands write problems in, and their one renderer.

An operator's language comes from the environment the POSIX way (``LANGUAGE``,
``LC_ALL``, ``LC_MESSAGES``, ``LANG``: the first that names a language Siaran speaks);
otherwise English, the language of the commands' own help and summaries. Problems and
findings are codes (:mod:`press.problems`) rendered here through the catalogue, so
``LANG=id_ID.UTF-8 flask doctor`` speaks Indonesian.
"""
from __future__ import annotations

import os
from contextlib import contextmanager

from flask_babel import force_locale, gettext

from press import problems
from press.models import LOCALES

FALLBACK = "en"


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

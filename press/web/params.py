"""Numbers from URLs, query strings and forms, within the bounds the database can hold.

Routes name a database id as ``<id:media_id>``: the ``id`` converter matches only
1 … 2**31 - 1 (``press.numbers.MAX_ID``: PostgreSQL's INTEGER), so a 20-digit, zero or negative id is a 404
like any unknown one, never an ``OverflowError`` from the database. Page numbers go
through :func:`page_arg` (clamped, as the search pages always did) and ids in query
strings and forms through ``press.numbers.parse_id``. A path part (``<slug>``, the default
converter) never holds a NUL: PostgreSQL refuses one in any text it is asked to compare,
so ``/agenda/%00`` is a 404 like any unknown slug rather than a database error. For the
same reason the values of a query string or a form arrive without NULs
(:class:`NulFreeParams`): SQLite would store one, PostgreSQL refuses the whole row.
"""
from __future__ import annotations

from flask import Flask, request
from werkzeug.datastructures import ImmutableMultiDict
from werkzeug.routing import IntegerConverter, UnicodeConverter

from press.numbers import MAX_ID, clamp_int

MAX_PAGE = 10_000


class IdConverter(IntegerConverter):
    """``<id:name>``: a database id, 1 … ``MAX_ID``, written with ASCII digits."""

    def __init__(self, map, **kwargs):  # noqa: A002 (werkzeug's name)
        super().__init__(map, min=1, max=MAX_ID, **kwargs)


class TextConverter(UnicodeConverter):
    """``<name>`` and ``<string:name>``: one path part without a NUL."""

    def __init__(self, map, *args, **kwargs):  # noqa: A002 (werkzeug's name)
        super().__init__(map, *args, **kwargs)
        self.regex = self.regex.replace("[^/]", "[^/\\x00]")


class NulFreeParams(ImmutableMultiDict):
    """``request.args`` and ``request.form`` (the request's ``parameter_storage_class``):
    each text value with its NUL characters dropped; files are left as they are."""

    def __init__(self, mapping=None):
        if mapping is not None and not hasattr(mapping, "keys"):  # the parser's (name, value) pairs
            mapping = [(key, value.replace("\x00", "") if isinstance(value, str) else value) for key, value in mapping]
        super().__init__(mapping)


def init_app(app: Flask) -> None:
    """Register the converters; call before any blueprint adds its rules."""
    app.url_map.converters["id"] = IdConverter
    app.url_map.converters["default"] = app.url_map.converters["string"] = TextConverter


def page_arg(name: str = "page", *, default: int = 1, high: int = MAX_PAGE) -> int:
    """A page number (or a per-page count with ``high``) from the query string, 1 … ``high``."""
    return clamp_int(request.args.get(name), default=default, low=1, high=high)

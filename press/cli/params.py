"""Click parameter types for numbers the database holds.

``DATABASE_ID`` accepts 1 … 2**31 - 1 (``press.numbers.MAX_ID``): ``flask releases transition
99999999999999999999 …`` is a usage error (exit status 2) naming the bounds, not an
``OverflowError`` traceback from the database.
"""
from __future__ import annotations

import click

from press.numbers import MAX_ID, parse_id


class DatabaseId(click.ParamType):
    name = "id"

    def convert(self, value, param, ctx):
        number = parse_id(value)
        if number is None:
            self.fail(f"{value!r} bukan nomor yang sah: tulis bilangan bulat 1 sampai {MAX_ID}.", param, ctx)
        return number


DATABASE_ID = DatabaseId()

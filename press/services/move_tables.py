"""Copying the model's tables from one database to another, batch by batch, ids kept.

The pieces ``press.services.instance_move`` runs for ``flask migrate-to``: the tables in
dependency order (:func:`model_tables`), one batch of rows after a primary key
(:func:`read_batch`, keyset pagination, so a batch costs the same at the end of a
million rows as at the start) written with the ids it had (:func:`write_batch`), the
self-references written once the whole table is there (:func:`link_self_references`:
a unit's parent may have a higher id than the unit, as migration 0009 made them), the
id sequences moved past the copied ids on PostgreSQL (:func:`reset_sequence`), and a
checksum of a table's content that does not depend on the database's row order or
types (:func:`table_digest`), to compare the source and the copy.

Reads and writes through the models' ``Table`` objects, so each value passes through
its column type on both sides (JSON, aware UTC timestamps, booleans) and SQLite's
values become PostgreSQL's. No Flask; the caller owns the connections and transactions.
"""
from __future__ import annotations

import hashlib
import json
from datetime import date, datetime, time

from sqlalchemy import Connection, Table, func, or_, select, text, tuple_, update
from sqlalchemy.exc import DBAPIError

from press.errors import N_, ServiceError
from press.models import Base


def model_tables() -> list[Table]:
    """Every table of the model, each after the tables its foreign keys name."""
    return list(Base.metadata.sorted_tables)


def key_columns(table: Table) -> list:
    return list(table.primary_key.columns)


def self_reference_columns(table: Table) -> list[str]:
    """Columns naming another row of the same table: copied empty, then linked."""
    return sorted({fk.parent.name for fk in table.foreign_keys if fk.column.table is table})


def read_batch(source: Connection, table: Table, after: list | None, size: int) -> list[dict]:
    """Up to ``size`` rows of ``table`` whose primary key comes after ``after``, in key order."""
    keys = key_columns(table)
    query = select(table).order_by(*keys).limit(size)
    if after is not None:
        query = query.where(tuple_(*keys) > tuple_(*after) if len(keys) > 1 else keys[0] > after[0])
    return [dict(row) for row in source.execute(query).mappings()]


def last_key(table: Table, rows: list[dict]) -> list:
    """The primary key of the last row, as JSON can keep it (ints and strings)."""
    return [rows[-1][column.name] for column in key_columns(table)]


def write_batch(target: Connection, table: Table, rows: list[dict]) -> None:
    """Insert ``rows`` with their ids, the self-references left empty for now. A row the
    target refuses (a value too long for PostgreSQL's column, a NUL character in text)
    is named in the ``ServiceError``."""
    linked = self_reference_columns(table)
    values = [{**row, **{name: None for name in linked}} for row in rows]
    try:
        with target.begin_nested():
            target.execute(table.insert(), values)
    except DBAPIError:
        _name_refused_row(target, table, values)
        raise


def _name_refused_row(target: Connection, table: Table, values: list[dict]) -> None:
    """Insert the batch row by row (each rolled back) to name the first one refused."""
    for row in values:
        try:
            with target.begin_nested() as attempt:
                target.execute(table.insert(), [row])
                attempt.rollback()
        except DBAPIError as exc:
            key = ", ".join(str(row[column.name]) for column in key_columns(table))
            raise ServiceError(
                N_("Baris %(table)s %(key)s ditolak basis data tujuan: %(reason)s"),
                table=table.name, key=key, reason=str(exc.orig).strip().splitlines()[0],
            ) from exc


def link_self_references(source: Connection, target: Connection, table: Table) -> int:
    """Write the self-references the batches left empty; returns how many rows got one."""
    linked = self_reference_columns(table)
    if not linked:
        return 0
    keys = key_columns(table)
    # The columns an update stamps by itself (``updated_at``) keep the source's value too.
    written = linked + [column.name for column in table.columns if column.onupdate is not None]
    query = (select(*keys, *(table.c[name] for name in written))
             .where(or_(*(table.c[name].is_not(None) for name in linked))).order_by(*keys))
    count = 0
    for row in source.execute(query).mappings():
        target.execute(update(table).where(*(column == row[column.name] for column in keys))
                       .values({name: row[name] for name in written}))
        count += 1
    return count


def reset_sequence(target: Connection, table: Table) -> None:
    """On PostgreSQL, move the id sequence past the copied ids, so the next row made on
    the new instance does not collide with a copied one (SQLite takes the largest id)."""
    column = table.autoincrement_column
    if column is None or target.dialect.name != "postgresql":
        return
    target.execute(text(
        "SELECT setval(pg_get_serial_sequence(:table, :column), "
        f'COALESCE((SELECT MAX("{column.name}") FROM "{table.name}"), 0) + 1, false)'
    ), {"table": f'"{table.name}"', "column": column.name})


def count_rows(connection: Connection, table: Table) -> int:
    return connection.scalar(select(func.count()).select_from(table)) or 0


def table_digest(connection: Connection, table: Table, batch: int = 5000) -> tuple[int, str]:
    """``(rows, checksum)`` of a table's content: the sum of each row's BLAKE2b (256 bits) (so the
    order the database returns rows in does not matter: PostgreSQL sorts text by its
    collation, SQLite by bytes), each row written the same way whichever database it came
    from (timestamps in ISO form, JSON with sorted keys)."""
    total, rows, after = 0, 0, None
    while chunk := read_batch(connection, table, after, batch):
        for row in chunk:
            line = json.dumps([_plain(row[column.name]) for column in table.columns], sort_keys=True,
                              ensure_ascii=False, separators=(",", ":"))
            total = (total + int.from_bytes(hashlib.blake2b(line.encode(), digest_size=32).digest(), "big")) % (1 << 256)
        rows += len(chunk)
        after = last_key(table, chunk)
    return rows, f"{total:064x}"


def _plain(value):
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, (bytes, memoryview)):
        return bytes(value).hex()
    return value

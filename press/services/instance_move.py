"""Moving a single-machine instance to the shared backends: ``flask migrate-to``.

Four steps, each resumable, recorded in a ledger table (``siaran_move``) in the target
database itself, so a run killed at any moment (SIGKILL included) is run again with the
same arguments and goes on where it stopped:

1. **schema**: the target database, which must be empty, is migrated to the head
   revision by the migrations themselves (what ``flask setup`` makes; PostgreSQL's search
   tables included), the rows the migrations seed are removed, and the ledger is made,
   in one transaction on PostgreSQL;
2. **tables**: every table of the model in dependency order, in batches by primary key,
   ids kept; each batch is committed with its position in the ledger, so a kill loses
   at most the batch in flight and the next run starts after the last committed one.
   A finished table gets its self-references and (PostgreSQL) its id sequence;
3. **blobs**: every original and rendition the target store lacks
   (:mod:`press.services.move_blobs`: hash checked at arrival, nothing copied twice);
4. **search**: both indexes rebuilt from the copied database on the target backend.

Then every table is compared, row count and content checksum, with the source; only
when all match is the ledger dropped and the move reported done. A database that holds
tables and no ledger of a move from this source is refused: the move never writes into
a database it did not start. The source must not change meanwhile (stop the web nodes
and the worker first): the comparison finds it if it did. No Flask: the migrations'
own ``env.py`` needs the caller's application context (the CLI's).
"""
from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Column, Engine, MetaData, String, Table, Text, create_engine, delete, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from press.errors import N_, ServiceError
from press.models import Rendition
from press.search import open_index
from press.storage import Store

from . import indexing
from .move_blobs import copy_blobs
from .move_tables import (last_key, link_self_references, model_tables, read_batch, reset_sequence,
                          table_digest, write_batch)

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"
LEDGER = "siaran_move"
BATCH = 1000

_ledger_meta = MetaData()
ledger = Table(LEDGER, _ledger_meta, Column("step", String(120), primary_key=True),
               Column("state", String(20), nullable=False), Column("detail", Text, nullable=False))

Progress = Callable[[dict], None]


@dataclass
class MoveReport:
    resumed: bool = False
    rows: int = 0                                   # rows copied by this run
    tables: dict[str, int] = field(default_factory=dict)   # rows copied by this run, per table
    tables_skipped: int = 0                         # finished by an earlier run
    blobs: dict | None = None
    documents: int | None = None
    checked_tables: int = 0
    seconds: dict[str, float] = field(default_factory=dict)

    def as_dict(self) -> dict:
        table_seconds = self.seconds.get("tables", 0.0)
        return {"done": True, "resumed": self.resumed, "rows": self.rows, "tables": self.tables,
                "tables_skipped": self.tables_skipped,
                "rows_per_second": round(self.rows / table_seconds, 1) if table_seconds else 0.0,
                "blobs": self.blobs, "documents": self.documents, "checked_tables": self.checked_tables,
                "seconds": {step: round(value, 3) for step, value in self.seconds.items()}}


def move_instance(source: Engine, source_store: Store, target_url: str, target_store: Store | None,
                  search_url: str, *, batch: int = BATCH, progress: Progress | None = None) -> MoveReport:
    """Copy the instance whose database is ``source`` and blobs ``source_store`` to
    ``target_url``, ``target_store`` (None: the blobs stay where they are) and the search
    backend ``search_url``; see the module's doc. Raises ``ServiceError`` with what to do."""
    progress = progress or (lambda _event: None)
    if make_url(target_url) == source.url:
        raise ServiceError(N_("Basis data tujuan sama dengan basis data instance ini."))
    if target_store is not None and target_store.describe() == source_store.describe():
        raise ServiceError(N_("Penyimpanan media tujuan sama dengan penyimpanan instance ini."))
    origin = json.dumps({"database": source.url.render_as_string(hide_password=True),
                         "media": source_store.describe()})
    target = create_engine(target_url)
    report = MoveReport()
    try:
        _check_source_revision(source)
        started = time.monotonic()
        report.resumed = _start(target, origin)
        report.seconds["schema"] = time.monotonic() - started
        _copy_tables(source, target, batch, report, progress)
        if target_store is not None:
            _step(target, "blobs", report, lambda: _blobs(source, source_store, target_store, report, progress))
        _step(target, "search", report, lambda: _search(target, search_url, report, progress))
        _compare(source, target, report, progress)
        with target.begin() as connection:
            ledger.drop(connection)
    finally:
        target.dispose()
    return report


# -- the ledger and the schema -----------------------------------------------------

def _check_source_revision(source: Engine) -> None:
    head = _script().get_current_head()
    with source.connect() as connection:
        try:
            current = connection.scalar(text("SELECT version_num FROM alembic_version"))
        except DBAPIError:  # never migrated
            current = None
    if current != head:
        raise ServiceError(N_("Basis data instance ini ada di revisi %(current)s, bukan %(head)s: "
                              "jalankan flask db upgrade dulu."), current=current, head=head)


def _script():
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(MIGRATIONS))


def _start(target: Engine, origin: str) -> bool:
    """Make the schema and the ledger on an empty target (False), or find the ledger of
    this move (True); refuse anything else."""
    tables = set(inspect(target).get_table_names())
    if LEDGER in tables:
        with target.connect() as connection:
            started_from = connection.scalar(select(ledger.c.detail).where(ledger.c.step == "move"))
        if started_from != origin:
            raise ServiceError(N_("Basis data tujuan berisi pemindahan dari sumber lain (%(origin)s); "
                                  "pakai basis data kosong."), origin=started_from or "?")
        return True
    if tables:
        raise ServiceError(N_("Basis data tujuan tidak kosong (%(count)s tabel, a.l. %(names)s) dan tidak menyimpan "
                              "pemindahan yang sedang berjalan dari instance ini. flask migrate-to hanya mengisi "
                              "basis data kosong; bila pemindahan ke sana sudah selesai, basis data itu siap dipakai."),
                           count=len(tables), names=", ".join(sorted(tables)[:3]))
    with target.begin() as connection:
        _migrate(connection)
        for table in reversed(model_tables()):   # what the migrations seed (licences, …)
            connection.execute(delete(table))
        ledger.create(connection)
        connection.execute(ledger.insert().values(step="move", state="started", detail=origin))
    return False


def _migrate(connection) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config(str(MIGRATIONS / "alembic.ini"))
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


def _ledger_get(connection, step: str) -> tuple[str | None, dict]:
    row = connection.execute(select(ledger.c.state, ledger.c.detail).where(ledger.c.step == step)).first()
    return (row.state, json.loads(row.detail)) if row else (None, {})


def _ledger_set(connection, step: str, state: str, detail: dict) -> None:
    found = connection.execute(select(ledger.c.step).where(ledger.c.step == step)).first()
    values = {"state": state, "detail": json.dumps(detail)}
    if found:
        connection.execute(ledger.update().where(ledger.c.step == step).values(**values))
    else:
        connection.execute(ledger.insert().values(step=step, **values))


def _step(target: Engine, name: str, report: MoveReport, work: Callable[[], dict]) -> None:
    with target.connect() as connection:
        state, _detail = _ledger_get(connection, name)
    if state == "done":
        return
    started = time.monotonic()
    detail = work()
    report.seconds[name] = time.monotonic() - started
    with target.begin() as connection:
        _ledger_set(connection, name, "done", detail)


# -- the steps ---------------------------------------------------------------------

def _copy_tables(source: Engine, target: Engine, batch: int, report: MoveReport, progress: Progress) -> None:
    started = time.monotonic()
    with source.connect() as reader:
        for table in model_tables():
            with target.connect() as connection:
                state, position = _ledger_get(connection, f"table:{table.name}")
            if state == "done":
                report.tables_skipped += 1
                continue
            after, copied = position.get("after"), 0
            while rows := read_batch(reader, table, after, batch):
                after = last_key(table, rows)
                with target.begin() as writer:
                    write_batch(writer, table, rows)
                    _ledger_set(writer, f"table:{table.name}", "copying",
                                {"after": after, "rows": position.get("rows", 0) + copied + len(rows)})
                copied += len(rows)
                report.rows += len(rows)
                progress({"step": "tables", "table": table.name, "rows": copied, "total_rows": report.rows})
            with target.begin() as writer:
                link_self_references(reader, writer, table)
                reset_sequence(writer, table)
                _ledger_set(writer, f"table:{table.name}", "done", {"rows": position.get("rows", 0) + copied})
            report.tables[table.name] = copied
    report.seconds["tables"] = time.monotonic() - started


def _blobs(source: Engine, source_store: Store, target_store: Store, report: MoveReport, progress: Progress) -> dict:
    with Session(source) as session:
        hashes = {path: sha256 for path, sha256 in session.execute(select(Rendition.path, Rendition.sha256))}
    result = copy_blobs(source_store, target_store, hashes,
                        progress=lambda done: progress({"step": "blobs", **done.as_dict()}))
    report.blobs = result.as_dict()
    if result.refused:
        raise ServiceError(N_("%(count)s berkas tidak cocok dengan hash-nya dan tidak disalin, a.l. %(key)s "
                              "(%(reason)s); periksa dengan flask media verify."),
                           count=len(result.refused), key=result.refused[0]["key"], reason=result.refused[0]["reason"])
    return report.blobs


def _search(target: Engine, search_url: str, report: MoveReport, progress: Progress) -> dict:
    index = open_index(search_url)
    try:
        index.prepare()
        with Session(target) as session:
            report.documents = indexing.rebuild_all(
                session, index, progress=lambda count: progress({"step": "search", "documents": count}))
            indexing.drain(session, index)   # the copied queue rows: written already by the rebuild
    finally:
        index.close()
    return {"documents": report.documents}


def _compare(source: Engine, target: Engine, report: MoveReport, progress: Progress) -> None:
    started = time.monotonic()
    differ = []
    with source.connect() as left, target.connect() as right:
        for table in model_tables():
            if table_digest(left, table) != table_digest(right, table):
                differ.append(table.name)
            report.checked_tables += 1
    report.seconds["compare"] = time.monotonic() - started
    progress({"step": "compare", "tables": report.checked_tables, "differ": differ})
    if differ:
        raise ServiceError(N_("Isi tabel %(tables)s berbeda dengan sumbernya: instance ini berubah selama "
                              "pemindahan. Hentikan web dan worker, kosongkan basis data tujuan, lalu ulangi."),
                           tables=", ".join(differ))

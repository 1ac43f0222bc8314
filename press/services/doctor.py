"""``flask doctor``: the whole instance checked — database against store against index.

Checks, in this order:

0. ``config``: where the secret key comes from (configured, generated on this node, short);
1. ``database``: the schema is migrated to the head revision (nothing else runs otherwise);
2. ``media``, ``store``, ``temp``: photo integrity (:mod:`press.services.media_integrity`:
   rows against originals and renditions, orphans, temporary files);
3. ``queue``: changes waiting in the index queue;
4. ``index``: the search indexes against the database (``indexing.check``).

With ``repair``: the photo repairs of ``media_integrity``, the queue is drained and
drifting documents rewritten (the indexes rebuilt when they cannot be read); the schema is
never migrated here (``flask db upgrade`` does that). Findings are codes with parameters
(:mod:`press.services.findings`), rendered by the CLI.

Two phases because the index drain reads committed data in its own session: the caller
commits after :func:`media_integrity.check_files` and before :func:`check_index`. No
Flask; nothing commits.
"""
from __future__ import annotations

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from press.config import MIN_SECRET_KEY_LENGTH
from press.models import Media
from press.search import SearchBackend
from press.services import indexing

from .findings import Finding, Report


# -- 1. database -------------------------------------------------------------------

def check_database(session: Session, migrations_dir: str, report: Report) -> bool:
    """Is the schema at the head revision of ``migrations_dir``? False stops the doctor."""
    from alembic.config import Config
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(migrations_dir))
    heads = set(ScriptDirectory.from_config(config).get_heads())
    current = set(MigrationContext.configure(session.connection()).get_current_heads())
    report.counts["revision"] = ",".join(sorted(current)) or "none"
    if current != heads:
        report.add("database", "not_at_head", "schema", "not_at_head",
                   current=", ".join(sorted(current)) or "none", heads=", ".join(sorted(heads)))
        report.stop("not_at_head", current=", ".join(sorted(current)) or "none", heads=", ".join(sorted(heads)))
        return False
    if not inspect(session.connection()).has_table(Media.__tablename__):
        report.stop("media_table_missing")
        return False
    return True


# -- 0. the secret key ---------------------------------------------------------------

def check_secret_key(key: str | None, *, generated: bool, production: bool, report: Report) -> None:
    """Say where the key signing the cookies comes from. Every node must share one key
    (``PRESS_SECRET_KEY``): a key generated in this node's ``instance/`` signs cookies no
    other node accepts. A missing or short key is a problem in production (the
    application refuses to start that way; this catches a key set around that check);
    elsewhere the count says it, since one development machine needs nothing more."""
    if not key:
        report.counts["secret_key"] = "missing"
    elif generated:
        report.counts["secret_key"] = "generated"
    elif len(key) < MIN_SECRET_KEY_LENGTH:
        report.counts["secret_key"] = "short"
    else:
        report.counts["secret_key"] = "configured"
    if production and report.counts["secret_key"] != "configured":
        report.add("config", "secret_key", "PRESS_SECRET_KEY", f"secret_key_{report.counts['secret_key']}",
                   length=len(key or ""), minimum=MIN_SECRET_KEY_LENGTH)


# -- 3-4. queue and index ----------------------------------------------------------

def check_index(session: Session, index: SearchBackend, report: Report, *, repair: bool = False) -> None:
    """The index queue and the indexes against the database; the caller has committed."""
    queued = indexing.queue_length(session)
    report.counts["queued"] = queued
    if queued:
        finding = report.add("queue", "queued", "index queue", "index_queued", count=queued)
        if repair:
            drained = indexing.drain(session, index)
            if drained.remaining == 0 and not drained.busy:
                finding.act("queue_drained", fixed=True, rows=drained.rows)
            else:
                finding.act("queue_drained_partly", rows=drained.rows, remaining=drained.remaining)
    try:
        drift = indexing.check(session, index)
    except Exception as exc:  # an unreadable or deleted index folder
        finding = report.add("index", "unreadable", "search index", "index_unreadable",
                             error=f"{type(exc).__name__}: {exc}")
        if repair:
            _rebuild_index(session, index, finding)
        return
    keys = _drift_keys(drift)
    if not keys:
        return
    finding = report.add("index", "drift", "search index", "index_drift", **_drift_params(drift))
    if not repair:
        return
    try:
        rewritten = indexing.repair(session, index)
        if indexing.check(session, index).ok:
            finding.act("index_rewritten", fixed=True, count=rewritten)
            return
    except Exception:  # noqa: BLE001 - fall through to a full rebuild
        pass
    _rebuild_index(session, index, finding)


def _rebuild_index(session: Session, index: SearchBackend, finding: Finding) -> None:
    try:
        count = indexing.rebuild_all(session, index)
        indexing.drain(session, index)
        ok = indexing.check(session, index).ok
    except Exception as exc:  # noqa: BLE001 - reported, not raised
        finding.act("index_rebuild_failed", error=f"{type(exc).__name__}: {exc}")
        return
    finding.act("index_rebuilt", fixed=ok, count=count)


def _drift_keys(drift) -> set:
    return drift.missing_staff | drift.extra_staff | drift.missing_public | drift.extra_public


def _drift_params(drift) -> dict:
    """How many documents each index misses or holds too many, and the first few keys."""
    params = {name: len(getattr(drift, name)) for name in ("missing_staff", "extra_staff", "missing_public", "extra_public")}
    keys = sorted(_drift_keys(drift))
    params["keys"] = ", ".join(keys[:5]) + (f" … (+{len(keys) - 5})" if len(keys) > 5 else "")
    return params

"""``flask search sync|rebuild|check|query``: the search indexes from the command line.

- ``sync [--json]``: drain the index queue now (what happens after each request anyway).
- ``rebuild [--json]``: recreate both indexes from the database with a progress bar, into a
  new folder swapped in when complete; search keeps answering meanwhile.
- ``check [--json]``: compare the indexes with the database; exit status 1 on drift.
- ``query TEXT [--public] [--limit N] [--page N] [--order relevance|date] [--json]``: the
  hits (kind, id, title, score, snippet) and facet counts, as the page shows them.
"""
from __future__ import annotations

import html
import json
import re
import sys

import click
from flask import current_app
from flask.cli import AppGroup

from press.config import search_url
from press.extensions import db
from press.search import IndexBusyError, RebuildError, SearchBackend, open_index
from press.services import indexing

_TAGS = re.compile(r"</?mark>")


def _index() -> SearchBackend:
    index = current_app.extensions.get("search_index")
    if index is None:
        index = current_app.extensions["search_index"] = open_index(search_url(current_app.config))
    index.prepare()  # the folder may have been deleted, the tables not yet made
    return index


def _damaged(exc: Exception) -> click.ClickException:
    return click.ClickException(
        f"the search index cannot be read ({type(exc).__name__}: {exc}); run `flask search rebuild`"
    )


@click.group("search", cls=AppGroup)
def search() -> None:
    """The search indexes (staff and public)."""


@search.command("sync")
@click.option("--json", "as_json", is_flag=True, help="Print the drain report as JSON.")
def sync(as_json: bool) -> None:
    """Index everything waiting in the queue, then rewrite what the index lacks or has extra."""
    try:
        report = indexing.drain(db.session, _index())
        repaired = 0 if report.busy else indexing.repair(db.session, _index())
    except IndexBusyError as exc:
        raise click.ClickException("the search index stayed locked; the queue is kept for the next sync") from exc
    except Exception as exc:
        raise _damaged(exc) from exc
    if as_json:
        click.echo(json.dumps({**report.as_dict(), "repaired": repaired}))
    else:
        click.echo(
            f"{report.rows} queue rows: {report.upserted} documents written ({report.public} public), "
            f"{report.deleted} removed; {report.remaining} still queued; {repaired} drifted documents rewritten."
        )
    if report.busy:
        raise click.ClickException("the search index stayed locked; the queue is kept for the next sync")


def rebuild_index(*, bar: bool = True, echo=click.echo) -> int:
    """Rebuild both indexes from the database, then drain what queued up meanwhile."""
    index = _index()
    total = indexing.count_documents(db.session)
    if bar and total:
        with click.progressbar(length=total, label="Indexing", file=sys.stderr) as progress:
            done = [0]

            def advance(count: int) -> None:
                progress.update(count - done[0])
                done[0] = count

            count = indexing.rebuild_all(db.session, index, progress=advance)
    else:
        count = indexing.rebuild_all(db.session, index)
    indexing.drain(db.session, index)
    echo(f"Search indexes rebuilt: {count} documents.")
    return count


def ensure_index(echo=click.echo) -> None:
    """What ``flask setup`` leaves behind: the queue drained and both indexes matching the
    database, rebuilt when they do not (a new instance, a deleted or damaged index folder, an
    index of an older schema)."""
    index = _index()
    try:
        indexing.drain(db.session, index)
        ok = indexing.check(db.session, index).ok and index.schema_is_current()
    except Exception:  # a damaged index folder: the rebuild below replaces it
        ok = False
    if ok:
        echo("Search indexes are up to date.")
    else:
        rebuild_index(bar=False, echo=echo)


@search.command("rebuild")
@click.option("--json", "as_json", is_flag=True, help="Print the count as JSON.")
def rebuild(as_json: bool) -> None:
    """Recreate both indexes from the database (swapped in when complete)."""
    try:
        count = rebuild_index(bar=not as_json, echo=(lambda _m: None) if as_json else click.echo)
    except RebuildError as exc:
        raise click.ClickException("another rebuild of the search index is running") from exc
    if as_json:
        click.echo(json.dumps({"documents": count}))


@search.command("check")
@click.option("--json", "as_json", is_flag=True, help="Print the drift as JSON.")
def check(as_json: bool) -> None:
    """Compare the indexes with the database; exit 1 when they differ."""
    queued = indexing.queue_length(db.session)
    try:
        report = indexing.check(db.session, _index())
    except Exception as exc:
        if as_json:
            click.echo(json.dumps({"ok": False, "queued": queued, "error": f"{type(exc).__name__}: {exc}"}))
        else:
            click.echo(f"The search index cannot be read ({type(exc).__name__}): run `flask search rebuild`.")
        raise SystemExit(1) from exc
    drift = {
        "missing_staff": sorted(report.missing_staff), "extra_staff": sorted(report.extra_staff),
        "missing_public": sorted(report.missing_public), "extra_public": sorted(report.extra_public),
    }
    if as_json:
        click.echo(json.dumps({"ok": report.ok, "queued": queued, **drift}))
    else:
        for name, keys in drift.items():
            if keys:
                shown = ", ".join(keys[:20]) + (f" … (+{len(keys) - 20})" if len(keys) > 20 else "")
                click.echo(f"{name.replace('_', ' ')}: {len(keys)}: {shown}")
        if report.ok:
            click.echo("Search indexes match the database.")
        else:
            click.echo("Drift found: run `flask search sync` (or `flask search rebuild`).")
        if queued:
            click.echo(f"{queued} changes wait in the queue.")
    if not report.ok:
        raise SystemExit(1)


@search.command("query")
@click.argument("text")
@click.option("--public", is_flag=True, help="Search the public index (what journalists see).")
@click.option("--limit", type=click.IntRange(1, 100), default=10, show_default=True)
@click.option("--page", type=click.IntRange(1), default=1)
@click.option("--order", type=click.Choice(["relevance", "date"]), default="relevance")
@click.option("--json", "as_json", is_flag=True, help="Print hits and facets as one JSON object.")
def query(text: str, public: bool, limit: int, page: int, order: str, as_json: bool) -> None:
    """Search one index as the page would."""
    result = _index().search(text, public=public, page=page, per_page=limit, order=order)
    hits = [
        {"kind": h.kind, "id": h.id, "title": h.title, "score": round(h.score, 4), "snippet": h.snippet,
         "date": h.date.isoformat() if h.date and h.date.year > 1970 else None}
        for h in result.hits
    ]
    facets = {name: [{"value": v, "count": c} for v, c in values] for name, values in result.facets.items()}
    if as_json:
        click.echo(json.dumps({
            "query": text, "index": "public" if public else "staff", "total": result.total, "page": result.page,
            "pages": result.pages, "hits": hits, "facets": facets, "did_you_mean": result.did_you_mean,
            "notices": result.notices,
        }, ensure_ascii=False))
        return
    click.echo(f"{result.total} hits ({'public' if public else 'staff'} index), page {result.page} of {result.pages}")
    if result.notice:
        click.echo(f"note: {result.notice}")
    if result.did_you_mean:
        click.echo(f"did you mean: {result.did_you_mean}")
    for h in hits:
        click.echo(f"{h['kind']:8} {str(h['id']):>6}  {h['score']:7.3f}  {h['title']}")
        snippet = html.unescape(_TAGS.sub("*", h["snippet"])).replace("\n", " ")
        if snippet:
            click.echo(f"{'':25}{snippet[:160]}")
    for name, values in facets.items():
        if values:
            click.echo(f"{name}: " + ", ".join(f"{v['value']} ({v['count']})" for v in values))

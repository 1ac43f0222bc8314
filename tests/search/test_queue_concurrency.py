"""Four processes writing through the database queue at once: nothing lost, nobody sees an error."""
from __future__ import annotations

import multiprocessing

from press.extensions import db
from press.services import indexing

from tests.conftest import make_config
from tests.search.queue_workers import add_activities


def test_four_processes_adding_50_documents_each_through_the_queue(app, tmp_path):
    config = make_config(tmp_path)
    ctx = multiprocessing.get_context("spawn")
    barrier, errors = ctx.Barrier(4), ctx.Queue()
    procs = [ctx.Process(target=add_activities, args=(config, w, 50, barrier, errors)) for w in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=600)
    assert [p.exitcode for p in procs] == [0, 0, 0, 0]
    seen = []
    while not errors.empty():
        seen.append(errors.get())
    assert seen == []

    runner = app.test_cli_runner()
    result = runner.invoke(args=["search", "sync", "--json"])
    assert result.exit_code == 0, result.output
    index = app.extensions["search_index"]
    assert index.search("serentak", public=False, per_page=5).total == 200
    for w in range(4):
        assert index.search(f"pekerja{w}", public=False).total == 50
        assert index.search(f"dokumen{w}x49", public=False).total == 1
    assert index.search("serentak", public=True).total == 0
    with app.app_context():
        assert indexing.check(db.session, index).ok
        assert indexing.queue_length(db.session) == 0

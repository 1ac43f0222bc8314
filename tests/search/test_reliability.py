"""Several writers, interrupted and completed rebuilds: nothing lost, the old index answers."""
import multiprocessing
import os
import signal
import time

import pytest

from press.search import Document, RebuildError, SearchIndex, open_index, upsert

from tests.search.conftest import store_url
from tests.search.workers import add_documents, slow_rebuild


def test_four_processes_writing_at_once_lose_nothing(index):
    url = store_url(index)
    index.apply([])
    ctx = multiprocessing.get_context("spawn")
    barrier, errors = ctx.Barrier(4), ctx.Queue()
    procs = [ctx.Process(target=add_documents, args=(url, w, 50, barrier, errors)) for w in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=300)
    assert [p.exitcode for p in procs] == [0, 0, 0, 0]
    seen = []
    while not errors.empty():
        seen.append(errors.get())
    assert seen == []
    assert len(index.doc_keys(public=False)) == 200
    assert len(index.doc_keys(public=True)) == 200
    assert index.search("serentak", public=True, per_page=5).total == 200
    for w in range(4):
        assert index.search(f"pekerja{w}", public=False).total == 50
        assert index.search(f"dokumen{w}x49", public=False).total == 1


@pytest.fixture
def built(index, make_doc):
    docs = [make_doc(id=i, title=f"Siaran {i}", body=f"Peresmian jembatan ke-{i} oleh Wali Kota.") for i in range(30)]
    docs.append(make_doc(id=99, body="Draf kunjungan kerja rahasia.", status="draft"))
    index.rebuild(docs)
    return index, docs


def test_a_rebuild_that_raises_half_way_leaves_the_old_index_answering(built, make_doc):
    index, _ = built
    before = index.search("jembatan", public=True).total

    def broken():
        for i in range(50):
            yield make_doc(id=1000 + i, body="dokumen pengganti")
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        index.rebuild(broken())
    assert index.search("jembatan", public=True).total == before == 30
    assert index.search("pengganti", public=False).total == 0
    if isinstance(index, SearchIndex):
        assert len(os.listdir(os.path.join(index.root, "generations"))) == 1
    index.apply([upsert(make_doc(id=500, body="jembatan baru"))])
    assert index.search("jembatan", public=True).total == 31


def test_a_rebuild_killed_half_way_leaves_the_old_index_answering_and_writable(built, tmp_path, make_doc):
    index, docs = built
    ready = tmp_path / "ready"
    proc = multiprocessing.get_context("spawn").Process(target=slow_rebuild, args=(store_url(index), str(ready)))
    proc.start()
    deadline = time.monotonic() + 120
    while not ready.exists() and time.monotonic() < deadline and proc.is_alive():
        time.sleep(0.05)
    assert ready.exists()
    with pytest.raises(RebuildError):
        index.rebuild([])
    os.kill(proc.pid, signal.SIGKILL)
    proc.join()
    assert index.search("jembatan", public=True).total == 30
    assert index.search("catatan", public=False).total == 0
    index.apply([upsert(make_doc(id=500, body="jembatan baru"))])
    assert index.search("jembatan", public=True).total == 31
    index.rebuild(docs)
    assert index.search("jembatan", public=True).total == 30
    assert index.search("baru", public=True).total == 0
    if isinstance(index, SearchIndex):
        assert len(os.listdir(os.path.join(index.root, "generations"))) <= 2


def test_a_completed_rebuild_gives_the_same_results_as_before(built, make_doc):
    index, docs = built
    queries = ["jembatan", "kunjungan", "wali kota", '"ke-7"', "", "tag:x", "jembatan 2021"]
    before = {(q, p): (r.total, [h.doc_key for h in r.hits], r.facets)
              for q in queries for p in (False, True) for r in [index.search(q, public=p, per_page=50)]}
    progress = []
    assert index.rebuild(iter(docs), progress=progress.append) == len(docs)
    after = {(q, p): (r.total, [h.doc_key for h in r.hits], r.facets)
             for q in queries for p in (False, True) for r in [index.search(q, public=p, per_page=50)]}
    assert after == before
    assert progress[-1] == len(docs)


def test_changes_applied_during_a_rebuild_survive_the_swap(built, make_doc):
    index, docs = built
    other = open_index(store_url(index))

    def documents():
        for i, doc in enumerate(docs):
            if i == 10:
                other.apply([upsert(make_doc(id=777, body="ditambahkan selama pembangunan ulang"))])
                assert other.search("pembangunan", public=True).total == 1
            yield doc

    index.rebuild(documents())
    assert index.search("pembangunan", public=True).total == 1
    assert index.search("jembatan", public=True).total == 30


def test_search_answers_while_a_rebuild_is_running(built, make_doc):
    index, docs = built
    totals = []

    def documents():
        for doc in docs:
            totals.append(index.search("jembatan", public=True).total)
            yield Document(kind="note", id=doc.id, body="catatan")

    index.rebuild(documents())
    assert set(totals) == {30}
    assert index.search("jembatan", public=True).total == 0

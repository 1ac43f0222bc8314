"""``flask search rebuild`` killed with SIGKILL half-way while the server is up: search
keeps answering from the old index, new changes still reach it, a later rebuild
completes, and ``flask search check`` and ``flask doctor`` are clean."""
from __future__ import annotations

import os
import time

from tests.faults.conftest import (add_activities, flask_json, kill_group, staff_session, start_killable,
                                   wait_for)


# Enough to keep the rebuild writing long after the kill, half a second after it began: their
# rebuild takes about ten seconds (190 documents a second at load 1 to 3); the test says "add
# documents" if it ever ends first. The 4,000 used before cost 7 s more of the test's 34.
ACTIVITIES = 2000


def staff_hits(session, text: str) -> int:
    reply = session.get("/api/v1/search", q=text, scope="staff")
    assert reply.status == 200, reply.status
    return reply.json()["total"]


def test_a_rebuild_killed_half_way_leaves_search_answering_and_a_later_rebuild_completes(server):
    add_activities(server, ACTIVITIES)
    public_before = server_total(server, "kunjungan")
    assert public_before > 0  # the demo's published release

    rebuild = start_killable(server, "search", "rebuild")
    marker = os.path.join(server.env["PRESS_INDEX_ROOT"], "rebuilding")
    assert wait_for(lambda: os.path.exists(marker), watch=(rebuild,)), "the rebuild ended before it could be killed; add documents"
    time.sleep(0.5)  # well into the writing
    assert rebuild.poll() is None, "the rebuild finished before it could be killed; add documents"
    kill_group(rebuild)

    # The public and staff search keep answering from the old index.
    assert server_total(server, "kunjungan") == public_before
    writer = staff_session(server, "writer")
    assert staff_hits(writer, "jembatan") == 0  # the bulk rows never reached the old index

    # A change made now still reaches search on its own (the job worker drains the queue).
    writer.refresh_token("/staf/kegiatan/baru")
    unit = _first_option(writer.get("/staf/kegiatan/baru").text, "unit_id")
    reply = writer.post_form("/staf/kegiatan/baru", {
        "title": "Peresmian taman baca Rawalumbu", "kind": "audiensi", "starts_on": "2026-11-20", "unit_id": unit,
    })
    assert reply.status == 302
    assert wait_for(lambda: staff_hits(writer, "Rawalumbu") == 1, watch=(server.job_worker,))

    code, report = flask_json(server, "search", "rebuild")
    assert code == 0 and report["documents"] > ACTIVITIES
    assert staff_hits(writer, "jembatan") >= ACTIVITIES
    assert staff_hits(writer, "Rawalumbu") == 1
    code, check = flask_json(server, "search", "check")
    assert code == 0 and check["ok"], check
    code, doctor = flask_json(server, "doctor")
    assert code == 0, doctor


def server_total(server, text: str) -> int:
    from bench.support.httpclient import Session

    reply = Session(server.url).get("/api/v1/search", q=text)
    assert reply.status == 200
    return reply.json()["total"]


def _first_option(page: str, name: str) -> str:
    import re

    select = re.search(rf'<select[^>]*name="{name}".*?</select>', page, re.S).group(0)
    return next(v for v in re.findall(r'<option[^>]*value="([^"]*)"', select) if v)

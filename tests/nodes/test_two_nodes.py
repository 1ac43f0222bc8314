"""Siaran on two nodes (``tests/nodes/cluster.py``): gunicorn servers A and B with their own
instance folders, sharing PostgreSQL (database and search), a Swift node speaking S3,
Redis, and one job worker under ``flask worker --supervise``. What one node does, the
other shows; the worker killed in the middle of a photo's renditions comes back and
finishes it; with A gone, B still answers.

The servers start once for the module, so the tests run in this order (A is killed last).
"""
from __future__ import annotations

import io
import os
import signal
import urllib.request
import uuid

import pytest
from PIL import Image
from redis import Redis
from sqlalchemy import text

from bench.support.httpclient import Session
from tests import databases
from tests.conftest import EMAILS, PASSWORDS
from tests.faults.conftest import wait_for
from tests.nodes.cluster import APPROVED_TITLE, kill_node, two_nodes

ACTIVITY_UPLOAD = "/staf/kegiatan/1/unggah"


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    with two_nodes(tmp_path_factory.mktemp("nodes")) as running:
        yield running


def signed_in(node, role: str) -> Session:
    session = Session(node.url)
    session.login(EMAILS[role], PASSWORDS[role])
    return session


def photo(seed: int, size=(2000, 1500)) -> bytes:
    image = Image.effect_noise(size, 40 + seed).convert("RGB")
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def upload(session: Session, data: bytes, caption: str) -> int:
    session.refresh_token(ACTIVITY_UPLOAD)
    reply = session.upload(ACTIVITY_UPLOAD, "file", "foto.jpg", data, fields={"caption_prefix": caption})
    assert reply.status == 200 and reply.json()["status"] == "processing", (reply.status, reply.text[:500])
    return reply.json()["media_id"]


def photo_states(session: Session, node, ids: list[int]) -> dict[int, dict]:
    reply = session.get(f"{node.url}/staf/foto/status?" + "&".join(f"id={media_id}" for media_id in ids))
    return {state["media_id"]: state for state in reply.json()["photos"]} if reply.status == 200 else {}


def staff_hits(session: Session, node, word: str) -> list[int]:
    reply = session.get(f"{node.url}/api/v1/search", q=word, scope="staff")
    return [hit["id"] for hit in reply.json()["hits"] if hit["kind"] == "photo"] if reply.status == 200 else []


def anonymous_page(node, path: str = "/") -> str:
    with urllib.request.urlopen(node.url + path, timeout=30) as answer:
        return answer.read().decode()


def test_a_photo_uploaded_on_node_a_is_found_and_shown_on_node_b(cluster):
    a, b = cluster.nodes["a"], cluster.nodes["b"]
    photographer = signed_in(a, "photographer")  # one secret key: A's session cookie is good on B
    word = "pulau" + uuid.uuid4().hex[:8]
    media_id = upload(photographer, photo(1), f"Dermaga {word} diresmikan")
    assert wait_for(lambda: staff_hits(photographer, b, word) == [media_id], timeout=120), \
        cluster.log.read_text()[-3000:]
    assert wait_for(lambda: photo_states(photographer, b, [media_id])[media_id]["status"] == "ok", timeout=120)
    thumb = photo_states(photographer, b, [media_id])[media_id]["thumb"]
    answer = photographer.get(b.url + thumb)
    assert answer.status == 200 and answer.headers.get("Content-Type") == "image/jpeg"
    assert Image.open(io.BytesIO(answer.body)).size == (400, 300)


def in_flight(redis_url: str, job: bytes) -> bool:
    """Whether some worker has taken the job ``job`` and not yet finished it (``press.redis_queue``)."""
    client = Redis.from_url(redis_url)
    try:
        return any(job in item for key in client.scan_iter("huey.processing.*") for item in client.lrange(key, 0, -1))
    finally:
        client.close()


def test_the_worker_killed_in_the_middle_of_renditions_is_restarted_and_the_photos_end_complete(cluster):
    a, b = cluster.nodes["a"], cluster.nodes["b"]
    photographer = signed_in(a, "photographer")
    first_worker = cluster.worker_pid()
    ids = [upload(photographer, photo(seed), f"Banjir rob hari ke-{seed}") for seed in (2, 3)]

    def rendering() -> bool:
        states = photo_states(photographer, a, ids)
        return any(s["status"] == "processing" for s in states.values()) and \
            in_flight(cluster.env["PRESS_JOBS_URL"], b"media.process")

    assert wait_for(rendering, timeout=120, step=0.01), "the worker never took the photos' job"
    os.kill(first_worker, signal.SIGKILL)
    assert cluster.worker_pid(other_than=first_worker) is not None, cluster.log.read_text()[-3000:]
    assert "killed by SIGKILL" in cluster.log.read_text()
    assert wait_for(lambda: {s["status"] for s in photo_states(photographer, b, ids).values()} == {"ok"},
                    timeout=120), cluster.log.read_text()[-3000:]
    for state in photo_states(photographer, b, ids).values():
        assert photographer.get(b.url + state["thumb"]).status == 200


def test_a_release_published_on_node_b_drops_the_pages_node_a_cached(cluster):
    a, b = cluster.nodes["a"], cluster.nodes["b"]
    assert APPROVED_TITLE not in anonymous_page(a)  # and in A's page cache now, kept an hour unless dropped
    with databases.connect(cluster.env["PRESS_DATABASE_URL"]) as connection:
        release_id = connection.execute(text("SELECT id FROM release WHERE title = :title"),
                                        {"title": APPROVED_TITLE}).scalar_one()
    editor = signed_in(b, "editor")
    editor.refresh_token(f"/staf/siaran/{release_id}/")
    answer = editor.post_form(f"/staf/siaran/{release_id}/alur", {"action": "publish"})
    assert answer.status in (302, 303), answer.text[:500]
    assert wait_for(lambda: APPROVED_TITLE in anonymous_page(a), timeout=30)


def test_with_node_a_killed_node_b_keeps_answering(cluster):
    a, b = cluster.nodes["a"], cluster.nodes["b"]
    photographer = signed_in(a, "photographer")
    kill_node(a)
    assert photographer.get(a.url + "/").status == 0  # A is gone
    assert APPROVED_TITLE in anonymous_page(b)
    assert photographer.get(b.url + "/staf/kegiatan/").status == 200
    assert staff_hits(photographer, b, "Dermaga") != []

"""Two visitors ask at the same moment for a public photo's print rendition nobody asked
for yet: both are told it is being made (202), one request is recorded, no 500."""
from __future__ import annotations

import threading

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from press.extensions import db
from press.models import PrintRequest

from tests.web.publishing_fixtures import build_detached_site


def _both_past_the_lookup(monkeypatch) -> None:
    """Each request looks for an earlier print request before either records its own."""
    barrier = threading.Barrier(2, timeout=10)
    original = Session.get

    def get(self, entity, ident, **kwargs):
        found = original(self, entity, ident, **kwargs)
        if entity is PrintRequest:
            barrier.wait()
        return found

    monkeypatch.setattr(Session, "get", get)


def test_two_first_requests_of_a_print_rendition_make_one_request_and_both_are_answered(app, queued_jobs,
                                                                                          monkeypatch):
    photo = build_detached_site(app).public_photos[0]
    _both_past_the_lookup(monkeypatch)
    answers = []

    def ask():
        answers.append(app.test_client().get(f"/foto/{photo.id}/cetak.jpg").status_code)

    visitors = [threading.Thread(target=ask) for _ in range(2)]
    for visitor in visitors:
        visitor.start()
    for visitor in visitors:
        visitor.join()
    assert sorted(answers) == [202, 202]
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(PrintRequest).where(
            PrintRequest.media_id == photo.id)) == 1

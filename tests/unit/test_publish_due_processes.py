"""The embargo clock run by two processes at once publishes each release exactly once."""
from __future__ import annotations

import multiprocessing
from datetime import datetime, timedelta, timezone

from sqlalchemy import func, select

from press import create_app
from press.extensions import db
from press.models import AuditEvent, Release
from press.services import workflow
from tests.conftest import make_config

DUE = 30


def _run(root, barrier, queue):
    app = create_app(make_config(root))
    with app.app_context():
        barrier.wait()
        published = workflow.publish_due(db.session)
        db.session.commit()
        queue.put([r.id for r in published])
        db.engine.dispose()


def test_two_processes_publish_each_due_release_once(app, tmp_path):
    with app.app_context():
        past = datetime.now(timezone.utc) - timedelta(minutes=5)
        for n in range(DUE):
            db.session.add(Release(slug=f"embargo-{n}", title=f"Embargo {n}", body="Isi.", state="scheduled",
                                   embargo_at=past + timedelta(seconds=n)))
        db.session.commit()
        ids = set(db.session.scalars(select(Release.id).where(Release.slug.like("embargo-%"))))
        db.engine.dispose()
    context = multiprocessing.get_context("fork")
    barrier, queue = context.Barrier(2), context.Queue()
    workers = [context.Process(target=_run, args=(tmp_path, barrier, queue)) for _ in range(2)]
    for worker in workers:
        worker.start()
    results = [queue.get(timeout=60) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    first, second = (set(r) for r in results)
    assert first | second == ids
    assert not first & second
    with app.app_context():
        counts = dict(db.session.execute(
            select(AuditEvent.object_id, func.count()).where(AuditEvent.action == "release.publish_due")
            .group_by(AuditEvent.object_id)).all())
        assert counts == {release_id: 1 for release_id in ids}
        assert db.session.scalar(select(func.count()).select_from(Release).where(Release.state == "scheduled",
                                                                                  Release.slug.like("embargo-%"))) == 0

"""Process entry point for the queue concurrency test (importable by spawned processes)."""
from __future__ import annotations

import logging
import traceback
from datetime import date


class _ErrorsToQueue(logging.Handler):
    def __init__(self, errors):
        super().__init__(level=logging.WARNING)
        self.errors = errors

    def emit(self, record):
        self.errors.put(f"{record.levelname} {record.name}: {record.getMessage()}")


def add_activities(config: dict, worker: int, count: int, barrier, errors) -> None:
    """Create ``count`` activities through the service, each committed in its own application
    context (so each commit is followed by a drain, as after a request), after every worker
    is ready. Anything raised or logged as a warning or error goes to ``errors``."""
    from sqlalchemy import select

    from press import create_app
    from press.extensions import db
    from press.models import Unit
    from press.services.activities import ActivityData, create_activity

    logging.getLogger().addHandler(_ErrorsToQueue(errors))
    app = create_app(config)
    with app.app_context():
        unit_id = db.session.scalar(select(Unit.id).limit(1))
    barrier.wait()
    try:
        for i in range(count):
            with app.app_context():
                create_activity(db.session, ActivityData(
                    title=f"Rapat serentak pekerja{worker} nomor{i}", kind="rapat_koordinasi",
                    starts_on=date(2022, 3, 1 + worker), unit_id=unit_id,
                    summary=f"Kegiatan serentak dokumen{worker}x{i}.",
                ), actor=None)
                db.session.commit()
    except Exception:
        errors.put(traceback.format_exc())

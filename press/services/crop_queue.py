"""Asking for a photo's crops (``press.services.crops`` makes them in the ``media.crops``
job): the photo is marked and the job queued once the transaction commits. Its own module
so that ``media`` (a photo made public) and ``workflow`` (a release published with its
photos) ask alike without importing each other."""
from __future__ import annotations

from sqlalchemy.orm import Session

from press import jobs
from press.models import Media

CROPS_JOB = "media.crops"


def ask_for_crops(session: Session, media: Media) -> None:
    """Have the ``media.crops`` job (re)make the photo's crops once this transaction commits."""
    media.crops_pending = True
    jobs.after_commit(session, CROPS_JOB)

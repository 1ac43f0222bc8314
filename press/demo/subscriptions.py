"""The demo's e-mail subscribers, through the subscriptions service like anyone on
``/langganan``: a newsroom following every release at once, a health reporter taking the
Dinas Kesehatan's releases in the 07.00 WIB digest, and a reader who has not confirmed
yet (their confirmation waits in the outbox). Loaded before the releases, so the
published ones leave their alerts in the outbox (``.eml`` files under
``instance/outbox/`` once the worker has run)."""
from __future__ import annotations

from sqlalchemy.orm import Session

from press.codes import ActivityKind, SubscriptionCadence, SubscriptionScope
from press.services import subscriptions

NEWSROOM = "redaksi@kabarbekasi.example"


def load_demo_subscriptions(session: Session, *, health_unit_id: int) -> None:
    subscriptions.subscribe(session, address=NEWSROOM, scope=SubscriptionScope.ALL, confirmed=True)
    subscriptions.subscribe(session, address="kesehatan@harianpatriot.example", scope=SubscriptionScope.UNIT,
                            scope_value=health_unit_id, cadence=SubscriptionCadence.DIGEST, confirmed=True)
    subscriptions.subscribe(session, address="pembaca@contoh.example", scope=SubscriptionScope.KIND,
                            scope_value=ActivityKind.PERESMIAN)

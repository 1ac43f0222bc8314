"""Jobs kept in Redis (``PRESS_JOBS_URL=redis://…``), delivered at least once.

huey's own Redis storage takes a job off the list with ``BRPOP``: a worker killed while
running it loses it for good. Here a worker takes a job with ``BLMOVE`` into a list of
its own (``huey.processing.<queue>.<consumer>``), in one step, and removes it from there
(the acknowledgement) only once the job has returned, raised or been put on the
schedule for its retry. Each consumer holds a lease, a key that expires after
``lease_seconds`` and that its scheduler thread renews every second; any consumer's
scheduler that finds a lease gone moves that consumer's unacknowledged jobs back to the
head of the queue (one Lua script, so two consumers never both return them). A job cut
off by SIGKILL therefore runs again on another worker ``lease_seconds`` later; its effect
happens once because every job writes it in one transaction and finds its work in the
database (``press.jobs``).

Periodic jobs run once per period across every node: the scheduler that first sets the
key ``huey.period.<queue>.<job>.<slot>`` (``SET NX``, the slot being the period's number
since the epoch) puts the job on the queue; the others find the key taken. Node clocks
may differ by anything short of the key's life (two periods and a minute).

A single Redis server (or a primary with replicas), not Redis Cluster: the script that
returns lost jobs reaches keys it computes. Imports neither Flask nor anything of ``press``.
"""
from __future__ import annotations

import logging
import uuid

from huey import signals
from huey.api import Huey
from huey.storage import RedisStorage
from redis import ConnectionPool

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 5

# Returns the unacknowledged jobs of every consumer whose lease expired to the queue.
RETURN_LOST_LUA = """
local returned = 0
for _, id in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  if redis.call('EXISTS', ARGV[2] .. id) == 0 then
    while redis.call('LMOVE', ARGV[1] .. id, KEYS[2], 'RIGHT', 'RIGHT') do
      returned = returned + 1
    end
    redis.call('SREM', KEYS[1], id)
  end
end
return returned
"""


def connection_pool(url: str) -> ConnectionPool:
    """The pool for ``url``; ``ValueError`` when it is not a Redis URL."""
    return ConnectionPool.from_url(url, socket_connect_timeout=CONNECT_TIMEOUT_S, health_check_interval=30)


class LeasedRedisStorage(RedisStorage):
    """huey's Redis storage with acknowledged delivery, consumer leases and period claims."""

    def __init__(self, name: str, *, url: str, lease_seconds: int = 30, read_timeout: int = 1):
        super().__init__(name, connection_pool=connection_pool(url), blocking=True, read_timeout=read_timeout)
        self.lease_seconds = max(2, int(lease_seconds))
        self.consumer_id = uuid.uuid4().hex
        self.consumers_key = f"huey.consumers.{self.name}"
        self.processing_prefix = f"huey.processing.{self.name}."
        self.lease_prefix = f"huey.alive.{self.name}."
        self.period_prefix = f"huey.period.{self.name}."
        self.processing_key = self.processing_prefix + self.consumer_id
        self._return_lost = self.conn.register_script(RETURN_LOST_LUA)

    def dequeue(self):
        """The next job, moved to this consumer's list in the same step; None after ``read_timeout``."""
        return self.conn.blmove(self.queue_key, self.processing_key, self.read_timeout, "RIGHT", "LEFT")

    def ack(self, data: bytes) -> None:
        """The job ``data`` is done with (finished, failed for good, or scheduled for its retry)."""
        self.conn.lrem(self.processing_key, 1, data)

    def renew(self) -> None:
        """Hold (or take) this consumer's lease for another ``lease_seconds``."""
        pipe = self.conn.pipeline()
        pipe.set(self.lease_prefix + self.consumer_id, b"1", ex=self.lease_seconds)
        pipe.sadd(self.consumers_key, self.consumer_id)
        pipe.execute()

    def return_lost(self) -> int:
        """Put back on the queue the jobs of consumers whose lease ran out; how many."""
        return int(self._return_lost(keys=[self.consumers_key, self.queue_key],
                                     args=[self.processing_prefix, self.lease_prefix]))

    def tick(self) -> None:
        """The scheduler's second: renew the lease, return what dead consumers held."""
        self.renew()
        returned = self.return_lost()
        if returned:
            log.warning("%d job(s) of a worker that stopped answering are queued again", returned)

    def retire(self) -> None:
        """This consumer stops: what it still holds goes back to the queue now, not after the lease."""
        self.conn.delete(self.lease_prefix + self.consumer_id)
        self.return_lost()

    def in_flight(self) -> int:
        """Jobs taken by some consumer and not yet acknowledged."""
        return sum(self.conn.llen(self.processing_prefix + member.decode())
                   for member in self.conn.smembers(self.consumers_key))

    def where(self) -> str:
        """Where the jobs wait, for the worker's first line (no password)."""
        settings = self.pool.connection_kwargs
        place = settings.get("path") or f"{settings.get('host', 'localhost')}:{settings.get('port', 6379)}"
        return f"Redis {place} db {settings.get('db', 0)}"

    def claim_period(self, job: str, seconds: int, slot: int) -> bool:
        """True for the one scheduler, across nodes, that first claims ``job``'s period ``slot``."""
        key = f"{self.period_prefix}{job}.{slot}"
        return bool(self.conn.set(key, b"1", nx=True, ex=2 * seconds + 60))


class LeasedRedisHuey(Huey):
    """huey on :class:`LeasedRedisStorage`: a dequeued job is acknowledged once ``execute``
    is done with it, unless the consumer was interrupted in the middle of it."""

    storage_class = LeasedRedisStorage

    def __init__(self, name: str, **kwargs):
        super().__init__(name, **kwargs)
        self.signal(signals.SIGNAL_INTERRUPTED)(_mark_interrupted)

    def dequeue(self):
        data = self.storage.dequeue()
        if data is None:
            return None
        try:
            task = self.deserialize_task(data)
        except Exception:  # a job no code here knows: dropped, not handed round forever
            log.exception("a queued job could not be read and is dropped")
            self.storage.ack(data)
            return None
        task.queued_as = data
        return task

    def execute(self, task, timestamp=None):
        try:
            return super().execute(task, timestamp)
        finally:
            data = getattr(task, "queued_as", None)
            if data is not None and not getattr(task, "interrupted", False):
                self.storage.ack(data)


def _mark_interrupted(_signal, task, *_args) -> None:
    task.interrupted = True


"""The tests' throwaway Redis (``tests/redis_server.py``) is always a server of its own: a free
port that another Redis took before this one started is never handed out, since the tests
on it would flush that server's data and take its jobs (the embargo clock's drain run by
another process's worker, on another database)."""
from __future__ import annotations

import pytest
from redis import Redis

from tests import redis_server
from tests.redis_server import throwaway_server


def test_a_throwaway_redis_never_hands_out_another_servers_port(monkeypatch):
    with throwaway_server() as theirs:
        Redis.from_url(theirs).set("huey.redis.siaran", "their job")
        taken = int(theirs.rsplit(":", 1)[1])
        with pytest.raises(RuntimeError, match="another process's Redis"), throwaway_server(taken):
            pass
        chosen = iter([taken])  # the port picked as free is taken by the time the server starts
        monkeypatch.setattr(redis_server, "free_port", lambda free=redis_server.free_port: next(chosen, None) or free())
        with throwaway_server() as ours:
            assert ours != theirs and Redis.from_url(ours).get("huey.redis.siaran") is None
        assert Redis.from_url(theirs).get("huey.redis.siaran") == b"their job"

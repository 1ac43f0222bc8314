"""Two Siaran nodes on one Redis share the failed-login counts of an address: failures on
one node count on the other. Without Redis (the default) each process counts its own."""
from __future__ import annotations

import pytest

from press import create_app
from press.extensions import db
from tests import databases
from tests.conftest import make_config
from tests.web.test_login_limits import ATTACKER, TOO_MANY, attempt, browser

LIMIT = "4 per 15 minutes"


@pytest.fixture
def two_nodes(tmp_path, migrated_db, redis_url):
    """Two applications on one database, their jobs (and so their login counts) in one Redis."""
    databases.copy_demo(migrated_db, tmp_path)
    nodes = [create_app(make_config(tmp_path, JOBS_URL=redis_url, LOGIN_RATE_LIMIT=LIMIT)) for _ in range(2)]
    yield nodes
    for node in nodes:
        with node.app_context():
            db.engine.dispose()


def test_failures_on_one_node_count_on_the_other(two_nodes):
    first, second = (browser(node, ATTACKER) for node in two_nodes)
    assert [attempt(first, f"tebakan{n}@siaran.test").status_code for n in range(2)] == [401, 401]
    assert [attempt(second, f"lagi{n}@siaran.test").status_code for n in range(2)] == [401, 401]
    refused = attempt(second, "sekali-lagi@siaran.test")
    assert refused.status_code == 429 and TOO_MANY in refused.get_data(as_text=True)
    assert attempt(first, "dan-lagi@siaran.test").status_code == 429


def test_the_counts_live_in_the_jobs_redis_unless_told_otherwise(tmp_path, migrated_db, redis_url):
    databases.copy_demo(migrated_db, tmp_path)
    assert create_app(make_config(tmp_path, JOBS_URL=redis_url)).config["RATELIMIT_STORAGE_URI"] == redis_url
    assert create_app(make_config(tmp_path)).config["RATELIMIT_STORAGE_URI"] == "memory://"
    chosen = create_app(make_config(tmp_path, JOBS_URL=redis_url, RATE_LIMIT_STORAGE_URI="memory://"))
    assert chosen.config["RATELIMIT_STORAGE_URI"] == "memory://"


def test_without_redis_each_process_counts_its_own(tmp_path, migrated_db):
    databases.copy_demo(migrated_db, tmp_path)
    first, second = (browser(create_app(make_config(tmp_path, LOGIN_RATE_LIMIT=LIMIT)), ATTACKER) for _ in range(2))
    assert [attempt(first, f"tebakan{n}@siaran.test").status_code for n in range(4)] == [401] * 4
    assert attempt(second, "lagi@siaran.test").status_code == 401
    assert attempt(first, "lagi@siaran.test").status_code == 429


def test_a_node_whose_redis_is_away_still_answers_logins(tmp_path, migrated_db):
    databases.copy_demo(migrated_db, tmp_path)
    app = create_app(make_config(tmp_path, JOBS_URL="redis://127.0.0.1:1/0", LOGIN_RATE_LIMIT=LIMIT))
    attacker = browser(app, ATTACKER)
    # Counted in this process's memory meanwhile: refused, never a server error.
    assert [attempt(attacker, f"tebakan{n}@siaran.test").status_code for n in range(5)] == [401] * 4 + [429]

from __future__ import annotations

import pytest

from .outlet import Server


@pytest.fixture(scope="module")
def outlet():
    server = Server()
    yield server
    server.close()

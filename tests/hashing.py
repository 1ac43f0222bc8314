"""The password hashes made in test processes, and in the processes the tests start.

werkzeug's default scrypt (N = 2**15) costs about 170 ms of CPU for each hash, and the same
again for each login against it. Tests use N = 2**10 instead, about 5 ms: the hash keeps its
format and carries its parameters, so checking a password is the same code. Only
``generate_password_hash``'s default changes, only where the tests ask for it
(``tests/speedups.py`` in-process, ``tests/processes/sitecustomize.py`` for started ones).
"""
from __future__ import annotations

TEST_PASSWORD_HASH = "scrypt:1024:8:1"


def lower_password_hashing(security=None) -> None:
    """Make ``TEST_PASSWORD_HASH`` the default of ``werkzeug.security.generate_password_hash``."""
    if security is None:
        import werkzeug.security as security
    security.generate_password_hash.__defaults__ = (TEST_PASSWORD_HASH, 16)

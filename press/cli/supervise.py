"""``flask worker --supervise``: the job worker in a child process, started again whenever it dies.

Why Siaran carries its own supervisor rather than leaving restarts to the host: a worker
node is often a container or a plain VM whose entry point is one command, with no
service manager that restarts what dies, and a dead worker is silent (uploads stay
"sedang diproses", releases wait past their embargo) until someone looks. One command
that behaves the same on every host, and that the two-node test exercises with SIGKILL,
is what an operator can count on. Under systemd it runs as the service's one command
(``Restart=on-failure`` then only guards the supervisor itself).

Each child is a fresh ``python -m flask worker`` process (never a fork: a worker's Redis
consumer id, made when the application starts, must be new, so the jobs the dead child
held return to the queue when its lease runs out, ``press.redis_queue``). A child that
dies (a signal, an exit of its own) is started again after a delay that doubles from
one second up to a minute while children keep dying young, and falls back to one second
once one has run for a while. SIGTERM or SIGINT to the supervisor is passed on to the
child, waited for, and ends the supervisor with the child's exit status; a supervisor
killed outright takes its child with it (Linux's parent-death signal), so a service
manager that starts the supervisor again never leaves two workers behind.
"""
from __future__ import annotations

import ctypes
import logging
import os
import signal
import subprocess
import time
from collections.abc import Sequence

log = logging.getLogger(__name__)

FIRST_DELAY_S = 1.0
MAX_DELAY_S = 60.0
# A child that ran at least this long died of something other than how it starts.
HEALTHY_AFTER_S = 60.0


def describe_exit(code: int) -> str:
    """``killed by SIGKILL`` for a negative status, ``exited with status 3`` otherwise."""
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exited with status {code}"


PR_SET_PDEATHSIG = 1


def _die_with_parent(parent: int) -> None:
    """In the child before it runs the worker: SIGTERM when the supervisor dies (Linux only;
    elsewhere the worker outlives a supervisor killed outright)."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the supervisor died before the signal was asked for
        os.kill(os.getpid(), signal.SIGTERM)


class Supervisor:
    """Runs ``command`` (with ``env``) until asked to stop, starting it again when it dies."""

    def __init__(self, command: Sequence[str], env: dict[str, str] | None = None):
        self.command = list(command)
        self.env = env
        self.child: subprocess.Popen | None = None
        self.stopping: int | None = None  # the signal that asked the supervisor to stop
        self.restarts = 0

    def _on_signal(self, signum, _frame) -> None:
        self.stopping = signum
        if self.child is not None and self.child.poll() is None:
            self.child.send_signal(signum)

    def _pause(self, seconds: float) -> None:
        until = time.monotonic() + seconds
        while self.stopping is None and time.monotonic() < until:
            time.sleep(0.05)

    def run(self) -> int:
        """Supervise until SIGTERM or SIGINT; the last child's exit status (0 if none ran)."""
        previous = {signum: signal.signal(signum, self._on_signal) for signum in (signal.SIGTERM, signal.SIGINT)}
        try:
            code = self._supervise()
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)
        return code if code >= 0 else 128 - code

    def _supervise(self) -> int:
        delay, code = FIRST_DELAY_S, 0
        while self.stopping is None:
            started = time.monotonic()
            parent = os.getpid()
            self.child = subprocess.Popen(self.command, env=self.env, preexec_fn=lambda: _die_with_parent(parent))
            log.info("worker started (pid %d)", self.child.pid)
            if self.stopping is not None:  # a signal between the check and the start
                self.child.send_signal(self.stopping)
            code = self.child.wait()
            if self.stopping is not None:
                break
            delay = FIRST_DELAY_S if time.monotonic() - started >= HEALTHY_AFTER_S else delay
            log.warning("worker (pid %d) %s; starting another in %.0f s", self.child.pid, describe_exit(code), delay)
            self.restarts += 1
            self._pause(delay)
            delay = min(delay * 2, MAX_DELAY_S)
        return code

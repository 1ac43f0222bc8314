"""``flask worker --supervise`` (``press.cli.supervise``): a worker that dies is started again,
and stopping the supervisor stops the worker it runs."""
from __future__ import annotations

import os
import signal
import sys
import threading

from press.cli.supervise import Supervisor
from tests.faults.conftest import wait_for

# A stand-in worker: notes its pid, dies by SIGKILL the first two times, then runs until stopped.
CHILD = """
import os, signal, sys, time
with open(sys.argv[1], "a") as runs:
    runs.write(f"{os.getpid()}\\n")
with open(sys.argv[1]) as runs:
    if len(runs.read().split()) < 3:
        os.kill(os.getpid(), signal.SIGKILL)
time.sleep(600)
"""


def pids(path) -> list[int]:
    return [int(pid) for pid in path.read_text().split()] if path.exists() else []


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_a_worker_that_dies_is_started_again_and_sigterm_stops_both(tmp_path):
    runs = tmp_path / "runs"
    supervisor = Supervisor([sys.executable, "-c", CHILD, str(runs)])
    stopper = threading.Thread(target=lambda: wait_for(lambda: len(pids(runs)) == 3, timeout=60)
                               and os.kill(os.getpid(), signal.SIGTERM))
    stopper.start()
    code = supervisor.run()  # in this process's main thread: signal handlers are set there only
    stopper.join()
    assert len(pids(runs)) == 3 and supervisor.restarts == 2  # started again after each death
    assert code == 128 + signal.SIGTERM  # the third worker got the SIGTERM and ended by it
    assert not alive(pids(runs)[-1])
    assert signal.getsignal(signal.SIGTERM) != supervisor._on_signal  # the test process's own handler back


"""``flask worker --supervise`` (``press.cli.supervise``): a worker that dies is started again,
stopping the supervisor stops the worker it runs, and so does killing it."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading

from press.cli.supervise import Supervisor
from tests.conftest import REPO_ROOT
from tests.faults.conftest import child_pids, wait_for

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


def zombie(pid: int) -> bool:
    """Ended, and not yet reaped by whoever adopted it."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return False


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



# The supervisor alone in a process (its module loaded by path: not the whole command package).
SUPERVISOR = """
import importlib.util, sys
spec = importlib.util.spec_from_file_location("supervise", "press/cli/supervise.py")
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
module.Supervisor([sys.executable, "-c", "import time; time.sleep(600)"]).run()
"""


def test_a_supervisor_killed_outright_takes_its_worker_with_it():
    supervisor = subprocess.Popen([sys.executable, "-c", SUPERVISOR], cwd=REPO_ROOT)
    found: list[int] = []
    try:
        assert wait_for(lambda: bool(found.extend(child_pids(supervisor.pid)) or found), timeout=60)
        supervisor.send_signal(signal.SIGKILL)
        supervisor.wait(timeout=30)
        assert wait_for(lambda: not alive(found[0]) or zombie(found[0]), timeout=30)
    finally:
        for pid in found:  # left behind when the test fails
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
        if supervisor.poll() is None:
            supervisor.kill()
            supervisor.wait()

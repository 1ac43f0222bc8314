"""A process killed in the middle of ``put`` never leaves a half file under a key."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from press.storage import FileStorage

REPO = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, {repo!r})
    from press.storage import FileStorage

    class SlowStream:
        '''64 MB of data that stalls forever after the first 16 MB.'''
        def __init__(self):
            self.sent = 0
        def read(self, size):
            if self.sent >= 16 * 1024 * 1024:
                print("WRITING", flush=True)
                time.sleep(600)
            self.sent += size
            return bytes([self.sent % 251]) * size

    FileStorage({root!r}).put(SlowStream())
    """
)


def test_sigkill_during_put_leaves_only_temp_files_and_a_clean_store(tmp_path):
    root = tmp_path / "store"
    FileStorage(root)
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD.format(repo=str(REPO), root=str(root))],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert child.stdout.readline().strip() == "WRITING"
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == -signal.SIGKILL

    storage = FileStorage(root)
    assert list(storage.iter_keys()) == []
    leftovers = os.listdir(root / "tmp")
    assert leftovers and all(name.endswith(".part") for name in leftovers)
    assert sum(os.path.getsize(root / "tmp" / n) for n in leftovers) >= 16 * 1024 * 1024
    assert storage.cleanup_temp(older_than_seconds=0) == len(leftovers)
    assert os.listdir(root / "tmp") == []
    assert list(storage.verify()) == []

"""No import, definition or local variable that nothing uses (``ruff.toml`` selects the checks)."""
from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO_ROOT


def test_no_unused_imports_or_names():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format", "concise",
         "press", "tests", "bench", "tools"],
        cwd=REPO_ROOT, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr

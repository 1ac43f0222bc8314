"""The planted bugs of `make planted` must still apply to the code as it is: a rule moved
by a later change would otherwise make its patch fail to apply, and `make planted` would no
longer show that the tests catch that bug. Each patch is only checked here, not run."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PATCHES = sorted((ROOT / "tests" / "planted").glob("*.patch"))


def test_there_are_planted_bugs():
    assert len(PATCHES) >= 17


@pytest.mark.parametrize("patch", PATCHES, ids=lambda p: p.stem)
def test_a_planted_bug_still_applies_to_the_code(patch):
    checked = subprocess.run(["git", "apply", "--check", str(patch)], cwd=ROOT, capture_output=True, text=True)
    assert checked.returncode == 0, f"{patch.name} no longer applies: {checked.stderr.strip()}"

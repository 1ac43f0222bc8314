"""``make planted``: every planted bug of ``tests/planted/`` must be caught by the tests it names.

Each ``*.patch`` there is a unified diff against today's code that plants one realistic bug,
with a header line ``# caught-by: TEST [TEST ...]`` (pytest node ids). For each patch this
copies the checkout's tracked files as they are on disk (and the compiled catalogs) into a
scratch folder, applies the patch there with ``git apply``, and runs the named tests in one
pytest process. A patch that no longer applies, or whose named tests all pass (the bug
survives), fails the run. The checkout itself is never touched.

    python tools/planted.py                  # every patch
    python tools/planted.py weekday_off_by_one.patch ...
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLANTED = ROOT / "tests" / "planted"
HEADER = re.compile(r"^# caught-by:\s*(.+)$", re.M)


def caught_by(patch: Path) -> list[str]:
    """The test node ids named by the patch's header line."""
    found = HEADER.search(patch.read_text(encoding="utf-8"))
    return found.group(1).split() if found else []


def scratch_copy(folder: Path) -> Path:
    """The checkout's tracked files (as on disk) and compiled catalogs under ``folder/repo``,
    with the virtualenv and the shared fixtures (``../shared``) linked beside them."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, check=True, capture_output=True).stdout
    repo = folder / "repo"
    names = [n for n in listed.decode().split("\0") if n]
    names += [str(p.relative_to(ROOT)) for p in (ROOT / "press" / "translations").glob("*/LC_MESSAGES/*.mo")]
    for name in names:
        source = ROOT / name
        if not source.is_file() or source.is_symlink():
            continue
        target = repo / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
    (repo / ".venv").symlink_to((ROOT / ".venv").resolve())
    (folder / "shared").symlink_to((ROOT.parent / "shared").resolve())
    return repo


def run_one(patch: Path) -> tuple[str, str, float]:
    """(verdict, detail, seconds) for one patch: ``caught``, ``SURVIVED``, ``NO LONGER APPLIES``
    or ``NO TESTS NAMED``."""
    tests = caught_by(patch)
    if not tests:
        return "NO TESTS NAMED", "add a '# caught-by: TEST ...' line", 0.0
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="planted-") as tmp:
        repo = scratch_copy(Path(tmp))
        applied = subprocess.run(["git", "apply", "--whitespace=nowarn", str(patch)], cwd=repo,
                                 capture_output=True, text=True)
        if applied.returncode != 0:
            return "NO LONGER APPLIES", applied.stderr.strip().splitlines()[0], time.monotonic() - started
        env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
        run = subprocess.run([str(repo / ".venv" / "bin" / "python"), "-m", "pytest", "-q", "--no-header", "-rf", *tests],
                             cwd=repo, env=env, capture_output=True, text=True)
    seconds = time.monotonic() - started
    failed = sorted({line[len("FAILED "):].split("[")[0].split(" - ")[0]
                     for line in run.stdout.splitlines() if line.startswith("FAILED ")})
    if run.returncode == 1 and failed:
        return "caught", " ".join(failed), seconds
    if run.returncode == 0:
        return "SURVIVED", "every named test passed", seconds
    tail = (run.stdout.strip().splitlines() or run.stderr.strip().splitlines() or ["?"])[-1]
    return "SURVIVED", f"pytest exit {run.returncode} (not a test failure): {tail}", seconds


def main(argv: list[str]) -> int:
    patches = [PLANTED / name for name in argv] if argv else sorted(PLANTED.glob("*.patch"))
    if not patches:
        print(f"no patches under {PLANTED}")
        return 1
    rows = []
    for patch in patches:
        verdict, detail, seconds = run_one(patch)
        rows.append((patch.name, verdict, detail, seconds))
        print(f"{patch.name}: {verdict} ({seconds:.0f} s)", flush=True)
    width = max(len(r[0]) for r in rows)
    print(f"\n{'bug'.ljust(width)}  {'verdict':17}  time  caught by")
    for name, verdict, detail, seconds in rows:
        print(f"{name.ljust(width)}  {verdict:17}  {seconds:3.0f} s  {detail}")
    bad = [r for r in rows if r[1] != "caught"]
    print(f"\n{len(rows) - len(bad)} of {len(rows)} planted bugs caught")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

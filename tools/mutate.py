"""``make mutate``: mutation testing (mutmut) of the modules where a bug is a breach or a loss.

``tools/mutate.toml`` lists each module: the files mutated and the fast tests that guard
them. For each module in turn this copies the checkout (as ``make planted`` does, the
checkout itself is never touched), writes mutmut's ``[mutmut]`` section there and runs
``mutmut run``: mutmut collects which of the module's tests reach each function, then runs,
for each mutant, only those tests in a process forked from one that has imported them. It
prints one table (module, mutants, killed, survived, timeout, score) and the diff of every
surviving mutant; the whole output, and each module's mutmut log, is kept under
``test-output/mutate/``. A module scoring under ``FLOOR`` fails the run.

    python tools/mutate.py                        # every module
    python tools/mutate.py photos/public_meta ... # some (their ``name``)
    MUTATE_CHILDREN=1 python tools/mutate.py      # mutants run at once (default 2)
    MUTATE_MINUTES=10 python tools/mutate.py      # each module stopped after this (default 50)

Killed counts mutants a test failed on; timeouts (a mutant that loops) are detected too, so
the score is (killed + timeout) / mutants. "no tests" (code none of the tests reaches) counts
as survived, and so does "not checked" (a module stopped by ``MUTATE_MINUTES``).
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import tomllib
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from planted import ROOT, scratch_copy  # noqa: E402

CONFIG = ROOT / "tools" / "mutate.toml"
OUTPUT = ROOT / "test-output" / "mutate"
FLOOR = 0.90
DETECTED = {"killed", "timeout", "caught by type check"}


def mutmut_config(module: dict, repo: Path) -> str:
    """The ``[mutmut]`` section of ``setup.cfg`` for one module: the whole ``press`` package
    copied into mutmut's ``mutants/`` folder, only the module's files mutated, and every
    other top-level entry of the copy (pytest.ini, templates, docs…) copied beside it, since
    the tests run from there."""
    beside = sorted(p.name for p in repo.iterdir() if p.name not in {"press", "mutants", ".venv", "setup.cfg"})

    def listed(values: list[str]) -> str:
        return "".join(f"\n    {v}" for v in values)

    return (
        "[mutmut]\n"
        "source_paths = press\n"
        f"only_mutate ={listed(module['files'])}\n"
        f"pytest_add_cli_args_test_selection ={listed(module['tests'])}\n"
        f"also_copy ={listed(beside)}\n"
    )


# Run inside the scratch copy by the virtualenv's Python: each mutant's status and, unless a
# test caught it, its diff, as JSON (one process, rather than one ``mutmut show`` per mutant).
_READ_RESULTS = """
import json, sys
from pathlib import Path
from mutmut.mutation.data import SourceFileMutationData
from mutmut.mutation.diff_apply import get_diff_for_mutant
from mutmut.stats import status_by_exit_code
detected = set(sys.argv[1].split(","))
found = {}
for name in sys.argv[2:]:
    data = SourceFileMutationData(path=Path(name))
    data.load()
    for key, code in data.exit_code_by_key.items():
        status = status_by_exit_code[code]
        found[key] = [status, "" if status in detected else get_diff_for_mutant(key, path=data.path)]
print(json.dumps(found))
"""


def results(repo: Path, files: list[str]) -> dict[str, tuple[str, str]]:
    """Each mutant's name → (status, diff): ``killed``, ``survived``, ``timeout``, ``no tests``,
    ``not checked`` (the module's time ran out first)…"""
    read = subprocess.run([str(repo / ".venv" / "bin" / "python"), "-c", _READ_RESULTS, ",".join(DETECTED), *files],
                          cwd=repo, capture_output=True, text=True, check=True)
    return {name: tuple(found) for name, found in json.loads(read.stdout).items()}


def run_module(module: dict, children: int, minutes: float) -> tuple[Counter, list[str], float]:
    """(status counts, survivors' diffs, seconds) for one module, stopped after ``minutes``."""
    started = time.monotonic()
    mutmut = ROOT / ".venv" / "bin" / "mutmut"
    with tempfile.TemporaryDirectory(prefix="mutate-") as tmp:
        repo = scratch_copy(Path(tmp))
        # the tests run inside mutants/, and find the shared fixtures at its ../shared
        (repo / "shared").symlink_to((ROOT.parent / "shared").resolve())
        (repo / "setup.cfg").write_text(mutmut_config(module, repo), encoding="utf-8")
        # the tests' temporary files (pytest's folders, the demo database kept per process) go
        # into the scratch copy, so they are removed with it even when mutmut is stopped; open
        # as /tmp is, since a throw-away PostgreSQL server runs as its own user and keeps its
        # data there
        os.chmod(tmp, 0o755)
        (Path(tmp) / "tmp").mkdir()
        os.chmod(Path(tmp) / "tmp", 0o1777)
        env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "TMPDIR": str(Path(tmp) / "tmp")}
        log = OUTPUT / (module["name"].replace("/", "-") + ".log")
        with log.open("w", encoding="utf-8") as out:
            run = subprocess.Popen([str(mutmut), "run", "--max-children", str(children)], cwd=repo, env=env,
                                   stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
            try:
                run.wait(timeout=minutes * 60)
            except subprocess.TimeoutExpired:
                pass
            finally:  # out of time, or this run stopped: mutmut and its workers stop with it
                if run.poll() is None:
                    os.killpg(run.pid, signal.SIGTERM)
                    run.wait()
        statuses = results(repo, module["files"])
    diffs = [f"[{status}] {name}\n{diff.strip()}" for name, (status, diff) in sorted(statuses.items())
             if status not in DETECTED]
    return Counter(status for status, _ in statuses.values()), diffs, time.monotonic() - started


def score(counts: Counter) -> float:
    total = sum(counts.values())
    return sum(counts[s] for s in DETECTED) / total if total else 0.0


def main(argv: list[str]) -> int:
    # a SIGTERM unwinds like Ctrl-C: mutmut's process group killed, the scratch copy removed
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    modules = tomllib.loads(CONFIG.read_text(encoding="utf-8"))["module"]
    if argv:
        unknown = set(argv) - {m["name"] for m in modules}
        if unknown:
            print(f"unknown module(s) {sorted(unknown)}; tools/mutate.toml names {[m['name'] for m in modules]}")
            return 2
        modules = [m for m in modules if m["name"] in argv]
    children = int(os.environ.get("MUTATE_CHILDREN", "2"))
    minutes = float(os.environ.get("MUTATE_MINUTES", "50"))
    OUTPUT.mkdir(parents=True, exist_ok=True)
    report = []

    def say(text: str = "") -> None:
        print(text, flush=True)
        report.append(text)

    rows = []
    for module in modules:
        counts, diffs, seconds = run_module(module, children, minutes)
        rows.append((module["name"], counts, seconds))
        say(f"{module['name']}: {sum(counts.values())} mutants, score {score(counts):.1%} ({seconds:.0f} s)")
        for diff in diffs:
            say(diff)
            say()
    width = max(len("module"), *(len(r[0]) for r in rows))
    say(f"\n{'module'.ljust(width)}  mutants  killed  survived  no tests  timeout  unchecked  score   time")
    for name, counts, seconds in rows:
        say(f"{name.ljust(width)}  {sum(counts.values()):7}  {counts['killed']:6}  {counts['survived']:8}  "
            f"{counts['no tests']:8}  {counts['timeout']:7}  {counts['not checked']:9}  {score(counts):5.1%}  "
            f"{seconds:4.0f} s")
    load = os.getloadavg()[0]
    say(f"\nload {load:.1f}; survivors' diffs above; score = (killed + timeout) / mutants, floor {FLOOR:.0%}")
    (OUTPUT / "report.txt").write_text("\n".join(report) + "\n", encoding="utf-8")
    return 1 if any(score(c) < FLOOR for _, c, _ in rows) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

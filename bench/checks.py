"""Benchmark of the editorial checks for Indonesian: recall per family on real slips seeded
into correct releases, for each list ``tests/drafting/slips/real-slips*.md`` (its held-back
rows, and the rest; a list whose status is tuning has none held back), how many caught slips the
replacement puts right (applied, the findings that catch a slip write its standard form back), false
alarms per 1,000 words on the correct releases, and the time to check a
600-word release beside a yardstick run in the same process (one ``str.replace`` pass per
spelling form over the same text, which finds no word boundaries and knows no names).

Run: python bench/checks.py [--rounds N]
"""
from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from press.drafting.checks import check_release  # noqa: E402
from press.drafting.language_checks import check_language  # noqa: E402
from press.drafting.rule_data import rule_data  # noqa: E402
from tests.drafting.slips import seeding  # noqa: E402

WORDS = 600


def release_of(words: int) -> tuple[str, str]:
    """A correct release of about ``words`` words (the correct releases, one after another)."""
    releases = seeding.correct_releases()
    title, body, paragraphs = releases[0][0], [], []
    for _title, text in releases:
        paragraphs += [p for p in text.split("\n") if p.strip()]
    while len(" ".join(body).split()) < words:
        body.append(paragraphs[len(body) % len(paragraphs)])
    return title, "\n".join(body)


def timed(work, rounds: int) -> tuple[float, float]:
    """Median milliseconds of ``rounds`` runs (after one warm-up): wall clock and this
    process's CPU time (which other work on a loaded machine does not inflate as much)."""
    work()
    times, cpu = [], []
    for _ in range(rounds):
        start, start_cpu = time.perf_counter(), time.process_time()
        work()
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return statistics.median(times), statistics.median(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"load average {os.getloadavg()[0]:.2f}")

    for path in seeding.slip_lists():
        print(f"\n{path.name} ({len(seeding.slips(path))} rows)")
        print(f"{'family':<12} {'held back: caught/seeded':>26} {'recall':>7} {'tuning: caught/seeded':>23} {'recall':>7}")
        held, others = seeding.recall(True, path), seeding.recall(False, path)
        for family in sorted(set(held) | set(others)):
            cells = []
            for table in (held, others):
                caught, seeded, unseedable = table.get(family, (0, 0, 0))
                ratio = f"{caught / seeded:.2f}" if seeded else "—"
                cells.append((f"{caught}/{seeded}" + (f" (+{unseedable} n/s)" if unseedable else ""), ratio))
            print(f"{family:<12} {cells[0][0]:>26} {cells[0][1]:>7} {cells[1][0]:>23} {cells[1][1]:>7}")
    for held, label in ((False, "tuning rows"), (True, "held-back rows")):
        right, caught, wrong = seeding.replacements(held)
        hints = sum(1 for _slip, _fix, hint in wrong if hint)
        if caught:
            print(f"replacement right ({label}): {right}/{caught} caught ({len(wrong)} not: "
                  f"{hints} a hint only, {len(wrong) - hints} another form)")
    count, words = seeding.false_alarms()
    print(f"\nfalse alarms on {len(seeding.correct_releases())} correct releases: {count} in {words} words "
          f"= {count * 1000 / words:.2f} per 1,000 words")

    title, body = release_of(WORDS)
    data = rule_data()
    forms = list(data.spelling.items())

    def yardstick():
        text = body
        for written, entry in forms:
            text = text.replace(written, entry.standard)
        return text

    rows = [
        ("yardstick: str.replace per spelling form", timed(yardstick, args.rounds)),
        ("language checks (spelling, di-/ke-, foreign, times, Rp)", timed(lambda: check_language(body), args.rounds)),
        ("every check (check_release, with the notes extractor)",
         timed(lambda: check_release(body, title=title, label=seeding.LABEL), args.rounds)),
    ]
    print(f"\n{len(body.split())}-word release, {len(forms)} spelling forms, median of {args.rounds} rounds")
    print(f"{'operation':<58} {'ms':>8} {'CPU ms':>8} {'per s':>8} {'× yardstick':>12}")
    for label, (ms, cpu) in rows:
        print(f"{label:<58} {ms:>8.2f} {cpu:>8.2f} {1000 / ms:>8.1f} {ms / rows[0][1][0]:>12.2f}")


if __name__ == "__main__":
    main()

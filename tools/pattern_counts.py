"""Sum the pattern tallies of the real releases read for the notes extractor.

Three note writers each read releases from one group of regions and counted, in
``tests/notes/real/tally-N.json``, how often each way of writing people, titles, quotes
and dates occurred; ``sources-N.md`` lists every release read. This script prints the
tables ``docs/extraction.md`` carries (what was read, by kind of outlet; every pattern
with its count per writer and in total), and ``--check`` fails when the document no
longer says what the files count: a table differs, a count cited in the text as
"`pattern` (N)" is not the pattern's total, or a pattern is never cited.

    python tools/pattern_counts.py            # print both tables
    python tools/pattern_counts.py --check    # exit 1 if docs/extraction.md has drifted
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "tests" / "notes" / "real"
DOC = ROOT / "docs" / "extraction.md"

WRITERS = {
    1: "Sumatra + Kalimantan",
    2: "Java + Bali + Nusa Tenggara",
    3: "Sulawesi + Maluku + Papua",
}

# Kinds of outlet, by domain. Polri's news portal (tribratanews.com, one desk per
# regional police) counts with polri.go.id; the national portals are read only on
# their regional desks (riau.antaranews.com, kupang.tribunnews.com, ...).
POLICE = ("polri.go.id", "tribratanews.com")
NATIONAL = ("antaranews.com", "kompas.com", "tribunnews.com", "detik.com", "liputan6.com", "times.co.id")
KINDS = {
    "government": "regional government (*.go.id)",
    "police": "police (polri.go.id, tribratanews)",
    "national": "national portals' regional desks",
    "regional": "regional dailies and online outlets",
}

TABLES = ("reading", "patterns")
CITED = re.compile(r"`([a-z][A-Za-z_]*)` \((\d+)\)")


def _is_under(domain: str, suffixes: tuple[str, ...]) -> bool:
    return any(domain == s or domain.endswith("." + s) for s in suffixes)


def outlet_kind(domain: str) -> str:
    if _is_under(domain, POLICE):
        return "police"
    if domain.endswith(".go.id"):
        return "government"
    if _is_under(domain, NATIONAL):
        return "national"
    return "regional"


def load_tallies() -> dict[int, dict]:
    return {n: json.loads((REAL / f"tally-{n}.json").read_text(encoding="utf-8")) for n in WRITERS}


def source_domains(n: int) -> list[str]:
    """The domain of every release in ``sources-N.md``'s table, one per release."""
    domains = []
    for line in (REAL / f"sources-{n}.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not line.startswith("|") or len(cells) < 3 or cells[1] in ("domain", "") or set(cells[1]) <= set("-: "):
            continue
        domains.append(cells[1].rstrip("† ").strip())
    return domains


def reading_table(tallies: dict[int, dict]) -> str:
    rows = ["| writer (regions) | releases | domains | " + " | ".join(KINDS.values()) + " |",
            "| --- |" + " ---: |" * (2 + len(KINDS))]
    all_releases: list[str] = []
    for n, label in WRITERS.items():
        releases = source_domains(n)
        if len(releases) != tallies[n]["releases_read"] or set(releases) != set(tallies[n]["domains"]):
            raise SystemExit(f"sources-{n}.md and tally-{n}.json disagree on the releases or domains read")
        all_releases += releases
        rows.append(f"| {label} | {len(releases)} | {len(set(releases))} | " + _by_kind(releases) + " |")
    rows.append(f"| all | {len(all_releases)} | {len(set(all_releases))} | " + _by_kind(all_releases) + " |")
    return "\n".join(rows)


def _by_kind(releases: list[str]) -> str:
    """Per kind of outlet: releases (distinct domains)."""
    cells = []
    for kind in KINDS:
        mine = [d for d in releases if outlet_kind(d) == kind]
        cells.append(f"{len(mine)} ({len(set(mine))})")
    return " | ".join(cells)


def totals(tallies: dict[int, dict]) -> dict[str, int]:
    keys = list(dict.fromkeys(k for t in tallies.values() for k in t["counts"]))
    return {k: sum(t["counts"].get(k, 0) for t in tallies.values()) for k in keys}


def pattern_table(tallies: dict[int, dict]) -> str:
    rows = ["| pattern | " + " | ".join(WRITERS.values()) + " | total |",
            "| --- |" + " ---: |" * (len(WRITERS) + 1)]
    for key, total in totals(tallies).items():
        counts = [str(tallies[n]["counts"].get(key, 0)) for n in WRITERS]
        rows.append(f"| `{key}` | " + " | ".join(counts) + f" | {total} |")
    return "\n".join(rows)


def tables() -> dict[str, str]:
    tallies = load_tallies()
    return {"reading": reading_table(tallies), "patterns": pattern_table(tallies)}


def doc_table(text: str, name: str) -> str | None:
    """The text between ``<!-- pattern_counts:NAME -->`` and ``<!-- /pattern_counts:NAME -->``."""
    match = re.search(rf"<!-- pattern_counts:{name} -->\n(.*?)\n<!-- /pattern_counts:{name} -->", text, re.S)
    return match.group(1).strip() if match else None


def drift(text: str) -> list[str]:
    """What ``docs/extraction.md`` says that the tally files do not; empty when none."""
    problems = []
    for name, expected in tables().items():
        found = doc_table(text, name)
        if found is None:
            problems.append(f"the {name} table (between <!-- pattern_counts:{name} --> markers) is missing")
        elif found != expected:
            diff = difflib.unified_diff(found.splitlines(), expected.splitlines(), "docs/extraction.md", "tallies", lineterm="")
            problems.append(f"the {name} table differs from the tallies:\n" + "\n".join(diff))
    counts = totals(load_tallies())
    for key, cited in CITED.findall(text):
        if key in counts and int(cited) != counts[key]:
            problems.append(f"`{key}` is cited as {cited}, the tallies total {counts[key]}")
    uncited = [k for k in counts if f"`{k}` (" not in text]
    if uncited:
        problems.append("patterns the text never cites with their count: " + ", ".join(uncited))
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare docs/extraction.md with the tallies")
    args = parser.parse_args(argv)
    if not args.check:
        print("\n\n".join(tables().values()))
        return 0
    problems = drift(DOC.read_text(encoding="utf-8"))
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

"""``docs/extraction.md`` says what the tallies of the real releases count.

The pattern counts in the document are hand counts stored in
``tests/notes/real/tally-*.json``; ``tools/pattern_counts.py --check`` compares them.
"""
from __future__ import annotations

import importlib.util
import subprocess
import sys

from tests.conftest import REPO_ROOT

SCRIPT = REPO_ROOT / "tools" / "pattern_counts.py"
DOC = REPO_ROOT / "docs" / "extraction.md"


def load_tool():
    spec = importlib.util.spec_from_file_location("pattern_counts", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_document_matches_the_tallies():
    result = subprocess.run([sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True, cwd=REPO_ROOT)
    assert result.returncode == 0, result.stderr


def test_a_changed_count_in_the_table_or_the_text_is_caught():
    tool = load_tool()
    text = DOC.read_text(encoding="utf-8")
    in_table = text.replace("| `police_rank` | 8 | 10 | 40 | 58 |", "| `police_rank` | 8 | 10 | 40 | 59 |")
    in_text = text.replace("(`police_rank` (58))", "(`police_rank` (59))")
    assert in_table != text and in_text != text
    assert any("patterns table differs" in p for p in tool.drift(in_table))
    assert tool.drift(in_text) == ["`police_rank` is cited as 59, the tallies total 58"]


def test_a_pattern_the_text_leaves_out_is_caught():
    tool = load_tool()
    text = DOC.read_text(encoding="utf-8").replace("(`honorific_dr_physician` (10))", "")
    assert tool.drift(text) == ["patterns the text never cites with their count: honorific_dr_physician"]

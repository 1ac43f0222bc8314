"""Add English translations to the catalogue, safely while others do the same.

    .venv/bin/python tools/translate.py strings.json

``strings.json`` maps an Indonesian msgid to its English text (a list of two for a
plural). The script extracts the marked strings afresh, updates the English catalogue,
fills the given translations and compiles it, holding a lock so that two people (or two
helpers) translating at once do not overwrite each other. With no file it only lists
what is still untranslated.
"""
from __future__ import annotations

import fcntl
import json
import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "press" / "translations"
PO = TRANSLATIONS / "en" / "LC_MESSAGES" / "messages.po"
PYBABEL = str(Path(sys.executable).with_name("pybabel"))


def main(argv: list[str]) -> int:
    wanted = json.loads(Path(argv[0]).read_text("utf-8")) if argv else {}
    with open(TRANSLATIONS / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        pot = TRANSLATIONS / "messages.pot"
        run = dict(check=True, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        subprocess.run([PYBABEL, "extract", "-F", "babel.cfg", "-k", "_l", "-k", "N_", "--no-location",
                        "-o", str(pot), "."], **run)
        subprocess.run([PYBABEL, "update", "-i", str(pot), "-d", str(TRANSLATIONS),
                        "--no-fuzzy-matching"], **run)
        with open(PO, "rb") as handle:
            catalogue = read_po(handle)
        missing = []
        for message in catalogue:
            if not message.id:
                continue
            key = message.id if isinstance(message.id, str) else message.id[0]
            if key in wanted:
                value = wanted[key]
                message.string = tuple(value) if isinstance(message.id, tuple) else value
            done = message.string if isinstance(message.string, str) else all(message.string)
            if not done:
                missing.append(key)
        with open(PO, "wb") as handle:
            write_po(handle, catalogue, width=100)
        subprocess.run([PYBABEL, "compile", "--use-fuzzy", "-i", str(PO),
                        "-o", str(PO.with_suffix(".mo"))], **run)
    for key in missing:
        print("untranslated:", key)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

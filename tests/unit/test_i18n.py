"""Every UI string marked in the code and templates has its English translation."""
from __future__ import annotations

import functools

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from tests.conftest import REPO_ROOT

METHOD_MAP = [("press/**.py", "python"), ("templates/**.html", "jinja2")]
KEYWORDS = {"_": None, "_l": None, "N_": None, "gettext": None, "lazy_gettext": None, "ngettext": (1, 2)}


@functools.cache
def marked_messages() -> frozenset[str]:
    """Every message marked in the code and templates, read once per test process (two tests ask)."""
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(REPO_ROOT), method_map=METHOD_MAP, keywords=KEYWORDS
    ):
        found.add(message if isinstance(message, str) else message[0])
    return frozenset(found)


def english_catalogue() -> dict[str, object]:
    with open(REPO_ROOT / "press/translations/en/LC_MESSAGES/messages.po", "rb") as handle:
        catalogue = read_po(handle)
    return {
        (m.id if isinstance(m.id, str) else m.id[0]): m.string
        for m in catalogue
        if m.id
    }


def test_every_marked_string_has_an_english_translation():
    english = english_catalogue()
    untranslated = sorted(
        msg for msg in marked_messages()
        if not (english.get(msg) if isinstance(english.get(msg), str) else any(english.get(msg) or ()))
    )
    assert untranslated == [], "run `make i18n-update` and translate these in the en catalogue"


def test_the_extractor_sees_the_templates_and_the_code():
    messages = marked_messages()
    assert "Masuk ke Siaran" in messages
    assert "Kegiatan harus punya judul." in messages

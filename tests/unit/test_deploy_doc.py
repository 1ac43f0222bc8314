"""``docs/deploy.md`` lists every setting Siaran reads, and only those: a setting added to
``press/config.py`` without a line there fails here, and so does a ``PRESS_*`` name the
code or the document mentions that no code reads."""
from __future__ import annotations

import re

from press.config import DEFAULTS, ENV_PREFIX
from tests.conftest import REPO_ROOT

DOC = REPO_ROOT / "docs" / "deploy.md"
NAME = re.compile(r"\bPRESS_[A-Z0-9_]*[A-Z0-9]\b")
READ = {ENV_PREFIX + key for key in DEFAULTS}


def test_every_setting_read_from_the_environment_is_in_the_deployment_guide():
    listed = set(NAME.findall(DOC.read_text()))
    assert READ - listed == set(), "settings missing from docs/deploy.md"


def test_the_guide_and_the_code_name_no_setting_that_is_not_read():
    mentioned = {name: "docs/deploy.md" for name in NAME.findall(DOC.read_text())}
    for path in (REPO_ROOT / "press").rglob("*.py"):
        for name in NAME.findall(path.read_text()):
            mentioned.setdefault(name, str(path.relative_to(REPO_ROOT)))
    unknown = {name: where for name, where in mentioned.items() if name not in READ}
    assert unknown == {}, "PRESS_* names nothing reads"

"""Each label the templates read is defined once, whatever order the blueprints register in."""
from __future__ import annotations

import ast
import re
from collections import Counter, defaultdict
from pathlib import Path

from sqlalchemy import select

from press import permissions
from press.extensions import db
from press.models import Release
from press.services import workflow
from press.web.labels import ACTION_LABELS

PACKAGE = Path(__file__).resolve().parents[2] / "press"
SERVICES = PACKAGE / "services"


def context_names(app, *, ours: bool = False) -> Counter:
    """How many context processors (only Siaran's with ``ours``) give each template name."""
    names: Counter = Counter()
    with app.test_request_context("/"):
        for processors in app.template_context_processors.values():
            for processor in processors:
                if not ours or processor.__module__.startswith("press"):
                    names.update(processor().keys())
    return names


def test_no_template_name_is_given_by_two_context_processors(app):
    """Two processors giving one name are correct only by the order they run in."""
    flask_own = {"g", "request", "session"}
    assert [name for name, count in context_names(app).items() if count > 1 and name not in flask_own] == []
    shadowed = set(context_names(app, ours=True)) & set(app.jinja_env.globals)
    assert shadowed == set(), "a context value hides a template global of the same name"


def test_each_table_of_labels_has_a_name_no_other_module_uses():
    """``KIND_LABELS`` once meant activity kinds in one module and document kinds in another."""
    defined = defaultdict(list)
    for source in PACKAGE.rglob("*.py"):
        for node in ast.parse(source.read_text("utf-8")).body:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
            for target in targets:
                if isinstance(target, ast.Name) and target.id.endswith("_LABELS"):
                    defined[target.id].append(str(source.relative_to(PACKAGE)))
    assert {name: where for name, where in defined.items() if len(where) > 1} == {}


def _refusals_translated_by_hand(source: Path) -> list[int]:
    """Lines that translate a caught refusal (``except … as exc``) or a stored one (``….refusal``)
    with ``_``/``gettext`` themselves instead of ``labels.error_text``."""
    tree = ast.parse(source.read_text("utf-8"))
    caught = {node.name for node in ast.walk(tree) if isinstance(node, ast.ExceptHandler) and node.name}
    lines = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in {"_", "gettext"}
                and node.args and isinstance(node.args[0], ast.Attribute) and node.args[0].attr == "message"):
            continue
        owner = node.args[0].value
        if (isinstance(owner, ast.Name) and owner.id in caught) or (isinstance(owner, ast.Attribute) and owner.attr == "refusal"):
            lines.append(node.lineno)
    return lines


def test_every_refusal_a_page_shows_goes_through_error_text():
    """``error_text`` writes a code among the parameters (a release's state) as its label."""
    found = {str(source.relative_to(PACKAGE)): lines for source in (PACKAGE / "web").glob("*.py")
             if source.name != "labels.py" and (lines := _refusals_translated_by_hand(source))}
    assert found == {}


def test_every_action_a_release_history_records_has_one_label():
    recorded = set(workflow.ACTIONS) | {"publish_due"}
    for source in SERVICES.glob("*.py"):
        recorded |= set(re.findall(r'"release\.(\w+)"', source.read_text("utf-8")))
    permission_names = {name.split(".", 1)[1] for name in permissions.TABLE if name.startswith("release.")}
    assert recorded - permission_names - set(ACTION_LABELS) == set()


def test_the_history_names_an_edit_and_a_workflow_move_in_indonesian(app, client, auth):
    auth.login("writer")
    with app.app_context():
        draft = db.session.scalar(select(Release).where(Release.state == "draft"))
        release_id, form = draft.id, {"title": draft.title, "dateline": draft.dateline or "", "body": draft.body,
                                      "signature": draft.signature or "", "version": str(draft.version)}
    token = auth.token(f"/staf/siaran/{release_id}/sunting")
    assert client.post(f"/staf/siaran/{release_id}/sunting", data={**form, "csrf_token": token}).status_code == 302
    client.post(f"/staf/siaran/{release_id}/alur", data={"action": "submit", "csrf_token": token})
    html = client.get(f"/staf/siaran/{release_id}/riwayat").get_data(as_text=True)
    assert "Disimpan (revisi baru)" in html and "Ajukan untuk ditinjau" in html

"""No rendered page holds what the Content-Security-Policy would block: inline scripts,
``on…=`` handlers, ``style`` attributes or blocks, ``javascript:`` links.

Every page an admin can reach by links from the staff routes and the public home page
is rendered (demo data: releases in every workflow state, a photo, a note, an
overridden release template) and parsed; every template's source is read as well, for
pages the crawl does not reach (the login page, error pages).
"""
from __future__ import annotations

import re
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urlsplit

from sqlalchemy import select

from press.extensions import db
from press.models import Release, User
from press.services import release_templates
from tests.conftest import REPO_ROOT
from tests.web.test_access_matrix import build, staff_rules, url_values

MAX_PAGES = 400
# In template source, where Jinja tags inside an element defeat an HTML parser.
TEMPLATE_INLINE = re.compile(
    r"(?<![\w-])on[a-z]+\s*=|(?<![\w-])style\s*=|<style\b|javascript:"
    r"|<script\b(?![^>]*\bsrc=)(?![^>]*application/ld\+json)", re.I)
DATA_SCRIPTS = {"application/ld+json", "application/json"}


class InlineMarkup(HTMLParser):
    """Collects the same-site links of a page and what CSP would refuse in it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…> handler")
            elif name == "style":
                self.problems.append(f"<{tag} style={value!r}>")
            elif name in ("href", "src", "action", "formaction") and (value or "").strip().lower().startswith("javascript:"):
                self.problems.append(f"<{tag} {name}={value!r}>")
        if tag == "style":
            self.problems.append("<style> block")
        if tag == "script" and not values.get("src") and values.get("type") not in DATA_SCRIPTS:
            self.problems.append("inline <script>")
        if tag == "a" and (values.get("href") or "").startswith("/") and not values["href"].startswith("//"):
            self.links.append(urlsplit(values["href"])._replace(fragment="").geturl())


def check_pages(client, start: list[str]) -> tuple[dict[str, list[str]], int]:
    seen, queue, problems, pages = set(start), deque(start), {}, 0
    while queue and pages < MAX_PAGES:
        path = queue.popleft()
        response = client.get(path)
        if response.status_code != 200 or response.mimetype != "text/html":
            continue
        pages += 1
        parser = InlineMarkup()
        parser.feed(response.get_data(as_text=True))
        if parser.problems:
            problems[path] = parser.problems
        for link in parser.links:
            if link not in seen and not link.startswith(("/static/", "/media/", "/bahasa/")):
                seen.add(link)
                queue.append(link)
    return problems, pages


def test_the_parser_sees_what_csp_blocks():
    parser = InlineMarkup()
    parser.feed('<p style="color:red" onclick="x()">a</p><script>alert(1)</script><style>p{}</style>'
                '<a href="javascript:alert(1)">b</a><script type="application/ld+json">{}</script>'
                '<script src="/static/confirm.js"></script>')
    assert len(parser.problems) == 5


def test_no_template_holds_inline_scripts_styles_or_handlers():
    found = [f"{path.relative_to(REPO_ROOT)}:{number}: {match.group(0)}"
             for path in sorted((REPO_ROOT / "templates").rglob("*.html"))
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             for match in TEMPLATE_INLINE.finditer(line)]
    assert found == []


def test_no_page_holds_inline_scripts_styles_or_handlers(app, client, auth):
    with app.app_context():
        values = url_values(app)
        published = db.session.scalar(select(Release.id).where(Release.state == "published").limit(1))
        admin = db.session.scalar(select(User).where(User.role == "admin"))
        source, _overridden = release_templates.template_source(db.session, "audiensi")
        release_templates.save_template(db.session, "audiensi", source + "\n", admin)
        db.session.commit()
    auth.login("admin")
    start = [build(rule, values) for rule in staff_rules(app) if "GET" in rule.methods]
    start += [f"/staf/siaran/{published}/", "/staf/siaran/templat/audiensi", "/"]
    problems, pages = check_pages(client, start)
    assert pages >= 40
    assert problems == {}
    confirms = client.get(f"/staf/siaran/{published}/").get_data(as_text=True)
    assert 'data-confirm="Tarik siaran ini?' in confirms
    assert 'data-confirm="Kembalikan ke templat bawaan?"' in client.get("/staf/siaran/templat/audiensi").get_data(as_text=True)

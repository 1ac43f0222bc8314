"""``flask site export FOLDER``: the whole public site as static files for any web server or CDN.

The export asks the application itself for every page, the way a visitor would: it
starts at the home page, the feeds and the sitemap, follows every internal link, image
and sitemap entry, and writes each answer to a file (``/siaran/slug`` becomes
``siaran/slug/index.html``; feeds, the sitemap, renditions and static files keep their
names). Links inside the pages are rewritten relative to each file, so the folder works
from any location, even opened from disk. Feeds, the sitemap and OpenGraph tags need
absolute URLs: they use ``--base-url`` (or ``SITE_URL``).

Only what the public site answers with 200 is written, so the export carries exactly
what the public sees. The new export is built beside FOLDER and swapped in at the end,
so a release retracted since the last export disappears from it too.

Swapping in replaces FOLDER whole, so the export only writes into a folder that is
missing, empty, or a previous export (recognised by the ``.siaran-export`` marker file
every export carries); any other folder, or a file, is refused before anything is
written: ``site export .`` in the repository must not delete ``instance/``.
"""
from __future__ import annotations

import os
import posixpath
import re
import shutil
import tempfile
from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from press.extensions import db
from press.services import workflow

START = ("/", "/feed.xml", "/atom.xml", "/sitemap.xml", "/arsip", "/galeri")
LOC_RE = re.compile(r"<loc>([^<]+)</loc>")
# Paths that are not part of a static site: staff pages, the language switch, search, API.
SKIP_PREFIXES = ("/staf", "/bahasa/", "/cari", "/api/")
FILE_SUFFIXES = (".xml", ".csv", ".jpg", ".jpeg", ".png", ".css", ".js", ".svg", ".ico", ".json", ".txt", ".webp", ".ics", ".zip")
LINK_RE = re.compile(r'(\s(?:href|src)=")(/[^"/][^"]*|/)(")')
MARKER = ".siaran-export"
MARKER_TEXT = (
    "This folder is a static export of a Siaran public site (flask site export).\n"
    "The next export into this folder replaces all of it.\n"
)


class ExportRefused(Exception):
    """The target of an export is not a folder the export may replace."""


def check_target(target: str) -> None:
    """Refuse a target that is a file, or a folder holding anything but a previous export."""
    if os.path.lexists(target) and not os.path.isdir(target):
        raise ExportRefused(f"{target} is a file, not a folder: nothing was written.")
    if not os.path.isdir(target):
        return
    if os.path.isfile(os.path.join(target, MARKER)):
        return
    if os.listdir(target):
        raise ExportRefused(
            f"{target} is not empty and is not a previous Siaran export (it has no {MARKER} file), "
            "and an export replaces the whole folder: nothing was written. "
            "Export into a new or empty folder."
        )


class _Links(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)


def internal_links(html: str) -> list[str]:
    parser = _Links()
    parser.feed(html)
    found = []
    for link in parser.links:
        if link.startswith("/") and not link.startswith("//"):
            path = urlsplit(link).path
            if path and not path.startswith(SKIP_PREFIXES):
                found.append(unquote(path))
    return found


def file_for(path: str) -> str:
    """The file (relative to the export root) that answers ``path``."""
    clean = path.strip("/")
    if not clean:
        return "index.html"
    if clean.lower().endswith(FILE_SUFFIXES):
        return clean
    return f"{clean}/index.html"


def relative_link(from_file: str, link: str) -> str:
    """``link`` (an absolute site path, maybe with query or fragment) relative to ``from_file``."""
    parts = urlsplit(link)
    if parts.path.startswith(SKIP_PREFIXES):
        return link
    target = file_for(unquote(parts.path))
    rel = posixpath.relpath(target, posixpath.dirname(from_file) or ".")
    return rel + (f"#{parts.fragment}" if parts.fragment else "")


def rewrite_links(html: str, from_file: str) -> str:
    return LINK_RE.sub(lambda m: m.group(1) + relative_link(from_file, m.group(2)) + m.group(3), html)


@dataclass
class ExportReport:
    folder: str
    files: int = 0
    pages: int = 0
    bytes: int = 0
    skipped: list[str] = field(default_factory=list)


def export_site(app: Flask, folder: str, base_url: str | None = None) -> ExportReport:
    """Write the public site under ``folder`` (replacing a previous export); return what was written.

    Raises ``ExportRefused`` before writing anything when ``folder`` is a file or a
    folder holding something other than a previous export.
    """
    target = os.path.abspath(folder)
    check_target(target)
    published = workflow.publish_due(db.session)
    if published:
        db.session.commit()
    parent = os.path.dirname(target)
    os.makedirs(parent, exist_ok=True)
    staging = tempfile.mkdtemp(prefix=".export-", dir=parent)
    report = ExportReport(folder=target)
    saved = {k: app.config[k] for k in ("SITE_STATIC_EXPORT", "SITE_URL", "PAGE_CACHE", "MEDIA_SERVE") if k in app.config}
    app.config["SITE_STATIC_EXPORT"] = True
    app.config["PAGE_CACHE"] = False
    app.config["MEDIA_SERVE"] = "siaran"  # the renditions' bytes, not redirects to the object store
    if base_url:
        app.config["SITE_URL"] = base_url.rstrip("/")
    try:
        with open(os.path.join(staging, MARKER), "w", encoding="utf-8") as handle:
            handle.write(MARKER_TEXT)
        client = app.test_client()
        queue, seen = deque(START), set(START)
        while queue:
            path = queue.popleft()
            response = client.get(path, headers={"Accept-Language": "id"})
            if response.status_code != 200:
                report.skipped.append(f"{path} ({response.status_code})")
                continue
            name = file_for(path)
            body = response.get_data()
            if response.mimetype == "text/html":
                html = body.decode("utf-8")
                for link in internal_links(html):
                    if link not in seen:
                        seen.add(link)
                        queue.append(link)
                body = rewrite_links(html, name).encode("utf-8")
                report.pages += 1
            elif name == "sitemap.xml":
                for loc in LOC_RE.findall(body.decode("utf-8")):
                    link = unquote(urlsplit(loc).path)
                    if link not in seen and not link.startswith(SKIP_PREFIXES):
                        seen.add(link)
                        queue.append(link)
            destination = os.path.join(staging, *name.split("/"))
            os.makedirs(os.path.dirname(destination), exist_ok=True)
            with open(destination, "wb") as handle:
                handle.write(body)
            report.files += 1
            report.bytes += len(body)
        _swap(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        for key in ("SITE_STATIC_EXPORT", "SITE_URL", "PAGE_CACHE"):
            app.config.pop(key, None)
        app.config.update(saved)
    return report


def _swap(staging: str, target: str) -> None:
    """Put the new export in place of the old one with two renames."""
    check_target(target)
    os.chmod(staging, 0o755)
    old = None
    if os.path.exists(target):
        old = tempfile.mkdtemp(prefix=".old-export-", dir=os.path.dirname(target))
        os.rmdir(old)
        os.rename(target, old)
    os.rename(staging, target)
    if old:
        shutil.rmtree(old, ignore_errors=True)


@click.group("site", cls=AppGroup)
def site() -> None:
    """The public site."""


@site.command("export")
@click.argument("folder", type=click.Path())
@click.option("--base-url", default=None, help="Where the export will be served, e.g. https://humas.example.go.id")
def export_command(folder: str, base_url: str | None) -> None:
    """Write the whole public site (pages, feeds, sitemap, public renditions) into FOLDER.

    FOLDER must be new, empty, or a previous export: it is replaced whole.
    """
    app = current_app._get_current_object()
    if not (base_url or app.config.get("SITE_URL")):
        click.echo("Note: no --base-url given; feeds, the sitemap and OpenGraph tags will name http://localhost/.", err=True)
    try:
        report = export_site(app, folder, base_url)
    except ExportRefused as refusal:
        raise click.ClickException(str(refusal)) from refusal
    click.echo(f"Exported {report.pages} pages, {report.files} files ({report.bytes // 1024} KB) to {report.folder}")

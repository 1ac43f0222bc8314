"""Siaran: event documentation and press releases for a government PR office (Humas).

``create_app`` builds the application: configuration from ``PRESS_*`` variables over
embedded defaults, extensions bound, blueprints and commands registered explicitly.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from press import config as press_config

if TYPE_CHECKING:
    from flask import Flask

PACKAGE_DIR = Path(__file__).resolve().parent
MIGRATIONS_DIR = PACKAGE_DIR / "migrations"


def create_app(config: dict | None = None) -> Flask:
    """Build a Siaran application; ``config`` overrides the environment (tests use it)."""
    # Imported here, not at the top: photo worker processes import ``press`` for the
    # stages only and must not pay for Flask and the web layer (see press/photos/worker.py).
    from flask import Flask
    from press.extensions import babel, csrf, db, login_manager, migrate
    from press.web import access, activities, admin, auth, csrf_exempt, errors, i18n, site, staff
    from press.web import api as search_api, search as search_pages
    from press.web import api_public, feeds, links, login_limit, openapi, page_cache, params, proxies
    from press.web import ppid as ppid_pages
    from press.web import mail, planning, security_headers, subscriptions, upload_stream, workflow
    from press.web import distribution, toolkit
    from press.web import notes as notes_pages
    from press.web import photos as photo_pages
    from press.web import photo_uploads  # noqa: F401  (its views are on photo_pages.bp)
    from press.web import photo_consent, photo_crops  # noqa: F401  (their views are on photo_pages.bp)
    from press.web import releases as release_pages
    from press.web import release_fixes  # noqa: F401  (its views are on release_pages.bp)
    from press.web import agenda as agenda_pages
    from press.web import embargo, journalist_desk, journalists
    from press.web import partners as partner_pages, placements as placement_pages, proof_link
    from press.web import reports as report_pages
    from press.web import bulk_edit as bulk_edit_pages, collections as collection_pages, licences as licence_pages
    from press.cli import register_commands
    from press import job_queue

    config = dict(config or {})
    values = press_config.from_environment()
    values.update({k: v for k, v in config.items() if k in press_config.DEFAULTS})
    app = Flask(
        __name__,
        instance_path=press_config.instance_path(values),
        instance_relative_config=True,
        template_folder=str(press_config.REPO_ROOT / "templates"),
    )
    settings = press_config.flask_settings(values, app.instance_path)
    settings.update({k: v for k, v in config.items() if k not in press_config.DEFAULTS})
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    press_config.ensure_secret_key(settings, app.instance_path)
    app.config.update(settings)

    db.init_app(app)
    migrate.init_app(app, db, directory=str(MIGRATIONS_DIR), render_as_batch=True)
    login_manager.init_app(app)
    csrf.init_app(app)
    i18n.init_app(app, babel)
    auth.init_login(login_manager)
    links.init_app(app)
    params.init_app(app)
    upload_stream.init_app(app)

    app.register_blueprint(auth.bp)
    app.register_blueprint(journalists.bp)
    journalists.init_app(app)
    login_limit.init_app(app)
    app.register_blueprint(staff.bp)
    app.register_blueprint(activities.bp)
    app.register_blueprint(planning.bp)
    app.register_blueprint(admin.bp)
    app.register_blueprint(site.bp)
    app.register_blueprint(toolkit.bp)
    app.register_blueprint(distribution.bp)
    app.register_blueprint(agenda_pages.bp)
    app.register_blueprint(subscriptions.bp)
    app.register_blueprint(feeds.bp)
    app.register_blueprint(workflow.bp)
    app.register_blueprint(api_public.bp)
    app.register_blueprint(notes_pages.bp)
    app.register_blueprint(photo_pages.bp)
    app.register_blueprint(release_pages.bp)
    app.register_blueprint(bulk_edit_pages.bp)
    app.register_blueprint(collection_pages.bp)
    app.register_blueprint(licence_pages.bp)
    app.register_blueprint(ppid_pages.site_bp)
    app.register_blueprint(ppid_pages.bp)
    app.register_blueprint(embargo.site_bp)
    app.register_blueprint(embargo.bp)
    app.register_blueprint(journalist_desk.bp)
    app.register_blueprint(partner_pages.bp)
    app.register_blueprint(placement_pages.bp)
    app.register_blueprint(proof_link.bp)
    app.register_blueprint(report_pages.bp)
    page_cache.init_app(app)
    proxies.init_app(app)
    search_pages.init_app(app)
    job_queue.init_app(app)
    app.register_blueprint(search_api.bp)
    app.register_blueprint(openapi.bp)
    errors.init_app(app)
    access.init_app(app)
    security_headers.init_app(app)
    csrf_exempt.init_app(app, csrf)
    mail.init_app(app)
    register_commands(app)
    return app

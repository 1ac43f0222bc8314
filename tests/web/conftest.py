"""Fixtures of the public-site tests: the demo releases with photos, an anonymous visitor."""
from __future__ import annotations

import pytest

from press import create_app
from press.extensions import db
from press.services import indexing
from tests import databases
from tests.conftest import make_config
from tests.web.publishing_fixtures import add_flagged_photos, build_detached_site, build_site


@pytest.fixture
def site(app):
    return build_detached_site(app)


@pytest.fixture
def flagged_site(app, site):
    """The site, and on its published release photos of sensitive subjects consent does not cover."""
    add_flagged_photos(app, site)
    return site


@pytest.fixture
def visitor(app):
    """An anonymous visitor of the public site (no cookie: answered through the page cache)."""
    return app.test_client()


@pytest.fixture(scope="session")
def api_site(tmp_path_factory, migrated_db):
    """(application, site) shared by the API tests that only read (``test_api_public_answers.py``,
    ``test_api_openapi.py``): the publishing fixtures' site, indexed, its rows detached. Made
    once per process rather than once per module or test: ``make mutate`` runs both files for
    each mutant of ``web/api_public``."""
    folder = tmp_path_factory.mktemp("api-site")
    databases.copy_demo(migrated_db, folder)
    app = create_app(make_config(folder))
    with app.app_context():
        built = build_site(app)
        indexing.rebuild_all(db.session, app.extensions["search_index"])
        for media in built.public_photos + built.private_photos:
            db.session.refresh(media)
            _ = media.renditions
        for release in [built.published, *built.hidden.values()]:
            db.session.refresh(release)
        db.session.expunge_all()
    yield app, built
    with app.app_context():
        db.engine.dispose()
    databases.drop_under(folder)

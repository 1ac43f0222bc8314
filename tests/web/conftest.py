"""Fixtures of the public-site tests: the demo releases with photos, an anonymous visitor."""
from __future__ import annotations

import dataclasses

import pytest

from press import create_app
from press.extensions import db
from press.services import indexing
from tests import databases
from tests.conftest import make_config
from tests.web.publishing_fixtures import add_flagged_photos, build_detached_site, build_site


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, migrated_db):
    """(folder, site): the publishing fixtures' site built once per test process in an instance
    folder of its own (its database, media store and search index), its rows detached.

    Building it (about ten photos through the photo service, their renditions and crops, and
    the index) took about a second of CPU for each of the 65 tests asking for ``site``; each
    such test now starts from a copy of this folder (``app``)."""
    folder = tmp_path_factory.mktemp("site")
    databases.copy_demo(migrated_db, folder)
    app = create_app(make_config(folder))
    built = build_detached_site(app)
    with app.app_context():
        db.engine.dispose()
    assert not (folder / "siaran.db-wal").exists(), "the site's database must be whole in its file to be copied"
    yield folder, built
    databases.drop_under(folder)


@pytest.fixture
def app(request, tmp_path, migrated_db):
    """The application of ``tests/conftest.py``, on its own copy of the demo database; for a
    test asking for ``site``, on its own copy of ``built_site``'s folder instead, and for one
    whose fixtures include ``indexed_folder`` (``test_links.py``), on its own copy of that."""
    if "site" in request.fixturenames:
        databases.copy_instance(request.getfixturevalue("built_site")[0], tmp_path)
    elif "indexed_folder" in request.fixturenames:
        databases.copy_instance(request.getfixturevalue("indexed_folder"), tmp_path)
    else:
        databases.copy_demo(migrated_db, tmp_path)
    app = create_app(make_config(tmp_path))
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def site(app, built_site):
    """The site on the test's own application (``app`` starts from a copy of it): its releases,
    photos and secrets, the lists and secrets the test's own (``flagged_site`` adds to them)."""
    _folder, built = built_site
    return dataclasses.replace(built, hidden=dict(built.hidden), public_photos=list(built.public_photos),
                               private_photos=list(built.private_photos), secrets=dict(built.secrets),
                               excluded=list(built.excluded), flagged=list(built.flagged))


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

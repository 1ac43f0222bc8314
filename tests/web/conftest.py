"""Fixtures of the public-site tests: the demo releases with photos, an anonymous visitor."""
from __future__ import annotations

import pytest

from tests.web.publishing_fixtures import add_flagged_photos, build_detached_site


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

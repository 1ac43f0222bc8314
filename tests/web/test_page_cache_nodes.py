"""The public page cache is each process's memory, but its invalidation is shared: every
node reads what the public can see from the database, so a change made on one node drops
the pages another node cached (docs/architecture.md, "State on a node")."""
from __future__ import annotations

from sqlalchemy import select

from press import create_app
from press.codes import ReleaseState
from press.extensions import db
from press.models import Release
from tests.conftest import make_config


def test_a_release_changed_on_node_b_drops_the_page_node_a_cached(app, tmp_path):
    node_b_root = tmp_path / "node-b"
    node_b_root.mkdir()
    node_b = create_app(make_config(node_b_root, DATABASE_URL=app.config["SQLALCHEMY_DATABASE_URI"]))
    with app.app_context():
        release = db.session.scalar(select(Release).where(Release.state == ReleaseState.PUBLISHED)
                                    .order_by(Release.id))
        url, release_id = f"/siaran/{release.slug}", release.id
    node_a = app.test_client()
    first = node_a.get(url)
    assert first.status_code == 200
    assert node_a.get(url).headers.get("ETag") == first.headers.get("ETag")  # served again, from A's cache
    with node_b.app_context():
        db.session.get(Release, release_id).title = "Judul diganti di node B"
        db.session.commit()
        db.session.remove()
        db.engine.dispose()
    again = node_a.get(url)
    assert again.status_code == 200 and "Judul diganti di node B" in again.get_data(as_text=True)

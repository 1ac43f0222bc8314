"""Flask extensions, created unbound here and bound to an application in ``create_app``."""
from __future__ import annotations

from flask_babel import Babel
from sqlalchemy import event
from sqlalchemy.engine import Engine
from flask_login import LoginManager
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect

from press.models import Base

db = SQLAlchemy(metadata=Base.metadata)
login_manager = LoginManager()
csrf = CSRFProtect()
babel = Babel()


class LazyMigrate:
    """Flask-Migrate, bound to an application when a migration first needs it.

    Importing Flask-Migrate imports Alembic, a quarter of a second of CPU that every web, job
    and command process paid at start, when only ``flask setup``, ``flask db …``, the doctor and
    the migrations themselves use it. ``init_app`` leaves in ``app.extensions["migrate"]`` a
    stand-in holding the directory (what the doctor reads); Flask-Migrate's functions
    (``upgrade()``, the ``flask db`` commands) reach for its other attributes, and the first of
    them binds the real extension in its place with the same settings.
    """

    def init_app(self, app, db, directory: str, **options) -> None:
        app.extensions["migrate"] = _PendingMigrate(app, db, directory, options)


class _PendingMigrate:
    def __init__(self, app, db, directory: str, options: dict) -> None:
        self._app, self._db, self._options = app, db, options
        self.directory = directory

    def __getattr__(self, name: str):
        if name.startswith("_"):  # copy and pickle ask before __init__ ran
            raise AttributeError(name)
        return getattr(self._bind(), name)

    def _bind(self):
        from flask_migrate import Migrate

        app = self._app
        if app.extensions.get("migrate") is self:
            db_command = app.cli.commands.get("db")
            Migrate(db=self._db, directory=self.directory, **self._options).init_app(app)
            if db_command is not None:  # ``flask db`` stays the one ``register_commands`` gave
                app.cli.commands["db"] = db_command
        return app.extensions["migrate"]


migrate = LazyMigrate()


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, connection_record) -> None:
    """SQLite: enforce foreign keys, write-ahead log so readers never wait on a writer,
    and wait for a busy writer instead of failing with "database is locked"."""
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=15000")
        cursor.close()

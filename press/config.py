"""Configuration: embedded defaults, overridden by ``PRESS_*`` environment variables.

Imports nothing of ``press``. Every location (database, media store, search index)
defaults to a place under Flask's ``instance/`` folder or the repository's
``media_store/`` and moves with one environment variable.
"""
from __future__ import annotations

import os
import stat
from ipaddress import IPv4Network, IPv6Network, ip_network
from pathlib import Path
from urllib.parse import urlsplit

REPO_ROOT = Path(__file__).resolve().parent.parent

ENV_PREFIX = "PRESS_"

DEFAULTS = {
    "ENV": "production",
    "INSTANCE_PATH": None,
    "SECRET_KEY": None,
    "DATABASE_URL": None,
    "MEDIA_ROOT": str(REPO_ROOT / "media_store"),
    "MEDIA_URL": None,
    "MEDIA_SERVE": "siaran",
    "MEDIA_PUBLIC_BASE_URL": None,
    "MEDIA_URL_SECONDS": 300,
    "MEDIA_SPOOL_DIR": None,
    "S3_ENDPOINT_URL": None,
    "S3_REGION": None,
    "S3_ACCESS_KEY_ID": None,
    "S3_SECRET_ACCESS_KEY": None,
    "S3_ADDRESSING_STYLE": "path",
    "INDEX_ROOT": None,
    "SEARCH_URL": None,
    "MAX_UPLOAD_MB": 60,
    "MAX_REQUEST_MB": 200,
    "MAX_IMAGE_PIXELS": 120_000_000,
    "RENDITION_SIZES": "thumb:400,web:1600",
    "LOGIN_MAX_FAILURES": 50,
    "LOGIN_LOCK_MINUTES": 15,
    "LOGIN_RATE_LIMIT": "10 per 15 minutes",
    "RATE_LIMIT_STORAGE_URI": None,
    "TRUSTED_PROXIES": None,
    "VENUE_RADIUS_M": 300,
    "OFFICE_NAME": "Bagian Humas Sekretariat Daerah Kota Bekasi",
    "OFFICE_SIGNATURE": "(Adv Humas)",
    "REPORT_PLACE": "Bekasi",
    "REPORT_SIGNER_TITLE": "Kepala Bagian Humas Sekretariat Daerah Kota Bekasi",
    "REPORT_SIGNER_NAME": "",
    "REPORT_SIGNER_NIP": "",
    "DEFAULT_LOCALE": "id",
    "SITE_URL": None,
    "PUBLISH_CHECK_SECONDS": 15,
    "JOBS_URL": None,
    "QUEUE_URL": None,
    "JOBS_LEASE_SECONDS": 30,
    "PAGE_CACHE_CHECK_SECONDS": None,
    "PAGE_CACHE_MAX_AGE": 60,
    "SMTP_URL": None,
    "MAIL_FROM": None,
    "MAIL_RATE_PER_MINUTE": 600,
    "MAIL_INFLIGHT_MINUTES": 10,
    "OUTBOX_CHECK_SECONDS": 30,
    "OUTBOX_DIR": None,
    "CROP_SIZES": "square:1080x1080,portrait:1080x1350,landscape:1920x1080,story:1080x1920,link:1200x628",
    "CONSENT_CHECK_SECONDS": 600,
    "FETCH_ALLOW": None,
}

INT_KEYS = {
    "MEDIA_URL_SECONDS",
    "MAX_UPLOAD_MB",
    "MAX_REQUEST_MB",
    "MAX_IMAGE_PIXELS",
    "LOGIN_MAX_FAILURES",
    "LOGIN_LOCK_MINUTES",
    "VENUE_RADIUS_M",
    "PUBLISH_CHECK_SECONDS",
    "JOBS_LEASE_SECONDS",
    "PAGE_CACHE_MAX_AGE",
    "MAIL_RATE_PER_MINUTE",
    "MAIL_INFLIGHT_MINUTES",
    "OUTBOX_CHECK_SECONDS",
    "CONSENT_CHECK_SECONDS",
}

FLOAT_KEYS = {"PAGE_CACHE_CHECK_SECONDS"}


MIN_SECRET_KEY_LENGTH = 32


class ConfigError(RuntimeError):
    """The configuration cannot run Siaran; the message says how to fix it."""


def from_environment(environ=None) -> dict:
    """Read every ``PRESS_<KEY>`` over the defaults, converting numbers."""
    environ = os.environ if environ is None else environ
    values = dict(DEFAULTS)
    for key in DEFAULTS:
        raw = environ.get(ENV_PREFIX + key)
        if raw is None or raw == "":
            continue
        if key in INT_KEYS:
            try:
                values[key] = int(raw)
            except ValueError as exc:
                raise ConfigError(f"{ENV_PREFIX}{key} must be a whole number, not {raw!r}") from exc
        elif key in FLOAT_KEYS:
            try:
                values[key] = float(raw)
            except ValueError as exc:
                raise ConfigError(f"{ENV_PREFIX}{key} must be a number of seconds, not {raw!r}") from exc
        else:
            values[key] = raw
    return values


def parse_rendition_sizes(spec: str) -> dict[str, int]:
    """``"thumb:400,web:1600"`` -> ``{"thumb": 400, "web": 1600}`` (long edge in pixels)."""
    sizes = {}
    for part in spec.split(","):
        name, _, edge = part.strip().partition(":")
        if not name or not edge.isdigit():
            raise ConfigError(f"bad rendition size {part!r}: write name:pixels, e.g. web:1600")
        sizes[name] = int(edge)
    return sizes


def parse_crop_sizes(spec: str) -> dict[str, tuple[int, int]]:
    """``"square:1080x1080,link:1200x628"`` -> ``{"square": (1080, 1080), "link": (1200, 628)}``:
    the named crops for the channels, each an exact width and height in pixels."""
    sizes = {}
    for part in spec.split(","):
        name, _, size = part.strip().partition(":")
        width, _, height = size.partition("x")
        if not name.isalpha() or not name.islower() or not width.isdigit() or not height.isdigit() \
                or not 0 < int(width) <= 8000 or not 0 < int(height) <= 8000:
            raise ConfigError(f"bad crop size {part!r}: write name:WIDTHxHEIGHT, e.g. square:1080x1080")
        sizes[name] = (int(width), int(height))
    return sizes


def parse_trusted_proxies(spec) -> int | list[IPv4Network | IPv6Network] | None:
    """``"2"`` -> 2 proxy hops; ``"10.0.0.1, 10.1.0.0/16"`` -> those networks; empty -> None."""
    if spec is None or isinstance(spec, int):
        return spec or None
    spec = str(spec).strip()
    if not spec:
        return None
    if spec.isdigit():
        return int(spec) or None
    networks = []
    for part in spec.replace(",", " ").split():
        try:
            networks.append(ip_network(part, strict=False))
        except ValueError as exc:
            raise ConfigError(
                f"{ENV_PREFIX}TRUSTED_PROXIES: {part!r} is not an address or network; write the number "
                "of proxies in front of Siaran (e.g. 1) or their addresses (e.g. 10.0.0.5,10.0.1.0/24)"
            ) from exc
    return networks


REDIS_SCHEMES = ("redis://", "rediss://", "unix://")


def jobs_queue_url(values: dict) -> str | None:
    """``PRESS_JOBS_URL``, or ``PRESS_QUEUE_URL`` (its other name); the two may not disagree."""
    jobs_url, queue_url = values.get("JOBS_URL"), values.get("QUEUE_URL")
    if jobs_url and queue_url and jobs_url != queue_url:
        raise ConfigError(f"{ENV_PREFIX}JOBS_URL and {ENV_PREFIX}QUEUE_URL name the same queue and differ "
                          f"({jobs_url!r}, {queue_url!r}): set one of them")
    url = jobs_url or queue_url
    if url and url.startswith(REDIS_SCHEMES):
        try:
            urlsplit(url).port
        except ValueError as exc:
            raise ConfigError(f"{ENV_PREFIX}JOBS_URL {url!r}: {exc}; write redis://HOST:PORT/DB") from exc
    return url


def rate_limit_storage(configured: str | None, jobs_url: str) -> str:
    """Where the login limits count: as configured, else the jobs' Redis (every node
    shares the counts), else this process's memory."""
    if configured:
        return configured
    if jobs_url.startswith("unix://"):  # the limits library's name for a Redis socket
        return "redis+" + jobs_url
    return jobs_url if jobs_url.startswith(REDIS_SCHEMES) else "memory://"


MEDIA_SCHEMES = ("file://", "s3://")
MEDIA_SERVE_MODES = ("siaran", "presigned", "public")


def check_media(values: dict) -> None:
    """``PRESS_MEDIA_URL`` names a backend Siaran has, and the way public photos are served is one it knows."""
    url = values["MEDIA_URL"]
    if url and not url.startswith(MEDIA_SCHEMES):
        raise ConfigError(f"{ENV_PREFIX}MEDIA_URL must start with file:// (a folder) or s3:// (a bucket), not {url!r}")
    if values["MEDIA_SERVE"] not in MEDIA_SERVE_MODES:
        raise ConfigError(f"{ENV_PREFIX}MEDIA_SERVE must be one of {', '.join(MEDIA_SERVE_MODES)}, "
                          f"not {values['MEDIA_SERVE']!r}")
    if values["MEDIA_SERVE"] != "siaran" and not (url or "").startswith("s3://"):
        raise ConfigError(f"{ENV_PREFIX}MEDIA_SERVE={values['MEDIA_SERVE']} needs an object store "
                          f"({ENV_PREFIX}MEDIA_URL=s3://…); a folder is served through Siaran")


def search_url(config) -> str:
    """The search backend's URL: ``SEARCH_URL``, else the whoosh folder ``INDEX_ROOT`` (its alias)."""
    return config.get("SEARCH_URL") or config["INDEX_ROOT"]


def instance_path(values: dict) -> str | None:
    """This node's own folder (``PRESS_INSTANCE_PATH``, made absolute); None: Flask's
    ``instance/`` beside the code. Each node of a deployment has its own: the upload spool
    and development's outbox live there, nothing another node needs."""
    path = values.get("INSTANCE_PATH")
    return os.path.abspath(path) if path else None


def flask_settings(values: dict, instance_path: str) -> dict:
    """Translate Siaran's settings into the Flask and extension keys."""
    instance = Path(instance_path)
    production = values["ENV"] == "production"
    check_media(values)
    database_url = values["DATABASE_URL"] or f"sqlite:///{instance / 'siaran.db'}"
    jobs_url = jobs_queue_url(values) or f"sqlite:///{instance / 'jobs.db'}"
    settings = {
        "PRESS_ENV": values["ENV"],
        "SECRET_KEY": values["SECRET_KEY"],
        "SQLALCHEMY_DATABASE_URI": database_url,
        # The blob store (press/storage: store_from_config): MEDIA_URL, else the folder
        # MEDIA_ROOT; an object store's endpoint, region and keys (else boto3's AWS_* chain),
        # how public renditions reach browsers, where uploads wait before they are sent.
        "MEDIA_ROOT": values["MEDIA_ROOT"],
        "MEDIA_URL": values["MEDIA_URL"],
        "MEDIA_SERVE": values["MEDIA_SERVE"],
        "MEDIA_PUBLIC_BASE_URL": values["MEDIA_PUBLIC_BASE_URL"],
        "MEDIA_URL_SECONDS": values["MEDIA_URL_SECONDS"],
        "MEDIA_SPOOL_DIR": values["MEDIA_SPOOL_DIR"] or str(instance / "media-spool"),
        "S3_ENDPOINT_URL": values["S3_ENDPOINT_URL"],
        "S3_REGION": values["S3_REGION"],
        "S3_ACCESS_KEY_ID": values["S3_ACCESS_KEY_ID"],
        "S3_SECRET_ACCESS_KEY": values["S3_SECRET_ACCESS_KEY"],
        "S3_ADDRESSING_STYLE": values["S3_ADDRESSING_STYLE"],
        "INDEX_ROOT": values["INDEX_ROOT"] or str(instance / "search"),
        # The search backend (press/search/backends.py): postgresql://… shared by every node,
        # or a whoosh folder; unset, the whoosh folder INDEX_ROOT.
        "SEARCH_URL": values["SEARCH_URL"],
        # Two limits: each file (MAX_UPLOAD_MB, checked by the photo and notes uploads with
        # the file's name) and the whole request (MAX_REQUEST_MB, Werkzeug's 413), which
        # lets the plain upload form send several files at once; never below one file.
        "MAX_CONTENT_LENGTH": max(values["MAX_REQUEST_MB"], values["MAX_UPLOAD_MB"]) * 1024 * 1024,
        "MAX_UPLOAD_BYTES": values["MAX_UPLOAD_MB"] * 1024 * 1024,
        # A typed field (a pasted note) may hold a few MB, so the notes service, not
        # Werkzeug's 500 kB default, decides what is too long.
        "MAX_FORM_MEMORY_SIZE": 4 * 1024 * 1024,
        "MAX_IMAGE_PIXELS": values["MAX_IMAGE_PIXELS"],
        "RENDITION_SIZES": parse_rendition_sizes(values["RENDITION_SIZES"]),
        "CROP_SIZES": parse_crop_sizes(values["CROP_SIZES"]),
        "LOGIN_MAX_FAILURES": values["LOGIN_MAX_FAILURES"],
        "LOGIN_LOCK_MINUTES": values["LOGIN_LOCK_MINUTES"],
        "LOGIN_RATE_LIMIT": values["LOGIN_RATE_LIMIT"],
        "RATELIMIT_STORAGE_URI": rate_limit_storage(values["RATE_LIMIT_STORAGE_URI"], jobs_url),
        "TRUSTED_PROXIES": parse_trusted_proxies(values["TRUSTED_PROXIES"]),
        "VENUE_RADIUS_M": values["VENUE_RADIUS_M"],
        "OFFICE_NAME": values["OFFICE_NAME"],
        "OFFICE_SIGNATURE": values["OFFICE_SIGNATURE"],
        # The signature block of the monthly report's DOCX (press/reports/letter.py).
        "REPORT_PLACE": values["REPORT_PLACE"],
        "REPORT_SIGNER_TITLE": values["REPORT_SIGNER_TITLE"],
        "REPORT_SIGNER_NAME": values["REPORT_SIGNER_NAME"],
        "REPORT_SIGNER_NIP": values["REPORT_SIGNER_NIP"],
        "BABEL_DEFAULT_LOCALE": values["DEFAULT_LOCALE"],
        "SITE_URL": values["SITE_URL"],
        "PUBLISH_CHECK_SECONDS": values["PUBLISH_CHECK_SECONDS"],
        # How often the consent job looks for consent that lapsed (the public rule hides
        # the photo at once; the job re-indexes it and corrects the releases that showed it).
        "CONSENT_CHECK_SECONDS": values["CONSENT_CHECK_SECONDS"],
        # host:port pairs the proof check may reach although their addresses are internal
        # (a test's local server); press.proofs.parse_allow reads it.
        "FETCH_ALLOW": values["FETCH_ALLOW"],
        # Where background jobs wait for a worker (press/job_queue.py reads it), and how
        # long a worker that stopped answering keeps the jobs it took (Redis only).
        "JOBS_URL": jobs_url,
        "JOBS_LEASE_SECONDS": values["JOBS_LEASE_SECONDS"],
        "PAGE_CACHE_MAX_AGE": values["PAGE_CACHE_MAX_AGE"],
        # E-mail (press/services/outbox_sender.py): SMTP when PRESS_SMTP_URL is set, else .eml files.
        "SMTP_URL": values["SMTP_URL"],
        "MAIL_FROM": values["MAIL_FROM"],
        "MAIL_RATE_PER_MINUTE": values["MAIL_RATE_PER_MINUTE"],
        "MAIL_INFLIGHT_MINUTES": values["MAIL_INFLIGHT_MINUTES"],
        "OUTBOX_CHECK_SECONDS": values["OUTBOX_CHECK_SECONDS"],
        "OUTBOX_DIR": values["OUTBOX_DIR"] or str(instance / "outbox"),
        "BABEL_DEFAULT_TIMEZONE": "Asia/Jakarta",
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": production,
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_SECURE": production,
        "PERMANENT_SESSION_LIFETIME": 12 * 3600,
        "WTF_CSRF_TIME_LIMIT": 12 * 3600,
    }
    if values["PAGE_CACHE_CHECK_SECONDS"] is not None:  # unset: 1 s, or every request under test
        settings["PAGE_CACHE_CHECK_SECONDS"] = values["PAGE_CACHE_CHECK_SECONDS"]
    return settings


_KEY_ADVICE = "  export PRESS_SECRET_KEY=$(python -c 'import secrets; print(secrets.token_hex(32))')\n"


def ensure_secret_key(settings: dict, instance_path: str) -> None:
    """Refuse production without a long secret key; elsewhere keep one in ``instance/``.

    The key signs session and remember cookies: a short one can be guessed offline
    from any cookie, and then anyone can sign in as anyone.
    """
    key = settings.get("SECRET_KEY")
    production = settings["PRESS_ENV"] == "production"
    if key and production and len(key) < MIN_SECRET_KEY_LENGTH:
        raise ConfigError(
            f"Siaran refuses to start in production with a secret key of {len(key)} characters: "
            f"PRESS_SECRET_KEY needs at least {MIN_SECRET_KEY_LENGTH} (16 random bytes as hex). Set one, e.g.\n"
            + _KEY_ADVICE
        )
    if key:
        settings["SECRET_KEY_GENERATED"] = False
        return
    if production:
        raise ConfigError(
            "Siaran refuses to start in production without a secret key. Set one, e.g.\n"
            + _KEY_ADVICE
            + "or run a development instance with PRESS_ENV=development."
        )
    settings["SECRET_KEY"] = _development_key(Path(instance_path) / "dev-secret-key")
    settings["SECRET_KEY_GENERATED"] = True  # this node's own: ``flask doctor`` says so


def _development_key(key_file: Path) -> str:
    """The generated key in ``instance/``, readable by its owner only (0600)."""
    key_file.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        if stat.S_IMODE(key_file.stat().st_mode) & 0o077:
            key_file.chmod(0o600)
    else:
        with os.fdopen(fd, "w") as out:
            out.write(os.urandom(32).hex())
    return key_file.read_text().strip()

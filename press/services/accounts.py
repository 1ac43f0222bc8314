"""Accounts: creating staff users, checking passwords, the login lock-out, ending sessions.

A signed-in browser holds ``User.get_id()`` (id and session version) in its session and
remember cookies; ``end_sessions`` raises the version, so every cookie issued before is
refused by the user loader. Plain logout does it too: a session cookie copied before
logout must not work after it, and a per-login record would be needed to end only the
one browser, so logging out ends the user's sessions on every device.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from press.models import LOCALES, ROLES, Unit, User, utcnow

from press.errors import N_, ServiceError
from press.text import clean_name

from . import access, directory
from .audit import record

MIN_PASSWORD_LENGTH = 10


class AccountError(ServiceError):
    """A user cannot be created or changed as asked; the message says why."""


@dataclass(frozen=True)
class LoginResult:
    user: User | None  # or the Journalist signing in
    outcome: str  # ok | bad_credentials | locked | inactive
    locked_until: datetime | None = None


def normalise_email(email: str) -> str:
    """One spelling per address: no invisible characters, no case (see ``clean_name``)."""
    return clean_name(email).lower()


def checked_email(email: str) -> str:
    """``email`` as stored (``normalise_email``); refused when it cannot be an address."""
    email = normalise_email(email)
    if "@" not in email or email.startswith("@") or email.endswith("@") or " " in email:
        raise AccountError(N_("%(email)s bukan alamat email."), email=email)
    return email


def check_password(password: str) -> None:
    """Refuse passwords with fewer than ``MIN_PASSWORD_LENGTH`` characters besides spaces."""
    if len("".join(password.split())) < MIN_PASSWORD_LENGTH:
        raise AccountError(N_("Kata sandi minimal %(n)d karakter, tidak termasuk spasi."), n=MIN_PASSWORD_LENGTH)


def user_name(name: str) -> str:
    """A display name as stored (``clean_name``); refused when nothing visible is left."""
    name = clean_name(name)
    if not name:
        raise AccountError(N_("Nama pengguna tidak boleh kosong."))
    return name


def find_user(session: Session, email: str) -> User | None:
    return session.scalar(select(User).where(func.lower(User.email) == normalise_email(email)))


def create_user(
    session: Session,
    email: str,
    password: str,
    role: str,
    *,
    name: str | None = None,
    unit_id: int | None = None,
    locale: str = "id",
    default_credit: str | None = None,
    actor: User | None = None,
) -> User:
    access.require_user(session, actor, "user.manage", error=AccountError)
    email = checked_email(email)
    if role not in ROLES:
        raise AccountError(N_("Peran %(role)s tidak dikenal; pilih salah satu dari %(roles)s."), role=role, roles=", ".join(ROLES))
    if locale not in LOCALES:
        raise AccountError(N_("Bahasa %(locale)s tidak dikenal; pilih %(locales)s."), locale=locale, locales=", ".join(LOCALES))
    check_password(password)
    if find_user(session, email) is not None:
        raise AccountError(N_("%(email)s sudah punya akun."), email=email)
    if unit_id is None:
        unit_id = directory.ensure_top_unit(session).id
    elif session.get(Unit, unit_id) is None:
        raise AccountError(N_("Unit %(unit)s tidak ada."), unit=unit_id)
    user = User(
        email=email,
        name=clean_name(name or "") or email.split("@")[0],
        password_hash=generate_password_hash(password),
        role=role,
        unit_id=unit_id,
        locale=locale,
        default_credit=default_credit,
        active=True,
        failed_logins=0,
    )
    session.add(user)
    record(session, actor, "user.created", user, email=email, role=role)
    return user


def set_password(session: Session, user: User, password: str, actor: User | None = None) -> None:
    """A new password ends every session of ``user`` (the caller signs the changer in again)."""
    check_password(password)
    user.password_hash = generate_password_hash(password)
    end_sessions(session, user)
    record(session, actor, "user.password_changed", user)


def set_active(session: Session, user: User, active: bool) -> None:
    """Deactivating ends every session of ``user``, so reactivating does not revive them."""
    if user.active and not active:
        end_sessions(session, user)
    user.active = active


def end_sessions(session: Session, user: User, *, actor: User | None = None, everywhere: bool = False) -> None:
    """Make every session and remember cookie issued to ``user`` so far worthless."""
    user.session_version = (user.session_version or 0) + 1
    if everywhere:
        record(session, actor, "user.sessions_ended", user)


def authenticate(
    session: Session,
    email: str,
    password: str,
    *,
    max_failures: int = 5,
    lock_minutes: int = 15,
    now: datetime | None = None,
) -> LoginResult:
    """Check a staff login (:func:`check_credentials` on the account of ``email``)."""
    return check_credentials(session, find_user(session, email), password, max_failures=max_failures,
                             lock_minutes=lock_minutes, now=now)


def check_credentials(session: Session, account, password: str, *, max_failures: int = 5, lock_minutes: int = 15,
                      now: datetime | None = None) -> LoginResult:
    """Check ``password`` against ``account`` (a staff ``User`` or a ``Journalist``: anything
    with ``password_hash``, ``failed_logins``, ``locked_until``, ``last_login_at`` and
    ``active``; ``None`` when the e-mail has no account), counting failures per account and
    locking it after ``max_failures``.

    A locked account is refused even with the right password until the window
    passes, so guessing cannot continue behind the lock. Every path checks one
    password hash, so the time taken does not tell an unknown, a locked and a
    known account apart. The caller commits.
    """
    now = now or utcnow()
    if account is None:
        check_password_hash(_dummy_hash(), password)
        return LoginResult(None, "bad_credentials")
    password_ok = check_password_hash(account.password_hash, password)
    if account.locked_until is not None and account.locked_until > now:
        return LoginResult(account, "locked", account.locked_until)
    if not password_ok:
        account.failed_logins = (account.failed_logins or 0) + 1
        if account.failed_logins >= max_failures:
            account.locked_until = now + timedelta(minutes=lock_minutes)
            account.failed_logins = 0
            record(session, None, f"{type(account).__name__.lower()}.locked", account,
                   until=account.locked_until.isoformat())
            return LoginResult(account, "locked", account.locked_until)
        return LoginResult(account, "bad_credentials")
    if not account.active:
        return LoginResult(account, "inactive")
    account.failed_logins = 0
    account.locked_until = None
    account.last_login_at = now
    return LoginResult(account, "ok")



@functools.cache
def _dummy_hash() -> str:
    """What a login with an unknown e-mail checks its password against, so that it costs what a
    known account's check costs: a hash made as every password's is (werkzeug's defaults).
    Made on the first such login, not at import: a production scrypt hash is 0.17 s of CPU
    that every web, job and command process paid at start."""
    return generate_password_hash("not-a-real-password")

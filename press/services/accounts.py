"""Accounts: creating staff users, checking passwords, the login lock-out."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from press.models import LOCALES, ROLES, User, utcnow

from press.errors import N_, ServiceError

from .audit import record

MIN_PASSWORD_LENGTH = 10


class AccountError(ServiceError):
    """A user cannot be created or changed as asked; the message says why."""


@dataclass(frozen=True)
class LoginResult:
    user: User | None
    outcome: str  # ok | bad_credentials | locked | inactive
    locked_until: datetime | None = None


def normalise_email(email: str) -> str:
    return email.strip().lower()


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
    email = normalise_email(email)
    if "@" not in email or email.startswith("@") or email.endswith("@"):
        raise AccountError(N_("%(email)s bukan alamat email."), email=email)
    if role not in ROLES:
        raise AccountError(N_("Peran %(role)s tidak dikenal; pilih salah satu dari %(roles)s."), role=role, roles=", ".join(ROLES))
    if locale not in LOCALES:
        raise AccountError(N_("Bahasa %(locale)s tidak dikenal; pilih %(locales)s."), locale=locale, locales=", ".join(LOCALES))
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(N_("Kata sandi minimal %(n)d karakter."), n=MIN_PASSWORD_LENGTH)
    if find_user(session, email) is not None:
        raise AccountError(N_("%(email)s sudah punya akun."), email=email)
    user = User(
        email=email,
        name=name or email.split("@")[0],
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
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(N_("Kata sandi minimal %(n)d karakter."), n=MIN_PASSWORD_LENGTH)
    user.password_hash = generate_password_hash(password)
    record(session, actor, "user.password_changed", user)


def authenticate(
    session: Session,
    email: str,
    password: str,
    *,
    max_failures: int = 5,
    lock_minutes: int = 15,
    now: datetime | None = None,
) -> LoginResult:
    """Check a login, counting failures per account and locking it after ``max_failures``.

    A locked account is refused even with the right password until the window
    passes, so guessing cannot continue behind the lock. The caller commits.
    """
    now = now or utcnow()
    user = find_user(session, email)
    if user is None:
        # Same work as a real check, so timing does not reveal which e-mails exist.
        check_password_hash(_DUMMY_HASH, password)
        return LoginResult(None, "bad_credentials")
    if user.locked_until is not None and user.locked_until > now:
        return LoginResult(user, "locked", user.locked_until)
    if not check_password_hash(user.password_hash, password):
        user.failed_logins = (user.failed_logins or 0) + 1
        if user.failed_logins >= max_failures:
            user.locked_until = now + timedelta(minutes=lock_minutes)
            user.failed_logins = 0
            record(session, None, "user.locked", user, until=user.locked_until.isoformat())
            return LoginResult(user, "locked", user.locked_until)
        return LoginResult(user, "bad_credentials")
    if not user.active:
        return LoginResult(user, "inactive")
    user.failed_logins = 0
    user.locked_until = None
    user.last_login_at = now
    return LoginResult(user, "ok")


_DUMMY_HASH = generate_password_hash("not-a-real-password")

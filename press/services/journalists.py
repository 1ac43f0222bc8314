"""Journalists' accounts: registration, e-mail confirmation, an editor's decision, the
account page, signing in.

A journalist registers on the public site (name, outlet, e-mail, WhatsApp number, press
card or competency-certificate number and level, password), confirms the e-mail by the
signed link sent to it, and waits: an editor (``journalist.approve``) approves or
rejects with a reason, and the journalist is told either way (``journalist_mail``).
Only an approved journalist signs in; the login counts failures and locks like a staff
login (``accounts.check_credentials``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from werkzeug.security import generate_password_hash

from press.codes import JournalistState, OutletKind, UkwLevel
from press.errors import N_, ServiceError
from press.models import Journalist, Outlet, User, utcnow
from press.text import clean_name

from . import access, accounts, outbox, outlets
from .audit import record

MAX_NAME = 200
MAX_CREDENTIAL = 60
MAX_REASON = 1000

_SEPARATORS = re.compile(r"[\s\-.()/]")


class JournalistError(ServiceError):
    """A journalist's account cannot be created or changed as asked; the message says why."""


def whatsapp_number(text: str) -> str:
    """An Indonesian mobile number as ``+628…``: ``0812-3456-789``, ``62812…``, ``+62 812…``.

    Refused unless, after the country code or the leading 0, it is a mobile number
    (starting with 8) of 9 to 12 digits."""
    digits = _SEPARATORS.sub("", clean_name(text or ""))
    for prefix in ("+62", "62", "0"):
        if digits.startswith(prefix):
            national = digits[len(prefix):]
            break
    else:
        national = ""
    if not (national.isascii() and national.isdigit() and national.startswith("8") and 9 <= len(national) <= 12):
        raise JournalistError(N_("Nomor WhatsApp %(number)s tidak terbaca; tulis nomor seluler Indonesia, "
                                 "misalnya 0812-3456-7890."), number=text)
    return "+62" + national


@dataclass(frozen=True)
class Profile:
    """What a journalist fills in (at registration and on the account page).

    ``outlet_id`` names an outlet of the register; without it, ``outlet_name`` and
    ``outlet_kind`` (and ``outlet_site``) propose a new one."""

    name: str
    whatsapp: str
    credential: str
    ukw_level: str | None = None
    outlet_id: int | None = None
    outlet_name: str = ""
    outlet_kind: str = OutletKind.ONLINE
    outlet_site: str | None = None


def _apply(session: Session, journalist: Journalist, profile: Profile) -> None:
    name = clean_name(profile.name or "")
    if not name:
        raise JournalistError(N_("Nama tidak boleh kosong."))
    if len(name) > MAX_NAME:
        raise JournalistError(N_("Nama paling panjang %(n)d karakter."), n=MAX_NAME)
    credential = clean_name(profile.credential or "")
    if not credential:
        raise JournalistError(N_("Tulis nomor kartu pers atau nomor sertifikat UKW."))
    if len(credential) > MAX_CREDENTIAL:
        raise JournalistError(N_("Nomor kartu pers paling panjang %(n)d karakter."), n=MAX_CREDENTIAL)
    level = profile.ukw_level or None
    if level is not None and level not in set(UkwLevel):
        raise JournalistError(N_("Jenjang UKW %(level)s tidak dikenal; pilih Muda, Madya atau Utama."), level=level)
    whatsapp = whatsapp_number(profile.whatsapp)
    if profile.outlet_id is not None:
        outlet = session.get(Outlet, profile.outlet_id)
        if outlet is None:
            raise JournalistError(N_("Media itu tidak ada di daftar; pilih yang lain atau usulkan media baru."))
    elif clean_name(profile.outlet_name or ""):
        outlet = outlets.propose(session, profile.outlet_name, profile.outlet_kind, profile.outlet_site)
    else:
        raise JournalistError(N_("Pilih media Anda dari daftar atau usulkan media baru."))
    journalist.name, journalist.credential, journalist.ukw_level = name, credential, level
    journalist.whatsapp, journalist.outlet_id = whatsapp, outlet.id


def find(session: Session, email: str) -> Journalist | None:
    return session.scalar(select(Journalist).where(func.lower(Journalist.email) == accounts.normalise_email(email)))


def register(session: Session, email: str, password: str, profile: Profile) -> Journalist:
    """A new account, pending until its e-mail is confirmed and an editor decides.

    An e-mail that already has a journalist's or a staff account is refused."""
    email = outbox.valid_address(accounts.checked_email(email))
    accounts.check_password(password)
    if find(session, email) is not None or accounts.find_user(session, email) is not None:
        raise JournalistError(N_("%(email)s sudah terdaftar. Masuk, atau hubungi Humas bila lupa kata sandi."),
                              email=email)
    journalist = Journalist(email=email, password_hash=generate_password_hash(password),
                            state=JournalistState.PENDING, failed_logins=0, session_version=0)
    _apply(session, journalist, profile)
    session.add(journalist)
    session.flush()
    record(session, None, "journalist.registered", journalist, email=email)
    return journalist


def confirm_email(session: Session, journalist_id: int, email: str) -> Journalist:
    """The signed link of the confirmation mail was followed (``email``: the address it was
    sent to, so a link outlives no change of address)."""
    journalist = session.get(Journalist, journalist_id)
    if journalist is None or journalist.email != email:
        raise JournalistError(N_("Tautan konfirmasi ini tidak lagi berlaku."))
    if journalist.email_confirmed_at is None:
        journalist.email_confirmed_at = utcnow()
        record(session, None, "journalist.confirmed", journalist)
    return journalist


def update_profile(session: Session, journalist: Journalist, profile: Profile) -> None:
    """The journalist's own changes on the account page; state and verification stay."""
    _apply(session, journalist, profile)
    record(session, None, "journalist.updated", journalist)


def approve(session: Session, journalist: Journalist, actor: User | None) -> None:
    _decide(session, journalist, actor, JournalistState.APPROVED, None)


def reject(session: Session, journalist: Journalist, actor: User | None, reason: str) -> None:
    reason = (reason or "").strip()
    if not reason:
        raise JournalistError(N_("Tulis alasan penolakan; wartawan akan menerimanya lewat surel."))
    if len(reason) > MAX_REASON:
        raise JournalistError(N_("Alasan paling panjang %(n)d karakter."), n=MAX_REASON)
    _decide(session, journalist, actor, JournalistState.REJECTED, reason)


def _decide(session: Session, journalist: Journalist, actor: User | None, state: JournalistState,
            reason: str | None) -> None:
    access.require_user(session, actor, "journalist.approve", error=JournalistError)
    if journalist.email_confirmed_at is None:
        raise JournalistError(N_("%(email)s belum dikonfirmasi lewat surel; keputusan menunggu konfirmasi."),
                              email=journalist.email)
    if journalist.state == state:
        raise JournalistError(N_("Pendaftaran ini sudah %(state)s."), state=state)
    journalist.state, journalist.rejection_reason = state, reason
    journalist.decided_at, journalist.decided_by_id = utcnow(), actor.id if actor else None
    if state != JournalistState.APPROVED:
        end_sessions(journalist)
    record(session, actor, f"journalist.{state}", journalist, reason=reason)


def end_sessions(journalist: Journalist) -> None:
    """Make every session issued to ``journalist`` so far worthless (logout, rejection)."""
    journalist.session_version = (journalist.session_version or 0) + 1


def authenticate(session: Session, email: str, password: str, *, max_failures: int, lock_minutes: int
                 ) -> accounts.LoginResult:
    """A journalist's login: only approved accounts get in (``inactive`` otherwise)."""
    return accounts.check_credentials(session, find(session, email), password, max_failures=max_failures,
                                      lock_minutes=lock_minutes)


def listing(session: Session, state: str | None = None) -> list[Journalist]:
    """Journalists, the pending ones with a confirmed e-mail first, newest first."""
    if state is not None and state not in set(JournalistState):
        raise JournalistError(N_("Status %(state)s tidak dikenal; pilih pending, approved atau rejected."),
                              state=state)
    query = select(Journalist).order_by(Journalist.email_confirmed_at.is_(None), Journalist.created_at.desc(),
                                        Journalist.id.desc())
    if state:
        query = query.where(Journalist.state == state)
    return list(session.scalars(query))


def as_dict(journalist: Journalist) -> dict:
    """A journalist as ``flask journalists list --json`` prints it (codes, not labels)."""
    return {
        "id": journalist.id, "name": journalist.name, "email": journalist.email, "state": journalist.state,
        "outlet": journalist.outlet.name, "outlet_verified": journalist.outlet.verified,
        "whatsapp": journalist.whatsapp, "credential": journalist.credential, "ukw_level": journalist.ukw_level,
        "email_confirmed": journalist.email_confirmed_at is not None,
        "registered_at": journalist.created_at.isoformat(),
        "rejection_reason": journalist.rejection_reason,
    }

"""Signing in: with a password or a one-time link, refreshing a session (rotating refresh tokens) and
signing out. A session's access token is the venue's short JWT naming the session (``sid``).

Failed passwords are counted per address and per client address, and locked with backoff; a wrong
address and a wrong password get the same answer and cost the same time.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from services.venue.adapters.unit_of_work import VenueUnit
from services.venue.domain.credentials import (
    LINK_PREFIX,
    LINK_REFUSALS,
    REFRESH_PREFIX,
    LinkState,
    Purpose,
    RefreshState,
    link_state,
    new_secret,
    refresh_state,
    secret_hash,
)
from services.venue.domain.profiles import AccountStatus, Profile, account_status
from services.venue.domain.throttle import PER_CLIENT, PER_EMAIL, retry_after_seconds
from services.venue.domain.tokens import Issued, issue
from services.venue.handlers.account_context import AccountContext, client_key, email_key, person_of
from services.venue.handlers.account_refusals import (
    AccountNotUsable,
    LinkRefused,
    LinkUnknown,
    SessionRefused,
    TooManyAttempts,
    WrongCredentials,
)
from shared.contracts import SignInLinkRequested

log = logging.getLogger(__name__)

NOT_USABLE = {
    AccountStatus.DISABLED: "this account is disabled: contact the venue",
    AccountStatus.PENDING: "this account's e-mail address is not verified yet: use the link we e-mailed you",
}


@dataclass(frozen=True)
class SessionIssued:
    access: Issued
    access_lifetime: timedelta
    session_id: uuid.UUID
    refresh_token: str
    refresh_expires_at: datetime
    profile: Profile


async def sign_in(
    context: AccountContext, email: str, password: str, client_address: str, now: datetime
) -> SessionIssued:
    """A new session for the account with this address and password."""
    keys = [email_key(email), client_key(client_address)]
    async with context.database.autocommit() as unit:
        locked = await unit.sign_in_guard.locked_until(keys, now)
        candidates = await unit.accounts.with_email(email)
    if locked is not None:
        raise TooManyAttempts(retry_after_seconds(locked, now))
    match = await _matching(context, candidates, password)
    if match is None:
        async with context.database.transaction() as unit:
            await unit.sign_in_guard.record_failure(keys[0], PER_EMAIL, now)
            await unit.sign_in_guard.record_failure(keys[1], PER_CLIENT, now)
        raise WrongCredentials()
    _usable(match)
    rehashed = (
        await context.hash_password(password) if context.passwords.outdated(match["password_hash"]) else None
    )
    async with context.database.transaction() as unit:
        await unit.sign_in_guard.forget(keys[0])
        if rehashed:
            await unit.accounts.set_password(match["id"], rehashed)
        return await open_session(unit, context, match["id"], now)


async def _matching(context: AccountContext, candidates: list[Any], password: str) -> Any | None:
    """The account whose password this is (one per role may share an address); a decoy check if none."""
    for row in candidates or [None]:
        if await context.password_matches(row["password_hash"] if row else None, password) and row:
            return row
    return None


def _usable(row: Any) -> None:
    status = account_status(row["activated_at"], row["disabled_at"])
    if status is not AccountStatus.ACTIVE:
        raise AccountNotUsable(NOT_USABLE[status])


async def open_session(
    unit: VenueUnit, context: AccountContext, account_id: uuid.UUID, now: datetime
) -> SessionIssued:
    session_id, refresh_token = uuid.uuid4(), new_secret(REFRESH_PREFIX)
    refresh_expires_at = now + context.settings.refresh_lifetime
    await unit.credentials.open_session(
        account_id, session_id, secret_hash(refresh_token), refresh_expires_at, now
    )
    return await _issued(unit, context, account_id, session_id, refresh_token, refresh_expires_at, now)


async def _issued(
    unit: VenueUnit,
    context: AccountContext,
    account_id: uuid.UUID,
    session_id: uuid.UUID,
    refresh_token: str,
    refresh_expires_at: datetime,
    now: datetime,
) -> SessionIssued:
    profile = await unit.accounts.profile(account_id)
    assert profile is not None
    return SessionIssued(
        access=issue(account_id, profile.role, context.tokens, now, session_id),
        access_lifetime=context.tokens.lifetime,
        session_id=session_id,
        refresh_token=refresh_token,
        refresh_expires_at=refresh_expires_at,
        profile=profile,
    )


async def request_sign_in_link(context: AccountContext, email: str, now: datetime) -> None:
    """E-mail a one-time sign-in link if the address has an active account; nothing otherwise."""
    async with context.database.transaction() as unit:
        accounts = await unit.accounts.with_email(email)
        active = [
            row for row in accounts if account_status(row["activated_at"], row["disabled_at"]) == "active"
        ]
        if not active or not await unit.sign_in_guard.spend_mail(
            email_key(email), context.settings.mail_budget, now
        ):
            return
        account = active[0]
        secret = new_secret(LINK_PREFIX)
        expires_at = now + context.settings.sign_in_link_lifetime
        await unit.credentials.add_link(account["id"], Purpose.SIGN_IN, secret_hash(secret), expires_at, now)
        unit.publish(
            SignInLinkRequested(
                account_id=account["id"],
                role=account["role"],
                person=person_of(account),
                link=context.settings.link(Purpose.SIGN_IN, secret),
                expires_at=expires_at,
                occurred_at=now,
            )
        )


async def use_link(unit: VenueUnit, purpose: Purpose, token: str, now: datetime) -> Any:
    """The link's account row (locked) once the link is marked used; LinkUnknown or LinkRefused."""
    link = await unit.credentials.link(secret_hash(token), purpose)
    if link is None:
        raise LinkUnknown()
    state = link_state(link["used_at"], link["superseded_at"], link["expires_at"], now)
    if state is not LinkState.USABLE:
        raise LinkRefused(LINK_REFUSALS[purpose][state])
    account = await unit.accounts.lock(link["account_id"])
    _usable(account)
    await unit.credentials.use_link(link["token_hash"], now)
    return account


async def sign_in_with_link(context: AccountContext, token: str, now: datetime) -> SessionIssued:
    async with context.database.transaction() as unit:
        account = await use_link(unit, Purpose.SIGN_IN, token, now)
        await unit.sign_in_guard.forget(email_key(account["email"]))
        return await open_session(unit, context, account["id"], now)


async def refresh(context: AccountContext, refresh_token: str, now: datetime) -> SessionIssued:
    """A new access token and refresh token; the old refresh token dies. A reused one ends the session."""
    refused: str | None = None
    async with context.database.transaction() as unit:
        row = await unit.credentials.refresh_token(secret_hash(refresh_token))
        if row is None:
            raise SessionRefused("the refresh token is unknown: sign in again")
        state = refresh_state(row["rotated_at"], row["expires_at"], row["session_revoked_at"], now)
        if state is RefreshState.USABLE and await unit.accounts.account(row["account_id"]) is None:
            raise AccountNotUsable(NOT_USABLE[AccountStatus.DISABLED])
        if state is RefreshState.USABLE:
            token = new_secret(REFRESH_PREFIX)
            expires_at = now + context.settings.refresh_lifetime
            await unit.credentials.rotate(
                row["token_hash"], secret_hash(token), row["session_id"], expires_at, now
            )
            return await _issued(unit, context, row["account_id"], row["session_id"], token, expires_at, now)
        if state is RefreshState.REUSED:  # committed below, before refusing
            await unit.credentials.revoke_session(row["session_id"], "refresh token reused", now)
            log.warning(
                "refresh token reused: session revoked",
                extra={"fields": {"session_id": str(row["session_id"])}},
            )
        refused = {
            RefreshState.REUSED: "this refresh token was used already: the session is ended for safety, sign in again",
            RefreshState.SESSION_ENDED: "the session has ended (signed out or revoked): sign in again",
            RefreshState.EXPIRED: "the refresh token has expired: sign in again",
        }[state]
    raise SessionRefused(refused)


async def sign_out(context: AccountContext, refresh_token: str, now: datetime) -> uuid.UUID | None:
    """End the refresh token's session (its access tokens too); the session's id, None if unknown."""
    async with context.database.transaction() as unit:
        row = await unit.credentials.refresh_token(secret_hash(refresh_token))
        if row is None:
            return None
        await unit.credentials.revoke_session(row["session_id"], "signed out", now)
        session_id: uuid.UUID = row["session_id"]
        return session_id

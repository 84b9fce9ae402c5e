"""Password resets by e-mail: a one-time link sets a new password and ends every session of the account.
The request is answered the same whether or not the address has an account."""

from __future__ import annotations

import logging
import uuid
from datetime import datetime

from services.venue.domain.credentials import (
    LINK_PREFIX,
    LINK_REFUSALS,
    LinkState,
    Purpose,
    link_state,
    new_secret,
    secret_hash,
)
from services.venue.domain.passwords import password_problem
from services.venue.domain.profiles import account_status
from services.venue.handlers.account_context import AccountContext, email_key, person_of
from services.venue.handlers.account_refusals import AccountInvalid, LinkRefused, LinkUnknown
from services.venue.handlers.sessions import use_link
from shared.contracts import PasswordChanged, PasswordResetRequested

log = logging.getLogger(__name__)


async def request_reset(context: AccountContext, email: str, now: datetime) -> None:
    """E-mail a reset link if the address has an active account (staff and ops too); nothing otherwise."""
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
        expires_at = now + context.settings.reset_link_lifetime
        await unit.credentials.add_link(account["id"], Purpose.RESET, secret_hash(secret), expires_at, now)
        unit.publish(
            PasswordResetRequested(
                account_id=account["id"],
                role=account["role"],
                person=person_of(account),
                link=context.settings.link(Purpose.RESET, secret),
                expires_at=expires_at,
                occurred_at=now,
            )
        )


async def confirm_reset(context: AccountContext, token: str, password: str, now: datetime) -> uuid.UUID:
    """Set the new password and end every session of the account; the account's id."""
    async with context.database.autocommit() as unit:  # a look first: the policy needs the account
        link = await unit.credentials.link(secret_hash(token), Purpose.RESET)
        account = await unit.accounts.lock(link["account_id"]) if link else None
    if link is None or account is None:
        raise LinkUnknown()
    state = link_state(link["used_at"], link["superseded_at"], link["expires_at"], now)
    if state is not LinkState.USABLE:
        raise LinkRefused(LINK_REFUSALS[Purpose.RESET][state])
    reason = password_problem(password, account["email"], account["name"])
    if reason:
        raise AccountInvalid([("password", reason)])
    password_hash = await context.hash_password(password)
    async with context.database.transaction() as unit:
        account = await use_link(unit, Purpose.RESET, token, now)  # checked again, under lock
        await unit.accounts.set_password(account["id"], password_hash)
        ended = await unit.credentials.revoke_sessions(account["id"], "password reset", now)
        await unit.sign_in_guard.forget(email_key(account["email"]))
        unit.publish(
            PasswordChanged(
                account_id=account["id"], role=account["role"], person=person_of(account), occurred_at=now
            )
        )
    log.info("password reset", extra={"fields": {"account_id": str(account["id"]), "sessions_ended": ended}})
    account_id: uuid.UUID = account["id"]
    return account_id

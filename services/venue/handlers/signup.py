"""Signing up by e-mail: the account waits (pending) until the link e-mailed to the address is used.

The answer never tells whether the address has an account: when it has, its owner gets a notice
instead of a link. A second sign-up before the first is verified replaces it (newest details and
password; older links are superseded), so whoever controls the mailbox decides.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from services.venue.adapters.conflicts import KeyTaken
from services.venue.adapters.unit_of_work import VenueUnit
from services.venue.domain.access import Role
from services.venue.domain.account_settings import RESET_PAGE, SIGN_IN_PAGE
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
from services.venue.domain.profiles import Profile, profile_problems
from services.venue.handlers.account_context import AccountContext, email_key, person_of
from services.venue.handlers.account_refusals import AccountInvalid, LinkRefused, LinkUnknown
from shared.contracts import AccountProfileChanged, SignupAttempted, SignupVerificationRequested

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SignUp:
    email: str
    password: str
    name: str
    locale: str
    time_zone: str
    organization: str | None = None
    phone: str | None = None

    def fields(self) -> dict[str, object]:
        return {
            "email": self.email.strip(),
            "name": self.name.strip(),
            "locale": self.locale,
            "time_zone": self.time_zone,
            "organization": self.organization,
            "phone": self.phone,
        }


def check_sign_up(request: SignUp) -> None:
    """AccountInvalid naming every field at fault."""
    problems = profile_problems(request.fields())
    reason = password_problem(request.password, request.email, request.name)
    if reason:
        problems.append(("password", reason))
    if problems:
        raise AccountInvalid(problems)


async def sign_up(context: AccountContext, request: SignUp, now: datetime) -> None:
    """Send the verification link (or the owner's notice); the same outcome for the caller either way."""
    check_sign_up(request)
    fields = {**request.fields(), "password_hash": await context.hash_password(request.password)}
    try:
        async with context.database.transaction() as unit:
            if not await unit.sign_in_guard.spend_mail(
                email_key(request.email), context.settings.mail_budget, now
            ):
                log.warning("sign-up mail budget spent: nothing sent")
                return
            await _sign_up(unit, context, fields, now)
    except KeyTaken:  # the same address signed up at the same moment: that one sends the link
        log.info("concurrent sign-up of one address: the other one proceeds")


async def _sign_up(
    unit: VenueUnit, context: AccountContext, fields: dict[str, object], now: datetime
) -> None:
    existing = await unit.accounts.with_email(str(fields["email"]))
    owner = next((row for row in existing if row["activated_at"] is not None), None)
    if owner is not None:
        settings = context.settings
        unit.publish(
            SignupAttempted(
                account_id=owner["id"],
                role=owner["role"],
                person=person_of(owner),
                sign_in_url=settings.page(SIGN_IN_PAGE),
                password_reset_url=settings.page(RESET_PAGE),
                occurred_at=now,
            )
        )
        log.info("sign-up with a known address: its owner is told")
        return
    pending = next((row for row in existing if row["role"] == Role.ORGANIZER.value), None)
    if pending is not None:
        account_id = pending["id"]
        await unit.accounts.replace_pending(account_id, fields)
    else:
        account_id = await unit.accounts.create_account(Role.ORGANIZER, fields, None, "", active=False)
    secret = new_secret(LINK_PREFIX)
    expires_at = now + context.settings.verify_link_lifetime
    await unit.credentials.add_link(account_id, Purpose.VERIFY, secret_hash(secret), expires_at, now)
    account = await unit.accounts.lock(account_id)
    unit.publish(
        SignupVerificationRequested(
            account_id=account_id,
            person=person_of(account),
            link=context.settings.link(Purpose.VERIFY, secret),
            expires_at=expires_at,
            occurred_at=now,
        )
    )
    log.info("sign-up: verification link sent", extra={"fields": {"account_id": str(account_id)}})


async def verify_sign_up(context: AccountContext, token: str, now: datetime) -> Profile:
    """Activate the account the link was sent for; LinkUnknown or LinkRefused (used, superseded, expired)."""
    async with context.database.transaction() as unit:
        link = await unit.credentials.link(secret_hash(token), Purpose.VERIFY)
        if link is None:
            raise LinkUnknown()
        state = link_state(link["used_at"], link["superseded_at"], link["expires_at"], now)
        if state is not LinkState.USABLE:
            raise LinkRefused(LINK_REFUSALS[Purpose.VERIFY][state])
        await unit.credentials.use_link(link["token_hash"], now)
        await unit.accounts.activate(link["account_id"], now)
        profile = await unit.accounts.profile(link["account_id"])
        assert profile is not None
        unit.publish(profile_changed(profile, now))
    log.info("sign-up verified", extra={"fields": {"account_id": str(profile.account_id)}})
    return profile


def profile_changed(profile: Profile, now: datetime) -> AccountProfileChanged:
    return AccountProfileChanged(
        account_id=profile.account_id,
        role=profile.role,
        person=person_of(profile),
        elder_mode=profile.elder_mode,
        active=profile.status == "active",
        occurred_at=now,
    )

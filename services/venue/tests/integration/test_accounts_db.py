"""People's own accounts on real PostgreSQL: sign-up and its link, sessions and refresh rotation, the
backoff, password resets, API keys, disabling, and the staff's search (its plan at 200,000 organizers)."""

import time
import uuid
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import msgspec
import pytest

from services.venue.domain.account_settings import AccountSettings
from services.venue.domain.passwords import HashingParameters, Passwords
from services.venue.domain.profiles import search_needle
from services.venue.domain.tokens import TokenSettings, verify_claims
from services.venue.handlers import organizers, password_resets, profiles, sessions, signup
from services.venue.handlers.account_context import AccountContext
from services.venue.handlers.account_refusals import (
    AccountNotUsable,
    LinkRefused,
    LinkUnknown,
    NotFound,
    SessionRefused,
    TooManyAttempts,
    WrongCredentials,
)

pytestmark = pytest.mark.integration

NOW = datetime.now(UTC)
PASSWORD = "a long and uncommon passphrase"
TOKENS = TokenSettings("s" * 48, "wict-venue-api", "wict-venue", timedelta(minutes=15))


@pytest.fixture
def context(database) -> AccountContext:
    cheap = Passwords(HashingParameters(time_cost=1, memory_kib=8, parallelism=1))
    return AccountContext(database, AccountSettings(web_url="https://web.test"), cheap, TOKENS)


async def published(database, subject: str, email: str) -> list[dict]:
    """The account events staged in the outbox for ``email`` (oldest first)."""
    async with database.autocommit() as unit:
        rows = await unit.connection.fetch(
            "SELECT payload FROM outbox WHERE subject = $1 ORDER BY created_at", f"venue.evt.{subject}"
        )
    events = [msgspec.json.decode(row["payload"]) for row in rows]
    return [event for event in events if event["person"]["email"] == email]


def token_of(event: dict) -> str:
    return parse_qs(urlsplit(event["link"]).query)["token"][0]


def request(email: str, **changes) -> signup.SignUp:
    fields = {
        "email": email,
        "password": PASSWORD,
        "name": "Ann Example",
        "locale": "en",
        "time_zone": "Europe/Berlin",
    }
    return signup.SignUp(**{**fields, **changes})


async def signed_up(context, email: str) -> uuid.UUID:
    await signup.sign_up(context, request(email), NOW)
    [event] = await published(context.database, "signup_verification_requested", email)
    return (await signup.verify_sign_up(context, token_of(event), NOW)).account_id


def new_email() -> str:
    return f"ann-{uuid.uuid4().hex[:8]}@example.org"


async def test_a_sign_up_is_pending_until_its_link_is_used_once(context):
    email = new_email()
    await signup.sign_up(context, request(email, phone="+8613812345678"), NOW)
    [event] = await published(context.database, "signup_verification_requested", email)
    assert event["link"].startswith("https://web.test/sign-up/verify?token=wl_")
    with pytest.raises(AccountNotUsable, match="not verified"):
        await sessions.sign_in(context, email, PASSWORD, "10.0.0.1", NOW)

    account = await signup.verify_sign_up(context, token_of(event), NOW)

    assert account.status == "active" and account.phone == "+8613812345678"
    with pytest.raises(LinkRefused, match="already used"):
        await signup.verify_sign_up(context, token_of(event), NOW)
    with pytest.raises(LinkUnknown):
        await signup.verify_sign_up(context, "wl_not-a-link", NOW)
    async with context.database.autocommit() as unit:  # only the hash is kept
        stored = await unit.connection.fetchval(
            "SELECT count(*) FROM account_links WHERE token_hash::text LIKE '%wl_%'"
        )
    assert stored == 0


async def test_an_expired_link_is_refused_saying_so_and_a_newer_sign_up_supersedes(context):
    email = new_email()
    await signup.sign_up(context, request(email), NOW)
    await signup.sign_up(context, request(email, name="Ann E."), NOW + timedelta(minutes=1))
    first, second = await published(context.database, "signup_verification_requested", email)

    with pytest.raises(LinkRefused, match="newer link"):
        await signup.verify_sign_up(context, token_of(first), NOW + timedelta(minutes=2))
    with pytest.raises(LinkRefused, match="this link has expired, sign up again"):
        await signup.verify_sign_up(context, token_of(second), NOW + timedelta(hours=25))
    assert (await signup.verify_sign_up(context, token_of(second), NOW + timedelta(hours=2))).name == "Ann E."


async def test_signing_up_with_a_known_address_tells_its_owner_and_nobody_else(context):
    email = new_email()
    account_id = await signed_up(context, email)

    await signup.sign_up(context, request(email, password="another long passphrase"), NOW)

    [notice] = await published(context.database, "signup_attempted", email)
    assert notice["account_id"] == str(account_id)
    assert notice["password_reset_url"] == "https://web.test/password-reset"
    assert len(await published(context.database, "signup_verification_requested", email)) == 1
    with pytest.raises(WrongCredentials):  # the attempt changed nothing
        await sessions.sign_in(context, email, "another long passphrase", "10.0.0.2", NOW)


async def test_a_session_refreshes_by_rotation_and_a_reused_refresh_token_ends_it(context):
    email = new_email()
    account_id = await signed_up(context, email)
    first = await sessions.sign_in(context, email, PASSWORD, "10.0.0.3", NOW)
    claims = verify_claims(first.access.token, TOKENS, NOW)
    assert (claims.account_id, claims.session_id) == (account_id, first.session_id)

    second = await sessions.refresh(context, first.refresh_token, NOW + timedelta(minutes=20))
    assert second.session_id == first.session_id and second.refresh_token != first.refresh_token

    with pytest.raises(SessionRefused, match="used already"):
        await sessions.refresh(context, first.refresh_token, NOW + timedelta(minutes=21))
    with pytest.raises(SessionRefused, match="session has ended"):  # the thief's reuse ended it for both
        await sessions.refresh(context, second.refresh_token, NOW + timedelta(minutes=22))
    async with context.database.autocommit() as unit:
        assert await unit.accounts.session_principal(account_id, first.session_id, NOW) is None


async def test_signing_out_ends_the_session_and_its_access_tokens(context):
    email = new_email()
    account_id = await signed_up(context, email)
    issued = await sessions.sign_in(context, email, PASSWORD, "10.0.0.4", NOW)

    assert await sessions.sign_out(context, issued.refresh_token, NOW) == issued.session_id

    async with context.database.autocommit() as unit:
        assert await unit.accounts.session_principal(account_id, issued.session_id, NOW) is None
    with pytest.raises(SessionRefused):
        await sessions.refresh(context, issued.refresh_token, NOW)


async def test_failed_passwords_lock_the_address_then_the_right_one_is_refused_until_the_wait_is_over(
    context,
):
    email = new_email()
    await signed_up(context, email)
    for attempt in range(5):
        with pytest.raises(WrongCredentials):
            await sessions.sign_in(context, email, f"wrong password {attempt}", f"10.1.0.{attempt}", NOW)

    with pytest.raises(TooManyAttempts) as locked:
        await sessions.sign_in(context, email, PASSWORD, "10.1.1.1", NOW + timedelta(seconds=1))
    assert 1 <= locked.value.retry_after <= 30
    issued = await sessions.sign_in(context, email, PASSWORD, "10.1.1.1", NOW + timedelta(seconds=31))
    assert issued.profile.email == email


async def test_an_unknown_address_is_throttled_like_a_known_one(context):
    email = new_email()  # no account
    for attempt in range(5):
        with pytest.raises(WrongCredentials):
            await sessions.sign_in(context, email, PASSWORD, f"10.2.0.{attempt}", NOW)
    with pytest.raises(TooManyAttempts):
        await sessions.sign_in(context, email, PASSWORD, "10.2.1.1", NOW)


async def test_one_client_address_is_slowed_down_across_many_addresses(context):
    for _attempt in range(20):
        with pytest.raises(WrongCredentials):
            await sessions.sign_in(context, new_email(), PASSWORD, "10.3.0.1", NOW)
    with pytest.raises(TooManyAttempts):
        await sessions.sign_in(context, new_email(), PASSWORD, "10.3.0.1", NOW)


async def test_a_password_reset_sets_the_password_and_ends_every_session(context):
    email = new_email()
    account_id = await signed_up(context, email)
    sessions_before = [await sessions.sign_in(context, email, PASSWORD, "10.4.0.1", NOW) for _ in range(2)]

    await password_resets.request_reset(context, email, NOW)
    [event] = await published(context.database, "password_reset_requested", email)
    assert (
        await password_resets.confirm_reset(context, token_of(event), "a brand new passphrase", NOW)
        == account_id
    )

    for issued in sessions_before:
        with pytest.raises(SessionRefused, match="session has ended"):
            await sessions.refresh(context, issued.refresh_token, NOW)
    with pytest.raises(WrongCredentials):
        await sessions.sign_in(context, email, PASSWORD, "10.4.0.2", NOW)
    assert (
        await sessions.sign_in(context, email, "a brand new passphrase", "10.4.0.2", NOW)
    ).profile.account_id == account_id
    assert len(await published(context.database, "password_changed", email)) == 1
    with pytest.raises(LinkRefused, match="already used"):
        await password_resets.confirm_reset(context, token_of(event), "yet another passphrase", NOW)


async def test_a_sign_in_link_works_once_and_not_for_an_unknown_address(context):
    email = new_email()
    account_id = await signed_up(context, email)
    await sessions.request_sign_in_link(context, email, NOW)
    await sessions.request_sign_in_link(context, new_email(), NOW)  # no account: nothing staged
    [event] = await published(context.database, "sign_in_link_requested", email)

    issued = await sessions.sign_in_with_link(context, token_of(event), NOW)

    assert issued.profile.account_id == account_id
    with pytest.raises(LinkRefused, match="already used"):
        await sessions.sign_in_with_link(context, token_of(event), NOW)


async def test_api_keys_are_named_listed_and_revoked_by_their_owner_only(context):
    ann, bob = await signed_up(context, new_email()), await signed_up(context, new_email())
    row, api_key = await profiles.create_api_key(context.database, ann, "laptop")

    assert api_key.startswith("wict_") and row["prefix"] == api_key[:12]
    assert [key["label"] for key in await profiles.api_keys(context.database, ann)] == ["laptop"]
    with pytest.raises(NotFound):  # Bob cannot revoke Ann's key
        await profiles.revoke_api_key(context.database, bob, row["id"], NOW)
    async with context.database.autocommit() as unit:
        assert (await unit.accounts.principal_for_key(api_key)).account_id == ann
    await profiles.revoke_api_key(context.database, ann, row["id"], NOW)
    async with context.database.autocommit() as unit:
        assert await unit.accounts.principal_for_key(api_key) is None
    assert await profiles.api_keys(context.database, ann) == []


async def test_a_disabled_account_is_refused_everywhere_and_can_be_enabled(context):
    email = new_email()
    account_id = await signed_up(context, email)
    issued = await sessions.sign_in(context, email, PASSWORD, "10.5.0.1", NOW)
    _, api_key = await profiles.create_api_key(context.database, account_id, "script")
    staff = uuid.uuid4()
    async with context.database.transaction() as unit:
        await unit.connection.execute(
            "INSERT INTO accounts (id, role, name, email) VALUES ($1, 'staff', 'Desk', $2)",
            staff,
            new_email(),
        )

    disabled = await organizers.set_disabled(context.database, account_id, True, staff, NOW)

    assert disabled.status == "disabled"
    async with context.database.autocommit() as unit:
        assert await unit.accounts.principal_for_key(api_key) is None
        assert await unit.accounts.account(account_id) is None
        assert await unit.accounts.session_principal(account_id, issued.session_id, NOW) is None
    with pytest.raises(AccountNotUsable, match="disabled"):
        await sessions.sign_in(context, email, PASSWORD, "10.5.0.2", NOW)
    with pytest.raises(SessionRefused):
        await sessions.refresh(context, issued.refresh_token, NOW)
    assert len(await published(context.database, "account_disabled", email)) == 1

    await organizers.set_disabled(context.database, account_id, False, staff, NOW)
    async with context.database.autocommit() as unit:
        assert (await unit.accounts.principal_for_key(api_key)).account_id == account_id


async def test_staff_find_an_organizer_by_name_organization_email_or_phone_in_any_script(context):
    email = f"wang-{uuid.uuid4().hex[:6]}@cqtour.example.cn"
    await signup.sign_up(
        context,
        request(email, name="王小明", organization="重庆市文化和旅游发展委员会", phone="+8613987654321"),
        NOW,
    )
    [event] = await published(context.database, "signup_verification_requested", email)
    account_id = (await signup.verify_sign_up(context, token_of(event), NOW)).account_id

    for typed in (
        "王小明",
        "小明",
        "旅游发展",
        email.upper(),
        "cqtour",
        "139 8765 4321",
        "+86 139-8765-4321",
    ):
        found = await organizers.find(context.database, search_needle(typed), None, 10)
        assert account_id in [row["id"] for row in found], typed
    assert await organizers.find(context.database, search_needle("没有这个人"), None, 10) == []


async def test_the_search_uses_its_index_at_200000_organizers(context):
    async with context.database.transaction() as unit:
        await unit.connection.execute(
            "INSERT INTO accounts (id, role, name, email, organization, phone)"
            " SELECT gen_random_uuid(), 'organizer', 'Organizer ' || i || ' 张' || (i % 977),"
            "  'organizer' || i || '@example.org', 'Tourism Board ' || (i % 5000), '+86139' || lpad(i::text, 8, '0')"
            " FROM generate_series(1, 200000) AS i",
            timeout=600,  # each row's bigrams: about a tenth of a millisecond, 200,000 times
        )
        await unit.connection.execute("ANALYZE accounts")
    async with context.database.autocommit() as unit:
        plans = {
            typed: await unit.organizers.explain_search(search_needle(typed), 51)
            for typed in ("张123", "organizer4242@", "13900012345", "Board 4999")
        }
        started = time.perf_counter()
        found = await unit.organizers.search(search_needle("organizer199999@"), None, 51)
        elapsed = time.perf_counter() - started
    for typed, plan in plans.items():
        assert "accounts_search" in plan and "Seq Scan" not in plan, (typed, plan)
    assert [row["email"] for row in found] == ["organizer199999@example.org"]
    print(f"search at 200,000 organizers: {elapsed * 1000:.1f} ms; plan:\n{plans['张123']}")

"""End to end: people's own accounts over HTTP, with the real SMTP sink. Sign up, the e-mail in the
person's language, verify, sign in, refresh, sign out; used, expired and unknown links; the same answer
for a known address; lockout; password reset ends every session; sign-in links; API keys; the staff's
own sign-in and their search for a caller."""

from __future__ import annotations

import asyncio
from urllib.parse import parse_qs, urlsplit

import pytest

from deploy.embedded.stack import BOOTSTRAP_EMAILS, Stack
from tests.e2e.accounts_support import (
    PASSWORD,
    anonymous,
    expire_links,
    new_email,
    sign_in,
    sign_up_and_verify,
    signup_body,
    text_of,
    token_in,
    wait_for_mail,
)
from tests.e2e.conftest import client_for

pytestmark = pytest.mark.e2e


def test_sign_up_verify_sign_in_refresh_and_sign_out_in_the_persons_language(stack: Stack):
    email = new_email("wang")
    with anonymous(stack) as client:
        answer = client.post(
            "/signup", json=signup_body(email, name="王敏", locale="zh-CN", time_zone="Asia/Shanghai")
        )
        assert (answer.status_code, answer.json()) == (202, {"status": "verification_sent"})
        mail = wait_for_mail(stack, email, "请确认您的电子邮箱以开通账户")
        assert "王敏，您好" in text_of(mail) and "仅可使用一次" in text_of(mail)
        assert "/sign-up/verify?token=" in text_of(mail)

        account = client.post("/signup/verify", json={"token": token_in(mail)}).json()
        assert (account["status"], account["locale"], account["role"]) == ("active", "zh-CN", "organizer")

        session = client.post("/sessions", json={"email": email.upper(), "password": PASSWORD}).json()
    assert session["token_type"] == "Bearer" and session["expires_in"] == 900
    assert session["account"]["account_id"] == account["account_id"]
    with client_for(stack, session["access_token"]) as me:
        assert me.get("/me").json()["email"] == email

    with anonymous(stack) as client:
        refreshed = client.post("/sessions/refresh", json={"refresh_token": session["refresh_token"]})
        assert refreshed.status_code == 201
        renewed = refreshed.json()
        assert renewed["refresh_token"] != session["refresh_token"]
        with client_for(stack, renewed["access_token"]) as me:
            assert me.get("/me").status_code == 200

        assert (
            client.post("/sessions/revoke", json={"refresh_token": renewed["refresh_token"]}).status_code
            == 204
        )
        with client_for(stack, renewed["access_token"]) as me:
            refused = me.get("/me")
        assert refused.status_code == 401 and "session has ended" in refused.json()["detail"]
        assert (
            client.post("/sessions/refresh", json={"refresh_token": renewed["refresh_token"]}).status_code
            == 401
        )


def test_a_reused_refresh_token_ends_its_session(stack: Stack):
    email = new_email()
    sign_up_and_verify(stack, email)
    session = sign_in(stack, email)
    with anonymous(stack) as client:
        renewed = client.post("/sessions/refresh", json={"refresh_token": session["refresh_token"]}).json()

        reused = client.post("/sessions/refresh", json={"refresh_token": session["refresh_token"]})

        assert reused.status_code == 401 and "used already" in reused.json()["detail"]
        assert (
            client.post("/sessions/refresh", json={"refresh_token": renewed["refresh_token"]}).status_code
            == 401
        )
    with client_for(stack, renewed["access_token"]) as me:
        assert me.get("/me").status_code == 401


def test_a_used_expired_or_unknown_verification_link_is_refused_saying_which(stack: Stack):
    used_email, expired_email = new_email(), new_email()
    with anonymous(stack) as client:
        client.post("/signup", json=signup_body(used_email)).raise_for_status()
        client.post("/signup", json=signup_body(expired_email)).raise_for_status()
        used = token_in(wait_for_mail(stack, used_email, "Confirm your e-mail address"))
        expired = token_in(wait_for_mail(stack, expired_email, "Confirm your e-mail address"))
        assert client.post("/signup/verify", json={"token": used}).status_code == 200
        asyncio.run(expire_links(stack, expired))

        again = client.post("/signup/verify", json={"token": used})
        late = client.post("/signup/verify", json={"token": expired})
        unknown = client.post("/signup/verify", json={"token": "wl_never-sent"})

    assert again.status_code == 410 and "this link was already used" in again.json()["detail"]
    assert late.status_code == 410 and late.json()["detail"] == "this link has expired, sign up again"
    assert late.json()["errors"] == [{"field": "token", "reason": "this link has expired, sign up again"}]
    assert unknown.status_code == 404
    with anonymous(stack) as client:  # the unverified account cannot sign in, and says why
        pending = client.post("/sessions", json={"email": expired_email, "password": PASSWORD})
    assert pending.status_code == 403 and "not verified" in pending.json()["detail"]


def test_signing_up_with_a_known_address_answers_the_same_and_tells_only_its_owner(stack: Stack):
    email = new_email()
    sign_up_and_verify(stack, email)
    with anonymous(stack) as client:
        known = client.post("/signup", json=signup_body(email, password="another fine passphrase"))
        fresh = client.post("/signup", json=signup_body(new_email()))

    assert (
        (known.status_code, known.json())
        == (fresh.status_code, fresh.json())
        == (202, {"status": "verification_sent"})
    )
    notice = wait_for_mail(stack, email, "Someone tried to sign up with your e-mail address")
    assert "/password-reset" in text_of(notice) and "token=" not in text_of(notice)
    with anonymous(stack) as client:  # the attempt changed nothing
        assert (
            client.post("/sessions", json={"email": email, "password": "another fine passphrase"}).status_code
            == 401
        )


def test_a_weak_password_or_bad_profile_is_refused_naming_the_field(stack: Stack):
    with anonymous(stack) as client:
        weak = client.post("/signup", json=signup_body(new_email(), password="password123"))
        bad = client.post(
            "/signup", json=signup_body(new_email(), phone="+862363001234", time_zone="Mars/Base")
        )

    assert weak.status_code == 422 and weak.json()["errors"][0]["field"] == "password"
    assert bad.status_code == 422
    assert {error["field"] for error in bad.json()["errors"]} == {"phone", "time_zone"}


def test_repeated_failures_lock_the_address_with_retry_after(stack: Stack):
    email = new_email()
    sign_up_and_verify(stack, email)
    with anonymous(stack) as client:
        failures = [
            client.post("/sessions", json={"email": email, "password": f"wrong passphrase {n}"})
            for n in range(5)
        ]
        locked = client.post("/sessions", json={"email": email, "password": PASSWORD})

    assert [answer.status_code for answer in failures] == [401] * 5
    assert {answer.json()["detail"] for answer in failures} == {"the e-mail address or the password is wrong"}
    assert locked.status_code == 429
    assert 1 <= int(locked.headers["retry-after"]) <= 30


def test_a_password_reset_sets_a_new_password_and_ends_every_session(stack: Stack):
    email = new_email()
    sign_up_and_verify(stack, email)
    first, second = sign_in(stack, email), sign_in(stack, email)
    with anonymous(stack) as client:
        assert client.post("/password-resets", json={"email": email}).json() == {"status": "reset_sent"}
        assert (
            client.post("/password-resets", json={"email": new_email()}).status_code == 202
        )  # the same answer
        token = token_in(wait_for_mail(stack, email, "Set a new password"))

        assert (
            client.post(
                "/password-resets/confirm", json={"token": token, "password": "a brand new passphrase"}
            ).status_code
            == 204
        )

        for session in (first, second):
            assert (
                client.post("/sessions/refresh", json={"refresh_token": session["refresh_token"]}).status_code
                == 401
            )
            with client_for(stack, session["access_token"]) as me:
                assert me.get("/me").status_code == 401
        assert client.post("/sessions", json={"email": email, "password": PASSWORD}).status_code == 401
        assert (
            client.post("/password-resets/confirm", json={"token": token, "password": "x" * 20}).status_code
            == 410
        )
    assert sign_in(stack, email, "a brand new passphrase")["account"]["email"] == email
    wait_for_mail(stack, email, "Your password was changed")


def test_a_sign_in_link_works_once(stack: Stack):
    email = new_email()
    sign_up_and_verify(stack, email)
    with anonymous(stack) as client:
        assert client.post("/sessions/link", json={"email": email}).json() == {"status": "link_sent"}
        assert client.post("/sessions/link", json={"email": new_email()}).status_code == 202
        token = token_in(wait_for_mail(stack, email, "Your sign-in link"))

        session = client.post("/sessions/link/verify", json={"token": token})
        again = client.post("/sessions/link/verify", json={"token": token})

    assert session.status_code == 201 and session.json()["account"]["email"] == email
    assert again.status_code == 410 and "already used" in again.json()["detail"]


def test_api_keys_are_created_shown_once_listed_and_revoked(stack: Stack):
    email = new_email()
    sign_up_and_verify(stack, email)
    session = sign_in(stack, email)
    with client_for(stack, session["access_token"]) as me:
        created = me.post("/me/api-keys", json={"name": "booking script"})
        assert created.status_code == 201
        key, api_key = created.json()["key"], created.json()["api_key"]
        assert api_key.startswith(key["prefix"]) and key["name"] == "booking script"
        listed = me.get("/me/api-keys").json()
        assert [(k["key_id"], k["name"]) for k in listed] == [(key["key_id"], "booking script")]
        assert "api_key" not in listed[0]
        with client_for(stack, api_key) as by_key:
            assert by_key.get("/me").json()["email"] == email

            assert me.delete(f"/me/api-keys/{key['key_id']}").status_code == 204

            refused = by_key.get("/me")
        assert refused.status_code == 401
        assert me.get("/me/api-keys").json() == []
        assert me.delete(f"/me/api-keys/{key['key_id']}").status_code == 404


def test_staff_get_a_password_by_reset_link_and_sign_in_like_everyone(stack: Stack, staff):
    email = BOOTSTRAP_EMAILS["staff"]
    with anonymous(stack) as client:
        client.post("/password-resets", json={"email": email}).raise_for_status()
        token = token_in(wait_for_mail(stack, email, "Set a new password"))
        client.post(
            "/password-resets/confirm", json={"token": token, "password": "the staff desk passphrase"}
        ).raise_for_status()
    session = sign_in(stack, email, "the staff desk passphrase")
    assert session["account"]["role"] == "staff"
    with client_for(stack, session["access_token"]) as desk:
        assert desk.get("/organizers", params={"limit": 1}).status_code == 200


def test_staff_find_a_caller_by_name_organization_email_or_phone(stack: Stack, staff, venue):
    email = new_email("zhao")
    account = sign_up_and_verify(
        stack, email, name="赵丽华", organization="重庆市涉外旅游协会", phone="+8613912345678", locale="zh-CN"
    )
    for typed in ("赵丽华", "丽华", "涉外旅游", email.upper(), "139 1234 5678", "+86-139-1234-5678"):
        found = staff.get("/organizers", params={"q": typed})
        assert found.status_code == 200
        assert account["account_id"] in [o["account_id"] for o in found.json()], typed
    assert venue.get("/organizers", params={"q": "赵丽华"}).status_code == 403
    assert staff.get("/organizers", params={"q": "赵"}).status_code == 400

    one = staff.get(f"/organizers/{account['account_id']}").json()
    assert one["phone"] == "+8613912345678" and one["counts"]["bookings"] == 0


def test_the_organizer_list_pages_with_a_link_header(stack: Stack, staff):
    marker = f"pager{new_email().split('@')[0][-6:]}"
    ids = {sign_up_and_verify(stack, new_email(), name=f"{marker} {n}")["account_id"] for n in range(3)}
    seen, url, params = [], "/organizers", {"q": marker, "limit": 2}
    while url:
        page = staff.get(url, params=params)
        seen += [o["account_id"] for o in page.json()]
        link = page.headers.get("link")
        url, params = (link.split(">")[0].lstrip("<"), None) if link else ("", None)
        if link:
            assert parse_qs(urlsplit(url).query)["limit"] == ["2"]
    assert set(seen) == ids and len(seen) == 3

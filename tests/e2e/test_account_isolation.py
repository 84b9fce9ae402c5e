"""End to end: an organizer's account is theirs alone (B cannot read or change A's profile, keys,
preferences or webhooks), a disabled account is refused everywhere at once, and an organizer's phone
reaches notify for SMS."""

from __future__ import annotations

import httpx
import pytest

from deploy.embedded.stack import Stack
from tests.e2e.accounts_support import (
    anonymous,
    new_email,
    notify_client,
    sign_in,
    sign_up_and_verify,
    wait_for_mail,
)
from tests.e2e.conftest import booking_body, client_for, next_day, wait_until

pytestmark = pytest.mark.e2e


def test_organizer_b_cannot_read_or_change_as_profile_keys_preferences_or_webhooks(stack: Stack):
    a_email, b_email = new_email("ann"), new_email("bob")
    a, b = sign_up_and_verify(stack, a_email), sign_up_and_verify(stack, b_email, name="Bob Other")
    a_session, b_session = sign_in(stack, a_email), sign_in(stack, b_email)
    with (
        client_for(stack, a_session["access_token"]) as ann,
        client_for(stack, b_session["access_token"]) as bob,
    ):
        a_key = ann.post("/me/api-keys", json={"name": "ann's"}).json()["key"]
        assert bob.patch("/me", json={"organization": "Bob's own"}).json()["account_id"] == b["account_id"]
        assert ann.get("/me").json()["organization"] == "Tourism Board of Example"
        assert bob.get(f"/organizers/{a['account_id']}").status_code == 403
        assert bob.get("/me/api-keys").json() == []
        assert bob.delete(f"/me/api-keys/{a_key['key_id']}").status_code == 404
        assert [k["key_id"] for k in ann.get("/me/api-keys").json()] == [a_key["key_id"]]

    with (
        notify_client(stack, a_session["access_token"]) as ann,
        notify_client(stack, b_session["access_token"]) as bob,
    ):
        hook = ann.post("/me/webhooks", json={"url": "http://127.0.0.1:9/ann", "description": "ann's"})
        assert hook.status_code == 201 and hook.json()["secret"]
        assert ann.put("/me/preferences/sms", json={"enabled": False}).status_code == 200

        assert bob.get("/me/webhooks").json() == []
        assert bob.delete(f"/me/webhooks/{hook.json()['id']}").status_code == 404
        assert [w["id"] for w in ann.get("/me/webhooks").json()] == [hook.json()["id"]]
        bobs = {p["channel"]: p["enabled"] for p in bob.get("/me/preferences").json()["channels"]}
        anns = {p["channel"]: p["enabled"] for p in ann.get("/me/preferences").json()["channels"]}
        assert bobs["sms"] is True and anns["sms"] is False
        assert ann.get("/me/preferences").json()["recipient"] == f"organizer:{a_email}"


def test_notify_takes_an_api_key_too_and_refuses_staff_keys_on_me(stack: Stack, staff):
    email = new_email()
    sign_up_and_verify(stack, email)
    with client_for(stack, sign_in(stack, email)["access_token"]) as me:
        api_key = me.post("/me/api-keys", json={"name": "notify"}).json()["api_key"]
    with notify_client(stack, api_key) as by_key:
        assert by_key.get("/me/preferences").json()["recipient"] == f"organizer:{email}"
    with notify_client(stack, stack.credentials["staff"]) as desk:
        assert desk.get("/me/preferences").status_code == 403


def test_a_disabled_account_is_refused_everywhere_at_once(stack: Stack, staff):
    email = new_email()
    account = sign_up_and_verify(stack, email)
    session = sign_in(stack, email)
    with client_for(stack, session["access_token"]) as me:
        api_key = me.post("/me/api-keys", json={"name": "script"}).json()["api_key"]
    credentials = (api_key, session["access_token"])
    for credential in credentials:  # in use, so each answer is cached where it can be
        with client_for(stack, credential) as client:
            assert client.get("/me").status_code == 200
        with notify_client(stack, credential) as client:
            assert client.get("/me/preferences").status_code == 200

    disabled = staff.post(f"/organizers/{account['account_id']}/disable")

    assert disabled.status_code == 200 and disabled.json()["status"] == "disabled"
    for credential in credentials:
        with client_for(stack, credential) as client:
            assert client.get("/me").status_code == 401
            assert (
                client.post(
                    "/bookings",
                    json=booking_body(next_day(), space_id="room-c", layout="boardroom", attendees=5),
                ).status_code
                == 401
            )
        with notify_client(stack, credential) as client:
            assert client.get("/me/preferences").status_code == 401
    with anonymous(stack) as client:
        assert client.post(
            "/sessions/refresh", json={"refresh_token": session["refresh_token"]}
        ).status_code in (401, 403)
        refused = client.post(
            "/sessions", json={"email": email, "password": "a long and uncommon passphrase"}
        )
        assert refused.status_code == 403 and "disabled" in refused.json()["detail"]
    wait_for_mail(stack, email, "Your account has been disabled")

    assert staff.post(f"/organizers/{account['account_id']}/enable").json()["status"] == "active"
    with client_for(stack, api_key) as client:
        assert client.get("/me").status_code == 200


def test_an_organizers_phone_reaches_notify_and_their_sms(stack: Stack, ops):
    email = new_email()
    sign_up_and_verify(stack, email)
    with client_for(stack, sign_in(stack, email)["access_token"]) as me:
        updated = me.patch(
            "/me", json={"phone": "+8613700001234", "elder_mode": True, "time_zone": "Asia/Shanghai"}
        )
        assert updated.status_code == 200, updated.text
        assert (updated.json()["phone"], updated.json()["elder_mode"]) == ("+8613700001234", True)
        assert me.patch("/me", json={"phone": "+862363001234"}).json()["errors"][0]["field"] == "phone"
        assert me.patch("/me", json={"locale": "de"}).status_code == 400  # not a platform language
        booked = me.post(
            "/bookings", json=booking_body(next_day(), space_id="room-c", layout="boardroom", attendees=8)
        )
        assert booked.status_code == 201, booked.text

    notify = stack.service("notify").base_url

    def texted() -> list[dict]:
        return httpx.get(
            f"{notify}/ops/dev-sms", params={"phone": "+8613700001234"}, headers=ops.headers
        ).json()

    assert wait_until(texted)

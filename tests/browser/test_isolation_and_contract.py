"""Organizer B gets nothing of organizer A's, whatever URL B tries; and the pages built on issue 12's
contract, which run once the venue offers those routes (reported skipped until then, never passed)."""

from __future__ import annotations

import re

import httpx
import pytest
from playwright.sync_api import expect

from deploy.embedded.stack import Stack
from tests.browser.support import Browsing, People
from tests.browser.test_organizer_flow import event_day

pytestmark = pytest.mark.browser

SECRET_TITLE = "A's confidential summit"


def _book_as(stack: Stack, api_key: str, title: str) -> str:
    day = event_day()
    body = {
        "space_id": "room-b",
        "layout": "boardroom",
        "starts_at": f"{day}T15:00:00+08:00",
        "ends_at": f"{day}T17:00:00+08:00",
        "attendees": 12,
        "title": title,
    }
    headers = {"Authorization": f"Bearer {api_key}"}
    answer = httpx.post(f"{stack.service('venue').base_url}/bookings", json=body, headers=headers, timeout=30)
    return str(answer.raise_for_status().json()["booking_id"])


@pytest.mark.parametrize("language", ["en", "zh-CN"])
def test_organizer_b_gets_nothing_of_organizer_as(
    browsing: Browsing, people: People, stack: Stack, language: str
):
    a = people.organizer("Alice First", language)
    b = people.organizer("Bob Second", language)
    booking_id = _book_as(stack, a.api_key, SECRET_TITLE)
    with browsing.visit(language, people.session_for(b)) as visit:
        for path in ("", "/guests", "/change", "/cancel", "/live", "/calendar.ics"):
            response = visit.page.request.get(f"{visit.base_url}/bookings/{booking_id}{path}")
            assert response.status == 404, (path, response.status)
            assert SECRET_TITLE not in response.text()
        page = visit.open(f"/bookings/{booking_id}")
        expect(page.locator("h1")).to_have_text(re.compile("Page not found|找不到页面"))
        feed = visit.open(f"/notifications?booking={booking_id}", check=False)
        assert SECRET_TITLE not in feed.content()
        # a form sent as B against A's booking changes nothing
        token = page.locator("input[name=csrf_token]").first.get_attribute("value")
        sent = visit.page.request.post(
            f"{visit.base_url}/bookings/{booking_id}/cancel", form={"csrf_token": token or "", "reason": "x"}
        )
        assert sent.status == 404
    with httpx.Client(
        base_url=stack.service("venue").base_url, headers={"Authorization": f"Bearer {a.api_key}"}
    ) as api:
        assert api.get(f"/bookings/{booking_id}").json()["status"] != "cancelled"


def _offered(stack: Stack, method: str, path: str, service: str = "venue", key: str | None = None) -> bool:
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    answer = httpx.request(
        method, stack.service(service).base_url + path, headers=headers, json={}, timeout=30
    )
    return answer.status_code not in (404, 405)


def test_sign_up_and_sign_in_with_a_password(browsing: Browsing, stack: Stack):
    if not _offered(stack, "POST", "/signup"):
        pytest.skip("needs issue 12's POST /signup")
    with browsing.visit("en") as visit:
        page = visit.open("/sign-up")
        page.fill("#name", "Sign Up Person")
        page.fill("#email", "signup@example.org")
        page.fill("#password", "a long enough passphrase")
        visit.submit("Open my account")
        visit.check()
        expect(page.locator("h1")).to_contain_text("link")


def test_my_bookings_lists_only_mine(browsing: Browsing, people: People, stack: Stack):
    a = people.organizer("List Owner")
    if not _offered(stack, "GET", "/bookings", key=a.api_key):
        pytest.skip("needs issue 12's GET /bookings")
    _book_as(stack, a.api_key, "Mine to list")
    _book_as(stack, people.organizer("Someone Else").api_key, SECRET_TITLE)
    with browsing.visit("en", people.session_for(a)) as visit:
        page = visit.open("/bookings")
        expect(page.locator("table")).to_contain_text("Mine to list")
        assert SECRET_TITLE not in page.content()


@pytest.mark.parametrize(
    ("path", "endpoint", "service"),
    [
        ("/profile/api-keys", "/me/api-keys", "venue"),
        ("/profile/webhooks", "/me/webhooks", "notify"),
        ("/profile/preferences", "/me/preferences", "notify"),
    ],
)
def test_the_settings_pages(
    browsing: Browsing, people: People, stack: Stack, path: str, endpoint: str, service: str
):
    person = people.organizer("Settings Person")
    if not _offered(stack, "GET", endpoint, service, key=person.api_key):
        pytest.skip(f"needs issue 12's GET {endpoint}")
    with browsing.visit("en", people.session_for(person)) as visit:
        visit.open(path)


def test_pages_waiting_for_issue_12_say_so_and_name_the_desk(
    browsing: Browsing, people: People, stack: Stack
):
    person = people.organizer("Waiting Person")
    with browsing.visit("en", people.session_for(person)) as visit:
        page = visit.open("/profile")
        expect(page.locator("h1")).to_have_text("Profile")  # GET /me exists today
        if _offered(stack, "GET", "/me/api-keys", key=person.api_key):
            pytest.skip("issue 12 has landed: the settings pages are tested above")
        response = page.goto(visit.base_url + "/profile/api-keys")
        assert response is not None and response.status == 501
        visit.check()
        expect(page.locator("main")).to_contain_text("GET /me/api-keys")
        expect(page.locator("main")).to_contain_text("+86")

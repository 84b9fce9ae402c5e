"""The staff desk and ops in the browser: staff open an account for a caller and book for them, approve
a VIP-hall booking (keyboard only), look through closures, planning, vendor tasks, guest data and
reports; ops replay a dead letter and read a booking's trace. Each in English and in Chinese."""

from __future__ import annotations

import asyncio
import json
import re
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from typing import Any

import httpx
import nats
import pytest
from playwright.sync_api import expect

from deploy.embedded.stack import Stack
from tests.browser.support import DESKTOP, PHONE, ZOOMED, Browsing, People
from tests.browser.test_organizer_flow import WORDS, event_day, fill_when
from tests.browser.waiting import until

pytestmark = pytest.mark.browser

LANGUAGES = ["en", "zh-CN"]


def _api(stack: Stack, key: str) -> httpx.Client:
    return httpx.Client(
        base_url=stack.service("venue").base_url, headers={"Authorization": f"Bearer {key}"}, timeout=30
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_staff_open_an_account_for_a_caller_and_book_for_them(
    browsing: Browsing, people: People, staff_api: httpx.Client, language: str
):
    staff = people.staff()
    words = WORDS[language]
    with browsing.visit(language, people.session_for(staff)) as visit:
        page = visit.open("/desk")
        page.fill("#name", "Chen Caller")
        page.fill("#email", f"caller-{uuid.uuid4().hex[:8]}@example.org")
        page.select_option("#locale", "zh-CN")
        page.fill("#time_zone", "Asia/Shanghai")
        visit.submit(re.compile("Open the account|开设账户"))
        visit.check()  # the caller's page: contact, counts, bookings, "book for them"
        action = page.locator("form[action^='/desk/book-for/']").get_attribute("action") or ""
        caller_id = action.rsplit("/", 1)[-1]
        visit.click(page.locator("form[action^='/desk/book-for/'] button"))
        expect(page.locator(".notice")).to_be_visible()  # "you are booking for a caller"
        day = event_day()
        fill_when(page, day, 60, "classroom")
        visit.submit(words["continue"])
        page.check(f"#place-room-b-{day}")
        visit.submit(words["continue"])
        page.select_option("#start", "09:00")
        for _ in range(3):  # the start, once only, no services
            visit.submit(words["continue"])
        page.fill("#title", "Walk-in training day")
        visit.submit(words["continue"])
        visit.submit(words["book"])
        booking_id = page.url.rsplit("/", 1)[-1]
        expect(page.locator("#progress .status-confirmed")).to_be_visible(timeout=45_000)
        visit.check()
    booked = staff_api.get(f"/bookings/{booking_id}").raise_for_status().json()
    assert booked["organizer_id"] == caller_id  # booked as the caller's, not the staff member's


@pytest.mark.parametrize("language", LANGUAGES)
def test_staff_find_a_caller_and_see_their_bookings(
    browsing: Browsing, people: People, stack: Stack, language: str
):
    marker = uuid.uuid4().hex[:6]
    caller = people.organizer(f"Zhou Findme{marker}", "zh-CN", phone="+8613800138000")
    day = event_day()
    with _api(stack, caller.api_key) as api:
        body = {
            "space_id": "room-a",
            "layout": "boardroom",
            "starts_at": f"{day}T09:00:00+08:00",
            "ends_at": f"{day}T11:00:00+08:00",
            "attendees": 10,
            "title": f"Caller's board meeting {marker}",
        }
        api.post("/bookings", json=body).raise_for_status()
    with browsing.visit(language, people.session_for(people.staff())) as visit:
        page = visit.open(f"/desk?q=Findme{marker}")  # GET /organizers?q= by name
        expect(page.locator("table")).to_contain_text(caller.name)
        visit.click(page.get_by_role("link", name=caller.name))
        visit.check()
        expect(page.locator("h1")).to_contain_text(caller.name)
        expect(page.locator("main table")).to_contain_text(f"Caller's board meeting {marker}")
        visit.shot(f"desk-caller-desktop-{language}")
        visit.fits(PHONE)


@pytest.mark.parametrize("language", LANGUAGES)
def test_staff_approve_a_vip_hall_booking_by_keyboard_alone(
    browsing: Browsing, people: People, stack: Stack, language: str
):
    organizer = people.organizer("Vip Organizer", language)
    title = f"Consul's reception {uuid.uuid4().hex[:6]}"
    day = event_day()
    with _api(stack, organizer.api_key) as api:
        body = {
            "space_id": "vip-hall",
            "layout": "boardroom",
            "starts_at": f"{day}T10:00:00+08:00",
            "ends_at": f"{day}T12:00:00+08:00",
            "attendees": 20,
            "title": title,
        }
        booking_id = api.post("/bookings", json=body).raise_for_status().json()["booking_id"]
        with browsing.visit(language, people.session_for(people.staff())) as visit:
            page = visit.open("/desk/approvals")
            visit.shot(f"desk-approvals-desktop-{language}")
            button = page.get_by_role("button", name=re.compile(re.escape(title)))
            for _ in range(80):
                page.keyboard.press("Tab")
                if button.evaluate("element => element === document.activeElement"):
                    break
            else:
                raise AssertionError("the approve button is not reachable with Tab")
            visit.press("Enter")
            visit.check()
            expect(page.locator(".notice")).to_be_visible()
        assert until(lambda: api.get(f"/bookings/{booking_id}").json()["status"] == "confirmed")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_desks_lists_closures_guest_data_and_reports(
    browsing: Browsing, people: People, stack: Stack, language: str
):
    organizer = people.organizer("Guest Host", language)
    day = event_day()
    with _api(stack, organizer.api_key) as api:
        body = {
            "space_id": "room-c",
            "layout": "theater",
            "starts_at": f"{day}T14:00:00+08:00",
            "ends_at": f"{day}T16:00:00+08:00",
            "attendees": 50,
            "title": "Guest list check",
        }
        booking_id = api.post("/bookings", json=body).raise_for_status().json()["booking_id"]
        guests = {
            "guests": [{"full_name": "Olivia Example", "nationality": "AU", "passport_number": "PA7654321"}]
        }
        api.put(f"/bookings/{booking_id}/guests", json=guests).raise_for_status()
        api.post(
            f"/bookings/{booking_id}/planning-requests", json={"request": "A tea ceremony"}
        ).raise_for_status()
    with browsing.visit(language, people.session_for(people.staff())) as visit:
        page = visit.open("/desk/closures")
        page.select_option("#space_id", "room-c")
        page.fill("#from_day", day)
        page.fill("#to_day", day)
        page.fill("#reason", "Maintenance")
        visit.click(page.locator("form[action='/desk/closures'] button[type=submit]"))
        visit.check()
        expect(page.locator("#hits-heading")).to_be_visible()  # the dry run names the booking it hits
        expect(page.locator("main")).to_contain_text("Guest list check")
        for path in ("/desk/planning", "/desk/vendor-tasks", "/desk/reports"):
            visit.open(path)
        expect(page.locator("table.bars").first).to_be_visible()  # each chart's bars beside its figures
        # the date fields as a reader's browser in the page's language draws them
        order = {"zh-CN": ["Year", "Month", "Day"], "en": ["Month", "Day", "Year"]}[language]
        assert visit.date_parts("#start") == order
        page.fill("#start", day)  # a period with this test's booking (and the others' ahead of it)
        page.fill("#end", (date.fromisoformat(day) + timedelta(days=120)).isoformat())
        visit.submit(re.compile("^(Show|显示)$"))
        visit.check()
        room_c = page.locator("tr", has_text=re.compile("Conference Room C|会议培训区 C 室")).first
        expect(room_c.locator("td").nth(1)).not_to_have_text("0")  # its hours booked count this booking
        visit.shot(f"desk-reports-desktop-{language}")
        visit.fits(ZOOMED)
        visit.fits(PHONE)
        visit.shot(f"desk-reports-phone-{language}", full_page=False)
        page.set_viewport_size(DESKTOP)  # type: ignore[arg-type]
        download = page.request.get(
            visit.base_url + page.locator("a[href$='/xlsx'], a[href*='/xlsx?']").first.get_attribute("href")
        )
        assert download.status == 200 and download.body()[:2] == b"PK"  # an XLSX is a zip
        visit.open("/desk/guests")
        page.fill("#booking_id", booking_id)
        page.check("input[name=purpose][value=access_control]")
        visit.click(page.locator("form[action='/desk/guests'] button[type=submit]"))
        visit.check()
        expect(page.locator("table")).to_contain_text("PA7654321")  # revealed, for a stated purpose
        assert "PA7654321" not in page.url and "access_control" not in page.url
        visit.shot(f"desk-guests-desktop-{language}")


def _poison(stack: Stack, booking_id: str) -> int:
    """A malformed catering command: catering terminates it, the venue lists it as a dead letter."""

    async def send() -> int:
        who = stack.nats.login("admin")
        connection = await nats.connect(who.url, user=who.user, password=who.password)
        try:
            payload = json.dumps({"booking_id": booking_id, "message_id": "not-a-uuid"}).encode()
            ack = await connection.jetstream().publish(
                "catering.cmd.confirm", payload, headers={"Nats-Msg-Id": str(uuid.uuid4())}
            )
            return int(ack.seq)
        finally:
            await connection.close()

    with ThreadPoolExecutor(1) as pool:  # Playwright's sync API runs a loop in this thread
        return pool.submit(asyncio.run, send()).result()


@pytest.mark.parametrize("language", LANGUAGES)
def test_ops_replay_a_dead_letter_and_read_a_trace(
    browsing: Browsing, people: People, stack: Stack, language: str
):
    ops = people.ops()
    organizer = people.organizer("Trace Person", language)
    day = event_day()
    with _api(stack, organizer.api_key) as api:
        body = {
            "space_id": "room-a",
            "layout": "theater",
            "starts_at": f"{day}T09:00:00+08:00",
            "ends_at": f"{day}T11:00:00+08:00",
            "attendees": 40,
            "title": "Traced",
        }
        booking_id = api.post("/bookings", json=body).raise_for_status().json()["booking_id"]
    sequence = _poison(stack, booking_id)
    with _api(stack, ops.api_key) as ops_api:
        letter = until(lambda: _letter(ops_api, sequence))
        with browsing.visit(language, people.session_for(ops)) as visit:
            page = visit.open("/ops")
            visit.shot(f"ops-health-desktop-{language}")
            visit.open("/ops/sagas")
            visit.open("/ops/failures")
            visit.open("/ops/dead-letters")
            visit.click(page.get_by_role("link", name=re.compile(rf"\b{letter['id']}\b")).first)
            visit.check()
            visit.click(page.locator(f"form[action='/ops/dead-letters/{letter['id']}/replay'] button"))
            visit.check()
            expect(page.locator(".notice")).to_be_visible()
            visit.open(f"/ops/trace/{booking_id}")
            expect(page.locator("table")).to_contain_text("venue")
            visit.shot(f"ops-trace-desktop-{language}")
        replayed = until(lambda: ops_api.get("/ops/audit").json())
        assert any(entry["action"] == "dead letter replayed" for entry in replayed)


def _letter(ops_api: httpx.Client, sequence: int) -> dict[str, Any] | None:
    letters = ops_api.get("/ops/dead-letters", params={"limit": 1000}).raise_for_status().json()
    return next((d for d in letters if (d["stream"], d["stream_seq"]) == ("CATERING", sequence)), None)

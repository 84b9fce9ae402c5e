"""Organizer B gets nothing of organizer A's, whatever URL B tries; a person signs up and signs in for
real (password, one-time link, password reset: each link read from the SMTP sink) and uses the profile,
API keys, webhooks and preferences pages; an organizer books a weekly series (dry run first) and finds
it in "my bookings" with filters and cursor paging."""

from __future__ import annotations

import re
import uuid
from email.message import EmailMessage
from urllib.parse import unquote

import httpx
import pytest
from playwright.sync_api import expect

from deploy.embedded.stack import Stack
from tests.browser.support import DESKTOP, PHONE, ZOOMED, Browsing, People, Visit
from tests.browser.test_organizer_flow import event_day
from tests.browser.waiting import until

pytestmark = pytest.mark.browser

SECRET_TITLE = "A's confidential summit"
PASSWORD = "a long and uncommon passphrase"
_TOKEN = re.compile(r"token=([A-Za-z0-9_%\-]+)")


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
        published = visit.page.request.post(
            f"{visit.base_url}/bookings/{booking_id}/public",
            form={"csrf_token": token or "", "public": "yes"},
        )
        assert published.status == 404
    with httpx.Client(
        base_url=stack.service("venue").base_url, headers={"Authorization": f"Bearer {a.api_key}"}
    ) as api:
        kept = api.get(f"/bookings/{booking_id}").json()
        assert kept["status"] != "cancelled" and kept["public"] is False


def _link_token(stack: Stack, address: str, subject: str, count: int = 1) -> str:
    """The token of the ``count``-th e-mail to ``address`` about ``subject``, from the SMTP sink."""

    def found() -> list[EmailMessage]:
        mails = [m for m in stack.smtp.messages() if address in str(m["To"]) and subject in str(m["Subject"])]
        return mails if len(mails) >= count else []

    body = until(found)[count - 1].get_body(("plain",)).get_content()
    match = _TOKEN.search(body)
    assert match, body
    return unquote(match.group(1))


def _sign_in_with_password(visit: Visit, email: str, password: str) -> None:
    page = visit.open("/sign-in")
    page.fill("#email", email)
    page.fill("#password", password)
    visit.submit(re.compile("^Sign in$"))
    visit.check()
    expect(page.locator("h1")).to_have_text("My bookings")  # an organizer's home


def test_sign_up_sign_in_three_ways_and_the_settings_pages(browsing: Browsing, stack: Stack):
    email = f"signup-{uuid.uuid4().hex[:8]}@example.org"
    with browsing.visit("en", viewport=PHONE) as visit:
        page = visit.open("/sign-up")
        page.fill("#name", "Sign Up Person")
        page.fill("#email", email)
        page.fill("#password", PASSWORD)
        visit.fits(PHONE)
        visit.submit("Open my account")
        visit.check()
        expect(page.locator("h1")).to_contain_text("link")
        # the e-mailed link opens a page with one button (a link scanner does not use it up)
        visit.open(f"/sign-up/verify?token={_link_token(stack, email, 'Confirm your e-mail')}")
        visit.submit("Finish opening my account")
        visit.check()
        expect(page.locator("main")).to_contain_text("You can sign in now")

        _sign_in_with_password(visit, email, PASSWORD)
        expect(page.locator("main")).to_contain_text("No bookings yet")
        visit.page.set_viewport_size(DESKTOP)  # type: ignore[arg-type]
        page = visit.open("/profile")
        page.fill("#phone", "+86 138 0013 8000")
        page.fill("#time_zone", "Nowhere/Special")
        visit.submit("Save")
        visit.check()  # the error is announced and tied to its field
        expect(page.locator("#time_zone")).to_have_attribute("aria-invalid", "true")
        page.fill("#time_zone", "Asia/Singapore")
        visit.submit("Save")
        expect(page.locator(".notice")).to_contain_text("Your profile is saved")
        expect(page.locator("#phone")).to_have_value("+8613800138000")

        page = visit.open("/profile/api-keys")
        page.fill("#name", "Spreadsheet")
        visit.submit("Create a key")
        visit.check()
        expect(page.locator(".notice pre")).to_contain_text("wict_")  # the secret, shown this once
        visit.submit(re.compile("Revoke"))
        expect(page.locator(".notice")).to_contain_text("revoked")

        page = visit.open("/profile/webhooks")
        page.fill("#url", "https://hooks.example.org/wict")
        visit.submit("Add the webhook")
        visit.check()
        expect(page.locator("table")).to_contain_text("hooks.example.org")
        visit.submit(re.compile("Remove"))
        expect(page.locator(".notice")).to_contain_text("removed")
        page = visit.open("/profile/preferences")
        visit.submit("Save")
        expect(page.locator(".notice")).to_contain_text("saved")

        visit.submit("Sign out")
        page = visit.open("/sign-in")
        page.fill("#link_email", email)
        visit.submit("E-mail me a sign-in link")
        visit.open(f"/sign-in/link/verify?token={_link_token(stack, email, 'Your sign-in link')}")
        visit.submit(re.compile("^Sign in$"))
        visit.check()
        expect(page.locator("h1")).to_have_text("My bookings")

        visit.submit("Sign out")
        page = visit.open("/password-reset")
        page.fill("#email", email)
        visit.submit("Send me the link")
        visit.open(f"/password-reset/confirm?token={_link_token(stack, email, 'Set a new password')}")
        page.fill("#password", "another long passphrase here")
        visit.submit("Save the new password")
        visit.check()
        expect(page.locator(".notice")).to_contain_text("Sign in with the new one")
        _sign_in_with_password(visit, email, "another long passphrase here")


def test_sign_up_and_sign_in_in_chinese(browsing: Browsing, stack: Stack):
    """The same sign-up in zh-CN: the pages, the e-mailed link (its subject in Chinese) and the first
    sign-in; the other ways in and the settings pages are the English test's."""
    email = f"signup-zh-{uuid.uuid4().hex[:8]}@example.org"
    with browsing.visit("zh-CN") as visit:
        page = visit.open("/sign-up")
        page.fill("#name", "王小明")
        page.fill("#email", email)
        page.fill("#password", PASSWORD)
        visit.submit("开设我的账户")
        visit.check()
        visit.open(f"/sign-up/verify?token={_link_token(stack, email, '请确认您的电子邮箱')}")
        visit.submit("完成开户")
        visit.check()
        expect(page.locator("main")).to_contain_text("现在可以登录了")
        page = visit.open("/sign-in")
        page.fill("#email", email)
        page.fill("#password", PASSWORD)
        visit.submit(re.compile("^登录$"))
        visit.check()
        expect(page.locator("h1")).to_have_text("我的预订")


SEND_TWICE = """async () => {
  const form = document.querySelector('form[action="/book/submit"]');
  const send = () => fetch(form.action, {method: "POST", body: new URLSearchParams(new FormData(form))})
    .then((answer) => new URL(answer.url).pathname);
  return Promise.all([send(), send()]);
}"""


def _book_a_weekly_series(visit: Visit, title: str, times: int) -> str:
    """Through the wizard: weekly on the first day's weekday, ``times`` times, checked by a dry run."""
    day = event_day()
    page = visit.open("/book")
    page.fill("#date", day)
    page.select_option("#hours", "2")
    page.fill("#attendees", "50")
    page.check("input[name=layout][value=reception]")
    visit.submit("Continue")
    page.check(f"#place-experience-center-{day}")
    visit.submit("Continue")
    page.select_option("#start", "09:00")
    visit.submit("Continue")
    page.check("input[name=repeat][value=weekly]")  # the first day's weekday comes ticked
    page.fill("#repeat_count", str(times))
    visit.submit("Continue")
    visit.check()  # the repeat questions
    visit.submit("Continue")  # no services
    page.fill("#title", title)
    visit.submit("Continue")
    visit.check()  # the dry run: each time, free or why not; nothing held yet
    expect(page.locator("main")).to_contain_text(f"{times} of {times} times can be booked")
    visit.shot("series-check-desktop-en")
    # two tabs sending the form at the same instant: the draft's Idempotency-Key books it once
    landed = page.evaluate(SEND_TWICE)
    series_pages = {path for path in landed if path.startswith("/series/")}
    assert len(series_pages) == 1 and set(landed) <= series_pages | {"/book/quote"}, landed
    visit.open(series_pages.pop())
    assert re.search(r"/series/[0-9a-f-]{36}$", page.url), page.url
    expect(page.locator("tbody tr")).to_have_count(times)
    return page.url.rsplit("/", 1)[-1]


def test_my_bookings_lists_only_mine_with_filters_and_pages(browsing: Browsing, people: People, stack: Stack):
    a = people.organizer("List Owner")
    _book_as(stack, a.api_key, "Mine to list")
    _book_as(stack, people.organizer("Someone Else").api_key, SECRET_TITLE)
    with browsing.visit("en", people.session_for(a)) as visit:
        _book_a_weekly_series(visit, "Weekly language club", 11)
        page = visit.open("/bookings?per_page=10")
        expect(page.locator("table")).to_contain_text("Mine to list")
        assert SECRET_TITLE not in page.content()
        expect(page.locator("tbody tr")).to_have_count(10)  # 12 bookings: a page of 10, then the rest
        visit.click(page.get_by_role("link", name="Next page"))
        visit.check()
        expect(page.locator("tbody tr")).to_have_count(2)
        expect(page.get_by_role("link", name="First page")).to_be_visible()
        page = visit.open("/bookings")  # the filters folded away
        for size in (ZOOMED, PHONE):  # a card per booking: nothing scrolls sideways, not even the list
            visit.fits(size)
            visit.nothing_cut("main .table-scroll")
        expect(page.locator("tbody tr").first.get_by_role("link", name=re.compile("^Change"))).to_be_visible()
        visit.shot("my-bookings-phone-en", full_page=False)
        visit.page.set_viewport_size(DESKTOP)  # type: ignore[arg-type]
        page = visit.open("/bookings?q=language&sort=-starts_at")
        expect(page.locator("tbody tr")).to_have_count(11)
        expect(page.locator("tbody")).not_to_contain_text("Mine to list")
        visit.click(page.locator("tbody a[href^='/series/']").first)
        expect(page.locator("h1")).to_have_text("Weekly language club")
        series_page = page.url
        visit.fits(PHONE)
        csv = visit.page.request.get(f"{visit.base_url}/bookings/export.csv?q=language")
        assert csv.status == 200 and "Weekly language club" in csv.text() and SECRET_TITLE not in csv.text()

        # several times at once with the venue's scope: the last two renamed, then cancelled
        page.goto(series_page)
        page.check("#change_scope-2")  # the time chosen and every time after it
        page.select_option("#change_booking_id", index=9)
        page.fill("#title", "Language club, summer term")
        visit.submit("Change these times")
        visit.check()
        expect(page.locator(".notice")).to_contain_text("The change is sent for each time")
        # the first time moved an hour later, to 10:00-12:00 on the venue's clock (PATCH with new times)
        page.check("#change_scope-1")
        page.select_option("#change_booking_id", index=0)
        page.fill("#start", "10:00")
        page.fill("#end", "12:00")
        visit.submit("Change these times")
        visit.check()
        expect(page.locator(".notice")).to_contain_text("The change is sent for each time")
        page.check("#cancel_scope-2")
        page.select_option("#cancel_booking_id", index=9)
        visit.submit("See the fees first")  # the venue's dry run: each time's fee, nothing cancelled
        visit.check()
        expect(page.locator("#cancel-preview li")).to_have_count(2)
        expect(page.locator("#cancel-preview")).to_contain_text("Fees in all")
        expect(page.locator("tbody .status-cancelled")).to_have_count(0)
        visit.submit("Cancel these times")
        visit.check()
        expect(page.locator("#cancelled-heading + ul li")).to_have_count(2)
        expect(page.locator("#cancelled-heading + ul")).not_to_contain_text("not cancelled")
        expect(page.locator("tbody .status-cancelled")).to_have_count(2)

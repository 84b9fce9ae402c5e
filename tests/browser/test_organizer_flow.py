"""An organizer books with interpretation and catering, watches it confirmed live, registers a guest,
changes and cancels it: in English and in Chinese, and once in elder mode (one question per page).

The organizer is opened by the desk (staff's POST /organizers) and signed in through the test plumbing
(see conftest); signing up and in for real is test_isolation_and_contract's sign-up test."""

from __future__ import annotations

import itertools
import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Page, expect

from tests.browser.support import PHONE, Browsing, People, Visit

pytestmark = pytest.mark.browser

SHANGHAI = ZoneInfo("Asia/Shanghai")
_days = itertools.count(30, 3)
WORDS = {
    "en": {
        "continue": "Continue",
        "book": "Book now",
        "confirmed": "Confirmed",
        "cancel": "Cancel the booking",
    },
    "zh-CN": {"continue": "继续", "book": "立即预订", "confirmed": "已确认", "cancel": "取消预订"},
}


def event_day() -> str:
    """A distinct day per booking, far enough ahead for the caterer's lead time."""
    return (datetime.now(UTC).astimezone(SHANGHAI).date() + timedelta(days=next(_days))).isoformat()


def fill_when(page: Page, day: str, attendees: int, layout: str = "theater") -> None:
    page.fill("#date", day)
    page.select_option("#hours", "4")
    page.fill("#attendees", str(attendees))
    page.check(f"input[name=layout][value={layout}]")


def fill_services(page: Page) -> None:
    page.select_option("#floor_language", "en")
    page.check("input[name=target_languages][value=zh]")
    page.check("input[name=menu][value=western-buffet]")
    page.fill("#headcount", "100")
    page.fill("#dietary_vegetarian", "12")
    page.fill("#allergy_notes", "3 guests allergic to peanuts")
    page.select_option("#network_lines", "1")
    page.fill("#planning_request", "A welcome ceremony with a short film")


def book_through_wizard(visit: Visit, language: str, day: str, space: str = "multifunctional-hall") -> str:
    words = WORDS[language]
    page = visit.open("/book")
    fill_when(page, day, 120, "theater" if space != "vip-hall" else "boardroom")
    visit.submit(words["continue"])
    visit.check()  # the availability grid
    page.check(f"#place-{space}-{day}")
    visit.submit(words["continue"])
    page.select_option("#start", "14:00")
    visit.submit(words["continue"])
    visit.submit(words["continue"])  # it happens once (the repeat questions: the series test)
    visit.check()  # interpretation, catering with allergens, network line, planning
    dishes = {"en": ("Caesar salad", "fish"), "zh-CN": ("凯撒沙拉", "鱼类")}[language]
    for text in dishes:  # catering's GET /menus: each dish and its allergens, in the page's language
        expect(page.locator("#dishes-western-buffet")).to_contain_text(text)
    fill_services(page)
    visit.submit(words["continue"])
    page.fill("#title", "Belt and Road Tourism Forum")
    if language == "en":  # shown in What's on from the start (POST /bookings' public); zh-CN: later
        page.check("input[name=public][value=yes]")
    visit.submit(words["continue"])
    visit.check()  # the quote
    expect(page.locator("tfoot")).to_contain_text(re.compile(r"\d"))
    if language == "zh-CN":
        assert_all_chinese(page)
    visit.shot(f"quote-desktop-{language}")
    visit.submit(words["book"])
    assert re.search(r"/bookings/[0-9a-f-]{36}$", page.url), page.url
    return page.url.rsplit("/", 1)[-1]


@pytest.mark.parametrize("language", ["en", "zh-CN"])
def test_an_organizer_books_sees_it_confirmed_live_changes_and_cancels(
    browsing: Browsing, people: People, language: str
):
    organizer = people.organizer("Ann Example" if language == "en" else "王芳", language)
    with browsing.visit(language, people.session_for(organizer)) as visit:
        booking_id = book_through_wizard(visit, language, event_day())
        page = visit.page
        visit.check()  # pending, with the live region
        # the steps turn green without a reload: the server-sent events swap the progress block
        expect(page.locator("#progress .status-confirmed")).to_be_visible(timeout=45_000)
        expect(page.locator("#progress")).to_contain_text(WORDS[language]["confirmed"])
        visit.check()
        visit.shot(f"booking-confirmed-desktop-{language}")

        if language == "zh-CN":  # made public on the booking's page (PUT /bookings/{id}/public)
            visit.click(page.get_by_role("button", name="在“近期活动”中显示"))
        expect(page.locator("#public-state")).to_contain_text(re.compile("This event is public|此活动已公开"))
        visit.open("/whats-on")  # the venue's GET /events: confirmed public bookings, no sign-in needed
        expect(page.locator("table.events")).to_contain_text("Belt and Road Tourism Forum")

        visit.open(f"/bookings/{booking_id}/guests")
        page.fill("#full_name_0", "Olivia Example")
        page.fill("#nationality_0", "AU")
        page.fill("#passport_number_0", "PA1234567")
        visit.submit(re.compile("Save the guest list|保存来宾名单"))
        visit.check()
        expect(page.locator("table")).to_contain_text("4567")
        assert "PA1234567" not in page.content()  # masked after save
        assert "PA1234567" not in page.url

        visit.open(f"/bookings/{booking_id}/change")
        page.fill("#attendees", "150")
        visit.submit(re.compile("Send the change|提交变更"))
        visit.check()
        expect(page.locator(".notice")).to_be_visible()

        visit.open(f"/bookings/{booking_id}/cancel")
        expect(page.locator(".fee")).to_contain_text(re.compile(r"\d"))  # the fee before confirming
        expect(page.locator(".fee table.rule tbody tr")).to_have_count(3)  # the venue's tiers (its dry run)
        # weeks ahead: free now and dearer later, which only a dry run says (the page cancelled nothing)
        expect(page.locator(".fee")).to_contain_text(re.compile("The fee rises on|费用将于"))
        visit.shot(f"cancel-desktop-{language}")
        visit.click(page.get_by_role("button", name=WORDS[language]["cancel"]))
        visit.check()
        expect(page.locator("main")).to_contain_text(re.compile("Fee charged|已收取费用"))

        visit.open("/notifications")


def test_elder_mode_asks_one_question_per_page_with_large_targets(browsing: Browsing, people: People):
    organizer = people.organizer("李明", "zh-CN")
    day = event_day()
    with browsing.visit(
        "zh-CN", people.session_for(organizer, elder=True), elder=True, viewport=PHONE
    ) as visit:
        page = visit.open("/book")
        assert page.locator("legend, label").filter(has_not=page.locator(".visually-hidden")).count() >= 1
        page.fill("#date", day)
        _next(visit)
        page.select_option("#hours", "3")
        _next(visit)
        page.fill("#attendees", "40")
        _next(visit)
        page.check("input[name=layout][value=classroom]")
        _next(visit)
        page.check(f"#place-room-a-{day}")
        visit.shot("wizard-room-phone-elder-zh-CN", full_page=False)
        _next(visit)
        page.select_option("#start", "10:00")
        _next(visit)
        # once only (its pattern and end pages are skipped), no interpretation, no catering (its
        # details page is skipped), no line, no planning
        for _ in range(6):
            _next(visit)
        page.fill("#title", "社区文化交流会")
        _next(visit)
        expect(page.locator("input[name=public][value=no]")).to_be_checked()  # private unless chosen
        _next(visit)
        expect(page.locator("tfoot")).to_be_visible()
        small = page.evaluate(
            """[...document.querySelectorAll('main button, main input[type=radio], main select')]
               .filter(e => e.offsetParent && (e.getBoundingClientRect().height < 44)).length"""
        )
        assert small == 0, "elder mode keeps every target at least 44 px high"
        assert page.locator(".desk-banner").is_visible()
        assert_all_chinese(page)
        # large text at phone width: each line stacks, no amount is cut, nothing scrolls sideways
        visit.nothing_cut("main .table-scroll")
        expect(page.locator("tfoot td.total")).to_have_text(re.compile(r"^¥\d{1,3}(,\d{3})*\.\d{2}$"))
        visit.fits(PHONE)
        visit.shot("quote-phone-elder-zh-CN")


def assert_all_chinese(page: Page) -> None:
    """The quote's lines, units and note are worded by the web from the venue's codes: no English
    label from the API (the note names the interpreters' association by its acronym, AIIC)."""
    lines = page.locator("table.quote-lines").inner_text()
    # rooms are lettered (会议培训区 A 室): a word is two letters or more
    assert not re.findall(r"[A-Za-z]{2,}", lines), f"English in the zh-CN quote: {lines!r}"
    assert re.search(r"[\u4e00-\u9fff]", lines)
    note = page.locator("table.quote-lines").locator("xpath=../following-sibling::p[1]").inner_text()
    assert re.findall(r"[A-Za-z]+", note) == ["AIIC"], f"English in the zh-CN note: {note!r}"


def _next(visit: Visit) -> None:
    visit.check()
    assert visit.page.locator("main fieldset, main .field").count() >= 1
    visit.submit("继续")

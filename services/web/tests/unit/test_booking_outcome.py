"""Why a booking ended, on its page (and in the live stream's fragment): worded by the web in the
page's language from the status and the saga's steps; the English words a service gave come after,
marked as English, and an organizer's own cancelling words as they typed them."""

from __future__ import annotations

import pytest

from services.web.adapters.catalogs import load_translations
from services.web.domain import refusals
from services.web.entrypoints.http.rendering import ENVIRONMENT

pytestmark = pytest.mark.unit

REFUSED = {
    "status": "rejected",
    "reason": "no interpreters for ja-zh on that date",
    "steps": [
        {"name": "hold", "state": "released"},
        {"name": "interpreting", "state": "rejected"},
        {"name": "catering", "state": "released"},
    ],
}


def _render(language: str, booking: dict[str, object]) -> str:
    template = ENVIRONMENT.get_template("bookings/_progress.html")
    return template.render(i18n=load_translations(language), booking=booking)


def test_the_outcome_comes_from_the_status_and_the_refusing_step():
    assert refusals.outcome(REFUSED) == (refusals.STEP_REFUSED, "interpreting")
    timed_out = {
        **REFUSED,
        "steps": [{"name": "hold", "state": "released"}, {"name": "catering", "state": "released"}],
    }
    assert refusals.outcome(timed_out) == (refusals.NO_ANSWER, None)
    assert refusals.outcome({"status": "rejected"}) == (refusals.NOT_BOOKED, None)
    assert refusals.outcome({"status": "cancelled", "reason": "moved online"}) == (refusals.CANCELLED, None)
    for status in ("pending", "confirmed", "option", "expired"):
        assert refusals.outcome({"status": status, "reason": "x"}) is None


def test_a_refused_booking_reads_in_chinese_with_the_services_words_marked_english():
    html = _render("zh-CN", REFUSED)
    assert "口译无法安排，因此本次未能预订。" in html
    assert (
        '服务方的原话（英文）：</strong> <span lang="en">no interpreters for ja-zh on that date</span>'
        in html
    )
    assert "Why" not in html and "could not be arranged" not in html
    english = _render("en", REFUSED)
    assert "Interpretation could not be arranged, so nothing was booked." in english


def test_a_cancelled_booking_shows_the_reason_as_given_without_claiming_its_language():
    html = _render("zh-CN", {"status": "cancelled", "reason": "活动改为线上", "steps": []})
    assert "此预订已取消。" in html and "填写的原因：</strong> 活动改为线上" in html
    assert 'lang="en"' not in html


def test_the_refresh_link_goes_with_the_pending_state_that_the_live_update_replaces():
    pending = _render("en", {"booking_id": "b1", "status": "pending", "steps": []})
    assert '<a href="/bookings/b1">Refresh the page</a>' in pending
    confirmed = _render("zh-CN", {"booking_id": "b1", "status": "confirmed", "steps": []})
    assert "/bookings/b1" not in confirmed and "刷新页面" not in confirmed

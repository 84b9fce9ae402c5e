"""End to end: free windows over HTTP, and closures set by staff that refuse and list bookings."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import httpx
import pytest

from deploy.embedded.stack import Stack
from tests.e2e.conftest import booking_body, client_for, new_organizer, next_day, wait_for_outcome

pytestmark = pytest.mark.e2e

BERLIN = ZoneInfo("Europe/Berlin")


def windows_of(client: httpx.Client, day: datetime, space_id: str, **params: str | int) -> list[dict]:
    query: dict[str, str | int] = {
        "from": day.date().isoformat(),
        "to": day.date().isoformat(),
        "attendees": 50,
        "layout": "theater",
        "duration": "PT2H",
        **params,
    }
    response = client.get("/availability", params=query)
    assert response.status_code == 200, response.text
    found = {space["space_id"]: space for space in response.json()["spaces"]}
    return found[space_id]["windows"] if space_id in found else []


def test_free_windows_are_shown_in_both_zones_and_a_booking_takes_its_time_out(venue):
    day = next_day()
    [window] = windows_of(venue, day, "room-c")
    assert datetime.fromisoformat(window["local"]["venue"]["starts_at"]) == day.replace(hour=8)
    assert datetime.fromisoformat(window["local"]["venue"]["latest_start"]) == day.replace(hour=20)
    assert datetime.fromisoformat(window["ends_at"]) == day.replace(hour=22)
    organizer_start = datetime.fromisoformat(window["local"]["organizer"]["starts_at"])
    assert (
        organizer_start == day.replace(hour=8)
        and organizer_start.utcoffset() == day.replace(hour=8).astimezone(BERLIN).utcoffset()
    )  # the organizer's zone: Europe/Berlin, summer or winter time
    response = venue.post(
        "/bookings", json=booking_body(day, space_id="room-c", layout="boardroom", attendees=20)
    )
    assert response.status_code == 201, response.text
    after = windows_of(venue, day, "room-c")
    starts = [datetime.fromisoformat(w["starts_at"]) for w in after]
    latest = [datetime.fromisoformat(w["latest_start"]) for w in after]
    # boardroom 14-18 held 13:30-18:30; a theater layout after it needs the 60 min changeover
    assert starts == [day.replace(hour=8), day.replace(hour=19, minute=30)]
    assert latest == [day.replace(hour=10, minute=30), day.replace(hour=20)]
    assert len(windows_of(venue, day, "room-bc")) == 2  # B+C shares room C
    assert len(windows_of(venue, day, "room-ab")) == 1  # A and B are free


def test_availability_is_public_checks_its_parameters_and_nets_the_capacity(stack: Stack, venue):
    day = next_day()
    with client_for(stack, None) as anonymous:
        [window] = windows_of(anonymous, day, "room-a", time_zone="America/New_York")
        start = datetime.fromisoformat(window["local"]["organizer"]["starts_at"])
        expected = day.replace(hour=8).astimezone(ZoneInfo("America/New_York"))
        assert start == expected and start.utcoffset() == expected.utcoffset()
        assert windows_of(anonymous, day, "room-a", attendees=150) != []
        # one mobile booth (12.8 m²) and a buffet for 100 (60 m²) leave room A 87 theater seats
        assert windows_of(anonymous, day, "room-a", attendees=150, languages=1, buffet_guests=100) == []
        for params, field in [
            ({"duration": "4 hours"}, "duration"),
            ({"duration": "PT45M"}, "duration"),
            ({"to": "2099-01-01"}, "to"),
            ({"layout": "ballroom"}, "layout"),
        ]:
            query: dict[str, str | int] = {
                "from": day.date().isoformat(),
                "to": day.date().isoformat(),
                "attendees": 5,
                "layout": "theater",
                "duration": "PT2H",
                **params,
            }
            response = anonymous.get("/availability", params=query)
            assert response.status_code == 422, response.text
            assert [error["field"] for error in response.json()["errors"]] == [field]
    too_many = booking_body(
        day,
        space_id="room-a",
        attendees=140,
        interpreting={"floor_language": "en", "target_languages": ["zh", "fr"]},
    )
    response = venue.post("/bookings", json=too_many)
    assert response.status_code == 422
    [error] = response.json()["errors"]
    assert error["field"] == "attendees"
    assert error["reason"].startswith(
        "room-a seats at most 134 in the theater layout with 2 mobile interpretation"
    )


def test_closures_are_staff_only_refuse_bookings_and_list_those_they_hit(stack: Stack, staff, venue):
    day = next_day()
    held = venue.post(
        "/bookings", json=booking_body(day, space_id="room-a", layout="boardroom", attendees=20)
    )
    assert held.status_code == 201, held.text
    closure = {
        "space_id": "room-ab",
        "starts_at": day.replace(hour=12).isoformat(),
        "ends_at": day.replace(hour=20).isoformat(),
        "reason": "partition wall repair",
    }
    assert venue.post("/closures", json=closure).status_code == 403
    dry = staff.post("/closures", params={"dry_run": "true"}, json=closure)
    assert dry.status_code == 200 and dry.json()["closure"] is None
    assert [hit["booking_id"] for hit in dry.json()["hits"]] == [held.json()["booking_id"]]
    placed = staff.post("/closures", json=closure)
    assert placed.status_code == 201, placed.text
    answer = placed.json()
    assert [hit["booking_id"] for hit in answer["hits"]] == [held.json()["booking_id"]]
    assert answer["units"] == ["room-a", "room-b"]
    closure_id = answer["closure"]["closure_id"]
    assert placed.headers["location"] == f"/closures/{closure_id}"
    assert (
        venue.get(f"/bookings/{held.json()['booking_id']}").json()["status"] == "confirmed"
    )  # not cancelled

    refused = venue.post(
        "/bookings", json=booking_body(day, space_id="room-b", layout="boardroom", attendees=20)
    )
    assert refused.status_code == 422
    assert "partition wall repair" in refused.json()["errors"][0]["reason"]
    [before] = windows_of(venue, day, "room-abc")  # nothing after: the closure ends at 20:00
    assert datetime.fromisoformat(before["ends_at"]) <= day.replace(hour=11)  # A+B+C's 60 min teardown
    with client_for(stack, None) as anonymous:
        listed = anonymous.get(
            "/closures", params={"from": day.date().isoformat(), "to": day.date().isoformat()}
        )
        assert listed.status_code == 200
        assert [(c["closure_id"], c["reason"]) for c in listed.json()] == [
            (closure_id, "partition wall repair")
        ]
        assert anonymous.delete(f"/closures/{closure_id}").status_code == 401
    assert venue.delete(f"/closures/{closure_id}").status_code == 403
    assert staff.delete(f"/closures/{closure_id}").status_code == 204
    assert staff.delete(f"/closures/{closure_id}").status_code == 404
    again = venue.post(
        "/bookings", json=booking_body(day, space_id="room-b", layout="boardroom", attendees=20)
    )
    assert again.status_code == 201, again.text


def test_whats_on_lists_only_confirmed_bookings_their_organizers_made_public(stack: Stack, staff, venue):
    day = next_day()
    shown = venue.post("/bookings", json=booking_body(day, title="Chongqing Travel Fair")).json()[
        "booking_id"
    ]
    quiet = venue.post(
        "/bookings",
        json=booking_body(day, space_id="room-b", layout="boardroom", attendees=20, title="Board"),
    ).json()["booking_id"]
    born_public = venue.post(  # public from the start: the field of POST /bookings, in the same insert
        "/bookings",
        json={
            **booking_body(day, space_id="room-c", layout="boardroom", attendees=20, title="Open Day"),
            "public": True,
        },
    ).json()["booking_id"]
    assert wait_for_outcome(venue, shown)["status"] == "confirmed"
    assert wait_for_outcome(venue, quiet)["public"] is False  # private unless the organizer says so
    assert wait_for_outcome(venue, born_public)["public"] is True
    window = {"from": day.date().isoformat(), "to": day.date().isoformat()}
    with client_for(stack, None) as anyone:
        assert [e["title"] for e in anyone.get("/events", params=window).json()] == ["Open Day"]
        waiting = venue.post("/waitlist", json={**booking_body(day), "public": True})
        assert waiting.status_code == 422 and waiting.json()["errors"][0]["field"] == "public"
        assert anyone.put(f"/bookings/{shown}/public", json={"public": True}).status_code == 401
        with new_organizer(stack, staff, "Otto Other") as other:
            assert (
                other.put(f"/bookings/{shown}/public", json={"public": True}).status_code == 404
            )  # not theirs
        marked = venue.put(f"/bookings/{shown}/public", json={"public": True})
        assert marked.status_code == 200 and marked.json() == {"booking_id": shown, "public": True}
        assert venue.get(f"/bookings/{shown}").json()["public"] is True
        [event] = [e for e in anyone.get("/events", params=window).json() if e["title"] != "Open Day"]
        assert set(event) == {
            "title",
            "space_id",
            "space_name",
            "starts_at",
            "ends_at",
            "local",
        }  # nothing personal
        assert (event["title"], event["space_id"]) == ("Chongqing Travel Fair", "multifunctional-hall")
        assert datetime.fromisoformat(event["local"]["starts_at"]).hour == 14  # the venue's clock
        refused = anyone.get("/events", params={"from": day.date().isoformat(), "to": "next week"})
        assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "to"
        venue.post(f"/bookings/{shown}/cancel", json={}).raise_for_status()
        # cancelled: no longer on
        assert [e["title"] for e in anyone.get("/events", params=window).json()] == ["Open Day"]

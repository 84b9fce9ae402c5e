"""`make demo`: book a sample forum against the running system and show how the saga ended."""

from __future__ import annotations

import sys
import time

import httpx

from deploy.embedded.client import Endpoints, forum_request, organizer_key, venue_day


def run_demo(endpoints: Endpoints | None = None, timeout: float = 60.0) -> int:
    endpoints = endpoints or Endpoints.from_env()
    try:
        httpx.get(f"{endpoints.venue}/health/ready", timeout=5).raise_for_status()
        key = organizer_key(endpoints)
    except (httpx.HTTPError, OSError, KeyError) as error:
        print(
            f"the venue service does not answer at {endpoints.venue} ({error}): start it with `make run`",
            file=sys.stderr,
        )
        return 2
    with httpx.Client(
        base_url=endpoints.venue, timeout=10, headers={"Authorization": f"Bearer {key}"}
    ) as venue:
        for days_ahead in range(30, 400):  # the first free afternoon a month or more ahead
            response = venue.post("/bookings", json=forum_request(venue_day(days_ahead)))
            if response.status_code != 409:
                break
        if response.status_code != 202:
            print(f"booking refused: {response.status_code} {response.text}", file=sys.stderr)
            return 1
        accepted = response.json()
        print(f"booked {accepted['booking_id']} (trace {accepted['trace_id']}), waiting for the saga…")
        deadline = time.monotonic() + timeout
        booking = venue.get(f"/bookings/{accepted['booking_id']}").json()
        while booking["status"] == "pending" and time.monotonic() < deadline:
            time.sleep(0.2)
            booking = venue.get(f"/bookings/{accepted['booking_id']}").json()
        print(f"outcome: {booking['status']}" + (f" — {booking['reason']}" if booking.get("reason") else ""))
        for step in booking["steps"]:
            print(f"  {step['name']:<13} {step['state']:<15} {step.get('detail') or ''}")
        print(f"trace id: {booking['trace_id']}")
        time.sleep(1.0)  # spans are exported in batches every half second
        print(venue.get(f"/bookings/{accepted['booking_id']}/trace").text)
        return 0 if booking["status"] == "confirmed" else 1

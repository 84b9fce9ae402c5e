"""Where a running embedded stack is, for the command-line tools (demo, bench, trace)."""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from deploy.embedded.nats import admin_url

SHANGHAI = ZoneInfo("Asia/Shanghai")


@dataclass(frozen=True)
class Endpoints:
    venue: str
    notify: str
    nats: str
    postgres: str

    @classmethod
    def from_env(cls) -> Endpoints:
        """Defaults match `make run`; the same WICT_*_PORT variables move them. NATS: as the stack's admin."""

        def port(name: str, default: int) -> str:
            return os.environ.get(name, str(default))

        return cls(
            venue=os.environ.get("WICT_VENUE_URL", f"http://127.0.0.1:{port('WICT_VENUE_PORT', 8000)}"),
            notify=os.environ.get("WICT_NOTIFY_URL", f"http://127.0.0.1:{port('WICT_NOTIFY_PORT', 8003)}"),
            nats=os.environ.get("WICT_NATS_URL") or admin_url(data_dir(), int(port("WICT_NATS_PORT", 4222))),
            postgres=os.environ.get(
                "WICT_PG_DSN", f"postgresql://postgres@127.0.0.1:{port('WICT_PG_PORT', 54329)}/postgres"
            ),
        )


def data_dir() -> Path:
    return Path(os.environ.get("WICT_DATA_DIR", Path(__file__).resolve().parents[2] / ".data"))


def organizer_key(endpoints: Endpoints, name: str = "demo") -> str:
    """An organizer API key for the tools, made once with the stack's staff key and kept beside it."""
    import httpx

    path = data_dir() / "credentials.json"
    stored = json.loads(path.read_text())
    if f"{name}_organizer" in stored:
        return str(stored[f"{name}_organizer"])
    response = httpx.post(
        f"{endpoints.venue}/organizers",
        headers={"Authorization": f"Bearer {stored['staff']}"},
        json={
            "name": f"{name.title()} Organizer",
            "email": f"{name}-{uuid.uuid4().hex[:8]}@example.org",
            "locale": "en",
            "time_zone": "Europe/London",
            "organization": "Tourism board (sample)",
        },
        timeout=10,
    )
    response.raise_for_status()
    stored[f"{name}_organizer"] = response.json()["api_key"]
    path.write_text(json.dumps(stored, indent=2))
    return str(stored[f"{name}_organizer"])


def venue_day(days_ahead: int) -> datetime:
    """Midnight (venue time) ``days_ahead`` days from today."""
    today = datetime.now(UTC).astimezone(SHANGHAI).replace(hour=0, minute=0, second=0, microsecond=0)
    return today + timedelta(days=days_ahead)


def forum_request(day: datetime, space_id: str = "multifunctional-hall", **changes: Any) -> dict[str, Any]:
    """A sample forum: 14:00–18:00, English–Chinese interpretation and a Western-style buffet."""
    body: dict[str, Any] = {
        "space_id": space_id,
        "layout": "theater",
        "starts_at": day.replace(hour=14).isoformat(),
        "ends_at": day.replace(hour=18).isoformat(),
        "attendees": 120,
        "title": "Chongqing–ASEAN Tourism Promotion Forum",
        "interpreting": {"floor_language": "en", "target_languages": ["zh"]},
        "catering": {"menu": "western-buffet", "headcount": 100},
    }
    body.update(changes)
    return body

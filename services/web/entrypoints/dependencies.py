"""The web service's settings and typed dependencies (built once by bootstrap.py)."""

from __future__ import annotations

import gettext
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from services.web.adapters.api import Api
from services.web.adapters.sessions import SessionStore
from shared.config import ServiceConfig


class WebConfig(ServiceConfig, frozen=True, kw_only=True):
    """WICT_* variables of the web service (README "Configuration" lists them with their defaults)."""

    http_port: int = 8004
    venue_url: str = "http://127.0.0.1:8000"
    notify_url: str = "http://127.0.0.1:8003"
    catering_url: str = "http://127.0.0.1:8002"  # only its public menu list
    cookie_secure: bool = True  # Secure cookies; browsers keep them on http://localhost and 127.0.0.1 too
    csrf_secret: str = (
        ""  # shared by all web instances; empty: random per process (forms of other instances fail)
    )
    session_idle_seconds: int = 7200  # a session ends after this long without a request
    session_warning_seconds: int = 600  # the page offers "stay signed in" this long before the end
    session_purge_seconds: float = 300.0  # how often ended sessions (and their drafts) are deleted
    venue_time_zone: str = "Asia/Shanghai"
    desk_phone: str = "+86 23 6000 0000"  # the manual window, shown on every page
    desk_days: str = "0-5"  # Monday = 0: Monday to Saturday
    desk_hours: str = "09:00-17:30"
    live_poll_seconds: float = 0.5  # how often the live saga view asks the venue while a booking is pending
    live_max_seconds: float = 120.0  # a live view stream ends after this; the browser reconnects


@dataclass
class Cached:
    """A public read (the catalog, the menus) kept for ``ttl`` seconds."""

    load: Callable[[], Awaitable[Any]]
    ttl: float = 300.0
    _value: Any = None
    _at: float = field(default=-1e9)

    async def get(self) -> Any:
        if self._value is None or time.monotonic() - self._at > self.ttl:
            self._value = await self.load()
            self._at = time.monotonic()
        return self._value


@dataclass(frozen=True)
class WebDependencies:
    config: WebConfig
    venue: Api
    notify: Api
    catering: Api
    sessions: SessionStore
    translations: dict[str, gettext.GNUTranslations]
    csrf_secret: bytes
    spaces: Cached
    menus: Cached

    @property
    def idle(self) -> timedelta:
        return timedelta(seconds=self.config.session_idle_seconds)

    @property
    def warning(self) -> timedelta:
        return timedelta(seconds=self.config.session_warning_seconds)

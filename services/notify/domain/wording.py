"""How values read for one reader: their language's words and their time zone, the venue's alongside."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from string import Template
from zoneinfo import ZoneInfo

from services.notify.domain.templates import LocalePack, LocaleStyle
from services.notify.domain.times import moment_text, window_text, zone_or

_NO_MINOR_UNITS = frozenset({"JPY", "KRW", "VND", "CLP", "ISK"})


@dataclass(frozen=True)
class Reader:
    """One recipient's view: the locale pack rendering the message and the zone times are shown in."""

    pack: LocalePack
    zone: ZoneInfo
    venue_zone: ZoneInfo

    @classmethod
    def of(cls, pack: LocalePack, time_zone: str, venue_zone: ZoneInfo) -> Reader:
        return cls(pack, zone_or(time_zone, venue_zone), venue_zone)

    @property
    def style(self) -> LocaleStyle:
        return self.pack.style

    def window(self, starts_at: datetime | None, ends_at: datetime | None) -> str:
        if starts_at is None or ends_at is None:
            return self.style.none
        formats, months = self.style.formats, self.style.months
        return window_text(starts_at, ends_at, self.zone, self.venue_zone, formats, months)

    def moment(self, at: datetime | None) -> str:
        if at is None:
            return self.style.none
        return moment_text(at, self.zone, self.venue_zone, self.style.formats, self.style.months)

    def listed(self, items: Iterable[str]) -> str:
        names = list(items)
        return self.style.list_separator.join(names) if names else self.style.none

    def services(self, names: Iterable[str]) -> str:
        return self.listed(self.style.services.get(name, name) for name in names)

    def changes(self, names: Iterable[str]) -> str:
        return self.listed(self.style.changes.get(name, name) for name in names)

    def space(self, space_id: str, told_name: str = "") -> str:
        """The space's name in this language, else the name we were told, else its id."""
        return self.style.spaces.get(space_id) or told_name or space_id

    def or_none(self, value: str | None) -> str:
        return value.strip() if value and value.strip() else self.style.none

    def lead(self, lead: timedelta) -> str:
        """``in 7 days`` / ``in 24 hours`` (whole days when the lead is a multiple of a day, not a day)."""
        hours = int(lead.total_seconds() // 3600)
        if hours % 24 == 0 and hours > 24:
            return Template(self.style.wording.lead_days).substitute(count=hours // 24)
        return Template(self.style.wording.lead_hours).substitute(count=hours)

    def fee(self, minor: int, currency: str) -> str:
        if minor <= 0:
            return self.style.wording.no_fee
        digits = 0 if currency.upper() in _NO_MINOR_UNITS else 2
        amount = f"{minor / 10**digits:,.{digits}f}"
        return Template(self.style.wording.fee).substitute(currency=currency.upper(), amount=amount)

    def confirm_by(self, deadline: datetime | None) -> str:
        if deadline is None:
            return ""
        return Template(self.style.wording.confirm_by).substitute(deadline=self.moment(deadline))

    def event_line(self, title: str, starts_at: datetime, ends_at: datetime) -> str:
        return Template(self.style.wording.event_line).substitute(
            title=title, when=self.window(starts_at, ends_at)
        )

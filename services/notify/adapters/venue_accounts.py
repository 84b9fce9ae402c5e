"""Who a venue API key belongs to, asked of the venue (``GET /me``): organizers read their own feed in
notify with the key the venue gave them. Answers are kept for ``CACHE_SECONDS``, so a revoked key stops
working here within that time."""

from __future__ import annotations

import time

import httpx

from services.notify.domain.access import Caller

CACHE_SECONDS = 30.0


class VenueUnavailable(Exception):
    """The venue did not answer: the key cannot be checked now."""


class VenueAccounts:
    def __init__(self, venue_url: str, timeout: float = 5.0) -> None:
        self.venue_url, self.timeout = venue_url, timeout
        self._cache: dict[str, tuple[float, Caller | None]] = {}

    async def caller(self, api_key: str) -> Caller | None:
        """The key's account as a caller (its e-mail lower-case); None if the venue does not know the key."""
        now = time.monotonic()
        cached = self._cache.get(api_key)
        if cached is None or cached[0] < now:
            cached = self._cache[api_key] = (now + CACHE_SECONDS, await self._ask(api_key))
        return cached[1]

    async def _ask(self, api_key: str) -> Caller | None:
        try:
            async with httpx.AsyncClient(timeout=self.timeout) as client:
                response = await client.get(
                    f"{self.venue_url}/me", headers={"Authorization": f"Bearer {api_key}"}
                )
        except httpx.HTTPError:
            raise VenueUnavailable(self.venue_url) from None
        if response.status_code != 200:
            return None
        account = response.json()
        return Caller(account["role"], account["email"].lower())

"""Who a venue credential belongs to, asked of the venue (``GET /me``): organizers use notify with the
venue API key or the access token of their own account (a web session's).

Asked every time, not cached: a disabled account, a revoked key or an ended session is refused here as
soon as at the venue (the venue answers from its own cache, which it keeps in step with revocations).
"""

from __future__ import annotations

import uuid

import httpx

from services.notify.domain.access import Caller


class VenueUnavailable(Exception):
    """The venue did not answer: the credential cannot be checked now."""


class VenueAccounts:
    def __init__(self, venue_url: str, timeout: float = 5.0) -> None:
        self.venue_url, self.timeout = venue_url, timeout
        self._client: httpx.AsyncClient | None = None

    async def caller(self, credential: str) -> Caller | None:
        """The credential's account as a caller (its e-mail lower-case); None if the venue refuses it."""
        if self._client is None:  # one connection pool for the process, made in the serving loop
            self._client = httpx.AsyncClient(base_url=self.venue_url, timeout=self.timeout)
        try:
            response = await self._client.get("/me", headers={"Authorization": f"Bearer {credential}"})
        except httpx.HTTPError:
            raise VenueUnavailable(self.venue_url) from None
        if response.status_code != 200:
            return None
        account = response.json()
        return Caller(account["role"], account["email"].lower(), uuid.UUID(account["account_id"]))

"""One HTTP client per API the web calls (venue, notify, catering's menus), speaking as the caller.

The caller's bearer token is passed per request: the web holds no credential of its own, so it can
never see more than the person could with curl. Problems come back as ``ApiProblem``.
"""

from __future__ import annotations

from typing import Any

import httpx

from services.web.domain.problems import ApiProblem, Unauthorized, Unreachable


class Api:
    def __init__(self, base_url: str, timeout: float = 15.0) -> None:
        self.base_url = base_url.rstrip("/")
        self._client = httpx.AsyncClient(base_url=self.base_url, timeout=timeout)

    async def close(self) -> None:
        await self._client.aclose()

    async def send(
        self,
        method: str,
        path: str,
        token: str | None = None,
        *,
        json: Any = None,
        params: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        """The raw answer of a 2xx; ``ApiProblem`` (``Unauthorized`` for 401) otherwise."""
        sent = dict(headers or {})
        if token:
            sent["Authorization"] = f"Bearer {token}"
        query = {k: v for k, v in (params or {}).items() if v not in (None, "")}
        try:
            response = await self._client.request(method, path, json=json, params=query, headers=sent)
        except httpx.HTTPError as error:
            raise Unreachable(f"{method} {self.base_url}{path}: {type(error).__name__}") from error
        if response.is_success:
            return response
        body = _problem(response)
        kind = Unauthorized if response.status_code == 401 else ApiProblem
        raise kind(response.status_code, body, dict(response.headers))

    async def json(self, method: str, path: str, token: str | None = None, **options: Any) -> Any:
        response = await self.send(method, path, token, **options)
        return response.json() if response.content else None


def _problem(response: httpx.Response) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError:
        return {"title": response.reason_phrase, "status": response.status_code}
    return body if isinstance(body, dict) else {"title": response.reason_phrase}

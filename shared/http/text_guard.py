"""Refuse the NUL character in requests: PostgreSQL text cannot hold it, so it is bad input, not a 500.

JSON can only carry NUL escaped (``\\u0000``), so a body is decoded and walked only when that escape
appears in it; every other request costs one substring search. The answer names each field at fault.
"""

from __future__ import annotations

from typing import Any

import msgspec
from litestar import Request

from shared.http.problems import ApiError, FieldError

_ESCAPED_NUL = b"\\u0000"
_REASON = "must not contain the NUL character (U+0000)"


def _paths_with_nul(value: Any, path: str) -> list[str]:
    if isinstance(value, str):
        return [path or "body"] if "\x00" in value else []
    found: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            field = f"{path}.{key}" if path else str(key)
            if "\x00" in str(key):
                found.append(field)
            found.extend(_paths_with_nul(item, field))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.extend(_paths_with_nul(item, f"{path}[{index}]"))
    return found


async def refuse_nul(request: Request[Any, Any, Any]) -> None:
    """A ``before_request`` hook: 400 naming every path segment, query parameter or body field with NUL."""
    fields: list[str] = []
    if "\x00" in request.url.path:
        fields.append("path")
    fields.extend(
        key for key, value in request.query_params.multi_items() if "\x00" in key or "\x00" in value
    )
    if request.method in {"POST", "PUT", "PATCH"}:
        body = await request.body()
        if _ESCAPED_NUL in body:
            try:
                fields.extend(_paths_with_nul(msgspec.json.decode(body), ""))
            except msgspec.DecodeError:
                pass  # malformed JSON is refused by the handler's own decoding
    if fields:
        detail = "; ".join(f"{field}: {_REASON}" for field in fields)
        raise ApiError(400, "Invalid request", detail, [FieldError(field, _REASON) for field in fields])


__all__ = ["refuse_nul"]

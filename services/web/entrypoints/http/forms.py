"""Reading posted forms: one string per field (ticked boxes of one name joined with commas)."""

from __future__ import annotations

from typing import Any

from litestar import Request

from services.web.entrypoints.http.security import CSRF_FIELD

MAX_FIELD = 5000


async def form_fields(request: Request[Any, Any, Any], multiple: tuple[str, ...] = ()) -> dict[str, str]:
    form = await request.form()
    fields: dict[str, str] = {}
    for name in form:
        if name == CSRF_FIELD:
            continue
        if name in multiple:
            fields[name] = ",".join(str(v).strip() for v in form.getall(name) if str(v).strip())[:MAX_FIELD]
        else:
            fields[name] = str(form.get(name) or "").strip()[:MAX_FIELD]
    for name in multiple:
        fields.setdefault(name, "")
    return fields


def is_htmx(request: Request[Any, Any, Any]) -> bool:
    return request.headers.get("hx-request") == "true"

"""The person's own settings: profile (GET/PATCH /me), API keys (/me/api-keys), and at notify their
webhooks (/me/webhooks) and channel preferences (/me/preferences)."""

from __future__ import annotations

import uuid
from typing import Any

from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath
from litestar.response import Template

from services.web.domain import profile, refusals
from services.web.domain.messages import N_
from services.web.domain.problems import ApiProblem
from services.web.entrypoints.http.forms import form_fields
from services.web.entrypoints.http.rendering import page, redirect, setting_cookie
from services.web.entrypoints.http.viewer import ELDER_COOKIE, LANGUAGE_COOKIE, Viewer

CHANNELS = ("email", "sms", "webhook")


class AccountController(Controller):
    path = "/profile"
    tags = ["account"]

    @get("/")
    async def show_profile(self, viewer: NamedDependency[Viewer]) -> Template:
        """The person's account as the venue has it (GET /me)."""
        me = await viewer.person().call("GET", "/me")
        return page(viewer, "account/profile.html", me=me, values=me, errors={}, zones=profile.ZONES)

    @post("/")
    async def save_profile(
        self, request: Request[Any, Any, Any], viewer: NamedDependency[Viewer]
    ) -> Response[Any]:
        """PATCH /me; the session, the language and elder mode follow what was saved."""
        person = viewer.person()
        fields = await form_fields(request)
        body, errors = profile.update(fields)
        if not errors:
            try:
                me = await person.call("PATCH", "/me", json=body)
            except ApiProblem as refused:
                errors = {f: refusals.field_message(f) for f in refused.field_errors() if f in profile.FIELDS}
                errors = errors or {"name": N_("The profile could not be saved. Please try again.")}
        if errors:
            current = await person.call("GET", "/me")
            return page(
                viewer,
                "account/profile.html",
                422,
                me=current,
                values=fields,
                errors=errors,
                zones=profile.ZONES,
            )
        await viewer.deps.sessions.update_person(
            viewer.key,
            name=me.get("name"),
            locale=me.get("locale"),
            time_zone=me.get("time_zone"),
            elder_mode=me.get("elder_mode"),
        )
        response = redirect("/profile", "profile_saved")
        secure = viewer.deps.config.cookie_secure
        response.cookies.append(setting_cookie(LANGUAGE_COOKIE, me.get("locale", viewer.language), secure))
        response.cookies.append(setting_cookie(ELDER_COOKIE, "1" if me.get("elder_mode") else "0", secure))
        return response

    @get("/api-keys")
    async def api_keys(self, viewer: NamedDependency[Viewer]) -> Template:
        """The person's API keys (names, prefixes, last use; GET /me/api-keys)."""
        keys = await viewer.person().call("GET", "/me/api-keys")
        return page(viewer, "account/api_keys.html", keys=keys, created=None, errors={})

    @post("/api-keys")
    async def create_key(self, request: Request[Any, Any, Any], viewer: NamedDependency[Viewer]) -> Template:
        """POST /me/api-keys: the key is shown on this page once, never again."""
        person = viewer.person()
        name = (await form_fields(request)).get("name", "")
        if not 1 <= len(name) <= 100:
            keys = await person.call("GET", "/me/api-keys")
            errors = {"name": N_("Give the key a name, like 'our booking system'.")}
            return page(viewer, "account/api_keys.html", 422, keys=keys, created=None, errors=errors)
        created = await person.call("POST", "/me/api-keys", json={"name": name})
        keys = await person.call("GET", "/me/api-keys")
        return page(viewer, "account/api_keys.html", keys=keys, created=created, errors={})

    @post("/api-keys/{key_id:uuid}/revoke")
    async def revoke_key(self, viewer: NamedDependency[Viewer], key_id: FromPath[uuid.UUID]) -> Response[Any]:
        """DELETE /me/api-keys/{key_id}: software using it stops working at once."""
        await viewer.person().call("DELETE", f"/me/api-keys/{key_id}")
        return redirect("/profile/api-keys", "key_revoked")

    @get("/webhooks")
    async def webhooks(self, viewer: NamedDependency[Viewer]) -> Template:
        """The person's webhook endpoints at notify (GET /me/webhooks)."""
        hooks = await viewer.person().notify_call("GET", "/me/webhooks")
        return page(viewer, "account/webhooks.html", hooks=hooks, created=None, errors={}, values={})

    @post("/webhooks")
    async def add_webhook(self, request: Request[Any, Any, Any], viewer: NamedDependency[Viewer]) -> Template:
        """POST /me/webhooks: the signing secret is shown on this page once."""
        person = viewer.person()
        fields = await form_fields(request)
        errors, created = {}, None
        if not fields.get("url", "").startswith("https://"):
            errors["url"] = N_("Enter the full address, starting with https://")
        else:
            body = {"url": fields["url"], "description": fields.get("description") or None}
            try:
                created = await person.notify_call("POST", "/me/webhooks", json=body)
            except ApiProblem as refused:
                errors = {"url": N_("This address cannot receive notices (it must be public, with https).")}
                if refused.status == 409:
                    errors = {"url": N_("This address is in your list already.")}
        hooks = await person.notify_call("GET", "/me/webhooks")
        status = 422 if errors else 200
        values = fields if errors else {}
        return page(
            viewer,
            "account/webhooks.html",
            status,
            hooks=hooks,
            created=created,
            errors=errors,
            values=values,
        )

    @post("/webhooks/{endpoint_id:uuid}/remove")
    async def remove_webhook(
        self, viewer: NamedDependency[Viewer], endpoint_id: FromPath[uuid.UUID]
    ) -> Response[Any]:
        await viewer.person().notify_call("DELETE", f"/me/webhooks/{endpoint_id}")
        return redirect("/profile/webhooks", "webhook_removed")

    @get("/preferences")
    async def preferences(self, viewer: NamedDependency[Viewer]) -> Template:
        """Which channels may carry non-essential notices (GET /me/preferences)."""
        found = await viewer.person().notify_call("GET", "/me/preferences")
        enabled = [item["channel"] for item in found.get("channels", []) if item.get("enabled", True)]
        return page(viewer, "account/preferences.html", enabled=enabled, channels=CHANNELS)

    @post("/preferences")
    async def save_preferences(
        self, request: Request[Any, Any, Any], viewer: NamedDependency[Viewer]
    ) -> Response[Any]:
        """PUT /me/preferences/{channel} for each channel (essential notices always come)."""
        person = viewer.person()
        fields = await form_fields(request, multiple=("channels",))
        wanted = set(fields["channels"].split(","))
        for channel in CHANNELS:
            body = {"enabled": channel in wanted}
            await person.notify_call("PUT", f"/me/preferences/{channel}", json=body)
        return redirect("/profile/preferences", "preferences_saved")

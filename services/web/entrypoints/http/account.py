"""The person's own settings: profile (GET/PATCH /me), API keys (/me/api-keys), and at notify their
webhooks (/me/webhooks) and channel preferences (/me/preferences). Issue 12's contract; GET /me exists."""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath
from litestar.response import Template

from services.web.domain import locale
from services.web.domain.messages import N_
from services.web.domain.problems import ApiProblem
from services.web.entrypoints.http.forms import form_fields
from services.web.entrypoints.http.rendering import page, redirect
from services.web.entrypoints.http.viewer import Viewer

PROFILE_FIELDS = ("name", "organization", "phone", "locale", "time_zone")
CHANNELS = ("email", "sms", "webhook")


class AccountController(Controller):
    path = "/profile"
    tags = ["account"]

    @get("/")
    async def profile(self, viewer: NamedDependency[Viewer]) -> Template:
        """The person's account as the venue has it (GET /me)."""
        me = await viewer.person().call("GET", "/me")
        return page(viewer, "account/profile.html", me=me, values=me, errors={})

    @post("/")
    async def save_profile(
        self, request: Request[Any, Any, Any], viewer: NamedDependency[Viewer]
    ) -> Response[Any]:
        """PATCH /me with what changed; the session follows the new language and zone."""
        person = viewer.person()
        fields = await form_fields(request)
        body: dict[str, Any] = {name: fields[name] for name in PROFILE_FIELDS if fields.get(name)}
        body["elder_mode"] = fields.get("elder_mode") == "1"
        if "locale" in body and not locale.supported(body["locale"]):
            body.pop("locale")
        try:
            me = await person.offered("PATCH /me", "PATCH", "/me", json=body)
        except ApiProblem as refused:
            current = await person.call("GET", "/me")
            return page(
                viewer,
                "account/profile.html",
                422,
                me=current,
                values=fields,
                errors=refused.field_errors() or {"name": refused.title},
            )
        await viewer.deps.sessions.update_person(
            viewer.key,
            name=me.get("name"),
            locale=me.get("locale"),
            time_zone=me.get("time_zone"),
            elder_mode=me.get("elder_mode"),
        )
        return redirect("/profile", "profile_saved")

    @get("/api-keys")
    async def api_keys(self, viewer: NamedDependency[Viewer]) -> Template:
        """The person's API keys (names, prefixes, last use; GET /me/api-keys)."""
        keys = await viewer.person().offered("GET /me/api-keys", "GET", "/me/api-keys")
        return page(viewer, "account/api_keys.html", keys=keys, created=None, errors={})

    @post("/api-keys")
    async def create_key(self, request: Request[Any, Any, Any], viewer: NamedDependency[Viewer]) -> Template:
        """POST /me/api-keys: the key is shown on this page once, never again."""
        person = viewer.person()
        name = (await form_fields(request)).get("name", "")
        if not 1 <= len(name) <= 100:
            keys = await person.offered("GET /me/api-keys", "GET", "/me/api-keys")
            return page(
                viewer,
                "account/api_keys.html",
                422,
                keys=keys,
                created=None,
                errors={"name": N_("Give the key a name, like 'our booking system'.")},
            )
        created = await person.offered("POST /me/api-keys", "POST", "/me/api-keys", json={"name": name})
        keys = await person.offered("GET /me/api-keys", "GET", "/me/api-keys")
        return page(viewer, "account/api_keys.html", keys=keys, created=created, errors={})

    @post("/api-keys/{key_id:str}/revoke")
    async def revoke_key(self, viewer: NamedDependency[Viewer], key_id: FromPath[str]) -> Response[Any]:
        await viewer.person().offered("DELETE /me/api-keys/{key_id}", "DELETE", f"/me/api-keys/{key_id}")
        return redirect("/profile/api-keys", "key_revoked")

    @get("/webhooks")
    async def webhooks(self, viewer: NamedDependency[Viewer]) -> Template:
        """The person's webhook endpoints at notify (GET /me/webhooks)."""
        hooks = await viewer.person().notify_offered("GET /me/webhooks", "GET", "/me/webhooks")
        return page(viewer, "account/webhooks.html", hooks=hooks, created=None, errors={})

    @post("/webhooks")
    async def add_webhook(self, request: Request[Any, Any, Any], viewer: NamedDependency[Viewer]) -> Template:
        """POST /me/webhooks: the signing secret is shown on this page once."""
        person = viewer.person()
        fields = await form_fields(request)
        errors, created = {}, None
        if not fields.get("url", "").startswith(("https://", "http://")):
            errors["url"] = N_("Enter the full address, starting with https://")
        else:
            body = {"url": fields["url"], "description": fields.get("description") or None}
            try:
                created = await person.notify_offered("POST /me/webhooks", "POST", "/me/webhooks", json=body)
            except ApiProblem as refused:
                errors = refused.field_errors() or {"url": refused.title}
        hooks = await person.notify_offered("GET /me/webhooks", "GET", "/me/webhooks")
        return page(
            viewer,
            "account/webhooks.html",
            422 if errors else 200,
            hooks=hooks,
            created=created,
            errors=errors,
        )

    @post("/webhooks/{endpoint_id:str}/remove")
    async def remove_webhook(
        self, viewer: NamedDependency[Viewer], endpoint_id: FromPath[str]
    ) -> Response[Any]:
        await viewer.person().notify_offered(
            "DELETE /me/webhooks/{endpoint_id}", "DELETE", f"/me/webhooks/{endpoint_id}"
        )
        return redirect("/profile/webhooks", "webhook_removed")

    @get("/preferences")
    async def preferences(self, viewer: NamedDependency[Viewer]) -> Template:
        """Which channels may carry non-essential notices (GET /me/preferences)."""
        found = await viewer.person().notify_offered("GET /me/preferences", "GET", "/me/preferences")
        return page(viewer, "account/preferences.html", preferences=found, channels=CHANNELS)

    @post("/preferences")
    async def save_preferences(
        self, request: Request[Any, Any, Any], viewer: NamedDependency[Viewer]
    ) -> Response[Any]:
        """PUT /me/preferences/{channel} for each channel (essential notices always come)."""
        person = viewer.person()
        fields = await form_fields(request, multiple=("channels",))
        wanted = set(fields["channels"].split(","))
        for channel in CHANNELS:
            await person.notify_offered(
                "PUT /me/preferences/{channel}",
                "PUT",
                f"/me/preferences/{channel}",
                json={"enabled": channel in wanted},
            )
        return redirect("/profile/preferences", "preferences_saved")

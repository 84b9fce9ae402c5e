"""The kinds of problem the API answers, each with a stable ``type`` URI and a page that explains it.

RFC 9457 asks for a ``type`` URI per kind of problem that a client can look up. Ours are relative
references, ``/problems/<kind>``: every service serves the same pages at that path (``ProblemTypesController``),
so a type names the same kind whichever service answered, and a client compares the string as sent.
A status without a kind of its own answers ``about:blank`` (its title is the HTTP status phrase).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from http import HTTPStatus

from litestar import Controller, MediaType, Response, get
from litestar.exceptions import NotFoundException

TYPE_PREFIX = "/problems/"


@dataclass(frozen=True)
class ProblemKind:
    slug: str
    status: int
    meaning: str
    what_to_do: str
    extensions: tuple[str, ...] = ()

    @property
    def type_uri(self) -> str:
        return f"{TYPE_PREFIX}{self.slug}"


# Extension members every problem may carry, at the top level beside type, title, status and detail.
COMMON_EXTENSIONS = {
    "trace_id": "the request's trace id (32 hex digits): quote it to the venue",
    "errors": "a list of {field, reason}: every field, query parameter or header at fault, all at once",
}
EXTENSIONS = {
    **COMMON_EXTENSIONS,
    "conflicts": "the bookings or holds in the way: each with its space, start and end (UTC)",
}

KINDS: tuple[ProblemKind, ...] = (
    ProblemKind(
        "invalid-request",
        400,
        "The request is malformed: a body field, query parameter, path parameter or header has the wrong "
        "type or format, is missing, or is not known. Each one is named in `errors`.",
        "Fix every field listed in `errors` and send the request again.",
        ("errors",),
    ),
    ProblemKind(
        "unauthenticated",
        401,
        "No valid credential: send `Authorization: Bearer <API key or access token>`. The detail says "
        "whether it was missing, unknown, revoked, expired or otherwise refused.",
        "Send a valid API key or access token (`POST /tokens`, `POST /sessions`).",
    ),
    ProblemKind(
        "forbidden",
        403,
        "The credential is valid but its role or owner may not do this (staff-only routes, "
        "another organizer's data, a disabled account).",
        "Use an account with the right role.",
    ),
    ProblemKind(
        "not-found",
        404,
        "No such resource, or not one the caller may see (an organizer asking for another organizer's "
        "booking gets this too).",
        "Check the id.",
    ),
    ProblemKind("method-not-allowed", 405, "The path exists, but not with this method.", "See the API docs."),
    ProblemKind(
        "not-acceptable",
        406,
        "The `Accept` header asks for a representation this endpoint cannot give.",
        "Ask for one of the media types the endpoint lists.",
    ),
    ProblemKind(
        "conflict",
        409,
        "The request cannot be done in the resource's current state: the space is taken at that time "
        "(`conflicts` lists what is in the way), the booking is past the point where this is possible, "
        "the resource exists already, or a request with the same Idempotency-Key is still running.",
        "Read `detail` (and `conflicts`): choose another time or space, or read the resource again.",
        ("conflicts", "errors"),
    ),
    ProblemKind(
        "gone", 410, "The link or token was valid once but is used up or expired.", "Ask for a new one."
    ),
    ProblemKind(
        "too-large",
        413,
        "The request body is larger than the service accepts (`WICT_MAX_BODY_BYTES`).",
        "Send less.",
    ),
    ProblemKind(
        "unsupported-media-type",
        415,
        "The body's `Content-Type` is not one the endpoint reads.",
        "Send `application/json`.",
    ),
    ProblemKind(
        "rule-broken",
        422,
        "The request is well-formed but breaks a rule of the venue (opening hours, capacity, notice, "
        "languages, a state the booking must be in, a reused Idempotency-Key). `errors` names each field "
        "and the rule.",
        "Change what `errors` names.",
        ("errors",),
    ),
    ProblemKind(
        "rate-limited",
        429,
        "Too many requests from this credential (or, for sign-in, too many failures).",
        "Wait for the number of seconds in the `Retry-After` header.",
    ),
    ProblemKind(
        "internal-error",
        500,
        "The request failed on the platform's side. Nothing of the request's personal data is logged.",
        "Retry later; quote `trace_id` to the venue if it persists.",
    ),
    ProblemKind(
        "bad-gateway",
        502,
        "A service this one asked on the caller's behalf refused or failed.",
        "Retry later; quote `trace_id`.",
    ),
    ProblemKind(
        "unavailable",
        503,
        "The service cannot reach its database or a service it needs right now; nothing was changed.",
        "Retry after the `Retry-After` header's seconds.",
    ),
)
BY_STATUS = {kind.status: kind for kind in KINDS}
BY_SLUG = {kind.slug: kind for kind in KINDS}


def type_for(status: int) -> str:
    """The ``type`` URI of a problem with this status (``about:blank`` when it has no kind of its own)."""
    kind = BY_STATUS.get(status)
    return kind.type_uri if kind else "about:blank"


def title_for(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


_STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5}"
    "code{background:#f2f2f2;padding:0 .2em}dt{font-weight:600}"
)


def _kind_html(kind: ProblemKind) -> str:
    members = "".join(
        f"<li><code>{name}</code>: {html.escape(EXTENSIONS[name])}</li>" for name in kind.extensions
    )
    return (
        f'<section id="{kind.slug}"><h2><a href="{kind.type_uri}"><code>{kind.type_uri}</code></a>'
        f" ({kind.status} {html.escape(title_for(kind.status))})</h2>"
        f"<p>{html.escape(kind.meaning)}</p><p><strong>What to do:</strong> {html.escape(kind.what_to_do)}</p>"
        + (f"<p>Extension members:</p><ul>{members}</ul>" if members else "")
        + "</section>"
    )


def _page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{html.escape(title)}</title>'
        f"<style>{_STYLE}</style></head><body>{body}</body></html>"
    )


def index_page() -> str:
    common = "".join(
        f"<dt><code>{name}</code></dt><dd>{html.escape(text)}</dd>"
        for name, text in COMMON_EXTENSIONS.items()
    )
    return _page(
        "WICT problem types",
        "<h1>Problem types</h1><p>Every error of the WICT APIs is an RFC 9457 problem "
        "(<code>application/problem+json</code>): <code>type</code>, <code>title</code>, <code>status</code>, "
        "<code>detail</code>, and extension members at the top level. The <code>type</code> is one of the "
        "references below (the same from every service); any other status answers "
        "<code>about:blank</code>.</p>"
        f"<p>Members any problem may carry:</p><dl>{common}</dl>" + "".join(_kind_html(k) for k in KINDS),
    )


class ProblemTypesController(Controller):
    """The pages the ``type`` URIs of our problems point to."""

    path = TYPE_PREFIX.rstrip("/")
    include_in_schema = False

    @get("/", media_type=MediaType.HTML, sync_to_thread=False, cache=3600)
    def index(self) -> str:
        return index_page()

    @get("/{slug:str}", media_type=MediaType.HTML, sync_to_thread=False, cache=3600)
    def kind(self, slug: str) -> Response[str]:
        kind = BY_SLUG.get(slug)
        if kind is None:
            raise NotFoundException("no such problem type")
        page = _page(
            f"{kind.slug}: WICT problem type", f'<p><a href="{TYPE_PREFIX}">All problem types</a></p>'
        )
        return Response(page.replace("</body>", _kind_html(kind) + "</body>"), media_type=MediaType.HTML)

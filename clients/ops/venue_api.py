"""The ops commands that ask the venue's HTTP ops API: sagas, stuck, overdue, health, failures, trace.

The venue is ``--venue-url`` (or WICT_VENUE_URL, default http://127.0.0.1:8000); the credential is the
ops API key in WICT_OPS_API_KEY (never a flag: flags show in `ps` and the shell history).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Mapping
from typing import Any

import httpx

from clients.exit_status import ExitStatus
from clients.ops import render

DEFAULT_VENUE_URL = "http://127.0.0.1:8000"


class OpsError(Exception):
    """The command cannot answer; ``status`` is its exit status (``clients/exit_status.py``)."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


def add_commands(areas: Any) -> None:
    sagas = areas.add_parser("sagas", help="booking and change sagas per state, and a page of them")
    sagas.add_argument("--state", help="running, compensating, confirmed, rejected, applied, …")
    sagas.add_argument("--kind", choices=("booking", "change"))
    sagas.add_argument("--limit", type=int, default=50)
    stuck = areas.add_parser("stuck", help="sagas past a deadline the sweep missed, or in flight too long")
    stuck.add_argument("--grace", type=float, help="seconds past a deadline [30]")
    stuck.add_argument("--in-flight", type=float, help="seconds in flight [2 × step timeout + grace]")
    areas.add_parser("overdue", help="vendor tasks still awaiting an answer after its deadline")
    areas.add_parser("health", help="every service's readiness and its consumers' lag")
    failures = areas.add_parser("failures", help="notifications notify gave up on")
    failures.add_argument("--booking", help="only this booking's")
    trace = areas.add_parser("trace", help="a booking's trace as a waterfall (and its Jaeger link)")
    trace.add_argument("booking", help="the booking id")
    for command in (sagas, stuck, failures, *(areas.choices[name] for name in ("overdue", "health"))):
        command.add_argument("--json", action="store_true", help="the API's JSON answer")


def run(arguments: argparse.Namespace, environ: Mapping[str, str]) -> int:
    """Ask, print; 0, or 8 when the answer shows a problem (degraded, stuck, overdue, failed)."""
    key = environ.get("WICT_OPS_API_KEY", "").strip()
    if not key:
        raise OpsError("set WICT_OPS_API_KEY to the venue's ops API key", ExitStatus.USAGE)
    with httpx.Client(
        base_url=arguments.venue_url, headers={"Authorization": f"Bearer {key}"}, timeout=30
    ) as client:
        if arguments.area == "trace":
            response = _get(client, f"/bookings/{arguments.booking}/trace")
            print(response.text, end="")
            return 0
        path, params = request_of(arguments)
        answer = _get(client, path, params).json()
    if arguments.json:
        print(json.dumps(answer, ensure_ascii=False, indent=2))
    else:
        print(render.SHOW[arguments.area](answer))
    return ExitStatus.PROBLEM_FOUND if render.troubled(arguments.area, answer) else ExitStatus.OK


QUERIES = {  # command -> (path, {query parameter: argument})
    "sagas": ("/ops/sagas", {"state": "state", "kind": "kind", "limit": "limit"}),
    "stuck": ("/ops/sagas/stuck", {"grace_seconds": "grace", "in_flight_seconds": "in_flight"}),
    "overdue": ("/ops/vendor-tasks/overdue", {}),
    "health": ("/ops/health", {}),
    "failures": ("/ops/notifications/failures", {"booking_id": "booking"}),
}


def request_of(arguments: argparse.Namespace) -> tuple[str, dict[str, Any]]:
    path, parameters = QUERIES[arguments.area]
    given = {name: getattr(arguments, argument, None) for name, argument in parameters.items()}
    return path, {name: value for name, value in given.items() if value is not None}


def _get(client: httpx.Client, path: str, params: dict[str, Any] | None = None) -> httpx.Response:
    try:
        response = client.get(path, params=params)
    except httpx.HTTPError as error:
        raise OpsError(
            f"the venue does not answer at {client.base_url}: {type(error).__name__}", ExitStatus.UNAVAILABLE
        ) from None
    if response.is_success:
        return response
    raise OpsError(f"{response.status_code} {_problem(response)}", status_of(response.status_code))


def status_of(http_status: int) -> ExitStatus:
    """The exit status of an API's refusal."""
    if http_status in (401, 403):
        return ExitStatus.NOT_AUTHORIZED
    if http_status in (404, 410):
        return ExitStatus.NOT_FOUND
    return ExitStatus.REFUSED if http_status < 500 else ExitStatus.UNAVAILABLE


def _problem(response: httpx.Response) -> str:
    try:
        problem = response.json()
    except ValueError:
        return response.reason_phrase
    return " — ".join(str(problem[part]) for part in ("title", "detail") if problem.get(part))

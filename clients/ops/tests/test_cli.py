"""The ops CLI without a server: its arguments, what each command asks, how answers read, exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from clients.exit_status import ExitStatus
from clients.ops import render, venue_api
from clients.ops.cli import main, parser
from clients.ops.venue_api import request_of

pytestmark = pytest.mark.unit

SAGA = {
    "kind": "booking",
    "booking_id": "b-1",
    "revision": None,
    "state": "running",
    "status": "pending",
    "reason": None,
    "started_at": "2027-03-02T06:00:00Z",
    "updated_at": "2027-03-02T06:00:01Z",
    "trace_id": "t-1",
    "waiting_on": [{"step": "interpreting", "state": "pending", "deadline": "2027-03-02T06:00:30Z"}],
    "stuck_because": ["interpreting pending 40 s past its deadline"],
}


@pytest.mark.parametrize(
    ("argv", "path", "params"),
    [
        (
            ["sagas", "--state", "running", "--kind", "change"],
            "/ops/sagas",
            {"state": "running", "kind": "change", "limit": 50},
        ),
        (["stuck", "--grace", "5"], "/ops/sagas/stuck", {"grace_seconds": 5.0}),
        (["stuck", "--in-flight", "60"], "/ops/sagas/stuck", {"in_flight_seconds": 60.0}),
        (["overdue"], "/ops/vendor-tasks/overdue", {}),
        (["health"], "/ops/health", {}),
        (["failures", "--booking", "b-1"], "/ops/notifications/failures", {"booking_id": "b-1"}),
    ],
)
def test_each_command_asks_its_route(argv, path, params):
    assert request_of(parser().parse_args(argv)) == (path, params)


def test_dead_letters_keep_their_nats_commands_and_refuse_a_zero_id(capsys):
    assert parser().parse_args(["dead-letters", "replay", "3", "4"]).ids == [3, 4]
    with pytest.raises(SystemExit):
        parser().parse_args(["dead-letters", "show", "0"])
    assert "positive number" in capsys.readouterr().err


def test_without_an_ops_key_the_cli_says_so_and_exits_2_a_usage_error(monkeypatch, capsys):
    monkeypatch.delenv("WICT_OPS_API_KEY", raising=False)
    assert main(["health"]) == ExitStatus.USAGE == 2
    assert "WICT_OPS_API_KEY" in capsys.readouterr().err


def test_an_unreachable_venue_exits_4_not_a_usage_error(monkeypatch, capsys):
    monkeypatch.setenv("WICT_OPS_API_KEY", "wict_x")
    assert main(["--venue-url", "http://127.0.0.1:9", "sagas"]) == ExitStatus.UNAVAILABLE == 4
    assert "does not answer" in capsys.readouterr().err


def test_sagas_and_stuck_read_as_one_line_per_saga_and_cause():
    page = render.sagas(
        {"counts": {"booking": {"running": 1, "confirmed": 3}, "change": {}}, "sagas": [SAGA]}
    )
    stuck = render.stuck({"grace_seconds": 30.0, "in_flight_seconds": 90.0, "sagas": [SAGA]})

    assert page.splitlines()[:2] == ["booking sagas: confirmed 3, running 1", "change sagas: none"]
    assert "b-1" in page and "waiting on interpreting pending (due 2027-03-02T06:00:30Z)" in page
    assert stuck.splitlines()[-1] == "    because interpreting pending 40 s past its deadline"
    assert render.troubled("stuck", {"sagas": [SAGA]}) and not render.troubled("stuck", {"sagas": []})


def test_health_marks_what_is_not_ready_and_consumers_nobody_listens_to():
    consumer = {
        "stream": "INTERPRETING",
        "durable": "interpreting-commands",
        "num_pending": 4,
        "num_ack_pending": 0,
        "num_redelivered": 0,
        "bound": False,
    }
    answer = {
        "status": "degraded",
        "dead_letters": 2,
        "services": [
            {
                "service": "interpreting",
                "url": "u",
                "ready": False,
                "checks": {},
                "error": "no answer",
                "pending": 4,
                "consumers": [consumer],
            }
        ],
    }

    text = render.health(answer)

    assert "interpreting  NOT READY (no answer)  waiting messages: 4" in text
    assert (
        "INTERPRETING/interpreting-commands: pending 4, unacknowledged 0, redelivered 0, NO LISTENER" in text
    )
    assert text.endswith("dead letters: 2") and render.troubled("health", answer)


def test_an_unreachable_nats_exits_4_at_once_for_dead_letters(capsys):
    assert main(["--url", "nats://127.0.0.1:9", "dead-letters", "list"]) == ExitStatus.UNAVAILABLE == 4
    assert "no servers available" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("http_status", "exit_status"),
    [(401, 3), (403, 3), (404, 5), (400, 6), (409, 6), (422, 6), (500, 4), (503, 4)],
)
def test_an_api_refusal_exits_with_the_documented_status_of_its_kind(http_status, exit_status):
    assert venue_api.status_of(http_status) == exit_status


def test_the_readme_s_exit_status_table_is_the_one_the_clis_use():
    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text()
    section = readme.split("### Exit status of the command-line tools", 1)[1].split("\n#", 1)[0]
    documented = {
        int(row.split("|")[1].strip())
        for row in section.splitlines()
        if row.startswith("| ") and row.split("|")[1].strip().isdigit()
    }
    assert documented == {int(status) for status in ExitStatus}

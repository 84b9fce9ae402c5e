"""Network faults through a TCP proxy: slow links, dropped connections and an unreachable broker or
database, between services and NATS or PostgreSQL, while sagas are in flight.

Afterwards every accepted saga is confirmed, the outboxes are empty and no effect happened twice.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator

import pytest

from deploy.embedded.stack import Stack
from tests.faults.conftest import size
from tests.faults.crash import count
from tests.faults.load import (
    assert_no_duplicate_effects,
    bodies,
    book_all,
    record,
    seconds_since_fault,
    wait_terminal,
)
from tests.faults.proxy import TcpProxy

pytestmark = pytest.mark.e2e


@contextlib.contextmanager
def through(stack: Stack, proxy: TcpProxy, names: list[str], variable: str) -> Iterator[TcpProxy]:
    """Restart services ``names`` with ``variable`` (a URL or DSN) pointing at the proxy instead."""
    target = f"127.0.0.1:{proxy.target[1]}"
    plain = {name: dict(stack.service(name).env or {}) for name in names}
    proxy.start()
    try:
        for name in names:
            service = stack.service(name)
            assert target in plain[name][variable], (name, variable)
            service.stop()
            service.env = {
                **plain[name],
                variable: plain[name][variable].replace(target, f"127.0.0.1:{proxy.port}"),
            }
            service.start()
            service.wait_ready()
        yield proxy
    finally:
        for name in names:
            service = stack.service(name)
            service.stop()
            service.env = plain[name]
            service.start()
            service.wait_ready()
        proxy.stop()


def _outbox_empty(stack: Stack) -> bool:
    return all(
        count(stack, name, "SELECT count(*) FROM outbox") == 0
        for name in ("venue", "interpreting", "catering")
    )


def _wait(condition, timeout: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition never held"
        time.sleep(0.2)


def test_slow_and_dropped_links_to_nats_lose_and_double_nothing(stack: Stack, organizer):
    proxy = TcpProxy("127.0.0.1", stack.nats.port)
    with through(stack, proxy, ["venue", "interpreting"], "WICT_NATS_URL"):
        proxy.delay = 0.02

        def drop_links() -> None:
            proxy.cut()
            proxy.refuse()
            time.sleep(3)  # the broker is unreachable for a while: outboxes and redeliveries wait
            proxy.refuse(False)
            time.sleep(1)
            proxy.cut()  # and the fresh connections drop once more

        accepted = book_all(organizer, bodies(size(200, 40), "NATS link"), drop_links, at=0.3)
        states = wait_terminal(organizer, accepted)
        record("nats-links-dropped", sagas=len(accepted), all_terminal_after_fault_s=seconds_since_fault())
        assert set(states.values()) == {"confirmed"}, set(states.values())
        assert_no_duplicate_effects(stack, states)
        _wait(lambda: _outbox_empty(stack))
        assert proxy.cuts >= 2 and proxy.accepted > 2  # the links really dropped, and the services came back


def test_connections_to_postgresql_dropped_under_load_are_replaced(stack: Stack, organizer):
    proxy = TcpProxy("127.0.0.1", stack.postgres.port)
    with through(stack, proxy, ["interpreting", "catering"], "WICT_DATABASE_URL"):

        def drop_connections() -> None:
            proxy.cut()
            proxy.refuse()
            time.sleep(2)
            proxy.refuse(False)

        accepted = book_all(organizer, bodies(size(200, 40), "PG link"), drop_connections, at=0.3)
        states = wait_terminal(organizer, accepted)
        record(
            "postgres-links-dropped", sagas=len(accepted), all_terminal_after_fault_s=seconds_since_fault()
        )
        assert set(states.values()) == {"confirmed"}, set(states.values())
        assert_no_duplicate_effects(stack, states)
        _wait(lambda: _outbox_empty(stack))
        assert proxy.cuts >= 1

"""The fault, concurrency and abuse suite: the real stack as processes, faults injected from outside.

Sizes: `make test` runs every scenario at a reduced size; `make soak` (WICT_SOAK=1) at the full size the
reliability report quotes. Tests here get a stack of their own (they kill and restart its processes),
never the end-to-end suite's.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import httpx
import pytest

from deploy.embedded.stack import Stack, StackConfig
from tests.e2e.conftest import client_for, new_organizer
from tests.support import stack_folder, stop_discarded

SOAK = os.environ.get("WICT_SOAK", "") not in ("", "0")


def size(full: int, reduced: int) -> int:
    """The scenario's size: full under `make soak`, reduced under `make test`."""
    return full if SOAK else reduced


@pytest.fixture(scope="module")
def stack(request: pytest.FixtureRequest) -> Iterator[Stack]:
    """A whole stack per test module: a module may kill, stop and restart its processes. A module that
    sets ``NATS_NODES = 3`` gets a JetStream cluster instead of one nats-server."""
    folder = stack_folder("faults")
    stack = Stack(StackConfig.ephemeral(folder, nats_nodes=getattr(request.module, "NATS_NODES", 1)))
    try:
        stack.start_infrastructure()
        stack.start_services()
        yield stack
    finally:
        keep = bool(os.environ.get("WICT_KEEP_STACK"))  # keep logs to read after a failure
        if keep:
            stack.stop()
        else:
            stop_discarded(stack)
        if not keep:
            shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def staff(stack: Stack) -> Iterator[httpx.Client]:
    with client_for(stack, stack.credentials["staff"]) as client:
        yield client


@pytest.fixture(scope="module")
def organizer(stack: Stack, staff: httpx.Client) -> Iterator[httpx.Client]:
    with new_organizer(stack, staff) as client:
        yield client

"""`python -m deploy.provision`: create or update the JetStream streams and durable consumers.

The container image's provisioning Job (deploy/k8s/provision-job.yaml, deploy/compose/compose.yaml) runs
this with ``WICT_NATS_URL`` set to the admin's URLs. It needs only the runtime dependencies
(requirements-runtime.lock), unlike ``python -m deploy.embedded provision``, which also finds the embedded
stack's admin login on this machine and so imports the embedded servers' packages.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys

from clients.exit_status import ExitStatus
from shared.logs import JsonFormatter
from shared.messaging.streams import provision


def main() -> int:
    """Provision the streams and consumers at ``WICT_NATS_URL``; the exit status of clients/exit_status.py."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter("provision"))  # the services' format: one JSON object per line
    logging.basicConfig(level=logging.INFO, handlers=[handler], force=True)
    url = os.environ.get("WICT_NATS_URL", "")
    if not url:
        print("WICT_NATS_URL is required: the NATS URLs with the admin's credentials", file=sys.stderr)
        return ExitStatus.USAGE
    asyncio.run(provision(url))
    return ExitStatus.OK


if __name__ == "__main__":
    sys.exit(main())

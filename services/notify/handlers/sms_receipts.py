"""The SMS provider's delivery receipts: pulled (each is handed out once) and written to the deliveries."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime

from services.notify.adapters import sms_records
from services.notify.adapters.tencent_sms import Receipt
from shared.db.unit_of_work import Database

log = logging.getLogger(__name__)

PULL_LIMIT = 100  # the provider's most per request

PullReceipts = Callable[[int], Awaitable[Sequence[Receipt]]]


async def record_receipts(database: Database, pull: PullReceipts) -> int:
    """Pull one batch of receipts and record them; how many the provider handed out (a full batch means
    more may wait). A receipt pulled but not recorded (a crash in between) is lost: the delivery stays
    ``sent``, which is what it is without a receipt."""
    receipts = await pull(PULL_LIMIT)
    if not receipts:
        return 0
    rows = [(r.delivery_id, r.delivered, datetime.fromtimestamp(r.received_at, UTC)) for r in receipts]
    async with database.connection() as connection:
        ours = await sms_records.record_receipts(connection, rows)
    failed = sum(1 for r in receipts if not r.delivered)
    log.info(
        "sms receipts recorded", extra={"fields": {"pulled": len(receipts), "ours": ours, "failed": failed}}
    )
    return len(receipts)

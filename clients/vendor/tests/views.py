"""Task views as the platform lists them, for the client's tests."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from shared.contracts.tasks import TaskState, VendorTaskAssigned, VendorTaskView

VENDOR_ID = "caterer-jiangbei-banquet"
STARTS = datetime(2027, 3, 2, 6, 0, tzinfo=UTC)  # 14:00 at the venue


def view(
    state: TaskState = "awaiting_answer",
    booking_id: uuid.UUID | None = None,
    vendor_id: str = VENDOR_ID,
    summary: str = "Western-style buffet for 250 guests, lunch 2027-03-02 12:00 (Asia/Shanghai), multifunctional-hall",
) -> VendorTaskView:
    booking_id = booking_id or uuid.uuid4()
    task_id = f"catering-{booking_id}-{vendor_id}"
    work = VendorTaskAssigned(
        booking_id=booking_id,
        task_id=task_id,
        kind="catering",
        vendor_id=vendor_id,
        space_id="multifunctional-hall",
        starts_at=STARTS,
        ends_at=STARTS + timedelta(hours=4),
        load_in_at=STARTS - timedelta(hours=1),
        load_out_at=STARTS + timedelta(hours=5),
        summary=summary,
        details={"menu": "western-buffet", "headcount": 250, "dishes": ["Caesar salad", "Roast beef"]},
    )
    return VendorTaskView(
        task_id=task_id,
        booking_id=booking_id,
        kind="catering",
        vendor_id=vendor_id,
        state=state,
        answer_due=STARTS - timedelta(days=2) if state in ("awaiting_answer",) else None,
        in_reply_to=work.message_id,
        work=None if state == "cancelled" else work,
    )

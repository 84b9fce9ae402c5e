from enum import StrEnum

class ListVendorTasksStateType1(StrEnum):
    ACCEPTED = "accepted"
    AWAITING_ANSWER = "awaiting_answer"
    CANCELLED = "cancelled"
    DECLINED = "declined"
    DONE = "done"
    ESCALATED = "escalated"
    EXPIRED = "expired"

    def __str__(self) -> str:
        return str(self.value)

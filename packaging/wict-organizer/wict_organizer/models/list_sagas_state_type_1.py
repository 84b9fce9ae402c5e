from enum import StrEnum

class ListSagasStateType1(StrEnum):
    APPLIED = "applied"
    CANCELLED = "cancelled"
    COMPENSATING = "compensating"
    CONFIRMED = "confirmed"
    EXPIRED = "expired"
    OPTION = "option"
    REJECTED = "rejected"
    RUNNING = "running"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum

class OccurrenceCancelledStatus(StrEnum):
    CANCELLED = "cancelled"
    NOT_CANCELLED = "not_cancelled"

    def __str__(self) -> str:
        return str(self.value)

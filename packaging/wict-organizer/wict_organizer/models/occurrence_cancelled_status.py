from enum import StrEnum

class OccurrenceCancelledStatus(StrEnum):
    CANCELLED = "cancelled"
    NOT_CANCELLED = "not_cancelled"
    TO_BE_CANCELLED = "to_be_cancelled"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum

class ListSagasKindType1(StrEnum):
    BOOKING = "booking"
    CHANGE = "change"

    def __str__(self) -> str:
        return str(self.value)

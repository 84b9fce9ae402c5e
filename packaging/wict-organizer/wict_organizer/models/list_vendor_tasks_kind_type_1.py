from enum import StrEnum

class ListVendorTasksKindType1(StrEnum):
    CATERING = "catering"
    INTERPRETING = "interpreting"

    def __str__(self) -> str:
        return str(self.value)

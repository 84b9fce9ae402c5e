from enum import StrEnum

class ListVendorTasksKindType3Type1(StrEnum):
    CATERING = "catering"
    INTERPRETING = "interpreting"

    def __str__(self) -> str:
        return str(self.value)

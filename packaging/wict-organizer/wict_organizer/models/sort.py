from enum import StrEnum

class Sort(StrEnum):
    CREATED_AT = "created_at"
    STARTS_AT = "starts_at"
    VALUE_1 = "-starts_at"
    VALUE_3 = "-created_at"

    def __str__(self) -> str:
        return str(self.value)

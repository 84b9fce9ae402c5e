from enum import StrEnum

class LetterStatus(StrEnum):
    ISSUED = "issued"
    REFUSED = "refused"
    REQUESTED = "requested"
    REVOKED = "revoked"

    def __str__(self) -> str:
        return str(self.value)

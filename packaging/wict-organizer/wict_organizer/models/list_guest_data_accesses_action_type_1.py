from enum import StrEnum

class ListGuestDataAccessesActionType1(StrEnum):
    PURGED = "purged"
    READ = "read"
    REPLACED = "replaced"
    REVEALED = "revealed"

    def __str__(self) -> str:
        return str(self.value)

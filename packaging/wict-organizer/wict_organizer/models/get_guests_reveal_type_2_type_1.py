from enum import StrEnum

class GetGuestsRevealType2Type1(StrEnum):
    PASSPORT = "passport"

    def __str__(self) -> str:
        return str(self.value)

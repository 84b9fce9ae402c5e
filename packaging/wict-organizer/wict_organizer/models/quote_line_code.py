from enum import StrEnum

class QuoteLineCode(StrEnum):
    CATERING = "catering"
    INTERPRETERS = "interpreters"
    INTERPRETING_BOOTHS = "interpreting-booths"
    NETWORK_LINES = "network-lines"
    SPACE_FULL_DAY = "space-full-day"
    SPACE_HALF_DAY = "space-half-day"

    def __str__(self) -> str:
        return str(self.value)

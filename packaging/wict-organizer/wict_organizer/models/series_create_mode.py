from enum import StrEnum

class SeriesCreateMode(StrEnum):
    ALL_OR_NOTHING = "all_or_nothing"
    SKIP_CONFLICTS = "skip_conflicts"

    def __str__(self) -> str:
        return str(self.value)

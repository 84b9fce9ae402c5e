from enum import StrEnum

class PlanningTaskUpdateStatusType3Type1(StrEnum):
    DONE = "done"
    IN_PROGRESS = "in_progress"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)

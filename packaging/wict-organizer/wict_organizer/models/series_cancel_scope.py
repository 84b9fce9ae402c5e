from enum import StrEnum

class SeriesCancelScope(StrEnum):
    ALL = "all"
    ONE = "one"
    THIS_AND_FOLLOWING = "this_and_following"

    def __str__(self) -> str:
        return str(self.value)

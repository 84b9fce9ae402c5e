"""The use cases of interpreting: the saga's commands (``reservations``), the agencies' side and answers
(``agencies``)."""

from services.interpreting.handlers.agencies import answer
from services.interpreting.handlers.reservations import confirm, release, reserve

__all__ = ["answer", "confirm", "release", "reserve"]

"""The use cases of interpreting: the saga's commands (``reservations``), the agencies' side and answers
(``agencies``)."""

from services.interpreting.handlers.agencies import Agencies
from services.interpreting.handlers.reservations import confirm, release, reserve

__all__ = ["Agencies", "confirm", "release", "reserve"]

"""The use cases of catering: the saga's commands (``orders``), the caterers' side and answers
(``caterers``), the banquet event order (``beo``)."""

from services.catering.domain.orders import ALREADY_RELEASED
from services.catering.handlers.caterers import Caterers
from services.catering.handlers.orders import confirm, release, reserve

__all__ = ["ALREADY_RELEASED", "Caterers", "confirm", "release", "reserve"]

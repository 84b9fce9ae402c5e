"""Types every context of the venue API uses: text, e-mail, locale and language codes, time windows."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import msgspec
from msgspec import Meta

Email = Annotated[
    str, Meta(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$", max_length=254, description="e-mail address")
]
Locale = Annotated[
    str, Meta(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", description="BCP 47, e.g. en or zh-CN")
]
Language = Annotated[str, Meta(pattern=r"^[a-z]{2}$", description="ISO 639-1 code, e.g. en, zh, ar")]
Text = Annotated[str, Meta(min_length=1, max_length=200)]
CountryCode = Annotated[str, Meta(min_length=2, max_length=2, description="ISO 3166-1 alpha-2, e.g. AU, MY")]
Name = Annotated[str, Meta(min_length=1, max_length=200)]
LongText = Annotated[str, Meta(min_length=1, max_length=2000)]


class Window(msgspec.Struct, frozen=True, kw_only=True):
    starts_at: datetime
    ends_at: datetime

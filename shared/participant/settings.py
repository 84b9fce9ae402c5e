"""Settings of the services that hand out vendor tasks (interpreting, catering); see README "Configuration"."""

from __future__ import annotations

from shared.config import ServiceConfig
from shared.participant.domain.task_states import AnswerWindow


class VendorTaskConfig(ServiceConfig, frozen=True, kw_only=True):
    vendor_answer_seconds: float = 86400.0  # a vendor answers within a day of being assigned or changed...
    vendor_answer_margin_seconds: float = 86400.0  # ...and at the latest this long before load-in
    vendor_sweep_seconds: float = 2.0  # how often missed answer deadlines are looked for

    @property
    def answer_window(self) -> AnswerWindow:
        return AnswerWindow(self.vendor_answer_seconds, self.vendor_answer_margin_seconds)

"""How long each kind of credential lives, and where the links in e-mails point. Pure."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from urllib.parse import urlencode

from services.venue.domain.credentials import Purpose
from services.venue.domain.throttle import MailBudget

# the pages of the web application (services/web) that receive each link
LINK_PAGES = {
    Purpose.VERIFY: "/sign-up/verify",
    Purpose.SIGN_IN: "/sign-in/link/verify",
    Purpose.RESET: "/password-reset/confirm",
}
SIGN_IN_PAGE = "/sign-in"
RESET_PAGE = "/password-reset"


@dataclass(frozen=True)
class AccountSettings:
    web_url: str = "http://127.0.0.1:8004"
    verify_link_lifetime: timedelta = timedelta(hours=24)
    sign_in_link_lifetime: timedelta = timedelta(minutes=15)
    reset_link_lifetime: timedelta = timedelta(hours=1)
    refresh_lifetime: timedelta = timedelta(days=30)
    # expired links and sessions stay this long, so a late click is told "expired", not "unknown"
    keep_expired: timedelta = timedelta(days=7)
    mail_budget: MailBudget = field(default_factory=MailBudget)

    def lifetime(self, purpose: Purpose) -> timedelta:
        return {
            Purpose.VERIFY: self.verify_link_lifetime,
            Purpose.SIGN_IN: self.sign_in_link_lifetime,
            Purpose.RESET: self.reset_link_lifetime,
        }[purpose]

    def link(self, purpose: Purpose, secret: str) -> str:
        return f"{self.web_url.rstrip('/')}{LINK_PAGES[purpose]}?{urlencode({'token': secret})}"

    def page(self, path: str) -> str:
        return f"{self.web_url.rstrip('/')}{path}"

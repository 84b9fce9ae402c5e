"""SMS through Tencent Cloud SMS (API 3.0, 2021-01-11): ``SendSms`` and ``PullSmsSendStatus``, TC3-signed.

Messages in China go out only through templates the provider approved: one per purpose (``urgent_notice``
for urgent broadcasts, ``notice`` for everything else) and locale, their ids in config. Parameter 1 is the
headline (cut at the template's parameter limit), parameter 2 a link to the notice in the feed.
``SessionContext`` carries the delivery id, which the provider echoes in its receipts.

The provider's error codes decide what a failure is (docs/guests.md): a wrong or blocked number is
refused for good; rate limits, the provider's internal errors and a refusal of our account's
configuration (signature, template, sign name, app id) are retried later, the last logged for ops.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import httpx

from services.notify.adapters.outbound import Delivery, SendFailed
from services.notify.domain import tc3
from services.notify.domain.locales import DEFAULT_LOCALE

log = logging.getLogger(__name__)

VERSION = "2021-01-11"
URGENT_EVENTS = frozenset({"urgent_broadcast", "urgent_notice_guest"})
PERMANENT = frozenset(
    {
        "InvalidParameterValue.IncorrectPhoneNumber",
        "FailedOperation.PhoneNumberInBlacklist",
        "InvalidParameterValue.ContentLengthLimit",
        "FailedOperation.ContainSensitiveWord",
    }
)
ACCOUNT_FAULTS = ("AuthFailure.", "FailedOperation.TemplateIncorrectOrUnapproved",
                  "FailedOperation.SignatureIncorrectOrUnapproved", "InvalidParameterValue.SdkAppIdNotExist",
                  "UnauthorizedOperation.")  # fmt: skip


@dataclass(frozen=True)
class TencentSmsSettings:
    secret_id: str
    secret_key: str
    app_id: str
    sign_name: str
    templates: Mapping[str, Mapping[str, str]]  # purpose -> locale -> template id
    endpoint: str = "https://sms.tencentcloudapi.com/"
    region: str = "ap-guangzhou"
    headline_limit: int = 20  # characters a template parameter may carry
    link_base: str = "https://wict.example/n/"  # + the notice's id: parameter 2
    timeout: float = 10.0
    clock: Callable[[], float] = field(default=time.time, compare=False)


@dataclass(frozen=True)
class Receipt:
    delivery_id: uuid.UUID
    delivered: bool
    serial_no: str
    received_at: int


class ProviderRefused(Exception):
    """The whole request was refused (``Response.Error``): the code, never the request's content."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}"[:300])
        self.code = code


def failure_for(code: str, message: str) -> SendFailed:
    """What the dispatcher does with a refusal: give up (a wrong or blocked number), else retry."""
    failure = SendFailed(f"{code}: {message}"[:500], permanent=code in PERMANENT)
    failure.__cause__ = ProviderRefused(code, message)
    if code.startswith(ACCOUNT_FAULTS):
        log.error("sms provider refuses the account's configuration", extra={"fields": {"code": code}})
    return failure


class TencentSms:
    """One HTTP client per dispatcher session; ``send`` answers the provider's serial number."""

    def __init__(
        self, settings: TencentSmsSettings, transport: httpx.AsyncBaseTransport | None = None
    ) -> None:
        self.settings = settings
        self._client = httpx.AsyncClient(timeout=settings.timeout, transport=transport)
        self._host = urlsplit(settings.endpoint).netloc

    async def aclose(self) -> None:
        await self._client.aclose()

    def template_for(self, event: str, locale: str) -> str:
        by_locale = self.settings.templates["urgent_notice" if event in URGENT_EVENTS else "notice"]
        return by_locale.get(locale) or by_locale[DEFAULT_LOCALE]

    async def call(self, action: str, parameters: Mapping[str, Any]) -> dict[str, Any]:
        """POST one signed action; its ``Response`` object, or ``ProviderRefused``."""
        body = json.dumps(parameters, ensure_ascii=False, separators=(",", ":")).encode()
        timestamp = int(self.settings.clock())
        headers = {"Content-Type": "application/json", "Host": self._host, "X-TC-Action": action}
        signed = tc3.sign(self.settings.secret_id, self.settings.secret_key, "sms", timestamp, headers, body)
        headers |= {
            "Authorization": signed.authorization,
            "X-TC-Timestamp": str(timestamp),
            "X-TC-Version": VERSION,
            "X-TC-Region": self.settings.region,
        }
        answer = await self._client.post(self.settings.endpoint, content=body, headers=headers)
        answer.raise_for_status()
        response: dict[str, Any] = answer.json()["Response"]
        if "Error" in response:
            raise ProviderRefused(response["Error"]["Code"], response["Error"].get("Message", ""))
        return response

    def headline(self, delivery: Delivery) -> str:
        """Parameter 1: the staff's headline in the reader's language for a notice, else the subject."""
        notices = delivery.data.get("notices") if isinstance(delivery.data, dict) else None
        if isinstance(notices, dict) and notices:
            chosen = (
                notices.get(delivery.locale) or notices.get(DEFAULT_LOCALE) or next(iter(notices.values()))
            )
            return str(chosen["headline"])[: self.settings.headline_limit]
        return (delivery.subject or delivery.sms)[: self.settings.headline_limit]

    async def send(self, delivery: Delivery) -> str:
        """Send one delivery's text message; its serial number, or ``SendFailed``."""
        headline = self.headline(delivery)
        parameters = {
            "PhoneNumberSet": [delivery.address],
            "SmsSdkAppId": self.settings.app_id,
            "SignName": self.settings.sign_name,
            "TemplateId": self.template_for(delivery.event, delivery.locale),
            "TemplateParamSet": [headline, f"{self.settings.link_base}{delivery.message_id}"],
            "SessionContext": str(delivery.id),
        }
        try:
            response = await self.call("SendSms", parameters)
        except ProviderRefused as refused:
            raise failure_for(refused.code, str(refused)) from refused
        status = response["SendStatusSet"][0]
        if status["Code"] != "Ok":
            raise failure_for(status["Code"], status.get("Message", ""))
        return str(status["SerialNo"])

    async def pull_receipts(self, limit: int = 100) -> list[Receipt]:
        """The delivery receipts the provider has not handed out yet (each is handed out once)."""
        response = await self.call("PullSmsSendStatus", {"SmsSdkAppId": self.settings.app_id, "Limit": limit})
        receipts = []
        for status in response.get("PullSmsSendStatusSet") or []:
            try:
                delivery_id = uuid.UUID(status.get("SessionContext", ""))
            except ValueError:
                continue  # not one of ours (another sender on the same app)
            receipts.append(
                Receipt(
                    delivery_id,
                    status.get("ReportStatus") == "SUCCESS",
                    str(status.get("SerialNo", "")),
                    int(status.get("UserReceiveTime", 0)),
                )
            )
        return receipts

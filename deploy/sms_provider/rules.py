"""What Tencent Cloud SMS (API 3.0, version 2021-01-11) checks before it sends, as pure functions.

The local checking server (``server.py``, run by ``deploy/embedded/tencent_sms.py``) applies them to every request, so the
adapter is tested against the provider's published rules, not against itself: the TC3-HMAC-SHA256
signature recomputed from the request as received, the 5-minute timestamp window, the action, version
and region headers, the known SdkAppId, sign name and template ids, E.164 numbers and the number of
template parameters. Refusals carry the provider's error codes and messages (its "Error Codes" page).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from services.notify.domain import tc3

VERSION = "2021-01-11"
ACTIONS = ("SendSms", "PullSmsSendStatus")
REGIONS = ("ap-guangzhou", "ap-beijing", "ap-nanjing", "ap-singapore")
TIMESTAMP_WINDOW = 300  # seconds either side of the server's clock
BLOCKED_ENDING = "9999"  # such numbers are on the do-not-disturb list (to test a permanent refusal)
FAILING_ENDING = "0000"  # such numbers are accepted, and their receipt says FAIL (to test receipts)
E164 = re.compile(r"^\+[1-9]\d{6,14}$")
_CREDENTIAL = re.compile(
    r"^TC3-HMAC-SHA256 Credential=(?P<id>[^/]+)/(?P<date>\d{4}-\d{2}-\d{2})/(?P<service>[a-z]+)/tc3_request,"
    r" SignedHeaders=(?P<signed>[a-z0-9;-]+), Signature=(?P<signature>[0-9a-f]{64})$"
)


@dataclass(frozen=True)
class LocalAccount:
    """The one account the checking server knows (the stack gives notify the same values)."""

    secret_id: str = "AKIDwictLocalCheckingServer00000"
    secret_key: str = "wict-local-tencent-sms-secret-key"
    app_id: str = "1400000001"
    sign_name: str = "WICT"
    # template id -> how many parameters it has; see services/notify/adapters/tencent_sms.py
    templates: Mapping[str, int] = field(
        default_factory=lambda: (
            {str(2400001 + i): 2 for i in range(10)} | {str(2400101 + i): 2 for i in range(10)}
        )
    )
    daily_limit: int = 10  # messages per number and day (the provider's default frequency rule)


class Refused(Exception):
    """The whole request is refused: ``{"Response": {"Error": {"Code", "Message"}, "RequestId"}}``."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(code)
        self.code, self.message = code, message


def check_request(
    account: LocalAccount, headers: Mapping[str, str], body: bytes, now: int
) -> tuple[str, dict[str, object]]:
    """The action and the JSON parameters of a request that passes the common checks; else ``Refused``."""
    lowered = {name.lower(): value for name, value in headers.items()}
    action = lowered.get("x-tc-action", "")
    if action not in ACTIONS:
        raise Refused("InvalidAction", f"The action `{action}` does not exist.")
    if lowered.get("x-tc-version") != VERSION:
        raise Refused(
            "NoSuchVersion", f"The version `{lowered.get('x-tc-version')}` of the action does not exist."
        )
    if lowered.get("x-tc-region") not in REGIONS:
        raise Refused("UnsupportedRegion", "The region is not supported by this action.")
    _check_signature(account, lowered, body, now)
    try:
        parameters = json.loads(body)
    except ValueError as error:
        raise Refused("InvalidParameter", "The request body is not valid JSON.") from error
    if not isinstance(parameters, dict):
        raise Refused("InvalidParameter", "The request body must be a JSON object.")
    if parameters.get("SmsSdkAppId") != account.app_id:
        raise Refused("InvalidParameterValue.SdkAppIdNotExist", "SdkAppId does not exist.")
    return action, parameters


def _check_signature(account: LocalAccount, headers: Mapping[str, str], body: bytes, now: int) -> None:
    matched = _CREDENTIAL.match(headers.get("authorization", ""))
    if matched is None:
        raise Refused("AuthFailure.InvalidAuthorization", "Authorization in the request header is invalid.")
    if matched["id"] != account.secret_id:
        raise Refused("AuthFailure.SecretIdNotFound", "The SecretId is not found.")
    try:
        timestamp = int(headers.get("x-tc-timestamp", ""))
    except ValueError as error:
        raise Refused("MissingParameter", "The request is missing X-TC-Timestamp.") from error
    if abs(now - timestamp) > TIMESTAMP_WINDOW:
        raise Refused(
            "AuthFailure.SignatureExpire",
            f"Signature expired. Timestamp time: {timestamp}, server time: {now}.",
        )
    signed = matched["signed"].split(";")
    if matched["service"] != "sms" or matched["date"] != tc3.utc_date(timestamp) or "host" not in signed:
        raise Refused("AuthFailure.SignatureFailure", _SIGNATURE_FAILURE)
    if any(name not in headers for name in signed):
        raise Refused("AuthFailure.SignatureFailure", _SIGNATURE_FAILURE)
    canonical = tc3.canonical_request("POST", "/", "", headers, signed, body)
    if tc3.signature(account.secret_key, "sms", timestamp, canonical) != matched["signature"]:
        raise Refused("AuthFailure.SignatureFailure", _SIGNATURE_FAILURE)


_SIGNATURE_FAILURE = (
    "The provided credentials could not be validated. Please check your signature is correct."
)


def number_status(
    account: LocalAccount, parameters: Mapping[str, object], number: str, sent_today: int
) -> tuple[str, str]:
    """The ``Code`` and ``Message`` the provider puts in one number's ``SendStatus``."""
    template = str(parameters.get("TemplateId", ""))
    values = parameters.get("TemplateParamSet") or []
    if not E164.match(number):
        return "InvalidParameterValue.IncorrectPhoneNumber", "the phone number format is incorrect"
    if number.endswith(BLOCKED_ENDING):
        return "FailedOperation.PhoneNumberInBlacklist", "the phone number is in the do-not-disturb list"
    if parameters.get("SignName") != account.sign_name:
        return (
            "FailedOperation.SignatureIncorrectOrUnapproved",
            "signature is not approved or format is incorrect",
        )
    if (
        template not in account.templates
        or not isinstance(values, list)
        or len(values) != account.templates[template]
        or not all(isinstance(value, str) for value in values)
    ):
        return (
            "FailedOperation.TemplateIncorrectOrUnapproved",
            "template is not approved or request content does not match the approved template content",
        )
    if sent_today >= account.daily_limit:
        return (
            "LimitExceeded.PhoneNumberDailyLimit",
            "the number of SMS messages sent to this number today exceeds the limit",
        )
    return "Ok", "send success"

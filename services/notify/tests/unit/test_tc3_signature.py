"""TC3-HMAC-SHA256, the Tencent Cloud API 3.0 signature the SMS adapter sends: it agrees with the provider's
own Python SDK on the same request, and any change to the body, time, key or signed headers changes it."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest
from tencentcloud.common.abstract_client import AbstractClient

from services.notify.domain.tc3 import canonical_request, sign, signature, utc_date

pytestmark = pytest.mark.unit

SECRET_ID, SECRET_KEY = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE", "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE"
TIMESTAMP = 1_551_113_065  # 2019-02-25 16:44:25 UTC
BODY = json.dumps(
    {
        "PhoneNumberSet": ["+84912345678"],
        "SmsSdkAppId": "1400006666",
        "SignName": "WICT",
        "TemplateId": "1110",
        "TemplateParamSet": ["场馆东门临时关闭", "https://venue.example/n/7KQ2"],
        "SessionContext": "3f1c2a9e-delivery",
    }
)
HEADERS = {
    "Content-Type": "application/json",
    "Host": "sms.tencentcloudapi.com",
    "X-TC-Action": "SendSms",
    "X-TC-Timestamp": str(TIMESTAMP),
    "X-TC-Version": "2021-01-11",
}


def sdk_signature() -> str:
    """The SDK's own computation (content-type and host signed, as the SDK does)."""
    request = SimpleNamespace(method="POST", uri="/", data=BODY, header=HEADERS)
    return AbstractClient._get_tc3_signature(None, {}, request, utc_date(TIMESTAMP), "sms", SECRET_KEY)  # type: ignore[arg-type]


def test_our_signature_is_the_sdks_on_the_same_request():
    canonical = canonical_request("POST", "/", "", HEADERS, ("content-type", "host"), BODY.encode())
    assert signature(SECRET_KEY, "sms", TIMESTAMP, canonical) == sdk_signature()
    signed = sign(SECRET_ID, SECRET_KEY, "sms", TIMESTAMP, HEADERS, BODY.encode(), ("content-type", "host"))
    assert signed.signature == sdk_signature()
    assert signed.authorization == (
        f"TC3-HMAC-SHA256 Credential={SECRET_ID}/2019-02-25/sms/tc3_request, SignedHeaders=content-type;host,"
        f" Signature={sdk_signature()}"
    )


def test_the_action_is_signed_in_lower_case_and_the_scope_names_the_utc_day():
    canonical = canonical_request("POST", "/", "", HEADERS, ("content-type", "host", "x-tc-action"), b"{}")
    assert canonical.splitlines()[3:7] == [
        "content-type:application/json",
        "host:sms.tencentcloudapi.com",
        "x-tc-action:sendsms",
        "",
    ]
    assert utc_date(1_551_139_199) == "2019-02-25" and utc_date(1_551_139_200) == "2019-02-26"


def test_any_change_to_body_time_key_or_headers_changes_the_signature():
    reference = sign(SECRET_ID, SECRET_KEY, "sms", TIMESTAMP, HEADERS, BODY.encode()).signature
    variants = [
        sign(SECRET_ID, SECRET_KEY, "sms", TIMESTAMP, HEADERS, BODY.replace("+849", "+848").encode()),
        sign(SECRET_ID, SECRET_KEY, "sms", TIMESTAMP + 1, HEADERS, BODY.encode()),
        sign(SECRET_ID, SECRET_KEY + "x", "sms", TIMESTAMP, HEADERS, BODY.encode()),
        sign(
            SECRET_ID,
            SECRET_KEY,
            "sms",
            TIMESTAMP,
            {**HEADERS, "X-TC-Action": "PullSmsSendStatus"},
            BODY.encode(),
        ),
        sign(
            SECRET_ID,
            SECRET_KEY,
            "sms",
            TIMESTAMP,
            {**HEADERS, "Host": "sms.intl.tencentcloudapi.com"},
            BODY.encode(),
        ),
    ]
    assert len({reference, *(variant.signature for variant in variants)}) == 6

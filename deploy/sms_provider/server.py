"""The local Tencent Cloud SMS endpoint: ``python -m deploy.sms_provider.server --port P --data-dir D``.

It answers ``SendSms`` and ``PullSmsSendStatus`` (API 3.0, 2021-01-11) with the provider's JSON shapes,
after the checks of ``rules.py``; accepted messages are appended to ``<data_dir>/messages.jsonl`` (for
tests) and queued for the receipts: a number ending in ``0000`` is reported ``FAIL``, every other one
``SUCCESS``; a number ending in ``9999`` is on the do-not-disturb list. Nothing is sent anywhere.
"""

from __future__ import annotations

import argparse
import json
import secrets
import threading
import time
import uuid
from collections import Counter, deque
from collections.abc import Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from deploy.sms_provider.rules import FAILING_ENDING, LocalAccount, Refused, check_request, number_status

MAX_NUMBERS = 200  # per SendSms request
MAX_PULL = 100  # per PullSmsSendStatus request


class Provider:
    """The provider's state: what was accepted (a JSON-lines file) and the receipts not pulled yet."""

    def __init__(self, account: LocalAccount, data_dir: Path) -> None:
        self.account, self.messages_path = account, data_dir / "messages.jsonl"
        self._lock = threading.Lock()
        self._receipts: deque[dict[str, Any]] = deque()
        self._sent_today: Counter[tuple[str, str]] = Counter()

    def answer(self, headers: Mapping[str, str], body: bytes) -> dict[str, Any]:
        request_id = str(uuid.uuid4())
        try:
            action, parameters = check_request(self.account, headers, body, int(time.time()))
            with self._lock:
                result = self._send(parameters) if action == "SendSms" else self._pull(parameters)
        except Refused as refused:
            result = {"Error": {"Code": refused.code, "Message": refused.message}}
        return {"Response": {**result, "RequestId": request_id}}

    def _send(self, parameters: Mapping[str, Any]) -> dict[str, Any]:
        numbers = parameters.get("PhoneNumberSet")
        if not isinstance(numbers, list) or not numbers:
            raise Refused("MissingParameter", "The request is missing a required parameter `PhoneNumberSet`.")
        if len(numbers) > MAX_NUMBERS:
            raise Refused("LimitExceeded.PhoneNumberCountLimit", "too many phone numbers in one request")
        context = str(parameters.get("SessionContext", ""))
        if len(context.encode()) >= 512:
            raise Refused("InvalidParameterValue", "SessionContext must be shorter than 512 bytes.")
        return {"SendStatusSet": [self._send_one(parameters, str(number), context) for number in numbers]}

    def _send_one(self, parameters: Mapping[str, Any], number: str, context: str) -> dict[str, Any]:
        today = time.strftime("%Y-%m-%d", time.gmtime())
        code, message = number_status(self.account, parameters, number, self._sent_today[(number, today)])
        serial = f"5000:{secrets.randbelow(10**30):030d}" if code == "Ok" else ""
        if code == "Ok":
            self._sent_today[(number, today)] += 1
            self._record(parameters, number, serial, context)
        iso = "CN" if number.startswith("+86") else ""
        return {
            "SerialNo": serial,
            "PhoneNumber": number,
            "Fee": 1 if code == "Ok" else 0,
            "SessionContext": context,
            "Code": code,
            "Message": message,
            "IsoCode": iso,
        }

    def _record(self, parameters: Mapping[str, Any], number: str, serial: str, context: str) -> None:
        accepted = {
            "serial_no": serial,
            "phone": number,
            "template_id": str(parameters["TemplateId"]),
            "params": list(parameters.get("TemplateParamSet") or []),
            "sign_name": parameters.get("SignName"),
            "session_context": context,
            "received_at": time.time(),
        }
        with self.messages_path.open("a", encoding="utf-8") as file:
            file.write(json.dumps(accepted, ensure_ascii=False) + "\n")
        country, subscriber = ("86", number[3:]) if number.startswith("+86") else ("", number[1:])
        failed = number.endswith(FAILING_ENDING)
        self._receipts.append(
            {
                "UserReceiveTime": int(time.time()),
                "CountryCode": country,
                "SubscriberNumber": subscriber,
                "PhoneNumber": number,
                "SerialNo": serial,
                "ReportStatus": "FAIL" if failed else "SUCCESS",
                "Description": "UNDELIV" if failed else "DELIVRD",
                "SessionContext": context,
            }
        )

    def _pull(self, parameters: Mapping[str, Any]) -> dict[str, Any]:
        limit = parameters.get("Limit")
        if not isinstance(limit, int) or not 1 <= limit <= MAX_PULL:
            raise Refused("InvalidParameterValue", "Limit must be an integer from 1 to 100.")
        pulled = [self._receipts.popleft() for _ in range(min(limit, len(self._receipts)))]
        return {"PullSmsSendStatusSet": pulled}


def _handler(provider: Provider) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            if self.path != "/":
                answer: dict[str, Any] = {"Response": {"Error": {"Code": "InvalidAction"}, "RequestId": ""}}
            else:
                answer = provider.answer(dict(self.headers.items()), body)
            encoded = json.dumps(answer, ensure_ascii=False).encode()
            self.send_response(200)  # the provider answers 200 for its own errors too
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(encoded)))
            self.end_headers()
            self.wfile.write(encoded)

        def log_message(self, format: str, *args: Any) -> None:
            return  # request lines would carry nothing useful; bodies carry phone numbers

    return Handler


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--data-dir", type=Path, required=True)
    arguments = parser.parse_args(argv)
    arguments.data_dir.mkdir(parents=True, exist_ok=True)
    server = ThreadingHTTPServer(
        ("127.0.0.1", arguments.port), _handler(Provider(LocalAccount(), arguments.data_dir))
    )
    server.serve_forever()


if __name__ == "__main__":
    main()

"""Choosing the SMS provider from the environment: tencent needs its keys and a template per purpose."""

from __future__ import annotations

import json

import pytest

from services.notify.bootstrap import NotifyConfig, tencent_sms_from
from services.notify.domain.guest_catalog import GUEST_LOCALES
from shared.config import load

pytestmark = pytest.mark.unit

KEYS = {"WICT_TENCENT_SMS_SECRET_ID": "AKIDexample", "WICT_TENCENT_SMS_SECRET_KEY": "secret"}


def test_the_default_templates_cover_every_guest_locale_for_both_purposes() -> None:
    provider = tencent_sms_from(
        load(NotifyConfig, {**KEYS, "WICT_TENCENT_SMS_ENDPOINT": "http://127.0.0.1:9/"})
    )

    templates = provider.settings.templates
    assert set(templates) == {"urgent_notice", "notice"}
    assert all(set(templates[purpose]) == set(GUEST_LOCALES) for purpose in templates)
    assert provider.template_for("urgent_broadcast", "lo") == templates["urgent_notice"]["lo"]
    assert provider.template_for("booking_confirmed", "de") == templates["notice"]["en"]  # no template: en


def test_tencent_without_its_keys_or_an_en_template_does_not_start() -> None:
    with pytest.raises(ValueError, match="WICT_TENCENT_SMS_SECRET_ID"):
        tencent_sms_from(load(NotifyConfig, {}))
    only_zh = json.dumps({"urgent_notice": {"zh-CN": "1"}, "notice": {"en": "2"}})
    with pytest.raises(ValueError, match="urgent_notice needs at least an en template id"):
        tencent_sms_from(load(NotifyConfig, {**KEYS, "WICT_TENCENT_SMS_TEMPLATES": only_zh}))

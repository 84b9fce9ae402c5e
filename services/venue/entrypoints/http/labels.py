"""Column and sheet titles of exported tables, in the caller's language (zh-CN or English).

JSON keeps the field names; a CSV or workbook is read by people, so its header row is in their words.
"""

from __future__ import annotations

from collections.abc import Sequence

LABELS: dict[str, tuple[str, str]] = {  # name: (English, 简体中文)
    "booking_id": ("Booking", "预订编号"),
    "title": ("Title", "活动名称"),
    "status": ("Status", "状态"),
    "space_id": ("Space", "场地"),
    "layout": ("Layout", "布局"),
    "starts_at": ("Starts", "开始时间"),
    "ends_at": ("Ends", "结束时间"),
    "attendees": ("Attendees", "人数"),
    "organizer_id": ("Organizer account", "主办方账号"),
    "organizer_name": ("Organizer", "主办方"),
    "series_id": ("Series", "系列"),
    "approval_pending": ("Awaiting approval", "待审批"),
    "created_at": ("Created", "创建时间"),
    "month": ("Month", "月份"),
    "hours_open": ("Hours open", "开放小时数"),
    "hours_booked": ("Hours booked", "预订小时数"),
    "hours_buffers": ("Setup and teardown hours", "布展撤展小时数"),
    "utilisation": ("Utilisation", "使用率"),
    "bookings": ("Bookings", "预订数"),
    "country": ("Organizer country", "主办方国家/地区"),
    "option": ("Options", "意向保留"),
    "pending": ("Pending", "处理中"),
    "confirmed": ("Confirmed", "已确认"),
    "rejected": ("Rejected", "已拒绝"),
    "cancelled": ("Cancelled", "已取消"),
    "expired": ("Expired", "已过期"),
    "quoted_revenue_minor": ("Quoted revenue (minor units)", "报价收入(分)"),
    "cancellations": ("Cancellations", "取消数"),
    "cancellation_fees_minor": ("Cancellation fees (minor units)", "取消费(分)"),
    "currency": ("Currency", "币种"),
    "addon": ("Service", "服务"),
    "item": ("Item", "项目"),
    "quantity": ("Quantity", "数量"),
    "unit": ("Unit", "单位"),
    # sheets
    "by_status": ("By status", "按状态"),
    "by_country": ("By country", "按国家或地区"),
    "utilisation_sheet": ("Utilisation", "场地使用率"),
    "revenue_sheet": ("Revenue", "收入"),
    "addons_sheet": ("Add-ons", "增值服务"),
    "bookings_sheet": ("Bookings", "预订"),
}


def chinese(locale: str) -> bool:
    return locale.lower().startswith("zh")


def label(name: str, locale: str) -> str:
    english, simplified = LABELS.get(name, (name, name))
    return simplified if chinese(locale) else english


def labels(names: Sequence[str], locale: str) -> list[str]:
    return [label(name, locale) for name in names]

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.booking_local import BookingLocal
  from ..models.catering_wanted import CateringWanted
  from ..models.interpreting_wanted import InterpretingWanted
  from ..models.saga_step import SagaStep
  from ..models.vendor_task import VendorTask
  from ..models.window import Window





T = TypeVar("T", bound="Booking")



@_attrs_define
class Booking:
    """ 
        Attributes:
            attendees (int):
            blocked (Window):
            booking_id (UUID):
            created_at (datetime.datetime):
            ends_at (datetime.datetime):
            layout (str):
            local (BookingLocal):
            phase (str):
            public (bool):
            space_id (str):
            starts_at (datetime.datetime):
            status (str):
            steps (list[SagaStep]):
            title (str):
            trace_id (str):
            updated_at (datetime.datetime):
            vendor_tasks (list[VendorTask]):
            cancelled_at (datetime.datetime | None | Unset):
            catering (CateringWanted | None | Unset):
            fee_minor (int | None | Unset):
            hold_expires_at (datetime.datetime | None | Unset):
            interpreting (InterpretingWanted | None | Unset):
            organizer_id (None | Unset | UUID):
            reason (None | str | Unset):
     """

    attendees: int
    blocked: Window
    booking_id: UUID
    created_at: datetime.datetime
    ends_at: datetime.datetime
    layout: str
    local: BookingLocal
    phase: str
    public: bool
    space_id: str
    starts_at: datetime.datetime
    status: str
    steps: list[SagaStep]
    title: str
    trace_id: str
    updated_at: datetime.datetime
    vendor_tasks: list[VendorTask]
    cancelled_at: datetime.datetime | None | Unset = UNSET
    catering: CateringWanted | None | Unset = UNSET
    fee_minor: int | None | Unset = UNSET
    hold_expires_at: datetime.datetime | None | Unset = UNSET
    interpreting: InterpretingWanted | None | Unset = UNSET
    organizer_id: None | Unset | UUID = UNSET
    reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.booking_local import BookingLocal # noqa: PLC0415
        from ..models.catering_wanted import CateringWanted # noqa: PLC0415
        from ..models.interpreting_wanted import InterpretingWanted # noqa: PLC0415
        from ..models.saga_step import SagaStep # noqa: PLC0415
        from ..models.vendor_task import VendorTask # noqa: PLC0415
        from ..models.window import Window # noqa: PLC0415
        attendees = self.attendees

        blocked = self.blocked.to_dict()

        booking_id = str(self.booking_id)

        created_at = self.created_at.isoformat()

        ends_at = self.ends_at.isoformat()

        layout = self.layout

        local = self.local.to_dict()

        phase = self.phase

        public = self.public

        space_id = self.space_id

        starts_at = self.starts_at.isoformat()

        status = self.status

        steps = []
        for steps_item_data in self.steps:
            steps_item = steps_item_data.to_dict()
            steps.append(steps_item)



        title = self.title

        trace_id = self.trace_id

        updated_at = self.updated_at.isoformat()

        vendor_tasks = []
        for vendor_tasks_item_data in self.vendor_tasks:
            vendor_tasks_item = vendor_tasks_item_data.to_dict()
            vendor_tasks.append(vendor_tasks_item)



        cancelled_at: None | str | Unset
        if isinstance(self.cancelled_at, Unset):
            cancelled_at = UNSET
        elif isinstance(self.cancelled_at, datetime.datetime):
            cancelled_at = self.cancelled_at.isoformat()
        else:
            cancelled_at = self.cancelled_at

        catering: dict[str, Any] | None | Unset
        if isinstance(self.catering, Unset):
            catering = UNSET
        elif isinstance(self.catering, CateringWanted):
            catering = self.catering.to_dict()
        else:
            catering = self.catering

        fee_minor: int | None | Unset
        if isinstance(self.fee_minor, Unset):
            fee_minor = UNSET
        else:
            fee_minor = self.fee_minor

        hold_expires_at: None | str | Unset
        if isinstance(self.hold_expires_at, Unset):
            hold_expires_at = UNSET
        elif isinstance(self.hold_expires_at, datetime.datetime):
            hold_expires_at = self.hold_expires_at.isoformat()
        else:
            hold_expires_at = self.hold_expires_at

        interpreting: dict[str, Any] | None | Unset
        if isinstance(self.interpreting, Unset):
            interpreting = UNSET
        elif isinstance(self.interpreting, InterpretingWanted):
            interpreting = self.interpreting.to_dict()
        else:
            interpreting = self.interpreting

        organizer_id: None | str | Unset
        if isinstance(self.organizer_id, Unset):
            organizer_id = UNSET
        elif isinstance(self.organizer_id, UUID):
            organizer_id = str(self.organizer_id)
        else:
            organizer_id = self.organizer_id

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "attendees": attendees,
            "blocked": blocked,
            "booking_id": booking_id,
            "created_at": created_at,
            "ends_at": ends_at,
            "layout": layout,
            "local": local,
            "phase": phase,
            "public": public,
            "space_id": space_id,
            "starts_at": starts_at,
            "status": status,
            "steps": steps,
            "title": title,
            "trace_id": trace_id,
            "updated_at": updated_at,
            "vendor_tasks": vendor_tasks,
        })
        if cancelled_at is not UNSET:
            field_dict["cancelled_at"] = cancelled_at
        if catering is not UNSET:
            field_dict["catering"] = catering
        if fee_minor is not UNSET:
            field_dict["fee_minor"] = fee_minor
        if hold_expires_at is not UNSET:
            field_dict["hold_expires_at"] = hold_expires_at
        if interpreting is not UNSET:
            field_dict["interpreting"] = interpreting
        if organizer_id is not UNSET:
            field_dict["organizer_id"] = organizer_id
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.booking_local import BookingLocal # noqa: PLC0415
        from ..models.catering_wanted import CateringWanted # noqa: PLC0415
        from ..models.interpreting_wanted import InterpretingWanted # noqa: PLC0415
        from ..models.saga_step import SagaStep # noqa: PLC0415
        from ..models.vendor_task import VendorTask # noqa: PLC0415
        from ..models.window import Window # noqa: PLC0415
        d = dict(src_dict)
        attendees = d.pop("attendees")

        blocked = Window.from_dict(d.pop("blocked"))




        booking_id = UUID(d.pop("booking_id"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))




        layout = d.pop("layout")

        local = BookingLocal.from_dict(d.pop("local"))




        phase = d.pop("phase")

        public = d.pop("public")

        space_id = d.pop("space_id")

        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))




        status = d.pop("status")

        steps = []
        _steps = d.pop("steps")
        for steps_item_data in (_steps):
            steps_item = SagaStep.from_dict(steps_item_data)



            steps.append(steps_item)


        title = d.pop("title")

        trace_id = d.pop("trace_id")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        vendor_tasks = []
        _vendor_tasks = d.pop("vendor_tasks")
        for vendor_tasks_item_data in (_vendor_tasks):
            vendor_tasks_item = VendorTask.from_dict(vendor_tasks_item_data)



            vendor_tasks.append(vendor_tasks_item)


        def _parse_cancelled_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cancelled_at_type_0 = datetime.datetime.fromisoformat(data)



                return cancelled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        cancelled_at = _parse_cancelled_at(d.pop("cancelled_at", UNSET))


        def _parse_catering(data: object) -> CateringWanted | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                catering_type_0 = CateringWanted.from_dict(data)



                return catering_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CateringWanted | None | Unset, data)

        catering = _parse_catering(d.pop("catering", UNSET))


        def _parse_fee_minor(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        fee_minor = _parse_fee_minor(d.pop("fee_minor", UNSET))


        def _parse_hold_expires_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                hold_expires_at_type_0 = datetime.datetime.fromisoformat(data)



                return hold_expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        hold_expires_at = _parse_hold_expires_at(d.pop("hold_expires_at", UNSET))


        def _parse_interpreting(data: object) -> InterpretingWanted | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                interpreting_type_0 = InterpretingWanted.from_dict(data)



                return interpreting_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(InterpretingWanted | None | Unset, data)

        interpreting = _parse_interpreting(d.pop("interpreting", UNSET))


        def _parse_organizer_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                organizer_id_type_0 = UUID(data)



                return organizer_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        organizer_id = _parse_organizer_id(d.pop("organizer_id", UNSET))


        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


        booking = cls(
            attendees=attendees,
            blocked=blocked,
            booking_id=booking_id,
            created_at=created_at,
            ends_at=ends_at,
            layout=layout,
            local=local,
            phase=phase,
            public=public,
            space_id=space_id,
            starts_at=starts_at,
            status=status,
            steps=steps,
            title=title,
            trace_id=trace_id,
            updated_at=updated_at,
            vendor_tasks=vendor_tasks,
            cancelled_at=cancelled_at,
            catering=catering,
            fee_minor=fee_minor,
            hold_expires_at=hold_expires_at,
            interpreting=interpreting,
            organizer_id=organizer_id,
            reason=reason,
        )


        booking.additional_properties = d
        return booking

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties

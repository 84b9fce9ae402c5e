from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.vendor_task_answer_due_local_type_0 import VendorTaskAnswerDueLocalType0





T = TypeVar("T", bound="VendorTask")



@_attrs_define
class VendorTask:
    """ 
        Attributes:
            kind (str):
            reason (str):
            state (str):
            task_id (str):
            updated_at (datetime.datetime):
            vendor_id (str):
            answer_due (datetime.datetime | None | Unset):
            answer_due_local (None | Unset | VendorTaskAnswerDueLocalType0):
     """

    kind: str
    reason: str
    state: str
    task_id: str
    updated_at: datetime.datetime
    vendor_id: str
    answer_due: datetime.datetime | None | Unset = UNSET
    answer_due_local: None | Unset | VendorTaskAnswerDueLocalType0 = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.vendor_task_answer_due_local_type_0 import VendorTaskAnswerDueLocalType0 # noqa: PLC0415
        kind = self.kind

        reason = self.reason

        state = self.state

        task_id = self.task_id

        updated_at = self.updated_at.isoformat()

        vendor_id = self.vendor_id

        answer_due: None | str | Unset
        if isinstance(self.answer_due, Unset):
            answer_due = UNSET
        elif isinstance(self.answer_due, datetime.datetime):
            answer_due = self.answer_due.isoformat()
        else:
            answer_due = self.answer_due

        answer_due_local: dict[str, Any] | None | Unset
        if isinstance(self.answer_due_local, Unset):
            answer_due_local = UNSET
        elif isinstance(self.answer_due_local, VendorTaskAnswerDueLocalType0):
            answer_due_local = self.answer_due_local.to_dict()
        else:
            answer_due_local = self.answer_due_local


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "kind": kind,
            "reason": reason,
            "state": state,
            "task_id": task_id,
            "updated_at": updated_at,
            "vendor_id": vendor_id,
        })
        if answer_due is not UNSET:
            field_dict["answer_due"] = answer_due
        if answer_due_local is not UNSET:
            field_dict["answer_due_local"] = answer_due_local

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.vendor_task_answer_due_local_type_0 import VendorTaskAnswerDueLocalType0 # noqa: PLC0415
        d = dict(src_dict)
        kind = d.pop("kind")

        reason = d.pop("reason")

        state = d.pop("state")

        task_id = d.pop("task_id")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        vendor_id = d.pop("vendor_id")

        def _parse_answer_due(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                answer_due_type_0 = datetime.datetime.fromisoformat(data)



                return answer_due_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        answer_due = _parse_answer_due(d.pop("answer_due", UNSET))


        def _parse_answer_due_local(data: object) -> None | Unset | VendorTaskAnswerDueLocalType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                answer_due_local_type_0 = VendorTaskAnswerDueLocalType0.from_dict(data)



                return answer_due_local_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | VendorTaskAnswerDueLocalType0, data)

        answer_due_local = _parse_answer_due_local(d.pop("answer_due_local", UNSET))


        vendor_task = cls(
            kind=kind,
            reason=reason,
            state=state,
            task_id=task_id,
            updated_at=updated_at,
            vendor_id=vendor_id,
            answer_due=answer_due,
            answer_due_local=answer_due_local,
        )


        vendor_task.additional_properties = d
        return vendor_task

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

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






T = TypeVar("T", bound="PlanningTask")



@_attrs_define
class PlanningTask:
    """ 
        Attributes:
            booking_id (UUID):
            contact_language (str):
            created_at (datetime.datetime):
            request (str):
            status (str):
            task_id (UUID):
            updated_at (datetime.datetime):
            assignee_id (None | Unset | UUID):
            notes (None | str | Unset):
     """

    booking_id: UUID
    contact_language: str
    created_at: datetime.datetime
    request: str
    status: str
    task_id: UUID
    updated_at: datetime.datetime
    assignee_id: None | Unset | UUID = UNSET
    notes: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        booking_id = str(self.booking_id)

        contact_language = self.contact_language

        created_at = self.created_at.isoformat()

        request = self.request

        status = self.status

        task_id = str(self.task_id)

        updated_at = self.updated_at.isoformat()

        assignee_id: None | str | Unset
        if isinstance(self.assignee_id, Unset):
            assignee_id = UNSET
        elif isinstance(self.assignee_id, UUID):
            assignee_id = str(self.assignee_id)
        else:
            assignee_id = self.assignee_id

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "booking_id": booking_id,
            "contact_language": contact_language,
            "created_at": created_at,
            "request": request,
            "status": status,
            "task_id": task_id,
            "updated_at": updated_at,
        })
        if assignee_id is not UNSET:
            field_dict["assignee_id"] = assignee_id
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        booking_id = UUID(d.pop("booking_id"))




        contact_language = d.pop("contact_language")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        request = d.pop("request")

        status = d.pop("status")

        task_id = UUID(d.pop("task_id"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        def _parse_assignee_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                assignee_id_type_0 = UUID(data)



                return assignee_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        assignee_id = _parse_assignee_id(d.pop("assignee_id", UNSET))


        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))


        planning_task = cls(
            booking_id=booking_id,
            contact_language=contact_language,
            created_at=created_at,
            request=request,
            status=status,
            task_id=task_id,
            updated_at=updated_at,
            assignee_id=assignee_id,
            notes=notes,
        )


        planning_task.additional_properties = d
        return planning_task

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

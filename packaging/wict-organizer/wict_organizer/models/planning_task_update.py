from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.planning_task_update_status_type_1 import PlanningTaskUpdateStatusType1
from ..models.planning_task_update_status_type_2_type_1 import PlanningTaskUpdateStatusType2Type1
from ..models.planning_task_update_status_type_3_type_1 import PlanningTaskUpdateStatusType3Type1
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="PlanningTaskUpdate")



@_attrs_define
class PlanningTaskUpdate:
    """ 
        Attributes:
            assignee_id (None | Unset | UUID):
            notes (None | str | Unset):
            status (None | PlanningTaskUpdateStatusType1 | PlanningTaskUpdateStatusType2Type1 |
                PlanningTaskUpdateStatusType3Type1 | Unset):
     """

    assignee_id: None | Unset | UUID = UNSET
    notes: None | str | Unset = UNSET
    status: None | PlanningTaskUpdateStatusType1 | PlanningTaskUpdateStatusType2Type1 | PlanningTaskUpdateStatusType3Type1 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
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

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, PlanningTaskUpdateStatusType1):
            status = self.status.value
        elif isinstance(self.status, PlanningTaskUpdateStatusType2Type1):
            status = self.status.value
        elif isinstance(self.status, PlanningTaskUpdateStatusType3Type1):
            status = self.status.value
        else:
            status = self.status


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if assignee_id is not UNSET:
            field_dict["assignee_id"] = assignee_id
        if notes is not UNSET:
            field_dict["notes"] = notes
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
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


        def _parse_status(data: object) -> None | PlanningTaskUpdateStatusType1 | PlanningTaskUpdateStatusType2Type1 | PlanningTaskUpdateStatusType3Type1 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_1 = PlanningTaskUpdateStatusType1(data)



                return status_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_2_type_1 = PlanningTaskUpdateStatusType2Type1(data)



                return status_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_3_type_1 = PlanningTaskUpdateStatusType3Type1(data)



                return status_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PlanningTaskUpdateStatusType1 | PlanningTaskUpdateStatusType2Type1 | PlanningTaskUpdateStatusType3Type1 | Unset, data)

        status = _parse_status(d.pop("status", UNSET))


        planning_task_update = cls(
            assignee_id=assignee_id,
            notes=notes,
            status=status,
        )


        planning_task_update.additional_properties = d
        return planning_task_update

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

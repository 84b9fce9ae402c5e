from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.guest_counts_allergens import GuestCountsAllergens
  from ..models.guest_counts_dietary import GuestCountsDietary
  from ..models.guest_counts_needs import GuestCountsNeeds





T = TypeVar("T", bound="GuestCounts")



@_attrs_define
class GuestCounts:
    """ 
        Attributes:
            allergens (GuestCountsAllergens):
            booking_id (UUID):
            checked_in (int):
            dietary (GuestCountsDietary):
            needs (GuestCountsNeeds):
            registered (int):
            walk_ins (int):
     """

    allergens: GuestCountsAllergens
    booking_id: UUID
    checked_in: int
    dietary: GuestCountsDietary
    needs: GuestCountsNeeds
    registered: int
    walk_ins: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.guest_counts_allergens import GuestCountsAllergens # noqa: PLC0415
        from ..models.guest_counts_dietary import GuestCountsDietary # noqa: PLC0415
        from ..models.guest_counts_needs import GuestCountsNeeds # noqa: PLC0415
        allergens = self.allergens.to_dict()

        booking_id = str(self.booking_id)

        checked_in = self.checked_in

        dietary = self.dietary.to_dict()

        needs = self.needs.to_dict()

        registered = self.registered

        walk_ins = self.walk_ins


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "allergens": allergens,
            "booking_id": booking_id,
            "checked_in": checked_in,
            "dietary": dietary,
            "needs": needs,
            "registered": registered,
            "walk_ins": walk_ins,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.guest_counts_allergens import GuestCountsAllergens # noqa: PLC0415
        from ..models.guest_counts_dietary import GuestCountsDietary # noqa: PLC0415
        from ..models.guest_counts_needs import GuestCountsNeeds # noqa: PLC0415
        d = dict(src_dict)
        allergens = GuestCountsAllergens.from_dict(d.pop("allergens"))




        booking_id = UUID(d.pop("booking_id"))




        checked_in = d.pop("checked_in")

        dietary = GuestCountsDietary.from_dict(d.pop("dietary"))




        needs = GuestCountsNeeds.from_dict(d.pop("needs"))




        registered = d.pop("registered")

        walk_ins = d.pop("walk_ins")

        guest_counts = cls(
            allergens=allergens,
            booking_id=booking_id,
            checked_in=checked_in,
            dietary=dietary,
            needs=needs,
            registered=registered,
            walk_ins=walk_ins,
        )


        guest_counts.additional_properties = d
        return guest_counts

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

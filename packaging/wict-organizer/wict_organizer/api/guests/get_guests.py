from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.get_guests_reveal_type_1 import GetGuestsRevealType1
from ...models.get_guests_reveal_type_2_type_1 import GetGuestsRevealType2Type1
from ...models.get_guests_reveal_type_3_type_1 import GetGuestsRevealType3Type1
from ...models.guest_list import GuestList
from ...models.problem import Problem
from ...models.purpose import Purpose
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    booking_id: UUID,
    *,
    reveal: GetGuestsRevealType1 | GetGuestsRevealType2Type1 | GetGuestsRevealType3Type1 | None | Unset = UNSET,
    purpose: None | Purpose | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_reveal: None | str | Unset
    if isinstance(reveal, Unset):
        json_reveal = UNSET
    elif isinstance(reveal, GetGuestsRevealType1):
        json_reveal = reveal.value
    elif isinstance(reveal, GetGuestsRevealType2Type1):
        json_reveal = reveal.value
    elif isinstance(reveal, GetGuestsRevealType3Type1):
        json_reveal = reveal.value
    else:
        json_reveal = reveal
    params["reveal"] = json_reveal

    json_purpose: None | str | Unset
    if isinstance(purpose, Unset):
        json_purpose = UNSET
    elif isinstance(purpose, Purpose):
        json_purpose = purpose.value
    else:
        json_purpose = purpose
    params["purpose"] = json_purpose


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/bookings/{booking_id}/guests".format(booking_id=quote(str(booking_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> GuestList | Problem:
    if response.status_code == 200:
        response_200 = GuestList.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[GuestList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    booking_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    reveal: GetGuestsRevealType1 | GetGuestsRevealType2Type1 | GetGuestsRevealType3Type1 | None | Unset = UNSET,
    purpose: None | Purpose | Unset = UNSET,

) -> Response[GuestList | Problem]:
    """ GetGuests

     The guest list with passport numbers masked; staff reveal them with a purpose. Every read is
    audited.

    Args:
        booking_id (UUID):
        reveal (GetGuestsRevealType1 | GetGuestsRevealType2Type1 | GetGuestsRevealType3Type1 |
            None | Unset): `passport`: full passport numbers and dates of birth (staff; audited)
        purpose (None | Purpose | Unset): why the numbers are revealed; required with `reveal`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GuestList | Problem]
     """


    kwargs = _get_kwargs(
        booking_id=booking_id,
reveal=reveal,
purpose=purpose,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    booking_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    reveal: GetGuestsRevealType1 | GetGuestsRevealType2Type1 | GetGuestsRevealType3Type1 | None | Unset = UNSET,
    purpose: None | Purpose | Unset = UNSET,

) -> GuestList | Problem | None:
    """ GetGuests

     The guest list with passport numbers masked; staff reveal them with a purpose. Every read is
    audited.

    Args:
        booking_id (UUID):
        reveal (GetGuestsRevealType1 | GetGuestsRevealType2Type1 | GetGuestsRevealType3Type1 |
            None | Unset): `passport`: full passport numbers and dates of birth (staff; audited)
        purpose (None | Purpose | Unset): why the numbers are revealed; required with `reveal`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GuestList | Problem
     """


    return sync_detailed(
        booking_id=booking_id,
client=client,
reveal=reveal,
purpose=purpose,

    ).parsed

async def asyncio_detailed(
    booking_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    reveal: GetGuestsRevealType1 | GetGuestsRevealType2Type1 | GetGuestsRevealType3Type1 | None | Unset = UNSET,
    purpose: None | Purpose | Unset = UNSET,

) -> Response[GuestList | Problem]:
    """ GetGuests

     The guest list with passport numbers masked; staff reveal them with a purpose. Every read is
    audited.

    Args:
        booking_id (UUID):
        reveal (GetGuestsRevealType1 | GetGuestsRevealType2Type1 | GetGuestsRevealType3Type1 |
            None | Unset): `passport`: full passport numbers and dates of birth (staff; audited)
        purpose (None | Purpose | Unset): why the numbers are revealed; required with `reveal`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GuestList | Problem]
     """


    kwargs = _get_kwargs(
        booking_id=booking_id,
reveal=reveal,
purpose=purpose,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    booking_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    reveal: GetGuestsRevealType1 | GetGuestsRevealType2Type1 | GetGuestsRevealType3Type1 | None | Unset = UNSET,
    purpose: None | Purpose | Unset = UNSET,

) -> GuestList | Problem | None:
    """ GetGuests

     The guest list with passport numbers masked; staff reveal them with a purpose. Every read is
    audited.

    Args:
        booking_id (UUID):
        reveal (GetGuestsRevealType1 | GetGuestsRevealType2Type1 | GetGuestsRevealType3Type1 |
            None | Unset): `passport`: full passport numbers and dates of birth (staff; audited)
        purpose (None | Purpose | Unset): why the numbers are revealed; required with `reveal`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GuestList | Problem
     """


    return (await asyncio_detailed(
        booking_id=booking_id,
client=client,
reveal=reveal,
purpose=purpose,

    )).parsed

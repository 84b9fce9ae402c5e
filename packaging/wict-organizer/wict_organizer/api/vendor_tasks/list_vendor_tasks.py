from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.desk_vendor_task import DeskVendorTask
from ...models.list_vendor_tasks_kind_type_1 import ListVendorTasksKindType1
from ...models.list_vendor_tasks_kind_type_2_type_1 import ListVendorTasksKindType2Type1
from ...models.list_vendor_tasks_kind_type_3_type_1 import ListVendorTasksKindType3Type1
from ...models.list_vendor_tasks_state_type_1 import ListVendorTasksStateType1
from ...models.list_vendor_tasks_state_type_2_type_1 import ListVendorTasksStateType2Type1
from ...models.list_vendor_tasks_state_type_3_type_1 import ListVendorTasksStateType3Type1
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    *,
    state: ListVendorTasksStateType1 | ListVendorTasksStateType2Type1 | ListVendorTasksStateType3Type1 | None | Unset = UNSET,
    kind: ListVendorTasksKindType1 | ListVendorTasksKindType2Type1 | ListVendorTasksKindType3Type1 | None | Unset = UNSET,
    booking_id: None | Unset | UUID = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 100,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_state: None | str | Unset
    if isinstance(state, Unset):
        json_state = UNSET
    elif isinstance(state, ListVendorTasksStateType1):
        json_state = state.value
    elif isinstance(state, ListVendorTasksStateType2Type1):
        json_state = state.value
    elif isinstance(state, ListVendorTasksStateType3Type1):
        json_state = state.value
    else:
        json_state = state
    params["state"] = json_state

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, ListVendorTasksKindType1):
        json_kind = kind.value
    elif isinstance(kind, ListVendorTasksKindType2Type1):
        json_kind = kind.value
    elif isinstance(kind, ListVendorTasksKindType3Type1):
        json_kind = kind.value
    else:
        json_kind = kind
    params["kind"] = json_kind

    json_booking_id: None | str | Unset
    if isinstance(booking_id, Unset):
        json_booking_id = UNSET
    elif isinstance(booking_id, UUID):
        json_booking_id = str(booking_id)
    else:
        json_booking_id = booking_id
    params["booking_id"] = json_booking_id

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params["limit"] = limit


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/staff/vendor-tasks",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | list[DeskVendorTask]:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in (_response_200):
            response_200_item = DeskVendorTask.from_dict(response_200_item_data)



            response_200.append(response_200_item)

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | list[DeskVendorTask]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    state: ListVendorTasksStateType1 | ListVendorTasksStateType2Type1 | ListVendorTasksStateType3Type1 | None | Unset = UNSET,
    kind: ListVendorTasksKindType1 | ListVendorTasksKindType2Type1 | ListVendorTasksKindType3Type1 | None | Unset = UNSET,
    booking_id: None | Unset | UUID = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 100,

) -> Response[Problem | list[DeskVendorTask]]:
    """ ListTasks

     Vendor tasks across bookings, oldest change first; `state=escalated` is the duty desk's list (staff,
    ops).

    Args:
        state (ListVendorTasksStateType1 | ListVendorTasksStateType2Type1 |
            ListVendorTasksStateType3Type1 | None | Unset): e.g. escalated
        kind (ListVendorTasksKindType1 | ListVendorTasksKindType2Type1 |
            ListVendorTasksKindType3Type1 | None | Unset):
        booking_id (None | Unset | UUID):
        cursor (None | str | Unset): from the previous page's Link header
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[DeskVendorTask]]
     """


    kwargs = _get_kwargs(
        state=state,
kind=kind,
booking_id=booking_id,
cursor=cursor,
limit=limit,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    state: ListVendorTasksStateType1 | ListVendorTasksStateType2Type1 | ListVendorTasksStateType3Type1 | None | Unset = UNSET,
    kind: ListVendorTasksKindType1 | ListVendorTasksKindType2Type1 | ListVendorTasksKindType3Type1 | None | Unset = UNSET,
    booking_id: None | Unset | UUID = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 100,

) -> Problem | list[DeskVendorTask] | None:
    """ ListTasks

     Vendor tasks across bookings, oldest change first; `state=escalated` is the duty desk's list (staff,
    ops).

    Args:
        state (ListVendorTasksStateType1 | ListVendorTasksStateType2Type1 |
            ListVendorTasksStateType3Type1 | None | Unset): e.g. escalated
        kind (ListVendorTasksKindType1 | ListVendorTasksKindType2Type1 |
            ListVendorTasksKindType3Type1 | None | Unset):
        booking_id (None | Unset | UUID):
        cursor (None | str | Unset): from the previous page's Link header
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[DeskVendorTask]
     """


    return sync_detailed(
        client=client,
state=state,
kind=kind,
booking_id=booking_id,
cursor=cursor,
limit=limit,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    state: ListVendorTasksStateType1 | ListVendorTasksStateType2Type1 | ListVendorTasksStateType3Type1 | None | Unset = UNSET,
    kind: ListVendorTasksKindType1 | ListVendorTasksKindType2Type1 | ListVendorTasksKindType3Type1 | None | Unset = UNSET,
    booking_id: None | Unset | UUID = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 100,

) -> Response[Problem | list[DeskVendorTask]]:
    """ ListTasks

     Vendor tasks across bookings, oldest change first; `state=escalated` is the duty desk's list (staff,
    ops).

    Args:
        state (ListVendorTasksStateType1 | ListVendorTasksStateType2Type1 |
            ListVendorTasksStateType3Type1 | None | Unset): e.g. escalated
        kind (ListVendorTasksKindType1 | ListVendorTasksKindType2Type1 |
            ListVendorTasksKindType3Type1 | None | Unset):
        booking_id (None | Unset | UUID):
        cursor (None | str | Unset): from the previous page's Link header
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[DeskVendorTask]]
     """


    kwargs = _get_kwargs(
        state=state,
kind=kind,
booking_id=booking_id,
cursor=cursor,
limit=limit,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    state: ListVendorTasksStateType1 | ListVendorTasksStateType2Type1 | ListVendorTasksStateType3Type1 | None | Unset = UNSET,
    kind: ListVendorTasksKindType1 | ListVendorTasksKindType2Type1 | ListVendorTasksKindType3Type1 | None | Unset = UNSET,
    booking_id: None | Unset | UUID = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 100,

) -> Problem | list[DeskVendorTask] | None:
    """ ListTasks

     Vendor tasks across bookings, oldest change first; `state=escalated` is the duty desk's list (staff,
    ops).

    Args:
        state (ListVendorTasksStateType1 | ListVendorTasksStateType2Type1 |
            ListVendorTasksStateType3Type1 | None | Unset): e.g. escalated
        kind (ListVendorTasksKindType1 | ListVendorTasksKindType2Type1 |
            ListVendorTasksKindType3Type1 | None | Unset):
        booking_id (None | Unset | UUID):
        cursor (None | str | Unset): from the previous page's Link header
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[DeskVendorTask]
     """


    return (await asyncio_detailed(
        client=client,
state=state,
kind=kind,
booking_id=booking_id,
cursor=cursor,
limit=limit,

    )).parsed

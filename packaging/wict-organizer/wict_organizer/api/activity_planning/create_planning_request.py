from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.planning_request_create import PlanningRequestCreate
from ...models.planning_task import PlanningTask
from ...models.problem import Problem
from typing import cast
from uuid import UUID



def _get_kwargs(
    booking_id: UUID,
    *,
    body: PlanningRequestCreate,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/bookings/{booking_id}/planning-requests".format(booking_id=quote(str(booking_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PlanningTask | Problem:
    if response.status_code == 201:
        response_201 = PlanningTask.from_dict(response.json())



        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PlanningTask | Problem]:
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
    body: PlanningRequestCreate,

) -> Response[PlanningTask | Problem]:
    """ Create

     Ask the venue to help plan the activity (the organizer or staff); staff get a planning task.

    Args:
        booking_id (UUID):
        body (PlanningRequestCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PlanningTask | Problem]
     """


    kwargs = _get_kwargs(
        booking_id=booking_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    booking_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: PlanningRequestCreate,

) -> PlanningTask | Problem | None:
    """ Create

     Ask the venue to help plan the activity (the organizer or staff); staff get a planning task.

    Args:
        booking_id (UUID):
        body (PlanningRequestCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PlanningTask | Problem
     """


    return sync_detailed(
        booking_id=booking_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    booking_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: PlanningRequestCreate,

) -> Response[PlanningTask | Problem]:
    """ Create

     Ask the venue to help plan the activity (the organizer or staff); staff get a planning task.

    Args:
        booking_id (UUID):
        body (PlanningRequestCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PlanningTask | Problem]
     """


    kwargs = _get_kwargs(
        booking_id=booking_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    booking_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: PlanningRequestCreate,

) -> PlanningTask | Problem | None:
    """ Create

     Ask the venue to help plan the activity (the organizer or staff); staff get a planning task.

    Args:
        booking_id (UUID):
        body (PlanningRequestCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PlanningTask | Problem
     """


    return (await asyncio_detailed(
        booking_id=booking_id,
client=client,
body=body,

    )).parsed

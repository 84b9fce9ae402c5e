from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.check_in_counts import CheckInCounts
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    date: datetime.date | None | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_date: None | str | Unset
    if isinstance(date, Unset):
        json_date = UNSET
    elif isinstance(date, datetime.date):
        json_date = date.isoformat()
    else:
        json_date = date
    params["date"] = json_date


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/staff/check-ins/counts",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CheckInCounts | Problem:
    if response.status_code == 200:
        response_200 = CheckInCounts.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CheckInCounts | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    date: datetime.date | None | Unset = UNSET,

) -> Response[CheckInCounts | Problem]:
    """ Counts

     Per event of the day and per hall: registered, checked in, walk-ins (organizers: their own events).

    Args:
        date (datetime.date | None | Unset): venue time; default today

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CheckInCounts | Problem]
     """


    kwargs = _get_kwargs(
        date=date,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    date: datetime.date | None | Unset = UNSET,

) -> CheckInCounts | Problem | None:
    """ Counts

     Per event of the day and per hall: registered, checked in, walk-ins (organizers: their own events).

    Args:
        date (datetime.date | None | Unset): venue time; default today

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CheckInCounts | Problem
     """


    return sync_detailed(
        client=client,
date=date,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    date: datetime.date | None | Unset = UNSET,

) -> Response[CheckInCounts | Problem]:
    """ Counts

     Per event of the day and per hall: registered, checked in, walk-ins (organizers: their own events).

    Args:
        date (datetime.date | None | Unset): venue time; default today

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CheckInCounts | Problem]
     """


    kwargs = _get_kwargs(
        date=date,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    date: datetime.date | None | Unset = UNSET,

) -> CheckInCounts | Problem | None:
    """ Counts

     Per event of the day and per hall: registered, checked in, walk-ins (organizers: their own events).

    Args:
        date (datetime.date | None | Unset): venue time; default today

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CheckInCounts | Problem
     """


    return (await asyncio_detailed(
        client=client,
date=date,

    )).parsed

from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.performance_sheet import PerformanceSheet
from ...models.problem import Problem
from typing import cast
import datetime



def _get_kwargs(
    *,
    from_: datetime.date,
    to: datetime.date,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to = to.isoformat()
    params["to"] = json_to


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/stats",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PerformanceSheet | Problem:
    if response.status_code == 200:
        response_200 = PerformanceSheet.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PerformanceSheet | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    from_: datetime.date,
    to: datetime.date,

) -> Response[PerformanceSheet | Problem]:
    """ Stats

     Events held, guests, countries, online attendance, media reports and partners over a period
    (public).

    Args:
        from_ (datetime.date): first venue-local day, e.g. 2027-01-01
        to (datetime.date): last venue-local day, included

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PerformanceSheet | Problem]
     """


    kwargs = _get_kwargs(
        from_=from_,
to=to,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    from_: datetime.date,
    to: datetime.date,

) -> PerformanceSheet | Problem | None:
    """ Stats

     Events held, guests, countries, online attendance, media reports and partners over a period
    (public).

    Args:
        from_ (datetime.date): first venue-local day, e.g. 2027-01-01
        to (datetime.date): last venue-local day, included

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PerformanceSheet | Problem
     """


    return sync_detailed(
        client=client,
from_=from_,
to=to,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    from_: datetime.date,
    to: datetime.date,

) -> Response[PerformanceSheet | Problem]:
    """ Stats

     Events held, guests, countries, online attendance, media reports and partners over a period
    (public).

    Args:
        from_ (datetime.date): first venue-local day, e.g. 2027-01-01
        to (datetime.date): last venue-local day, included

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PerformanceSheet | Problem]
     """


    kwargs = _get_kwargs(
        from_=from_,
to=to,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    from_: datetime.date,
    to: datetime.date,

) -> PerformanceSheet | Problem | None:
    """ Stats

     Events held, guests, countries, online attendance, media reports and partners over a period
    (public).

    Args:
        from_ (datetime.date): first venue-local day, e.g. 2027-01-01
        to (datetime.date): last venue-local day, included

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PerformanceSheet | Problem
     """


    return (await asyncio_detailed(
        client=client,
from_=from_,
to=to,

    )).parsed

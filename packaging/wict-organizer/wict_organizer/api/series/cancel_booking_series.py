from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.series_cancel import SeriesCancel
from ...models.series_cancellation import SeriesCancellation
from typing import cast
from uuid import UUID



def _get_kwargs(
    series_id: UUID,
    *,
    body: SeriesCancel,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/bookings/series/{series_id}/cancel".format(series_id=quote(str(series_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | SeriesCancellation:
    if response.status_code == 200:
        response_200 = SeriesCancellation.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | SeriesCancellation]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    series_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: SeriesCancel,

) -> Response[Problem | SeriesCancellation]:
    """ Cancel

     Cancel one occurrence, it and the following ones, or all still to come; a fee per occurrence.

    Args:
        series_id (UUID):
        body (SeriesCancel):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SeriesCancellation]
     """


    kwargs = _get_kwargs(
        series_id=series_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    series_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: SeriesCancel,

) -> Problem | SeriesCancellation | None:
    """ Cancel

     Cancel one occurrence, it and the following ones, or all still to come; a fee per occurrence.

    Args:
        series_id (UUID):
        body (SeriesCancel):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SeriesCancellation
     """


    return sync_detailed(
        series_id=series_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    series_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: SeriesCancel,

) -> Response[Problem | SeriesCancellation]:
    """ Cancel

     Cancel one occurrence, it and the following ones, or all still to come; a fee per occurrence.

    Args:
        series_id (UUID):
        body (SeriesCancel):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SeriesCancellation]
     """


    kwargs = _get_kwargs(
        series_id=series_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    series_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: SeriesCancel,

) -> Problem | SeriesCancellation | None:
    """ Cancel

     Cancel one occurrence, it and the following ones, or all still to come; a fee per occurrence.

    Args:
        series_id (UUID):
        body (SeriesCancel):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SeriesCancellation
     """


    return (await asyncio_detailed(
        series_id=series_id,
client=client,
body=body,

    )).parsed

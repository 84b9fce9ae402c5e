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
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    series_id: UUID,
    *,
    body: SeriesCancel,
    dry_run: bool | Unset = False,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    params: dict[str, Any] = {}

    params["dry_run"] = dry_run


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/bookings/series/{series_id}/cancel".format(series_id=quote(str(series_id), safe=""),),
        "params": params,
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
    dry_run: bool | Unset = False,

) -> Response[Problem | SeriesCancellation]:
    """ Cancel

     Cancel one occurrence, it and the following ones, or all still to come; a fee per occurrence.
    ``?dry_run=true`` answers each occurrence's fee cancelling now would charge, and cancels nothing.

    Args:
        series_id (UUID):
        dry_run (bool | Unset):  Default: False.
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
dry_run=dry_run,

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
    dry_run: bool | Unset = False,

) -> Problem | SeriesCancellation | None:
    """ Cancel

     Cancel one occurrence, it and the following ones, or all still to come; a fee per occurrence.
    ``?dry_run=true`` answers each occurrence's fee cancelling now would charge, and cancels nothing.

    Args:
        series_id (UUID):
        dry_run (bool | Unset):  Default: False.
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
dry_run=dry_run,

    ).parsed

async def asyncio_detailed(
    series_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: SeriesCancel,
    dry_run: bool | Unset = False,

) -> Response[Problem | SeriesCancellation]:
    """ Cancel

     Cancel one occurrence, it and the following ones, or all still to come; a fee per occurrence.
    ``?dry_run=true`` answers each occurrence's fee cancelling now would charge, and cancels nothing.

    Args:
        series_id (UUID):
        dry_run (bool | Unset):  Default: False.
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
dry_run=dry_run,

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
    dry_run: bool | Unset = False,

) -> Problem | SeriesCancellation | None:
    """ Cancel

     Cancel one occurrence, it and the following ones, or all still to come; a fee per occurrence.
    ``?dry_run=true`` answers each occurrence's fee cancelling now would charge, and cancels nothing.

    Args:
        series_id (UUID):
        dry_run (bool | Unset):  Default: False.
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
dry_run=dry_run,

    )).parsed

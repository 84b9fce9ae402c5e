from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.planning_task import PlanningTask
from ...models.planning_task_update import PlanningTaskUpdate
from ...models.problem import Problem
from typing import cast
from uuid import UUID



def _get_kwargs(
    task_id: UUID,
    *,
    body: PlanningTaskUpdate,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/planning-tasks/{task_id}".format(task_id=quote(str(task_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PlanningTask | Problem:
    if response.status_code == 200:
        response_200 = PlanningTask.from_dict(response.json())



        return response_200

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
    task_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: PlanningTaskUpdate,

) -> Response[PlanningTask | Problem]:
    """ Update

     Move a task (open, in_progress, done), assign it to a staff member, or write notes (staff).

    Args:
        task_id (UUID):
        body (PlanningTaskUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PlanningTask | Problem]
     """


    kwargs = _get_kwargs(
        task_id=task_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    task_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: PlanningTaskUpdate,

) -> PlanningTask | Problem | None:
    """ Update

     Move a task (open, in_progress, done), assign it to a staff member, or write notes (staff).

    Args:
        task_id (UUID):
        body (PlanningTaskUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PlanningTask | Problem
     """


    return sync_detailed(
        task_id=task_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    task_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: PlanningTaskUpdate,

) -> Response[PlanningTask | Problem]:
    """ Update

     Move a task (open, in_progress, done), assign it to a staff member, or write notes (staff).

    Args:
        task_id (UUID):
        body (PlanningTaskUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PlanningTask | Problem]
     """


    kwargs = _get_kwargs(
        task_id=task_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    task_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: PlanningTaskUpdate,

) -> PlanningTask | Problem | None:
    """ Update

     Move a task (open, in_progress, done), assign it to a staff member, or write notes (staff).

    Args:
        task_id (UUID):
        body (PlanningTaskUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PlanningTask | Problem
     """


    return (await asyncio_detailed(
        task_id=task_id,
client=client,
body=body,

    )).parsed

from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.list_sagas_kind_type_1 import ListSagasKindType1
from ...models.list_sagas_kind_type_2_type_1 import ListSagasKindType2Type1
from ...models.list_sagas_kind_type_3_type_1 import ListSagasKindType3Type1
from ...models.list_sagas_state_type_1 import ListSagasStateType1
from ...models.list_sagas_state_type_2_type_1 import ListSagasStateType2Type1
from ...models.list_sagas_state_type_3_type_1 import ListSagasStateType3Type1
from ...models.problem import Problem
from ...models.saga_page import SagaPage
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    state: ListSagasStateType1 | ListSagasStateType2Type1 | ListSagasStateType3Type1 | None | Unset = UNSET,
    kind: ListSagasKindType1 | ListSagasKindType2Type1 | ListSagasKindType3Type1 | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 100,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_state: None | str | Unset
    if isinstance(state, Unset):
        json_state = UNSET
    elif isinstance(state, ListSagasStateType1):
        json_state = state.value
    elif isinstance(state, ListSagasStateType2Type1):
        json_state = state.value
    elif isinstance(state, ListSagasStateType3Type1):
        json_state = state.value
    else:
        json_state = state
    params["state"] = json_state

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, ListSagasKindType1):
        json_kind = kind.value
    elif isinstance(kind, ListSagasKindType2Type1):
        json_kind = kind.value
    elif isinstance(kind, ListSagasKindType3Type1):
        json_kind = kind.value
    else:
        json_kind = kind
    params["kind"] = json_kind

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
        "url": "/ops/sagas",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | SagaPage:
    if response.status_code == 200:
        response_200 = SagaPage.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | SagaPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    state: ListSagasStateType1 | ListSagasStateType2Type1 | ListSagasStateType3Type1 | None | Unset = UNSET,
    kind: ListSagasKindType1 | ListSagasKindType2Type1 | ListSagasKindType3Type1 | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 100,

) -> Response[Problem | SagaPage]:
    """ ListSagas

     Counts of booking and change sagas per state, and a page of them, newest change first (ops).

    Args:
        state (ListSagasStateType1 | ListSagasStateType2Type1 | ListSagasStateType3Type1 | None |
            Unset): e.g. running
        kind (ListSagasKindType1 | ListSagasKindType2Type1 | ListSagasKindType3Type1 | None |
            Unset):
        cursor (None | str | Unset): from the previous page's Link header
        limit (int | Unset): at most this many Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SagaPage]
     """


    kwargs = _get_kwargs(
        state=state,
kind=kind,
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
    state: ListSagasStateType1 | ListSagasStateType2Type1 | ListSagasStateType3Type1 | None | Unset = UNSET,
    kind: ListSagasKindType1 | ListSagasKindType2Type1 | ListSagasKindType3Type1 | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 100,

) -> Problem | SagaPage | None:
    """ ListSagas

     Counts of booking and change sagas per state, and a page of them, newest change first (ops).

    Args:
        state (ListSagasStateType1 | ListSagasStateType2Type1 | ListSagasStateType3Type1 | None |
            Unset): e.g. running
        kind (ListSagasKindType1 | ListSagasKindType2Type1 | ListSagasKindType3Type1 | None |
            Unset):
        cursor (None | str | Unset): from the previous page's Link header
        limit (int | Unset): at most this many Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SagaPage
     """


    return sync_detailed(
        client=client,
state=state,
kind=kind,
cursor=cursor,
limit=limit,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    state: ListSagasStateType1 | ListSagasStateType2Type1 | ListSagasStateType3Type1 | None | Unset = UNSET,
    kind: ListSagasKindType1 | ListSagasKindType2Type1 | ListSagasKindType3Type1 | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 100,

) -> Response[Problem | SagaPage]:
    """ ListSagas

     Counts of booking and change sagas per state, and a page of them, newest change first (ops).

    Args:
        state (ListSagasStateType1 | ListSagasStateType2Type1 | ListSagasStateType3Type1 | None |
            Unset): e.g. running
        kind (ListSagasKindType1 | ListSagasKindType2Type1 | ListSagasKindType3Type1 | None |
            Unset):
        cursor (None | str | Unset): from the previous page's Link header
        limit (int | Unset): at most this many Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SagaPage]
     """


    kwargs = _get_kwargs(
        state=state,
kind=kind,
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
    state: ListSagasStateType1 | ListSagasStateType2Type1 | ListSagasStateType3Type1 | None | Unset = UNSET,
    kind: ListSagasKindType1 | ListSagasKindType2Type1 | ListSagasKindType3Type1 | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 100,

) -> Problem | SagaPage | None:
    """ ListSagas

     Counts of booking and change sagas per state, and a page of them, newest change first (ops).

    Args:
        state (ListSagasStateType1 | ListSagasStateType2Type1 | ListSagasStateType3Type1 | None |
            Unset): e.g. running
        kind (ListSagasKindType1 | ListSagasKindType2Type1 | ListSagasKindType3Type1 | None |
            Unset):
        cursor (None | str | Unset): from the previous page's Link header
        limit (int | Unset): at most this many Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SagaPage
     """


    return (await asyncio_detailed(
        client=client,
state=state,
kind=kind,
cursor=cursor,
limit=limit,

    )).parsed

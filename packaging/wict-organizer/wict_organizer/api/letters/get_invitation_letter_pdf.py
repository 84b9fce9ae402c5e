from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.purpose import Purpose
from typing import cast
from uuid import UUID



def _get_kwargs(
    letter_id: UUID,
    *,
    purpose: Purpose,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_purpose = purpose.value
    params["purpose"] = json_purpose


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/staff/letters/{letter_id}/pdf".format(letter_id=quote(str(letter_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | str:
    if response.status_code == 200:
        response_200 = cast(str, response.content)
        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    letter_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    purpose: Purpose,

) -> Response[Problem | str]:
    """ LetterPdf

     The issued letter's PDF (staff, with a purpose; audited).

    Args:
        letter_id (UUID):
        purpose (Purpose): Why staff reveal passport numbers: a closed list, so the URL (recorded
            in spans) carries no free text.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
     """


    kwargs = _get_kwargs(
        letter_id=letter_id,
purpose=purpose,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    letter_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    purpose: Purpose,

) -> Problem | str | None:
    """ LetterPdf

     The issued letter's PDF (staff, with a purpose; audited).

    Args:
        letter_id (UUID):
        purpose (Purpose): Why staff reveal passport numbers: a closed list, so the URL (recorded
            in spans) carries no free text.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
     """


    return sync_detailed(
        letter_id=letter_id,
client=client,
purpose=purpose,

    ).parsed

async def asyncio_detailed(
    letter_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    purpose: Purpose,

) -> Response[Problem | str]:
    """ LetterPdf

     The issued letter's PDF (staff, with a purpose; audited).

    Args:
        letter_id (UUID):
        purpose (Purpose): Why staff reveal passport numbers: a closed list, so the URL (recorded
            in spans) carries no free text.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
     """


    kwargs = _get_kwargs(
        letter_id=letter_id,
purpose=purpose,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    letter_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    purpose: Purpose,

) -> Problem | str | None:
    """ LetterPdf

     The issued letter's PDF (staff, with a purpose; audited).

    Args:
        letter_id (UUID):
        purpose (Purpose): Why staff reveal passport numbers: a closed list, so the URL (recorded
            in spans) carries no free text.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
     """


    return (await asyncio_detailed(
        letter_id=letter_id,
client=client,
purpose=purpose,

    )).parsed

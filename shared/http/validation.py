"""Every invalid field of a request at once, each named as the client sent it.

Litestar validates a handler's parameters one by one (so every bad query parameter is reported) but
decodes the body with msgspec, which stops at the first error. When the body was refused, this walks the
body's msgspec Struct field by field (nested Structs too) and reports each field at fault. Query, path,
header and cookie parameters are named by their alias (``from``, ``Idempotency-Key``), not by the Python
name of the handler's argument. Reasons never repeat the value sent, and nothing repeats the URL.
"""

from __future__ import annotations

import re
import types
from collections.abc import Iterable
from typing import Any, Union, get_args, get_origin

import msgspec
from litestar import Request
from litestar.exceptions import ValidationException
from litestar.utils.scope.state import ScopeState


class FieldError(msgspec.Struct, frozen=True):
    field: str
    reason: str


_AT = re.compile(r"^(?P<reason>.*?)(?: - at `\$(?P<path>[^`]*)`)?$", re.DOTALL)
_ENUM_VALUE = re.compile(r"Invalid enum value .*", re.DOTALL)


def _reason(message: str) -> str:
    """msgspec's wording, without the value sent (an enum error quotes it)."""
    return _ENUM_VALUE.sub("Invalid value: not one of the allowed values", message)


def _join(path: str, suffix: str) -> str:
    if not suffix:
        return path or "body"
    if suffix.startswith("["):
        return f"{path}{suffix}" if path else suffix
    return f"{path}.{suffix.lstrip('.')}" if path else suffix.lstrip(".")


def _struct_in(annotation: Any) -> type[msgspec.Struct] | None:
    """The one Struct type of an annotation (``Thing``, ``Thing | None``), else None."""
    if isinstance(annotation, type) and issubclass(annotation, msgspec.Struct):
        return annotation
    if get_origin(annotation) in (Union, types.UnionType):
        structs = [arg for arg in get_args(annotation) if _struct_in(arg) is not None]
        return structs[0] if len(structs) == 1 else None
    return None


def _value_errors(annotation: Any, value: Any, path: str) -> list[FieldError]:
    struct = _struct_in(annotation)
    if struct is not None and isinstance(value, dict):
        return struct_errors(struct, value, path)
    try:
        msgspec.convert(value, annotation, strict=False)
    except msgspec.ValidationError as error:
        match = _AT.match(str(error))
        assert match is not None
        return [FieldError(_join(path, match["path"] or ""), _reason(match["reason"]))]
    return []


def struct_errors(struct: type[msgspec.Struct], value: Any, path: str = "") -> list[FieldError]:
    """Each field of ``value`` (decoded JSON) that ``struct`` refuses: missing, unknown or invalid."""
    if not isinstance(value, dict):
        return [FieldError(path or "body", f"Expected `object`, got `{type(value).__name__}`")]
    errors: list[FieldError] = []
    known = set()
    for field in msgspec.structs.fields(struct):
        known.add(field.encode_name)
        if field.encode_name not in value:
            if field.required:
                errors.append(FieldError(_join(path, field.encode_name), "Object missing required field"))
            continue
        errors += _value_errors(field.type, value[field.encode_name], _join(path, field.encode_name))
    if struct.__struct_config__.forbid_unknown_fields:
        errors += [FieldError(_join(path, str(name)), "Unknown field") for name in value if name not in known]
    return errors


def _parameter_name(request: Request[Any, Any, Any], key: str) -> str:
    """The name the client used for a handler parameter: its query/header/cookie alias, else its own."""
    parameter = request.route_handler.parsed_fn_signature.parameters.get(key)
    definition = getattr(parameter, "kwarg_definition", None)
    for alias in ("query", "header", "cookie"):
        if isinstance(getattr(definition, alias, None), str):
            return str(getattr(definition, alias))
    return key


def _body_errors(request: Request[Any, Any, Any]) -> list[FieldError]:
    """Every field of the refused body, if the handler takes a Struct and the body was JSON."""
    parameter = request.route_handler.parsed_fn_signature.parameters.get("data")
    struct = _struct_in(parameter.annotation) if parameter is not None else None
    decoded = ScopeState.from_scope(request.scope).json
    if struct is None or not isinstance(decoded, dict | list):
        return []
    return struct_errors(struct, decoded)


def _reported(items: Iterable[Any]) -> Iterable[tuple[str, str, str]]:
    for item in items:
        if isinstance(item, dict):
            source = str(getattr(item.get("source"), "value", item.get("source") or "body"))
            yield source, str(item.get("key") or "").removeprefix("$."), str(item.get("message") or "invalid")


def request_errors(request: Request[Any, Any, Any], error: ValidationException) -> list[FieldError]:
    """All the fields at fault in a request litestar refused, body fields first."""
    reported = list(_reported(error.extra if isinstance(error.extra, list) else []))
    errors: list[FieldError] = []
    if any(source == "body" for source, _, _ in reported):
        errors = _body_errors(request)
    for source, key, message in reported:
        if source == "body":
            if not errors:
                errors.append(FieldError(key or "body", _reason(message.split(" - at `")[0])))
            continue
        errors.append(FieldError(_parameter_name(request, key) if key else source, _reason(message)))
    return errors or [FieldError("body", "the request could not be read")]

"""The deployment files read as the tools that apply them read them: kustomize's resource list, the
kubelet's container environment (envFrom, then env in order, ``$(VAR)`` expanded from what came before),
compose's ``${VAR}`` interpolation."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import msgspec
import yaml
from litestar.handlers import HTTPRouteHandler

from services.catering.bootstrap import CateringConfig
from services.interpreting.bootstrap import InterpretingConfig
from services.notify.bootstrap import NotifyConfig
from services.venue.bootstrap import VenueConfig
from shared.config import env_name
from shared.http.health import HealthController
from shared.messaging.streams import JetStreamSettings

REPO = Path(__file__).resolve().parents[2]
DEPLOY = REPO / "deploy"
K8S = DEPLOY / "k8s"
COMPOSE = DEPLOY / "compose" / "compose.yaml"
SERVICES = ("venue", "interpreting", "catering", "notify")
CONFIG_TYPES: Mapping[str, type[msgspec.Struct]] = {
    "venue": VenueConfig,
    "interpreting": InterpretingConfig,
    "catering": CateringConfig,
    "notify": NotifyConfig,
}
SECRET_FILES = {"wict-nats-users": "nats-users.env", "wict-platform": "platform.env"}

Object = dict[str, Any]


def health_paths() -> dict[str, str]:
    """``{"live": "/health/live", "ready": "/health/ready"}``, read from the controller every service mounts."""
    handlers = [h for h in vars(HealthController).values() if isinstance(h, HTTPRouteHandler)]
    return {h.handler_name: HealthController.path + path for h in handlers for path in h.paths}


def settings_of(service: str) -> set[str]:
    """The WICT_* variables ``service`` reads."""
    return {env_name(field) for field in CONFIG_TYPES[service].__struct_fields__}


def provisioning_settings() -> set[str]:
    return {env_name(field) for field in JetStreamSettings.__struct_fields__}


@functools.cache
def documents(path: Path) -> list[Object]:
    """The YAML documents of ``path`` (parsed once per run: treat them as read-only)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return [doc for doc in yaml.load_all(path.read_text(), Loader=loader) if doc is not None]


def kustomization() -> Object:
    return documents(K8S / "kustomization.yaml")[0]


def k8s_objects() -> list[Object]:
    """Every object ``kubectl apply -k deploy/k8s`` applies (before kustomize's edits)."""
    return [doc for resource in kustomization()["resources"] for doc in documents(K8S / resource)]


def find(kind: str, name: str, objects: list[Object] | None = None) -> Object:
    found = [o for o in objects or k8s_objects() if o["kind"] == kind and o["metadata"]["name"] == name]
    assert len(found) == 1, f"expected one {kind} {name}, found {len(found)}"
    return found[0]


def pod_spec(workload: Object) -> Object:
    spec: Object = workload["spec"]["template"]["spec"]
    return spec


def containers(objects: list[Object] | None = None) -> Iterator[tuple[str, Object]]:
    """(workload name, container) of every Deployment, StatefulSet and Job."""
    for workload in objects or k8s_objects():
        if workload["kind"] in ("Deployment", "StatefulSet", "Job"):
            for container in pod_spec(workload)["containers"]:
                yield workload["metadata"]["name"], container


def only_container(workload: Object) -> Object:
    (container,) = pod_spec(workload)["containers"]
    return container


_REFERENCE = re.compile(r"\$\(([A-Za-z_][A-Za-z0-9_]*)\)")


def references(value: str) -> list[str]:
    """The ``$(VAR)`` references the kubelet expands in a value."""
    return _REFERENCE.findall(value)


def container_env(
    container: Object,
    secrets: Mapping[str, Mapping[str, str]],
    pod_name: str = "pod-0",
    config: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """The environment the kubelet gives ``container``: envFrom first, then env in order, each ``$(VAR)``
    expanded from the variables defined before it; ``secrets`` maps a Secret's name to its data, ``config``
    changes wict-config's values (as an operator edits them for their site)."""
    config_maps = {o["metadata"]["name"]: o["data"] for o in k8s_objects() if o["kind"] == "ConfigMap"}
    config_maps["wict-config"] = {**config_maps["wict-config"], **(config or {})}
    env: dict[str, str] = {}
    for source in container.get("envFrom", []):
        if "configMapRef" in source:
            env |= config_maps[source["configMapRef"]["name"]]
        else:
            env |= secrets[source["secretRef"]["name"]]
    for item in container.get("env", []):
        if "value" in item:
            env[item["name"]] = _REFERENCE.sub(lambda m: env.get(m.group(1), m.group(0)), item["value"])
        elif "secretKeyRef" in item["valueFrom"]:
            ref = item["valueFrom"]["secretKeyRef"]
            env[item["name"]] = secrets[ref["name"]][ref["key"]]
        else:
            assert item["valueFrom"]["fieldRef"]["fieldPath"] == "metadata.name"
            env[item["name"]] = pod_name
    return env


def compose() -> Object:
    (document,) = documents(COMPOSE)  # merge keys (<<) resolved as compose resolves them
    return document


_INTERPOLATION = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}")


def interpolations(text: str) -> list[tuple[str, str]]:
    """Each ``${VAR}``, ``${VAR:?why}``, ``${VAR:-default}`` of ``text`` as (name, operator)."""
    return [(name, operator) for name, operator, _ in _INTERPOLATION.findall(text)]


def interpolate(value: str, variables: Mapping[str, str]) -> str:
    def one(match: re.Match[str]) -> str:
        name, operator, default = match.groups()
        if name in variables and (variables[name] or not operator or not operator.startswith(":")):
            return variables[name]
        assert operator and operator.endswith("-"), f"compose would stop: {name} is not set"
        return default

    return _INTERPOLATION.sub(one, value)

"""The Kubernetes manifests, the compose file and the Dockerfile, checked statically (no cluster and no
Docker daemon here): every file parses; every service has a Deployment with probes on the health paths it
really serves, resources, its own logins taken from Secrets only, settings it really reads, and time to
drain; the compose file matches the Compose specification and the rendered NATS configs."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema_rs
import pytest

from deploy import render
from shared.config import ServiceConfig, env_name
from tests.deploy.manifests import (
    COMPOSE,
    DEPLOY,
    K8S,
    REPO,
    SERVICES,
    compose,
    container_env,
    containers,
    documents,
    find,
    health_paths,
    interpolations,
    k8s_objects,
    kustomization,
    only_container,
    pod_spec,
    provisioning_settings,
    references,
    settings_of,
)

pytestmark = pytest.mark.unit

SECRET_NAMES = re.compile(r"PASSWORD|SECRET|_KEY|TOKEN")
NATS_USERS = set(render.nats_secret_keys(render.known_vendors({})))
PLATFORM = set(render.platform_secret_keys())


def test_every_yaml_file_parses_and_every_object_is_named():
    files = [*K8S.glob("*.yaml"), COMPOSE, DEPLOY / "otel" / "collector.yaml"]
    assert len(files) > 10
    for path in files:
        assert documents(path), path
    for obj in k8s_objects():
        assert obj["apiVersion"] and obj["kind"] and obj["metadata"]["name"]


def test_kustomize_applies_every_manifest_but_the_secret_template():
    listed = set(kustomization()["resources"])
    assert listed == {p.name for p in K8S.glob("*.yaml")} - {"kustomization.yaml", "secret-template.yaml"}
    assert not [o for o in k8s_objects() if o["kind"] == "Secret"]


def test_each_service_runs_two_replicas_of_its_own_module_behind_a_service():
    for name in SERVICES:
        deployment = find("Deployment", name)
        assert deployment["spec"]["replicas"] >= 2
        container = only_container(deployment)
        assert container["command"] == ["python", "-m", f"services.{name}"]
        assert container["image"] == "wict"
        assert container["ports"] == [{"name": "http", "containerPort": 8000}]
        assert find("Service", name)["spec"]["ports"][0]["targetPort"] == "http"
        assert find("PodDisruptionBudget", name)["spec"]["maxUnavailable"] == 1
        strategy = deployment["spec"]["strategy"]["rollingUpdate"]
        assert strategy["maxUnavailable"] == 0  # a rollout never drops below the replicas


def test_probes_ask_the_health_endpoints_every_service_serves():
    paths = health_paths()
    assert paths == {"live": "/health/live", "ready": "/health/ready"}
    for name in SERVICES:
        container = only_container(find("Deployment", name))
        assert container["readinessProbe"]["httpGet"] == {"path": paths["ready"], "port": "http"}
        assert container["livenessProbe"]["httpGet"] == {"path": paths["live"], "port": "http"}
        assert container["startupProbe"]["httpGet"] == {"path": paths["live"], "port": "http"}


def test_every_container_has_requests_and_limits():
    for workload, container in containers():
        resources = container["resources"]
        for bound in ("requests", "limits"):
            assert set(resources[bound]) == {"cpu", "memory"}, f"{workload}: {bound}"


def test_secrets_come_from_secret_references_only():
    for workload, container in containers():
        for item in container.get("env", []):
            if SECRET_NAMES.search(item["name"]):
                assert "secretKeyRef" in item.get("valueFrom", {}), f"{workload}: {item['name']} is literal"
            value = item.get("value", "")
            for userinfo in re.findall(r"://([^@/,]+)@", value):  # a URL's login names a variable only
                assert re.fullmatch(r"\w+(:\$\([A-Z_]+\))?", userinfo), f"{workload}: {item['name']}"
            assert not re.search(r"wict_[A-Za-z0-9_-]{20,}|[A-Za-z0-9+/]{40,}={0,2}", value), workload
    config = find("ConfigMap", "wict-config")["data"]
    assert not [key for key in config if SECRET_NAMES.search(key)]


def test_every_secret_reference_names_a_key_of_the_secret_files():
    keys = {"wict-nats-users": NATS_USERS, "wict-platform": PLATFORM}
    for workload, container in containers():
        for source in container.get("envFrom", []):
            if "secretRef" in source:
                assert source["secretRef"]["name"] in keys, workload
        for item in container.get("env", []):
            ref = item.get("valueFrom", {}).get("secretKeyRef")
            if ref:
                assert ref["key"] in keys[ref["name"]], f"{workload}: {ref}"


def test_each_service_logs_in_to_nats_and_postgresql_as_itself():
    secrets = {
        "wict-nats-users": {k: f"<{k}>" for k in NATS_USERS},
        "wict-platform": {k: f"<{k}>" for k in PLATFORM},
    }
    for name in SERVICES:
        env = container_env(only_container(find("Deployment", name)), secrets)
        assert env["WICT_NATS_USER"] == name
        assert env["WICT_NATS_PASSWORD"] == f"<{render.password_variable(name)}>"
        assert env["PGPASSWORD"] == f"<PG_PASSWORD_{name.upper()}>"
        assert env["WICT_DATABASE_URL"] == f"postgresql://{name}@postgres.example.internal:5432/{name}"
        assert env["WICT_HTTP_HOST"] == "0.0.0.0" and env["WICT_HTTP_PORT"] == "8000"
        assert env["OTEL_SERVICE_NAME"] == name


def test_a_reference_names_a_variable_defined_before_it():
    config_keys = set(find("ConfigMap", "wict-config")["data"])
    for workload, container in containers():
        defined = config_keys if container.get("envFrom") else set()
        defined |= {"POD_NAME"} if workload == "nats" else set()
        for item in container.get("env", []):
            for name in references(item.get("value", "")):
                assert name in defined, f"{workload}: {item['name']} uses $({name}) before it is defined"
            defined.add(item["name"])
        for argument in container.get("command", []):
            assert set(references(argument)) <= defined, workload


def test_every_wict_variable_is_a_setting_the_service_reads():
    config_keys = set(find("ConfigMap", "wict-config")["data"])
    for name in SERVICES:
        given = {
            k for k in config_keys | {e["name"] for e in only_container(find("Deployment", name))["env"]}
        }
        unread = {k for k in given if k.startswith("WICT_")} - settings_of(name) - provisioning_settings()
        assert not unread, f"{name} does not read {sorted(unread)}"
    job_env = {e["name"] for e in only_container(find("Job", "wict-provision"))["env"]}
    assert {k for k in job_env if k.startswith("WICT_")} <= {
        env_name(f) for f in ServiceConfig.__struct_fields__
    }
    assert provisioning_settings() <= config_keys


def test_the_grace_period_covers_the_drain():
    drain = float(find("ConfigMap", "wict-config")["data"]["WICT_SHUTDOWN_GRACE_SECONDS"])
    for name in SERVICES:
        deployment = find("Deployment", name)
        pre_stop = only_container(deployment)["lifecycle"]["preStop"]["exec"]["command"]
        assert pre_stop[0] == "sleep"
        assert pod_spec(deployment)["terminationGracePeriodSeconds"] >= float(pre_stop[1]) + drain + 5


def test_the_nats_statefulset_runs_the_rendered_nodes():
    statefulset = find("StatefulSet", "nats")
    assert statefulset["spec"]["replicas"] == render.NODES
    assert statefulset["spec"]["serviceName"] == find("Service", "nats")["metadata"]["name"] == "nats"
    assert find("Service", "nats")["spec"]["clusterIP"] == "None"
    container = only_container(statefulset)
    assert container["command"] == ["nats-server", "--config", "/etc/nats/$(POD_NAME).conf"]
    assert container["envFrom"] == [{"secretRef": {"name": "wict-nats-users"}}]
    mounts = {m["name"]: m["mountPath"] for m in container["volumeMounts"]}
    assert mounts == {"config": "/etc/nats", "data": render.STORE_DIR}
    config = find("ConfigMap", "nats-config")
    assert set(config["data"]) == {f"{render.node_name(i)}.conf" for i in range(render.NODES)}
    ports = {p["name"]: p["containerPort"] for p in container["ports"]}
    assert ports == {
        "client": render.CLIENT_PORT,
        "cluster": render.ROUTE_PORT,
        "monitor": render.MONITOR_PORT,
    }


def test_the_provision_job_runs_as_admin_on_every_node_with_three_replicas():
    container = only_container(find("Job", "wict-provision"))
    assert container["command"] == ["python", "-m", "deploy.provision"]
    env = container_env(container, {"wict-nats-users": {"NATS_PASSWORD_ADMIN": "pw"}})
    assert env["WICT_NATS_URL"].split(",") == [
        f"nats://admin:pw@{render.node_host(i)}:{render.CLIENT_PORT}" for i in range(render.NODES)
    ]
    assert env["WICT_STREAM_REPLICAS"] == str(render.NODES)


def test_images_are_pinned():
    for workload, container in containers():
        image = container["image"]
        assert image == "wict" or (":" in image and not image.endswith(":latest")), workload
    (wict,) = kustomization()["images"]
    assert wict["name"] == "wict" and wict["newTag"] != "latest"
    for name, service in compose()["services"].items():
        assert not service["image"].endswith(":latest"), name


def test_compose_follows_the_compose_specification():
    """compose-spec.json: schema/compose-spec.json of github.com/compose-spec/compose-spec at 170098ba
    (2026-06-23, Apache-2.0), the schema Docker Compose validates files against."""
    schema = json.loads((Path(__file__).parent / "compose-spec.json").read_text())
    errors = [str(e).splitlines()[0] for e in jsonschema_rs.validator_for(schema).iter_errors(compose())]
    assert errors == []


def test_compose_runs_the_rendered_nats_nodes_under_their_route_names():
    services = compose()["services"]
    for index in range(render.NODES):
        node = services[render.node_name(index)]
        assert node["networks"]["default"]["aliases"] == [render.node_host(index)]
        assert f"../nats/{render.node_name(index)}.conf:/etc/nats/nats.conf:ro" in node["volumes"]
        assert any(v.endswith(f":{render.STORE_DIR}") for v in node["volumes"])
        assert node["env_file"] == ["secrets/nats-users.env"]


def test_compose_starts_each_service_after_provisioning_with_its_own_logins():
    services = compose()["services"]
    for name in SERVICES:
        service = services[name]
        assert service["command"] == ["python", "-m", f"services.{name}"]
        assert service["depends_on"]["provision"] == {"condition": "service_completed_successfully"}
        assert service["depends_on"]["postgres"] == {"condition": "service_healthy"}
        env = service["environment"]
        assert env["WICT_NATS_USER"] == name
        assert env["WICT_NATS_PASSWORD"] == f"${{{render.password_variable(name)}:?}}"
        assert env["PGPASSWORD"] == f"${{PG_PASSWORD_{name.upper()}:?}}"
        assert env["WICT_DATABASE_URL"] == f"postgresql://{name}@postgres:5432/{name}"
        unread = {k for k in env if k.startswith("WICT_")} - settings_of(name)
        assert not unread, f"{name} does not read {sorted(unread)}"
    assert services["provision"]["command"] == ["python", "-m", "deploy.provision"]


def test_compose_takes_every_secret_from_the_secret_files():
    text = COMPOSE.read_text()
    required = {name for name, operator in interpolations(text) if operator != ":-"}
    assert required <= NATS_USERS | PLATFORM, sorted(required - NATS_USERS - PLATFORM)
    for name, service in compose()["services"].items():
        for key, value in (service.get("environment") or {}).items():
            if SECRET_NAMES.search(key):
                assert str(value).startswith("${"), f"{name}: {key} is literal"


def test_the_image_installs_the_runtime_lock_with_hashes_and_runs_unprivileged():
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    assert re.findall(r"^FROM (\S+)", dockerfile, re.MULTILINE) == ["python:3.11-slim"]
    # only the runtime lock: the dev tools and the embedded servers (requirements.lock) stay out
    assert "--require-hashes" in dockerfile and "-r /tmp/requirements-runtime.lock" in dockerfile
    user = re.findall(r"^USER (\S+)$", dockerfile, re.MULTILINE)
    assert user and user[-1].split(":")[0] not in ("0", "root")
    copied = re.findall(r"^COPY (.+) \S+$", dockerfile, re.MULTILINE)
    sources = [source for line in copied for source in line.split()]
    assert sources and all((REPO / source).exists() for source in sources)
    assert "requirements-runtime.lock" in sources and "requirements.lock" not in sources
    assert not [s for s in sources if s.startswith("deploy/compose") or s == "deploy"]  # never the secrets
    ignore = (DEPLOY / "Dockerfile.dockerignore").read_text().splitlines()
    assert "*" in ignore  # nothing is sent to the build but what is named below it
    assert {f"!{s.rstrip('/')}" for s in sources} <= {line.rstrip("/") for line in ignore}


def test_the_collector_pipelines_use_defined_components_and_reach_jaeger():
    (collector,) = documents(DEPLOY / "otel" / "collector.yaml")
    for signal, pipeline in collector["service"]["pipelines"].items():
        for section in ("receivers", "processors", "exporters"):
            assert set(pipeline.get(section, [])) <= set(collector[section]), f"{signal}: {section}"
    assert set(collector["service"]["extensions"]) <= set(collector["extensions"])
    assert "metrics" in collector["service"]["pipelines"]  # the services export metrics to the same endpoint
    http_port = collector["receivers"]["otlp"]["protocols"]["http"]["endpoint"].rsplit(":", 1)[1]
    endpoint = find("ConfigMap", "wict-config")["data"]["OTEL_EXPORTER_OTLP_ENDPOINT"]
    assert endpoint == f"http://otel-collector:{http_port}"
    assert compose()["services"]["venue"]["environment"]["OTEL_EXPORTER_OTLP_ENDPOINT"] == endpoint
    assert int(http_port) in {p["port"] for p in find("Service", "otel-collector")["spec"]["ports"]}
    jaeger = collector["exporters"]["otlp/jaeger"]["endpoint"]
    assert jaeger == "jaeger:4317" and "jaeger" in compose()["services"]
    assert 4317 in {p["port"] for p in find("Service", "jaeger")["spec"]["ports"]}

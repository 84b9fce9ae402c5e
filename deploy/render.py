"""What an operator applies but nobody should write by hand, rendered from the code that defines it.

``python -m deploy.render [<deploy dir>]`` (``make deploy-config``) writes, under the deploy folder:

- ``nats/nats-<i>.conf``: node ``nats-<i>`` of the 3-node JetStream cluster: routes to its peers by DNS
  name (``nats-<i>.nats``: the StatefulSet's pods behind the headless Service, compose's aliases),
  ``sync_interval: always``, and every user of ``deploy/permissions.py`` (admin, the services,
  ops, one per vendor of the roster and menu book) with its password read from the environment:
  ``password: $NATS_PASSWORD_<USER>`` is nats-server's variable substitution, so no password is written
- ``k8s/nats-config.yaml``: those files as the ConfigMap the NATS StatefulSet mounts
- ``k8s/otel-collector-config.yaml``: ``otel/collector.yaml`` as a ConfigMap
- ``k8s/secret-template.yaml``: the two Secrets with every key the manifests read (placeholders only)

``--check`` writes nothing and exits 1 if a committed file differs from its rendering.
``python -m deploy.render secrets <dir>`` makes the two env files the Secrets are created from
(``nats-users.env``, ``platform.env``, owner-only), or adds what a newer rendering needs to existing ones;
values already there are kept.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import string
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from deploy.permissions import SERVICES, nats_users, user_names
from shared.messaging.vendors import Vendor, known_vendors

DEPLOY_DIR = Path(__file__).resolve().parent
NODES = 3
CLUSTER = "wict"
CLIENT_PORT, ROUTE_PORT, MONITOR_PORT = 4222, 6222, 8222
STORE_DIR = "/data"
NATS_SECRET, PLATFORM_SECRET = "wict-nats-users", "wict-platform"
# one token nats-server reads as a string when it substitutes a variable, and safe in a URL
PASSWORD = re.compile(r"[A-Za-z][A-Za-z0-9_-]{15,}")
PLACEHOLDER = "REPLACE ME: python -m deploy.render secrets"  # a space: nats-server refuses to start on it
HEADER = (
    "# Rendered by `python -m deploy.render` (make deploy-config): do not edit; tests/deploy checks it.\n"
)


def nats_node_config(
    *,
    name: str,
    cluster: str,
    listen: str,
    monitor: str,
    cluster_listen: str,
    routes: Sequence[str],
    store_dir: str,
    authorization: str,
    lame_duck_duration: str = "",
) -> str:
    """One node of a JetStream cluster: the deployment's and the embedded test cluster's nodes alike."""
    # sync_interval: always makes an acknowledged publish durable; the default fsyncs every two minutes
    return (
        f"server_name: {name}\n"
        f"listen: {listen}\n"
        f"http: {monitor}\n"
        + (f"lame_duck_duration: {lame_duck_duration}\n" if lame_duck_duration else "")
        + "jetstream {\n"
        f'  store_dir: "{store_dir}"\n'
        "  sync_interval: always\n"
        "}\n"
        "cluster {\n"
        f"  name: {cluster}\n"
        f"  listen: {cluster_listen}\n"
        f"  routes: [{', '.join(routes)}]\n"
        "}\n"
        f"{authorization}"
    )


def password_variable(user: str) -> str:
    """``vendor-catering-x`` -> ``NATS_PASSWORD_VENDOR_CATERING_X``: the env var holding the user's password."""
    return "NATS_PASSWORD_" + re.sub(r"[^A-Za-z0-9]", "_", user).upper()


def password_variables(vendors: Sequence[Vendor]) -> dict[str, str]:
    """Every NATS user's password variable; two users whose names map to one variable are refused."""
    variables = {user: password_variable(user) for user in user_names(vendors)}
    if len(set(variables.values())) != len(variables):
        raise ValueError("two NATS users map to the same password variable; rename a vendor id")
    return variables


def authorization_block(vendors: Sequence[Vendor]) -> str:
    """``authorization { users = [...] }`` with ``password: $NATS_PASSWORD_<USER>`` for every user."""
    variables = password_variables(vendors)
    users = json.dumps(nats_users({user: f"${name}" for user, name in variables.items()}, vendors), indent=2)
    for name in variables.values():  # a quoted string is literal: the variable must stand bare
        users = users.replace(f'"${name}"', f"${name}")
    return "authorization {\n  users = " + users.replace("\n", "\n  ") + "\n}\n"


def node_name(index: int) -> str:
    return f"nats-{index}"


def node_host(index: int) -> str:
    """The node's DNS name: its pod behind the headless Service ``nats`` (compose gives the same alias)."""
    return f"{node_name(index)}.nats"


def deployed_node_config(index: int, vendors: Sequence[Vendor]) -> str:
    peers = [f"nats-route://{node_host(peer)}:{ROUTE_PORT}" for peer in range(NODES) if peer != index]
    return HEADER + nats_node_config(
        name=node_name(index),
        cluster=CLUSTER,
        listen=f"0.0.0.0:{CLIENT_PORT}",
        monitor=f"0.0.0.0:{MONITOR_PORT}",
        cluster_listen=f"0.0.0.0:{ROUTE_PORT}",
        routes=peers,
        store_dir=STORE_DIR,
        authorization=authorization_block(vendors),
        lame_duck_duration="30s",
    )


def config_map(name: str, files: Mapping[str, str], source: str) -> str:
    """A ConfigMap holding ``files`` as block scalars (kept verbatim, one trailing newline each)."""
    lines = [HEADER.rstrip(), f"# from {source}", "apiVersion: v1", "kind: ConfigMap", "metadata:"]
    lines += [f"  name: {name}", "  labels:", "    app.kubernetes.io/part-of: wict", "data:"]
    for key, text in files.items():
        lines.append(f"  {key}: |")
        lines += [f"    {line}" if line else "" for line in text.splitlines()]
    return "\n".join(lines) + "\n"


def secret_template(vendors: Sequence[Vendor]) -> str:
    """Both Secrets with every key and a placeholder value: what to create, never what to apply."""
    documents = []
    for name, keys in ((NATS_SECRET, nats_secret_keys(vendors)), (PLATFORM_SECRET, platform_secret_keys())):
        lines = ["apiVersion: v1", "kind: Secret", "metadata:", f"  name: {name}", "  namespace: wict"]
        lines += ["type: Opaque", "stringData:", *(f'  {key}: "{PLACEHOLDER}"' for key in keys)]
        documents.append("\n".join(lines) + "\n")
    notice = "# Create these from files instead (deploy/README.md, Secrets); never commit real values.\n"
    return HEADER + notice + "---\n".join(documents)


def nats_secret_keys(vendors: Sequence[Vendor]) -> list[str]:
    return list(password_variables(vendors).values())


def platform_secret_keys() -> list[str]:
    databases = [f"PG_PASSWORD_{service.upper()}" for service in SERVICES]
    keys = ["WICT_JWT_SECRET", "WICT_GUEST_DATA_KEY", "STAFF_API_KEY", "OPS_API_KEY"]
    return [*databases, "POSTGRES_PASSWORD", *keys]


def rendered(vendors: Sequence[Vendor] | None = None) -> dict[str, str]:
    """Every rendered file by its path under the deploy folder."""
    vendors = known_vendors({}) if vendors is None else vendors  # the data files, not WICT_MENUS_FILE
    nodes = {f"{node_name(i)}.conf": deployed_node_config(i, vendors) for i in range(NODES)}
    collector = (DEPLOY_DIR / "otel" / "collector.yaml").read_text()
    return {
        **{f"nats/{file}": text for file, text in nodes.items()},
        "k8s/nats-config.yaml": config_map("nats-config", nodes, "nats/nats-<i>.conf"),
        "k8s/otel-collector-config.yaml": config_map(
            "otel-collector-config", {"collector.yaml": collector}, "otel/collector.yaml"
        ),
        "k8s/secret-template.yaml": secret_template(vendors),
    }


def stale(target: Path) -> list[str]:
    """The rendered files that are missing under ``target`` or differ from their rendering."""
    return [
        path
        for path, text in rendered().items()
        if not (target / path).exists() or (target / path).read_text() != text
    ]


def write(target: Path) -> list[Path]:
    written = []
    for path, text in rendered().items():
        (target / path).parent.mkdir(parents=True, exist_ok=True)
        (target / path).write_text(text)
        written.append(target / path)
    return written


def new_password() -> str:
    return secrets.choice(string.ascii_letters) + secrets.token_urlsafe(30)


def new_secret_values(vendors: Sequence[Vendor]) -> dict[str, dict[str, str]]:
    """Fresh values for every key of both env files."""
    from services.venue.domain.access import new_api_key
    from services.venue.domain.sealing import new_key_entry

    platform = {key: new_password() for key in platform_secret_keys() if "PASSWORD" in key}
    platform |= {"WICT_JWT_SECRET": secrets.token_urlsafe(48), "WICT_GUEST_DATA_KEY": new_key_entry("key-1")}
    platform |= {"STAFF_API_KEY": new_api_key(), "OPS_API_KEY": new_api_key()}
    return {
        "nats-users.env": {key: new_password() for key in nats_secret_keys(vendors)},
        "platform.env": {key: platform[key] for key in platform_secret_keys()},
    }


def ensure_secret_files(folder: Path, vendors: Sequence[Vendor] | None = None) -> dict[str, list[str]]:
    """Create or complete ``nats-users.env`` and ``platform.env`` in ``folder`` (owner-only); values
    already there stay. Answers the keys added per file (never values); ValueError on a bad password."""
    vendors = known_vendors({}) if vendors is None else vendors
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    added = {}
    for file, fresh in new_secret_values(vendors).items():
        path = folder / file
        kept = read_env_file(path) if path.exists() else {}
        for key, value in kept.items():
            if "PASSWORD" in key and not PASSWORD.fullmatch(value):
                raise ValueError(
                    f"{path}: {key} must match {PASSWORD.pattern} (a letter, then 15+ of A-Z a-z 0-9 _ -)"
                )
        added[file] = [key for key in fresh if key not in kept]
        path.touch(mode=0o600)
        os.chmod(path, 0o600)
        path.write_text("".join(f"{key}={value}\n" for key, value in (fresh | kept).items()))
    return added


def read_env_file(path: Path) -> dict[str, str]:
    """``KEY=value`` lines (as kubectl's --from-env-file and compose's --env-file read them)."""
    pairs = (line.split("=", 1) for line in path.read_text().splitlines() if "=" in line)
    return {key.strip(): value for key, value in pairs if not key.lstrip().startswith("#")}


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["secrets"]:
        parser = argparse.ArgumentParser(prog="python -m deploy.render secrets")
        parser.add_argument("folder", type=Path, help="where nats-users.env and platform.env are kept")
        folder = parser.parse_args(argv[1:]).folder
        for file, keys in ensure_secret_files(folder).items():
            print(f"{folder / file}: {'added ' + ', '.join(keys) if keys else 'complete'}")
        return 0
    parser = argparse.ArgumentParser(prog="python -m deploy.render", description=__doc__.split("\n")[0])
    parser.add_argument("target", nargs="?", type=Path, default=DEPLOY_DIR, help="the deploy folder")
    parser.add_argument("--check", action="store_true", help="only tell which files are out of date")
    arguments = parser.parse_args(argv)
    if arguments.check:
        out_of_date = stale(arguments.target)
        for path in out_of_date:
            print(f"out of date: {arguments.target / path} (run make deploy-config)", file=sys.stderr)
        return 1 if out_of_date else 0
    for written in write(arguments.target):
        print(f"wrote {written}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

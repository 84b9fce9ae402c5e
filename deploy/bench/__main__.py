"""`python -m deploy.bench --help`."""

from deploy.bench.cli import main

raise SystemExit(main())

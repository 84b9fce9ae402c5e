"""`python -m deploy.embedded`: see `deploy.embedded.cli`."""

from deploy.embedded.cli import main

raise SystemExit(main())

"""Ops tooling: the venue's HTTP ops API, and dead letters over NATS: `python -m clients.ops --help`."""

"""Ops tooling over an admin NATS connection: `python -m clients.ops --help`."""

"""The vendor client: list, show, accept, decline, report done and watch your own tasks over NATS.

`python -m clients.vendor --help`; documented for vendors in docs/vendors.md. It needs only the message
contracts (``shared.contracts``) and nats-py, and stays within the vendor's NATS permissions.
"""

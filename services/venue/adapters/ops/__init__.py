"""The ops console's adapters: its SQL over the sagas and the audit log, NATS as ops, the other services."""

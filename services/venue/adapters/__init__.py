"""The venue's adapters: every SQL statement (repositories on the unit of work, ``unit_of_work.py``) and
every outside call (the ops console's NATS and HTTP, ``ops/``)."""

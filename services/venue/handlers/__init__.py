"""The venue's use cases: plain functions taking a command and a unit of work (``adapters/unit_of_work.py``)."""

"""The venue's entrypoints: HTTP controllers per context (``http/``) and their types (``schemas/``), NATS
subscriptions (``messages/``), periodic loops (``timers.py``), and the typed dependencies they all
receive (``dependencies.py``, built by ``bootstrap.py``)."""

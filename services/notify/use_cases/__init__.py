"""The notify service's use cases, one module each; ``services.notify.handlers`` is their public face."""

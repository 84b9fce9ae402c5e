"""The venue's HTTP API: one module of litestar controllers per context (thin: decode, call a use case
in ``handlers/``, encode), and what they share (authentication, refusals, the Idempotency-Key)."""

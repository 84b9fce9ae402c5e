"""The platform's public surfaces as documents: each service's OpenAPI and the JetStream topology.

Committed under docs/ so a restructuring or a dependency bump that changes what clients see shows up
as a diff (tests/contracts compares them), and so clients can read the API without a running stack.
"""

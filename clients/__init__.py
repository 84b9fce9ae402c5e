"""Command-line clients of the platform (ops tooling, vendor tools)."""

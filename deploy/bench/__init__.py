"""`make bench`: the benchmark issue 14's goals are read from.

It starts a stack of its own (a temporary folder, free ports, tracing at 100 % into the span store),
drives bookings with interpreting and catering through the venue's HTTP API as an organizer, and
measures latency, throughput, CPU per booking per process, SQL statements, round trips and spans per
booking, availability queries, the same on a database grown to 200,000 bookings, and idle memory;
each figure beside same-run JetStream and PostgreSQL baselines. docs/performance.md explains the figures.
"""

"""Raw rates of the same machine in the same run, so the platform's figures read as ratios: JetStream
publish + ack, and PostgreSQL commits of a one-row insert into an exclusion-constrained table."""

from __future__ import annotations

import asyncio
import time
import uuid

import asyncpg
import nats


async def jetstream_rates(nats_url: str, messages: int = 3000) -> dict[str, float]:
    """Publish+ack per second to a scratch stream: one at a time, and 64 in flight."""
    connection = await nats.connect(nats_url)
    js = connection.jetstream()
    name = f"BENCH_{uuid.uuid4().hex[:8]}"
    await js.add_stream(name=name, subjects=[f"bench.{name}"])
    payload = b"x" * 300
    try:
        sequential_count = max(1, messages // 3)
        started = time.perf_counter()
        for _ in range(sequential_count):
            await js.publish(f"bench.{name}", payload)
        sequential = sequential_count / (time.perf_counter() - started)
        batches = max(1, messages // 64)
        started = time.perf_counter()
        for _ in range(batches):
            await asyncio.gather(*(js.publish(f"bench.{name}", payload) for _ in range(64)))
        parallel = batches * 64 / (time.perf_counter() - started)
    finally:
        await js.delete_stream(name)
        await connection.close()
    return {"sequential_per_s": sequential, "in_flight_64_per_s": parallel}


async def postgres_rates(dsn: str, transactions: int = 2000) -> dict[str, float]:
    """Commits per second of a one-row insert into an exclusion-constrained table: 1 connection, pool 16."""
    pool = await asyncpg.create_pool(dsn, min_size=16, max_size=16)
    table = f"bench_{uuid.uuid4().hex[:8]}"
    await pool.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
    await pool.execute(
        f"CREATE TABLE {table} (unit int, during tstzrange, EXCLUDE USING gist (unit WITH =, during WITH &&))"
    )
    insert = (
        f"INSERT INTO {table} VALUES ($1, tstzrange(now() + make_interval(secs => $2),"
        " now() + make_interval(secs => $2 + 1)))"
    )
    try:
        single_count = max(1, transactions // 4)
        async with pool.acquire() as connection:
            started = time.perf_counter()
            for index in range(single_count):
                async with connection.transaction():
                    await connection.execute(insert, 1, float(index * 10))
            single = single_count / (time.perf_counter() - started)

        async def one(index: int) -> None:
            async with pool.acquire() as connection, connection.transaction():
                await connection.execute(insert, 2 + index % 16, float(index * 10))

        started = time.perf_counter()
        await asyncio.gather(*(one(index) for index in range(transactions)))
        pooled = transactions / (time.perf_counter() - started)
    finally:
        await pool.execute(f"DROP TABLE {table}")
        await pool.close()
    return {"single_connection_per_s": single, "pool_16_per_s": pooled}

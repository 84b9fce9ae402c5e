"""Arithmetic on measurements: percentiles, per-booking shares, ratios, medians across runs."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from typing import Any

Figures = dict[str, Any]


def percentile(values: Sequence[float], share: float) -> float:
    """Nearest-rank percentile; NaN for no values."""
    ordered = sorted(values)
    if not ordered:
        return math.nan
    return ordered[min(len(ordered) - 1, max(0, math.ceil(share * len(ordered)) - 1))]


def latency_ms(seconds: Sequence[float], shares: Sequence[float] = (0.5, 0.95, 0.99)) -> dict[str, float]:
    return {f"p{round(share * 100)}": percentile(seconds, share) * 1000 for share in shares}


def per_item(delta: dict[str, float], count: int, scale: float = 1.0) -> dict[str, float]:
    """Each entry of `delta` divided by `count` (NaN when nothing counted), times `scale`."""
    return {name: value * scale / count if count else math.nan for name, value in delta.items()}


def difference(after: dict[str, float], before: dict[str, float]) -> dict[str, float]:
    return {name: after[name] - before.get(name, 0.0) for name in after}


def ratio(value: float, baseline: float) -> float:
    return value / baseline if baseline and not math.isnan(baseline) else math.nan


def median_of_runs(runs: Sequence[Any]) -> Any:
    """The median of every number found at the same place in each run's figures (the first run's
    value for text); a place missing from some runs takes the median of those that have it."""
    first = runs[0]
    if isinstance(first, dict):
        keys = list(dict.fromkeys(key for run in runs if isinstance(run, dict) for key in run))
        return {key: median_of_runs([run[key] for run in runs if key in run]) for key in keys}
    if isinstance(first, bool) or not isinstance(first, int | float):
        return first
    numbers = [run for run in runs if isinstance(run, int | float) and not math.isnan(run)]
    if not numbers:
        return math.nan
    middle = statistics.median(numbers)
    return int(middle) if all(isinstance(n, int) for n in numbers) and middle == int(middle) else middle


def finite_numbers(figures: Any, path: str = "") -> list[tuple[str, float]]:
    """Every number in `figures` with its dotted path (for checks and for the summary)."""
    if isinstance(figures, dict):
        return [item for key, value in figures.items() for item in finite_numbers(value, f"{path}.{key}")]
    if isinstance(figures, bool) or not isinstance(figures, int | float):
        return []
    return [(path.lstrip("."), float(figures))]

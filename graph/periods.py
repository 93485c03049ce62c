"""Moved to graph.time (one meaning of time); this name stays only so that imports elsewhere keep working."""
from __future__ import annotations

from graph.time import in_period, period_range

__all__ = ["in_period", "period_range"]

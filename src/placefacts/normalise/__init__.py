"""Normalise stage: numbers, units and dates as written -> canonical values."""

"""Reads of the exchange, by feature: permission-aware querysets and the rankings of cities."""

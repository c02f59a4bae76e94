"""Reads of the counters app, one module per area."""

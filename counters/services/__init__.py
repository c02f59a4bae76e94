"""Writes of the counters app: each function one transaction."""

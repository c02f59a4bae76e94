"""Reads of the counters app shared by its pages and API."""

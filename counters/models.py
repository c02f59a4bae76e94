"""Data of the queue engine: counters, tickets and their events."""

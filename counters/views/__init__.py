"""Pages of the counters app."""

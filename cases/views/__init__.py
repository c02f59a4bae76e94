"""Pages of case tracking."""

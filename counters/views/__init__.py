"""Pages of the counters app: kiosk, ticket status, console, display board, booking."""

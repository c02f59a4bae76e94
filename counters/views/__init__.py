"""Pages of the queue: kiosk, ticket status, counter console and display board."""

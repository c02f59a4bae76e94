"""The written SKM suggestions (saran) as the agencies and the mall work on them."""

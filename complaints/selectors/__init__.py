"""Reads of complaints: the public pages and API (public), the staff pages and API (staff)."""

"""Data of the UMKM showcase: businesses and products."""

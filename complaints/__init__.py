"""Complaints (pengaduan): intake, stages with working-day deadlines, confidentiality."""

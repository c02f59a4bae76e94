"""A citizen's application after the counter (lacak berkas): cases, their states and due dates."""

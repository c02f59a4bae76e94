"""Cases measured against the published processing time: figures, the late list, pages."""

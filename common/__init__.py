"""Cross-cutting pieces every app may use; imports no app of this project."""

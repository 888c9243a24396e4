"""Congressional hearings (GPO text)."""

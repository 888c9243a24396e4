"""Motley Fool transcripts as text, in their classic, 2025 and interleaved forms."""

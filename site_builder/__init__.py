"""site-builder: publish transcripts as an accessible, cross-linked static site."""

__version__ = "0.1.0"

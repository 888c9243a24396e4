"""Annotate: what editors add in YAML (sidecars and site-wide files), applied to parsed transcripts.

Speaker identities across events, topics, notes, corrections, summaries and sources. Runs after
the readers and exchange grouping, before the index.
"""

"""Exchanges: a parsed transcript's Q&A grouped into exchanges, and each speaker's side.

The operator's introduction, the analyst's question, every answer and follow-up; who is company,
who is analyst, who moderates. Runs on every reader's output, before annotation.
"""

"""Helpers shared by the transcript readers (participant lists, dates, titles, furniture)."""

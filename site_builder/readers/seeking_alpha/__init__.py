"""The Seeking Alpha layout: header, participant lists, speaker label lines."""

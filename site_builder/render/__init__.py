"""Render: views to bytes (HTML through the theme's Jinja templates, feeds, JSON data files)."""

"""Views: what each output page shows, as plain values for the templates (one module per page
kind; :mod:`site_builder.views.catalogue` lists every page).
"""

"""Load: reading the content folder (confined to it), decoding and repairing text, YAML with
locations, and the site's configuration.
"""

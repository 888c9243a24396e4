"""The Refinitiv/LSEG StreetEvents layout (and its older Thomson Reuters form)."""

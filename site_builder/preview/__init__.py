"""Preview: the local server that rebuilds on save and reloads the browser."""

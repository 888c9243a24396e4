"""``Name: text`` exports (API dumps, podcasts, debates) without participant lists."""

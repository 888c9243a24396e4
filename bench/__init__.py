"""Benchmark harness: a deterministic synthetic corpus, a Hugo reference site and a runner.

``python -m bench.generate`` writes the corpus; ``python -m bench.run`` times site-builder and Hugo
on it. Nothing here is imported by site-builder itself.
"""

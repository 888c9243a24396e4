"""Benchmark harness: times site-builder against Hugo (and Pagefind) on a synthetic corpus.

The corpus comes from :mod:`corpusgen` (``python -m corpusgen.generate``); ``python -m bench.run``
times site-builder and Hugo on it. Nothing here is imported by site-builder or its tests.
"""

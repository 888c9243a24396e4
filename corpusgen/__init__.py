"""A synthetic archive of earnings calls, for the tests' generated sites and the benchmarks.

``python -m corpusgen.generate --n 1000 --out DIR`` writes ``DIR/content`` (a site-builder
content folder in the seed's Seeking Alpha layout) and ``DIR/hugo`` (the same calls as a Hugo
site). Deterministic: the same ``--n`` and ``--seed`` give the same bytes. Kept apart from both
``tests/`` and ``bench/`` because both use it.
"""

"""Incremental builds: what a build can reuse from the last one, in this process or across them.

The long-lived builder of the preview server, the on-disk transcript cache, page keys and the
record that lets an unchanged fresh build return at once. Each wraps the stages of
:mod:`site_builder.pipeline`; none has a pipeline of its own.
"""

"""Output: writing the rendered site into the output folder in one atomic step, and its search
index.
"""

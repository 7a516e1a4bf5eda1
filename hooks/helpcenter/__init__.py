"""The help center's own logic: plain functions, data in, Markdown or HTML out.

Nothing here imports MkDocs, so it is unit-tested without a build and moves with us to another
engine; the files beside this package in hooks/ are the thin MkDocs glue.
"""

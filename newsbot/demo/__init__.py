"""Bundled offline demo news sites and the local HTTP server that serves them (see server.py).

Nothing is imported here, so `python -m newsbot.demo.server` runs without a double-import warning.
"""

"""`newsbot serve`: a read-only web app and JSON API over the archive and index.

app.py builds the FastAPI application; api.py is the JSON API, pages.py the HTML pages and
downloads, searching.py one search with filters, facets and timeline, engine.py the only door to
the search index, params.py the validated query parameters, present.py what templates draw.
"""

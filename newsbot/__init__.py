"""newsbot: crawl regional Hindi news, extract and normalise articles, archive them and search them."""

__version__ = "0.1.0"

"""warta: Indonesian news to trustworthy event data."""
__version__ = "0.1.0"

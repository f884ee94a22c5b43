"""reportinfo: the 2017 Buckinghamshire child sexual exploitation review, and where to find help."""

__version__ = "1.1.0"

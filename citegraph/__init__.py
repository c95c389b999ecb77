"""citegraph: find, check and graph the documents a Vietnamese administrative text cites."""

__version__ = "0.1.0"

"""The package version, in a module of its own so that any stage can read it without
loading the lazy public API of the root package."""

__version__ = "0.1.0"

"""tension: a weekly country-pair hostility index from what officials say and do."""

__version__ = "0.1.0"

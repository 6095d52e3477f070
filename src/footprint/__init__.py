"""footprint: a consent-first privacy-exposure self-audit for doctors."""

__version__ = "0.1.0"

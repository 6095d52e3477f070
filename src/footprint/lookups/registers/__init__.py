"""Lookups of public registers: Companies House, the US NPI Registry, domain records (RDAP)."""

"""Replaying recorded real answers through the lookups, offline (`footprint lookups --check-formats`)."""

"""Checklist content: checklists, guidance, sites and old item ids; models, loading, validation."""

"""The name search: engines, the chain that tries them, queries, saved results pages, findings."""

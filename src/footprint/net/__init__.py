"""The one gated HTTP client and its safety parts (limits, address policy, blocked-page reasons)."""

"""Lookups of public profiles and accounts: Bluesky, Mastodon, GitHub, Gravatar, breaches, walled platforms."""

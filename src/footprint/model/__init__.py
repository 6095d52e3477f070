"""Shared vocabulary every layer uses: answers, severities, the profile, observations, consent records."""

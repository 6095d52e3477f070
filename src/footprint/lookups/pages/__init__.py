"""Lookups that read web pages the doctor named: the page scanner and what a detail found there exposes."""

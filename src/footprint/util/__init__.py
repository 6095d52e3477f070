"""Small utilities: safe file writing, bounded YAML/JSON reading, paths, settings, PDF."""

"""`footprint demo`: a fictional doctor audited against pages served on 127.0.0.1."""

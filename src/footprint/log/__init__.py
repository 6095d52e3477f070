"""The contact log: a local, tamper-evident record of every unwanted contact.

Both defence unions tell a doctor whose patient will not stop to keep copies of every contact
and a dated log of each one. This package keeps that log on the doctor's own computer, in its
own SQLite file (not the session store, so `sessions purge` and audit retention never touch it),
with attached files copied in and every entry chained to the one before by SHA-256 hashes, so
any later change shows up when the log is checked.

Modules: `models` (entries and attachments), `when` (reading the time of a contact), `chain`
(canonical content and hashes, verification), `attachments` (copying and checking files),
`database` (the SQLite log; `opening` opens it for writing or read-only, `rows` converts rows),
`head` (the entry count and final digest recorded three times, which show entries removed from
the end or a log removed), `receipt` (the short receipt a doctor writes down), `timestamp`,
`cms` and `tsa` (trusted RFC 3161 timestamps, with consent), `summary` and `export` (HTML,
PDF, JSON, CSV, damage marked), `exportcheck` (verifying an exported file), `checking` and
`verdict` (what `verify` says, for both faces), `errors`.
Nothing here imports at `footprint --help` time.
"""

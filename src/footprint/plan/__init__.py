"""The living plan: statuses kept across audits, requests drafted for the doctor, deadlines,
re-checks, the calendar file and the re-check schedule."""

"""The living plan: statuses, requests drafted for the doctor, deadlines and re-checks."""
